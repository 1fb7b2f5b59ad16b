package org.onlabel.check.fit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.onlabel.check.FactsAssembler;
import org.onlabel.check.rules.Facts;
import org.onlabel.check.rules.RuleEngine;
import org.onlabel.common.security.VerdictViews;
import org.onlabel.common.security.Viewer;
import org.onlabel.dataset.VerdictRefresh;
import org.onlabel.license.LicenseAttributeTable;
import org.onlabel.license.LicenseService;
import org.onlabel.vocabulary.Vocabularies;

/**
 * Computes stored verdicts exactly as the explained label does (each task, the dataset alone in role any, purpose
 * unstated), once per view of {@link VerdictViews#toCompute}. Each recomputation holds the lock of the dataset's
 * state row, so a write marking the dataset stale meanwhile waits and then marks it again: no mark is lost.
 */
@ApplicationScoped
public class VerdictRecomputer implements VerdictRefresh {
    private final VerdictStore store;
    private final FactsAssembler facts;
    private final RuleEngine engine;
    private final LicenseService licenses;
    private final Vocabularies vocabularies;
    private final VerdictBasis basis;

    public VerdictRecomputer(VerdictStore store, FactsAssembler facts, RuleEngine engine, LicenseService licenses,
            Vocabularies vocabularies, VerdictBasis basis) {
        this.store = store;
        this.facts = facts;
        this.engine = engine;
        this.licenses = licenses;
        this.vocabularies = vocabularies;
        this.basis = basis;
    }

    /** Recomputes, in a transaction of its own, those of these datasets that are stale (a list is waiting). */
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refresh(Collection<Long> datasetIds) {
        recompute(store.lockStale(datasetIds));
    }

    /** Recomputes up to {@code limit} stale datasets nobody else is recomputing; how many it did. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int drain(int limit) {
        List<Long> claimed = store.claimStale(limit);
        recompute(claimed);
        return claimed.size();
    }

    /** Gives datasets written around the service (no state row) a stale one; how many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int adoptMissing() {
        return store.insertMissingStates();
    }

    private void recompute(List<Long> datasetIds) {
        if (datasetIds.isEmpty()) {
            return;
        }
        LicenseAttributeTable table = licenses.table();
        List<String> tasks = vocabularies.require(Vocabularies.TASKS).ids();
        for (long id : datasetIds) {
            var subject = store.subject(id);
            List<VerdictStore.Row> rows = new ArrayList<>();
            if (subject.isPresent() && !subject.get().removed()) {
                for (Map.Entry<String, Viewer> view : VerdictViews.toCompute(subject.get().node(),
                        subject.get().ancestors()).entrySet()) {
                    Facts.Dataset dataset = facts.assemble(subject.get().key(), view.getValue(), table);
                    for (String task : tasks) {
                        var verdict = engine.verdictAlone(task, dataset);
                        rows.add(new VerdictStore.Row(task, view.getKey(), verdict.name()));
                    }
                }
            }
            store.replace(id, rows, engine.ruleset().version(), basis.current());
        }
    }
}
