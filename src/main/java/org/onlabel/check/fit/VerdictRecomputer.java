package org.onlabel.check.fit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onlabel.check.FactsAssembler;
import org.onlabel.check.rules.Facts;
import org.onlabel.check.rules.RuleEngine;
import org.onlabel.check.rules.Verdict;
import org.onlabel.common.security.VerdictViews;
import org.onlabel.common.security.Viewer;
import org.onlabel.dataset.VerdictRefresh;
import org.onlabel.license.LicenseAttributeTable;
import org.onlabel.license.LicenseService;
import org.onlabel.vocabulary.Vocabularies;

/**
 * Computes stored verdicts exactly as the explained label does (each task, the dataset alone in role any, purpose
 * unstated), for each view of {@link VerdictViews#toCompute}; views that see the same lineage share one evaluation. Each recomputation holds the lock of the dataset's
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
    private final Event<VerdictsRecomputed> recomputed;

    public VerdictRecomputer(VerdictStore store, FactsAssembler facts, RuleEngine engine, LicenseService licenses,
            Vocabularies vocabularies, VerdictBasis basis, Event<VerdictsRecomputed> recomputed) {
        this.recomputed = recomputed;
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

    /**
     * Recomputes a batch: the subjects and their views in two statements, the facts in one recursive query per
     * distinct viewer (most batches: the public one only), each distinct lineage view evaluated once, and all the
     * batch's verdicts written in three statements.
     */
    private void recompute(List<Long> datasetIds) {
        if (datasetIds.isEmpty()) {
            return;
        }
        LicenseAttributeTable table = licenses.table();
        List<String> tasks = vocabularies.require(Vocabularies.TASKS).ids();
        Map<Long, VerdictStore.Subject> subjects = store.subjects(datasetIds);
        Map<Viewer, List<VerdictStore.Subject>> byViewer = new LinkedHashMap<>();
        Map<Long, Map<String, Viewer>> viewsOf = new LinkedHashMap<>();
        for (VerdictStore.Subject subject : subjects.values()) {
            if (subject.removed()) {
                continue;
            }
            Map<String, Viewer> views = VerdictViews.distinctLineages(subject.node(), subject.ancestors());
            viewsOf.put(subject.id(), views);
            new java.util.LinkedHashSet<>(views.values())
                    .forEach(v -> byViewer.computeIfAbsent(v, k -> new ArrayList<>()).add(subject));
        }
        Map<Viewer, Map<String, Facts.Dataset>> factsByViewer = new HashMap<>();
        byViewer.forEach((viewer, seen) -> factsByViewer.put(viewer,
                facts.assembleAll(seen.stream().map(VerdictStore.Subject::key).toList(), viewer, table)));
        List<VerdictStore.Row> rows = new ArrayList<>();
        viewsOf.forEach((id, views) -> {
            String key = subjects.get(id).key();
            Map<Viewer, List<String>> verdictsBy = new HashMap<>();
            views.forEach((view, viewer) -> {
                List<String> verdicts = verdictsBy.computeIfAbsent(viewer,
                        v -> verdicts(factsByViewer.get(v).get(key), tasks));
                for (int t = 0; t < tasks.size(); t++) {
                    rows.add(new VerdictStore.Row(id, tasks.get(t), view, verdicts.get(t)));
                }
            });
        });
        store.replace(datasetIds, rows, engine.ruleset().version(), basis.current());
        recomputed.fire(new VerdictsRecomputed(datasetIds));
    }

    /** Each task's verdict, in the order of {@code tasks}; below a retraction, without evaluating each task. */
    private List<String> verdicts(Facts.Dataset dataset, List<String> tasks) {
        if (dataset == null) {
            throw new IllegalStateException("a dataset being recomputed was not found by its own view");
        }
        if (engine.offLabelForEveryTask(dataset)) {
            return java.util.Collections.nCopies(tasks.size(), Verdict.OFF_LABEL.name());
        }
        return engine.verdictsAlone(tasks, dataset).stream().map(Verdict::name).toList();
    }
}
