package org.onlabel.check.fit;

import java.util.List;

/**
 * Fired in the transaction of each recomputed batch (worker or list), naming the datasets whose stored verdicts it
 * wrote; observe it after success to count what was computed, e.g. that concurrent workers never compute a dataset
 * twice.
 */
public record VerdictsRecomputed(List<Long> datasetIds) {
    public VerdictsRecomputed {
        datasetIds = List.copyOf(datasetIds);
    }
}
