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
 * Drains stale verdicts after the writes that marked them have committed, in small batches each in its own
 * transaction. Batches are claimed with FOR UPDATE SKIP LOCKED, so any number of replicas drain side by side
 * without doing the same work twice; a replica that dies mid-batch leaves its rows stale for the others.
 */
@ApplicationScoped
public class VerdictWorker {
    private static final Logger LOG = Logger.getLogger(VerdictWorker.class);
    static final int BATCH = 20;
    private static final long IDLE_MILLIS = 200;

    private final VerdictRecomputer recomputer;
    private final boolean enabled;
    private ScheduledExecutorService executor;

    public VerdictWorker(VerdictRecomputer recomputer, org.onlabel.common.config.OnLabelConfig config) {
        this.recomputer = recomputer;
        this.enabled = config.verdicts().workerEnabled();
    }

    void start(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 1000) StartupEvent event) {
        if (!enabled) {
            LOG.info("onlabel.verdicts.worker-enabled=false: stale verdicts are recomputed only by the lists that need them");
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "verdict-worker");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::drainAll, IDLE_MILLIS, IDLE_MILLIS, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** How often an idle worker looks for datasets written around the service (every this many idle rounds). */
    private static final int SWEEP_EVERY = 50;
    private int idleRounds;

    private void drainAll() {
        try {
            if (idleRounds++ % SWEEP_EVERY == 0) {
                recomputer.adoptMissing();
            }
            while (!Thread.currentThread().isInterrupted() && recomputer.drain(BATCH) > 0) {
                // keep going until nothing is stale
            }
        } catch (RuntimeException e) {
            // the database may be away (a restart, a fault test): the rows stay stale and the next round retries
            LOG.debugf("Verdict recomputation postponed: %s", e.getMessage());
        }
    }
}
