package org.onlabel.dataset;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A list page whose stored verdicts must be current: while the page's candidates include stale rows, they are
 * recomputed and the page is asked again. The effort is bounded, by rounds and by time, because right after a bulk
 * load or a ruleset change nearly every row is stale and the worker needs far longer than a request may take; then
 * the page leaves out the rows still stale (never answering a stale verdict) instead of running into the
 * transaction timeout.
 */
final class FreshPage {
    static final int MAX_ROUNDS = 20;

    private FreshPage() {
    }

    /**
     * @param query   the page's rows as stored now
     * @param refresh recomputes (and commits) the verdicts of these stale rows
     * @param clock   nanoseconds, monotonic
     * @param budget  how long to go on recomputing before answering without the rows still stale
     */
    static List<DatasetRepository.Listed> of(Supplier<List<DatasetRepository.Listed>> query,
            Consumer<List<Long>> refresh, LongSupplier clock, Duration budget) {
        long deadline = clock.getAsLong() + budget.toNanos();
        for (int round = 0; ; round++) {
            List<DatasetRepository.Listed> rows = query.get();
            List<Long> stale = rows.stream().filter(DatasetRepository.Listed::stale).map(DatasetRepository.Listed::id).toList();
            if (stale.isEmpty()) {
                return rows;
            }
            if (round == MAX_ROUNDS || clock.getAsLong() >= deadline) {
                return rows.stream().filter(r -> !r.stale()).toList();
            }
            refresh.accept(stale);
        }
    }
}
