package org.onlabel.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.onlabel.support.KeycloakLauncher;
import org.onlabel.support.Tokens;

/**
 * Faults against the packaged service under a write load of several clients, each recording every acknowledged
 * write: the embedded PostgreSQL killed with SIGKILL, the service killed with SIGKILL while it registers derived
 * datasets and ingests OpenLineage events, SIGTERM under load, an external PostgreSQL that goes away, and start-up
 * failures that must be one clear line. Each scenario prints a {@code FAULT-RESULT} line with its counts.
 */
class DatabaseFaultIT {
    private static final Duration READY = Duration.ofSeconds(150);
    private static KeycloakLauncher keycloak;
    /** One service for the concurrency scenarios, which need no fault of their own. */
    private static ServiceProcess shared;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final List<AutoCloseable> loads = new ArrayList<>();

    @BeforeAll
    static void startKeycloak() {
        keycloak = KeycloakLauncher.start();
        Tokens.useKeycloak(keycloak.baseUrl());
    }

    @AfterAll
    static void stopKeycloak() {
        if (shared != null) {
            shared.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @AfterEach
    void stopAll() throws Exception {
        for (AutoCloseable load : loads) {
            load.close();
        }
        services.forEach(ServiceProcess::close);
    }

    @Test
    void killingTheEmbeddedPostgresqlLosesNoAcknowledgedWrite() throws Exception {
        ServiceProcess service = shared();
        assertDurableSettings(service);
        String prefix = "pgkill-" + UUID.randomUUID().toString().substring(0, 6);
        WriteLoad load = load(new WriteLoad(service, () -> Tokens.user("alice"), 4, DatabaseFaultIT::plainDataset, prefix));
        load.start().awaitAcknowledged(30, Duration.ofSeconds(60));

        ProcessHandle postmaster = service.postmaster().orElseThrow();
        Instant killedAt = Instant.now();
        postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
        postmaster.destroyForcibly();
        // Keep it down longer than the pool's acquisition timeout (5 s): a request that finds no connection waits
        // that long for one, so with a short outage every write simply waits and succeeds, and whether any answers
        // 503 would depend on one being mid-transaction at the kill. Every restart within the hold-down is killed
        // too; the supervisor's later attempt (its backoff doubles from 0.5 s) brings it back.
        Instant holdDownUntil = killedAt.plusSeconds(6);
        while (Instant.now().isBefore(holdDownUntil)) {
            try {
                service.postmaster().filter(p -> p.pid() != postmaster.pid()).ifPresent(restarted -> {
                    restarted.descendants().forEach(ProcessHandle::destroyForcibly);
                    restarted.destroyForcibly();
                });
            } catch (IOException | NumberFormatException pidFileBeingWritten) {
                // read it again on the next round
            }
            Thread.sleep(20);
        }
        boolean sawDown = false;
        Map<Integer, Integer> readsWhileDown = new java.util.TreeMap<>();
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            int ready = service.readiness();
            sawDown |= ready == 503;
            if (sawDown && ready == 200) {
                break;
            }
            if (ready == 503) {
                // the supervisor may bring PostgreSQL back before a write of the load lands in the gap: a read sent
                // while readiness says DOWN shows the API answering 503 too, rather than hanging or failing with 500
                try {
                    readsWhileDown.merge(service.get("/api/v1/datasets?limit=1").statusCode(), 1, Integer::sum);
                } catch (IOException noAnswer) {
                    readsWhileDown.merge(0, 1, Integer::sum);
                }
            }
            Thread.sleep(100);
        }
        long recoveryMs = Duration.between(killedAt, Instant.now()).toMillis();
        assertThat(sawDown).as("readiness went DOWN while PostgreSQL was dead").isTrue();
        assertThat(service.readiness()).as("ready again without a service restart").isEqualTo(200);
        int acknowledgedAtRecovery = load.acknowledged.size();
        load.awaitAcknowledged(acknowledgedAtRecovery + 10, Duration.ofSeconds(60));
        load.close();

        assertThat(service.process.isAlive()).as("the service itself kept running").isTrue();
        assertThat(load.unexpected).as("only 201 and 503 answers; the service logged:%n%s",
                incidents(service, load.unexpected)).isEmpty();
        assertThat(readsWhileDown.keySet()).as("reads while readiness was DOWN: 503, or 200 once PostgreSQL was back")
                .isSubsetOf(200, 503);
        assertThat(load.count(503) + readsWhileDown.getOrDefault(503, 0))
                .as("503 while PostgreSQL was down (writes " + load.statuses + ", reads " + readsWhileDown + ")").isPositive();
        Outcome outcome = verify(service, prefix, load);
        report("postgres-kill-9", load, outcome, recoveryMs);
        assertThat(outcome.lost).isEmpty();
        assertThat(outcome.duplicated).isEmpty();
        assertThat(outcome.notReplayed).isEmpty();
        assertThat(service.logText()).contains("exited unexpectedly").contains("is back after");
    }

    /** The stack traces the service logged for the incidents named in these answers, so a CI log explains them. */
    private static String incidents(ServiceProcess service, List<String> answers) throws IOException {
        List<String> lines = Files.readAllLines(service.log);
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("incident ([0-9a-f-]{36})").matcher(String.join("\n", answers));
        while (m.find()) {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(m.group(1))) {
                    lines.subList(i, Math.min(lines.size(), i + 60)).forEach(l -> out.append(l).append('\n'));
                    break;
                }
            }
        }
        return out.toString();
    }

    @Test
    void killingTheServiceDuringRegistrationLeavesNothingHalfDoneAndSigtermLosesNothing() throws Exception {
        Path dir = Files.createTempDirectory("onlabel-svckill-");
        int httpPort = ServiceProcess.freePort();
        int pgPort = ServiceProcess.freePort();
        ServiceProcess first = start(dir, httpPort, pgPort);
        String parent = "svckill-parent-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(first.post("/api/v1/datasets", Tokens.user("alice"), plainDataset(parent).body(), null).statusCode())
                .isEqualTo(201);
        String prefix = "svckill-" + UUID.randomUUID().toString().substring(0, 6);
        String namespace = "s3://fault-" + prefix;
        WriteLoad derived = load(new WriteLoad(first, Tokens::pipeline, 2, id -> derivedDataset(id, parent), prefix));
        WriteLoad lineage = load(new WriteLoad(first, Tokens::pipeline, 2, id -> lineageEvent(id, parent, namespace),
                prefix + "-ol"));
        derived.start();
        lineage.start();
        derived.awaitAcknowledged(10, Duration.ofSeconds(60));
        lineage.awaitAcknowledged(10, Duration.ofSeconds(60));

        first.kill();
        derived.close();
        lineage.close();
        assertThat(first.postmaster()).as("the killed service left its PostgreSQL running").isPresent();

        Instant restartAt = Instant.now();
        ServiceProcess second = start(dir, httpPort, pgPort);
        long restartMs = Duration.between(restartAt, Instant.now()).toMillis();
        assertThat(second.logText()).contains("Found PostgreSQL").contains("left by a run of the service that was killed")
                .contains("Stopped the orphaned PostgreSQL");

        // every request, answered or not, is retried once with its Idempotency-Key: each completes exactly once
        List<String> notReplayed = new ArrayList<>();
        for (WriteLoad.Request r : derived.sent.values()) {
            HttpResponse<String> retry = second.post(r.path(), Tokens.pipeline(), r.body(), r.id());
            assertThat(retry.statusCode()).as(r.id() + ": " + retry.body()).isEqualTo(201);
            if (derived.acknowledged.contains(r.id()) && retry.headers().firstValue("Idempotent-Replayed").isEmpty()) {
                notReplayed.add(r.id());
            }
        }
        for (WriteLoad.Request r : lineage.sent.values()) {
            HttpResponse<String> resend = second.post(r.path(), Tokens.pipeline(), r.body(), null);
            assertThat(resend.statusCode()).as(r.id() + ": " + resend.body()).isEqualTo(200);
            if (lineage.acknowledged.contains(r.id())) {
                assertThat(resend.body()).as("an acknowledged output is found again, not made again")
                        .contains("\"replayed\":true");
            }
        }
        try (Connection db = second.jdbc()) {
            Map<String, int[]> shape = provenanceShape(db, "d.key LIKE '" + prefix + "-c%'");
            Map<String, int[]> olShape = provenanceShape(db, "d.lineage_namespace = '" + namespace + "'");
            assertThat(shape.keySet()).as("every derived request registered exactly its dataset")
                    .isEqualTo(new TreeSet<>(derived.sent.keySet()));
            assertThat(olShape).as("every lineage output registered").hasSize(lineage.sent.size());
            List<String> halfDone = new ArrayList<>();
            shape.forEach((k, v) -> { if (v[0] != 1 || v[1] != 2) halfDone.add(k + "=" + v[0] + "/" + v[1]); });
            olShape.forEach((k, v) -> { if (v[0] != 1 || v[1] != 2) halfDone.add(k + "=" + v[0] + "/" + v[1]); });
            assertThat(halfDone).as("provenance is all or nothing (1 parent, 2 steps)").isEmpty();
            List<String> createdTwice = createdMoreThanOnce(db, "subject_key LIKE '" + prefix + "-c%'");
            Outcome outcome = new Outcome(missing(db, derived.acknowledged), createdTwice, notReplayed);
            report("service-kill-9 (derived datasets)", derived, outcome, restartMs);
            report("service-kill-9 (OpenLineage)", lineage,
                    new Outcome(List.of(), createdMoreThanOnce(db, "subject_key IN (SELECT key FROM dataset WHERE "
                            + "lineage_namespace = '" + namespace + "')"), List.of()), restartMs);
            assertThat(outcome.lost).isEmpty();
            assertThat(outcome.duplicated).isEmpty();
            assertThat(outcome.notReplayed).isEmpty();
        }
        sigtermUnderLoadKeepsEveryAnsweredWriteAndLeavesNothingRunning(second, dir);
    }

    /** Runs on the restarted service of the test above, to spare the suite two more starts. */
    private void sigtermUnderLoadKeepsEveryAnsweredWriteAndLeavesNothingRunning(ServiceProcess first, Path dir)
            throws Exception {
        int httpPort = first.httpPort;
        int pgPort = first.pgPort;
        String prefix = "sigterm-" + UUID.randomUUID().toString().substring(0, 6);
        WriteLoad load = load(new WriteLoad(first, () -> Tokens.user("alice"), 4, DatabaseFaultIT::plainDataset, prefix));
        load.start().awaitAcknowledged(30, Duration.ofSeconds(60));
        Instant termAt = Instant.now();
        first.stop();
        long stopMs = Duration.between(termAt, Instant.now()).toMillis();
        load.close();
        assertThat(first.postgresProcesses()).as("PostgreSQL stopped with the service").isEmpty();
        assertThat(load.count(500)).as("no request failed inside the service while it stopped").isZero();
        assertThat(load.unexpected).isEmpty();

        ServiceProcess second = start(dir, httpPort, pgPort);
        assertThat(second.logText()).doesNotContain("Found PostgreSQL");
        Outcome outcome = verify(second, prefix, load);
        report("sigterm", load, outcome, stopMs);
        assertThat(outcome.lost).isEmpty();
        assertThat(outcome.duplicated).isEmpty();
        second.stop();
        assertThat(second.postgresProcesses()).isEmpty();

        // an initialised data directory with the wrong permissions: one line naming the cause, no wait
        Files.setPosixFilePermissions(dir.resolve("postgres"), PosixFilePermissions.fromString("rwxrwxrwx"));
        ServiceProcess refused = ServiceProcess.start(dir, httpPort, pgPort, keycloak.realmUrl(), Map.of());
        services.add(refused);
        assertThat(refused.process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(refused.process.exitValue()).isEqualTo(2);
        assertOneClearLine(refused, "has invalid permissions");
    }

    @Test
    void aPortInUseStopsTheStartAtOnceWithOneLine() throws Exception {
        Path dir = Files.createTempDirectory("onlabel-port-");
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            ServiceProcess refused = ServiceProcess.start(dir, ServiceProcess.freePort(), taken.getLocalPort(),
                    keycloak.realmUrl(), Map.of());
            services.add(refused);
            assertThat(refused.process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(refused.process.exitValue()).isEqualTo(2);
            assertOneClearLine(refused, "port " + taken.getLocalPort() + " on 127.0.0.1 is already in use");
        }
    }

    @Test
    void aNearlyFullDiskIsNotReadyAndADatabaseThatCannotComeBackEndsTheService() throws Exception {
        Path dir = Files.createTempDirectory("onlabel-giveup-");
        // a threshold no disk meets (1 EB), so that "nearly full" needs no real full disk
        ServiceProcess service = ServiceProcess.start(dir, ServiceProcess.freePort(), ServiceProcess.freePort(),
                keycloak.realmUrl(), Map.of("ONLABEL_HEALTH_MIN_FREE_DISK_MB", "1000000000000",
                        "ONLABEL_EMBEDDED_DB_RESTART_ATTEMPTS", "2"));
        services.add(service);
        String health = "";
        Instant deadline = Instant.now().plus(READY);
        while (Instant.now().isBefore(deadline) && service.process.isAlive()) {
            HttpResponse<String> ready;
            try {
                ready = service.get("/q/health/ready");
            } catch (java.io.IOException notYetListening) {
                Thread.sleep(200);
                continue;
            }
            health = ready.body();
            if (ready.statusCode() == 503 && health.contains("Disk space")) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(health).as("readiness names the disk check as DOWN")
                .containsPattern("\"name\"\\s*:\\s*\"Disk space\"[^}]*\"status\"\\s*:\\s*\"DOWN\"");
        assertThat(service.get("/api/v1/vocabularies").statusCode()).as("the service still serves").isEqualTo(200);

        ProcessHandle postmaster = service.postmaster().orElseThrow();
        // the data directory disappears under the running server: a restart cannot succeed
        Files.move(dir.resolve("postgres"), dir.resolve("postgres-gone"));
        postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
        postmaster.destroyForcibly();
        assertThat(service.process.waitFor(90, TimeUnit.SECONDS)).as("the service exits when PostgreSQL cannot come back")
                .isTrue();
        assertThat(service.process.exitValue()).as("exit code for 'database lost'").isEqualTo(3);
        assertThat(service.logText()).contains("Restart attempt 2 of 2 failed").contains("could not be restarted after 2 attempts");
    }

    @Test
    void anExternalPostgresqlThatGoesAwayGives503NotAHang() throws Exception {
        Path dir = Files.createTempDirectory("onlabel-external-down-");
        var external = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
        try {
            ServiceProcess service = ServiceProcess.start(dir, ServiceProcess.freePort(), ServiceProcess.freePort(),
                    keycloak.realmUrl(), Map.of("QUARKUS_DATASOURCE_JDBC_URL", external.getJdbcUrl("postgres", "postgres"),
                            "QUARKUS_DATASOURCE_USERNAME", "postgres", "QUARKUS_DATASOURCE_PASSWORD", ""));
            services.add(service);
            service.awaitReady(READY);
            assertThat(service.post("/api/v1/datasets", Tokens.user("alice"), plainDataset("ext-" + UUID.randomUUID()
                    .toString().substring(0, 6)).body(), null).statusCode()).isEqualTo(201);
            external.close();
            HttpResponse<String> read = service.get("/api/v1/datasets?limit=1");
            HttpResponse<String> write = service.post("/api/v1/datasets", Tokens.user("alice"),
                    plainDataset("ext-down-" + UUID.randomUUID().toString().substring(0, 6)).body(), null);
            for (HttpResponse<String> r : List.of(read, write)) {
                assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
                assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                assertThat(r.headers().firstValue("Retry-After")).isPresent();
                assertThat(r.body()).contains("urn:onlabel:problem:service-unavailable").doesNotContain("Exception");
            }
            assertThat(service.readiness()).isEqualTo(503);
        } finally {
            external.close();
        }
    }

    // ---- concurrency ----------------------------------------------------------------------------------------

    @Test
    void concurrentIfMatchUpdatersGetExactlyOneWinnerPerRevision() throws Exception {
        ServiceProcess service = shared();
        String key = "race-update-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(service.post("/api/v1/datasets", Tokens.user("alice"), plainDataset(key).body(), null).statusCode())
                .isEqualTo(201);
        int writers = 8;
        int rounds = 6;
        Map<String, List<String>> winnersByRevision = new java.util.concurrent.ConcurrentHashMap<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        runTogether(writers, w -> {
            for (int round = 0; round < rounds; round++) {
                HttpResponse<String> read = service.get("/api/v1/datasets/" + key);
                String etag = read.headers().firstValue("ETag").orElseThrow();
                String title = "writer " + w + " round " + round;
                HttpResponse<String> put = service.send(HttpRequest.newBuilder(service.uri("/api/v1/datasets/" + key))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + Tokens.user("alice")).header("If-Match", etag)
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"title\": \"" + title + "\", \"modalities\": [\"CT\"]}")));
                if (put.statusCode() == 200) {
                    winnersByRevision.computeIfAbsent(etag, e -> java.util.Collections.synchronizedList(new ArrayList<>()))
                            .add(title);
                } else if (put.statusCode() != 412) {
                    failures.add(put.statusCode() + " " + put.body());
                }
            }
            return null;
        });
        assertThat(failures).as("only 200 or 412").isEmpty();
        winnersByRevision.forEach((etag, winners) -> assertThat(winners).as("winners of " + etag).hasSize(1));
        HttpResponse<String> last = service.get("/api/v1/datasets/" + key);
        int wins = winnersByRevision.size();
        assertThat(last.headers().firstValue("ETag").orElseThrow()).isEqualTo("\"" + wins + "\"");
        String lastWinner = winnersByRevision.get("\"" + (wins - 1) + "\"").get(0);
        assertThat(last.body()).as("no lost update: the last winner's write is what is stored").contains(lastWinner);
        try (Connection db = service.jdbc(); ResultSet rs = db.createStatement().executeQuery(
                "SELECT count(*) FROM audit_event WHERE action = 'dataset.updated' AND subject_key = '" + key + "'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(wins);
        }
        System.out.printf("FAULT-RESULT if-match-race: writers=%d attempts=%d winners=%d (one per revision)%n",
                writers, writers * rounds, wins);
    }

    @Test
    void concurrentDerivationsThatWouldCloseACycleLetAtMostOneThrough() throws Exception {
        ServiceProcess service = shared();
        int bothSucceeded = 0;
        int rounds = 6;
        for (int round = 0; round < rounds; round++) {
            String ns = "gs://race-" + UUID.randomUUID().toString().substring(0, 6);
            String x = "{\"namespace\": \"" + ns + "\", \"name\": \"x\"}";
            String y = "{\"namespace\": \"" + ns + "\", \"name\": \"y\"}";
            String z = "{\"namespace\": \"" + ns + "\", \"name\": \"z\"}";
            // x and y become stubs (inputs of z); then x -> y and y -> x race: each alone is fine, both are a cycle
            assertThat(service.post("/api/v1/lineage", Tokens.pipeline(), event(x + ", " + y, z), null).statusCode())
                    .isEqualTo(200);
            List<String> bodies = List.of(event(x, y), event(y, x));
            List<Integer> statuses = runTogether(2, i -> service.post("/api/v1/lineage", Tokens.pipeline(),
                    bodies.get(i), null).statusCode());
            assertThat(statuses).as("round " + round).containsAnyOf(200).allMatch(s -> s == 200 || s == 409);
            if (statuses.stream().allMatch(s -> s == 200)) {
                bothSucceeded++;
            }
            try (Connection db = service.jdbc(); ResultSet rs = db.createStatement().executeQuery(
                    "SELECT count(*) FROM derivation dv JOIN dataset c ON c.id = dv.child_id "
                            + "WHERE c.lineage_namespace = '" + ns + "' AND c.lineage_name IN ('x', 'y')")) {
                rs.next();
                assertThat(rs.getInt(1)).as("edges between x and y").isEqualTo(1);
            }
        }
        assertThat(bothSucceeded).isZero();
        System.out.printf("FAULT-RESULT cycle-race: rounds=%d bothSucceeded=%d%n", rounds, bothSucceeded);
    }

    @Test
    void concurrentRequestsWithOneIdempotencyKeyMakeOneDataset() throws Exception {
        ServiceProcess service = shared();
        int clients = 8;
        String key = "race-idem-" + UUID.randomUUID().toString().substring(0, 6);
        WriteLoad.Request request = derivedDatasetOfNothing(key);
        List<HttpResponse<String>> answers = runTogether(clients, i -> service.post(request.path(), Tokens.pipeline(),
                request.body(), "idem-" + key));
        assertThat(answers).allMatch(r -> r.statusCode() == 201);
        long fresh = answers.stream().filter(r -> r.headers().firstValue("Idempotent-Replayed").isEmpty()).count();
        assertThat(fresh).as("exactly one request created it; the others replayed it").isEqualTo(1);
        try (Connection db = service.jdbc()) {
            assertThat(createdMoreThanOnce(db, "subject_key = '" + key + "'")).isEmpty();
            try (ResultSet rs = db.createStatement().executeQuery("SELECT count(*) FROM dataset WHERE key = '" + key + "'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
        System.out.printf("FAULT-RESULT idempotency-race: clients=%d created=%d replayed=%d%n", clients, fresh,
                clients - fresh);
    }

    private static String event(String inputs, String outputs) {
        return """
                {"eventType": "COMPLETE", "eventTime": "2026-12-01T10:00:00.000Z", "producer": "https://example.org/p",
                 "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
                 "run": {"runId": "%s"}, "job": {"namespace": "race", "name": "job"},
                 "inputs": [%s], "outputs": [%s]}""".formatted(UUID.randomUUID(), inputs, outputs);
    }

    private static WriteLoad.Request derivedDatasetOfNothing(String key) {
        return new WriteLoad.Request(key, "/api/v1/datasets", """
                {"key": "%s", "title": "Raced %s", "modalities": ["MR"]}""".formatted(key, key));
    }

    interface Task<T> {
        T run(int index) throws Exception;
    }

    /** Runs the tasks on their own threads, released together, and returns their results in order. */
    private static <T> List<T> runTogether(int n, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit((Callable<T>) () -> {
                    go.await();
                    return task.run(index);
                }));
            }
            go.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get(120, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static synchronized ServiceProcess shared() throws Exception {
        if (shared == null) {
            shared = ServiceProcess.start(Files.createTempDirectory("onlabel-race-"), ServiceProcess.freePort(),
                    ServiceProcess.freePort(), keycloak.realmUrl(), Map.of());
            shared.awaitReady(READY);
        }
        return shared;
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private ServiceProcess start(Path dir, int httpPort, int pgPort) throws Exception {
        ServiceProcess s = ServiceProcess.start(dir, httpPort, pgPort, keycloak.realmUrl(), Map.of());
        services.add(s);
        return s.awaitReady(READY);
    }

    private WriteLoad load(WriteLoad load) {
        loads.add(load);
        return load;
    }

    static WriteLoad.Request plainDataset(String key) {
        return new WriteLoad.Request(key, "/api/v1/datasets", """
                {"key": "%s", "title": "Fault load %s", "modalities": ["CT"], "intendedUses": [{"task": "detection"}]}"""
                .formatted(key, key));
    }

    static WriteLoad.Request derivedDataset(String key, String parent) {
        return new WriteLoad.Request(key, "/api/v1/datasets", """
                {"key": "%s", "title": "Derived %s", "derivedFrom": [{"key": "%s"}],
                 "preprocessing": [{"step": "coil-combination", "parameters": {"method": "RSS"}},
                                   {"step": "magnitude-extraction"}]}""".formatted(key, key, parent));
    }

    static WriteLoad.Request lineageEvent(String id, String parent, String namespace) {
        return new WriteLoad.Request(id, "/api/v1/lineage", """
                {"eventType": "COMPLETE", "eventTime": "2026-12-01T10:00:00.000Z",
                 "producer": "https://example.org/pipeline",
                 "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
                 "run": {"runId": "%s", "facets": {"onlabel_preprocessing": {"_producer": "https://example.org",
                   "_schemaURL": "https://example.org/f.json", "steps": [
                   {"step": "coil-combination", "parameters": {"method": "RSS"}}, {"step": "magnitude-extraction"}]}}},
                 "job": {"namespace": "fault-lab", "name": "rss"},
                 "inputs": [{"namespace": "onlabel", "name": "%s"}],
                 "outputs": [{"namespace": "%s", "name": "%s"}]}""".formatted(UUID.nameUUIDFromBytes(id.getBytes()),
                parent, namespace, id));
    }

    /** What the database holds for a load's acknowledged writes, checked after the fault. */
    record Outcome(List<String> lost, List<String> duplicated, List<String> notReplayed) {
    }

    private Outcome verify(ServiceProcess service, String prefix, WriteLoad load) throws Exception {
        List<String> notReplayed = new ArrayList<>();
        for (String id : load.acknowledged) {
            WriteLoad.Request r = load.sent.get(id);
            HttpResponse<String> retry = service.post(r.path(), Tokens.user("alice"), r.body(), r.id());
            if (retry.statusCode() != 201 || retry.headers().firstValue("Idempotent-Replayed").isEmpty()) {
                notReplayed.add(id + " -> " + retry.statusCode());
            }
        }
        try (Connection db = service.jdbc()) {
            return new Outcome(missing(db, load.acknowledged),
                    createdMoreThanOnce(db, "subject_key LIKE '" + prefix + "-%'"), notReplayed);
        }
    }

    private static List<String> missing(Connection db, Set<String> keys) throws SQLException {
        Set<String> stored = new HashSet<>();
        try (var st = db.prepareStatement("SELECT key FROM dataset WHERE key = ANY (?)")) {
            st.setArray(1, db.createArrayOf("text", keys.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
            }
        }
        return keys.stream().filter(k -> !stored.contains(k)).sorted().toList();
    }

    private static List<String> createdMoreThanOnce(Connection db, String where) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = db.createStatement().executeQuery("SELECT subject_key, count(*) FROM audit_event "
                + "WHERE action = 'dataset.created' AND " + where + " GROUP BY subject_key HAVING count(*) > 1")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " x" + rs.getInt(2));
            }
        }
        return out;
    }

    /** For each matching dataset: how many parents and steps it has. */
    private static Map<String, int[]> provenanceShape(Connection db, String where) throws SQLException {
        Map<String, int[]> out = new java.util.TreeMap<>();
        try (ResultSet rs = db.createStatement().executeQuery("SELECT d.key, "
                + "(SELECT count(*) FROM derivation WHERE child_id = d.id), "
                + "(SELECT count(*) FROM preprocessing_step WHERE dataset_id = d.id) FROM dataset d WHERE " + where)) {
            while (rs.next()) {
                out.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)});
            }
        }
        return out;
    }

    private static void assertDurableSettings(ServiceProcess service) throws SQLException {
        try (Connection db = service.jdbc()) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes", "data_checksums")) {
                try (ResultSet rs = db.createStatement().executeQuery("SHOW " + setting)) {
                    rs.next();
                    assertThat(rs.getString(1)).as(setting).isEqualTo("on");
                }
            }
        }
    }

    private static void assertOneClearLine(ServiceProcess refused, String cause) throws Exception {
        String log = refused.logText();
        assertThat(log).contains("OnLabel cannot start its embedded PostgreSQL: ").contains(cause);
        assertThat(log).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(log.lines().filter(l -> !l.isBlank()).count()).isLessThanOrEqualTo(3);
    }

    private static void report(String fault, WriteLoad load, Outcome outcome, long recoveryMs) {
        System.out.printf("FAULT-RESULT %s: acknowledged=%d lost=%d duplicated=%d notReplayed=%d answered503=%d "
                        + "unanswered=%d statuses=%s timeMs=%d%n", fault, load.acknowledged.size(), outcome.lost.size(),
                outcome.duplicated.size(), outcome.notReplayed.size(), load.count(503), load.unanswered.get(),
                load.statuses, recoveryMs);
    }
}
