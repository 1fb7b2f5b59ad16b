package org.onlabel.check;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.onlabel.common.error.ApiException;
import org.onlabel.common.error.ProblemType;

/**
 * Bounds how many deep evaluations (checks and labels over lineages of more than {@code deepNodes} nodes in all)
 * run at once. Rule evaluation over a 1,000-deep chain builds paths and findings of several MB; thirty of them at
 * once exhausted a 256 MB heap and took the service down. A deep evaluation waits up to {@code wait} for a permit
 * and is otherwise refused with 503 and Retry-After; shallow ones never wait.
 */
public final class DeepEvaluations {
    private final Semaphore permits;
    private final int deepNodes;
    private final Duration wait;

    public DeepEvaluations(int concurrent, int deepNodes, Duration wait) {
        if (concurrent < 1) {
            throw new IllegalArgumentException("at least one deep evaluation must be allowed at once");
        }
        this.permits = new Semaphore(concurrent, true);
        this.deepNodes = deepNodes;
        this.wait = wait;
    }

    public boolean isDeep(long lineageNodes) {
        return lineageNodes > deepNodes;
    }

    /** Runs {@code evaluation}, holding a permit when the lineages it reasons over are deep. */
    public <T> T run(long lineageNodes, Supplier<T> evaluation) {
        if (!isDeep(lineageNodes)) {
            return evaluation.get();
        }
        if (!acquire()) {
            throw new ApiException(ProblemType.SERVICE_UNAVAILABLE, "As many checks over deep lineages (more than "
                    + deepNodes + " datasets) as the service evaluates at once are running; nothing was changed. "
                    + "Retry after the seconds in Retry-After");
        }
        try {
            return evaluation.get();
        } finally {
            permits.release();
        }
    }

    private boolean acquire() {
        try {
            return permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
