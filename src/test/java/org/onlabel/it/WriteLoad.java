package org.onlabel.it;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Several clients writing as fast as they can, each request with its own Idempotency-Key. A client retries a
 * request that got no answer or a 503 (same key, same body) until it is answered or the load stops, like a
 * careful real client. Every acknowledged request is recorded.
 */
final class WriteLoad implements AutoCloseable {
    /** One request a client sends; {@code id} is its Idempotency-Key and the key of what it creates. */
    record Request(String id, String path, String body) {
    }

    private final ServiceProcess[] target = new ServiceProcess[1];
    private final Supplier<String> token;
    private final List<Thread> clients = new ArrayList<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    final Set<String> replayedOnFirstAnswer = ConcurrentHashMap.newKeySet();
    /** Every request sent at least once, answered or not. */
    final Map<String, Request> sent = new ConcurrentHashMap<>();
    final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    final AtomicInteger unanswered = new AtomicInteger();
    final List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());

    WriteLoad(ServiceProcess service, Supplier<String> token, int clientCount, Function<String, Request> requestFor,
            String prefix) {
        this.target[0] = service;
        this.token = token;
        for (int c = 0; c < clientCount; c++) {
            int client = c;
            Thread t = new Thread(() -> run(client, requestFor, prefix), "load-" + c);
            t.setDaemon(true);
            clients.add(t);
        }
    }

    WriteLoad start() {
        clients.forEach(Thread::start);
        return this;
    }

    private void run(int client, Function<String, Request> requestFor, String prefix) {
        for (int i = 0; !stop.get() && i < 5000; i++) {
            Request request = requestFor.apply(prefix + "-c" + client + "-" + i);
            sent.put(request.id(), request);
            Instant giveUp = Instant.now().plus(Duration.ofSeconds(90));
            while (!stop.get() && Instant.now().isBefore(giveUp)) {
                try {
                    HttpResponse<String> r = target[0].post(request.path(), token.get(), request.body(), request.id());
                    statuses.computeIfAbsent(r.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                    if (r.statusCode() == 201 || r.statusCode() == 200) {
                        acknowledged.add(request.id());
                        if (r.headers().firstValue("Idempotent-Replayed").isPresent()) {
                            replayedOnFirstAnswer.add(request.id());
                        }
                        break;
                    }
                    if (r.statusCode() != 503) {
                        unexpected.add(request.id() + " -> " + r.statusCode() + " " + r.body());
                        break;
                    }
                } catch (IOException noAnswer) {
                    unanswered.incrementAndGet();
                } catch (InterruptedException e) {
                    return;
                }
                pause();
            }
        }
    }

    int count(int status) {
        AtomicInteger n = statuses.get(status);
        return n == null ? 0 : n.get();
    }

    /** Waits (bounded) until at least this many requests were acknowledged. */
    void awaitAcknowledged(int n, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (acknowledged.size() < n && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        if (acknowledged.size() < n) {
            throw new AssertionError("only " + acknowledged.size() + " writes acknowledged within " + timeout
                    + "; statuses " + statuses + ", unexpected " + unexpected);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        for (Thread t : clients) {
            t.join(40_000);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
