package org.onlabel.check;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.onlabel.check.fit.VerdictsRecomputed;

/** Test support: every dataset id whose stored verdicts a committed recomputation wrote, in commit order. */
@ApplicationScoped
public class RecomputedLog {
    private final ConcurrentLinkedQueue<Long> ids = new ConcurrentLinkedQueue<>();

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) VerdictsRecomputed batch) {
        ids.addAll(batch.datasetIds());
    }

    public List<Long> since(int mark) {
        List<Long> all = List.copyOf(ids);
        return all.subList(mark, all.size());
    }

    public int mark() {
        return ids.size();
    }
}
