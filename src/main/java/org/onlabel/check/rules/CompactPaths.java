package org.onlabel.check.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes a check's answer small when its lineage is deep: a finding introduced 1,000 derivations upstream would
 * otherwise carry all 1,001 keys, and a check has many such findings. Paths longer than {@link #KEEP} keys are cut
 * to their first keys (what a reader looks at: the checked dataset and its nearest ancestors) and their steps are
 * given once per checked dataset as ancestor → next key toward the dataset, from which every cut path is rebuilt.
 * When that would not make the answer smaller (few findings with long paths), the answer is left whole.
 */
public final class CompactPaths {
    public static final int KEEP = 10;

    private CompactPaths() {
    }

    public static CheckOutcome of(CheckOutcome outcome) {
        Map<String, Map<String, String>> next = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>(outcome.findings().size());
        for (Finding f : outcome.findings()) {
            List<String> path = f.path();
            if (path.size() <= KEEP) {
                findings.add(f);
                continue;
            }
            Map<String, String> towardDataset = next.computeIfAbsent(f.dataset(), k -> new LinkedHashMap<>());
            if (!agrees(path, towardDataset)) {
                findings.add(f); // not a path of the same shortest-path tree: kept whole rather than rebuilt wrong
                continue;
            }
            for (int i = path.size() - 1; i > 0; i--) {
                towardDataset.put(path.get(i), path.get(i - 1));
            }
            findings.add(f.withPathCut(KEEP));
        }
        next.values().removeIf(Map::isEmpty);
        if (next.isEmpty() || size(findings, next) >= size(outcome.findings(), null)) {
            return outcome; // a map of every ancestor costs more than it saves when few findings share long paths
        }
        return new CheckOutcome(outcome.verdict(), outcome.task(), outcome.rulesetVersion(),
                outcome.datasets(), findings, next);
    }

    /** How many keys the paths of all findings hold together. */
    public static long pathKeys(CheckOutcome outcome) {
        long keys = 0;
        for (Finding f : outcome.findings()) {
            keys += f.path().size();
        }
        return keys;
    }

    /** About the characters the findings' paths and messages, and the map, take in JSON. */
    private static long size(List<Finding> findings, Map<String, Map<String, String>> next) {
        long chars = 0;
        for (Finding f : findings) {
            chars += f.message().length();
            for (String key : f.path()) {
                chars += key.length() + 3;
            }
        }
        if (next != null) {
            for (Map<String, String> towardDataset : next.values()) {
                for (Map.Entry<String, String> e : towardDataset.entrySet()) {
                    chars += e.getKey().length() + e.getValue().length() + 6;
                }
            }
        }
        return chars;
    }

    private static boolean agrees(List<String> path, Map<String, String> towardDataset) {
        for (int i = path.size() - 1; i > 0; i--) {
            String known = towardDataset.get(path.get(i));
            if (known != null && !known.equals(path.get(i - 1))) {
                return false;
            }
        }
        return true;
    }

    /** The whole path of a finding of a compact answer: {@code dataset} first, {@code introducedBy.dataset} last. */
    public static List<String> rebuild(Finding f, Map<String, Map<String, String>> paths) {
        if (f.pathLength() == null) {
            return f.path();
        }
        Map<String, String> towardDataset = paths.get(f.dataset());
        List<String> reversed = new ArrayList<>(f.pathLength());
        String key = f.introducedBy().dataset();
        reversed.add(key);
        while (!key.equals(f.dataset()) && reversed.size() < f.pathLength()) {
            key = towardDataset.get(key);
            reversed.add(key);
        }
        java.util.Collections.reverse(reversed);
        return reversed;
    }
}
