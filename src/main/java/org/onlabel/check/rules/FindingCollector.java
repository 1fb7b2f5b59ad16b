package org.onlabel.check.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps one finding per (rule, checked dataset, evidence dataset, step index) — the one with the shortest path,
 * e.g. when two branches of a diamond reach the same ancestor step — and lists them deterministically: by the
 * checked dataset's position in the request, severity (violation, unknown, caution, info), rule id, path length.
 */
final class FindingCollector {
    private final Map<String, Integer> datasetOrder = new HashMap<>();
    private final Map<List<Object>, Finding> findings = new LinkedHashMap<>();

    FindingCollector(List<Facts.Roled> datasets) {
        for (int i = 0; i < datasets.size(); i++) {
            datasetOrder.putIfAbsent(datasets.get(i).dataset().key(), i);
        }
    }

    void add(Finding finding) {
        IntroducedBy by = finding.introducedBy();
        List<Object> key = Arrays.asList(finding.rule(), finding.dataset(), by.dataset(), by.index());
        Finding existing = findings.get(key);
        if (existing == null || finding.path().size() < existing.path().size()) {
            findings.put(key, finding);
        }
    }

    List<Finding> sorted() {
        List<Finding> result = new ArrayList<>(findings.values());
        result.sort(Comparator.<Finding>comparingInt(f -> datasetOrder.getOrDefault(f.dataset(), Integer.MAX_VALUE))
                .thenComparingInt(f -> f.severity().listingRank())
                .thenComparing(Finding::rule)
                .thenComparingInt(f -> f.path().size())
                .thenComparing(f -> Objects.toString(f.introducedBy().dataset(), ""))
                .thenComparingInt(f -> f.introducedBy().index() == null ? -1 : f.introducedBy().index())
                .thenComparing(Finding::message));
        return result;
    }
}
