package org.onlabel.check.fit;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Drains stale verdicts after the writes that marked them have committed, in batches each in its own transaction,
 * with {@code onlabel.verdicts.workers} threads of {@code onlabel.verdicts.batch-size} datasets a batch. Batches
 * are claimed with FOR UPDATE SKIP LOCKED, so any number of threads and replicas drain side by side without doing
 * the same work twice; a worker that dies mid-batch leaves its rows stale for the others.
 */
@ApplicationScoped
public class VerdictWorker {
    private static final Logger LOG = Logger.getLogger(VerdictWorker.class);
    private static final long IDLE_MILLIS = 200;

    private final VerdictRecomputer recomputer;
    private final boolean enabled;
    private final int workers;
    private final int batchSize;
    private ScheduledExecutorService executor;

    public VerdictWorker(VerdictRecomputer recomputer, org.onlabel.common.config.OnLabelConfig config) {
        this.recomputer = recomputer;
        this.enabled = config.verdicts().workerEnabled();
        this.workers = Math.max(1, config.verdicts().workers());
        this.batchSize = Math.max(1, config.verdicts().batchSize());
    }

    void start(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 1000) StartupEvent event) {
        if (!enabled) {
            LOG.info("onlabel.verdicts.worker-enabled=false: stale verdicts are recomputed only by the lists that need them");
            return;
        }
        java.util.concurrent.atomic.AtomicInteger number = new java.util.concurrent.atomic.AtomicInteger();
        executor = Executors.newScheduledThreadPool(workers, r -> {
            Thread t = new Thread(r, "verdict-worker-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (int w = 0; w < workers; w++) {
            Drainer drainer = new Drainer(w == 0);
            executor.scheduleWithFixedDelay(drainer::drainAll, IDLE_MILLIS, IDLE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** How often an idle worker looks for datasets written around the service (every this many idle rounds). */
    private static final int SWEEP_EVERY = 50;

    /** One worker thread's rounds; only the first worker sweeps for datasets without a state row. */
    private final class Drainer {
        private final boolean sweeps;
        private int idleRounds;
        private boolean failing;

        Drainer(boolean sweeps) {
            this.sweeps = sweeps;
        }

        void drainAll() {
            try {
                if (sweeps && idleRounds++ % SWEEP_EVERY == 0) {
                    recomputer.adoptMissing();
                }
                while (!Thread.currentThread().isInterrupted() && recomputer.drain(batchSize) > 0) {
                    // keep going until nothing is stale
                }
                if (failing) {
                    failing = false;
                    LOG.info("Verdict recomputation resumed");
                }
            } catch (RuntimeException e) {
                // the database may be away (a restart, a fault test): the rows stay stale and the next round retries.
                // The first failure of a run of them is a warning; the retries every round would only repeat it.
                if (!failing) {
                    failing = true;
                    LOG.warnf(e, "Verdict recomputation postponed, the stale rows stay stale until a round succeeds: %s",
                            e.getMessage());
                } else {
                    LOG.debugf("Verdict recomputation still postponed: %s", e.getMessage());
                }
            }
        }
    }
}
