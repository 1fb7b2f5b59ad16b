package org.onlabel.check.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code leakageBetweenRoles: [roleA, roleB]} — a check-level condition, evaluated for each dataset in roleB (the
 * finding's dataset) against every dataset in roleA, on the best evidence there is:
 * <ol>
 * <li>manifests of both made with the same salt: a subject-level comparison decides (shared subjects match, none
 * shared is no match); study or file identifiers in common match too;</li>
 * <li>declared partitions: two datasets that are, on every path, different parts of one subject-disjoint scheme of
 * their nearest shared source do not overlap through it;</li>
 * <li>shared ancestry: they share a dataset or an ancestor and may share subjects. Only the nearest shared sources
 * are reported (a shared source's own ancestors add nothing); the path runs from the roleB dataset up to the shared
 * source and down to the roleA dataset.</li>
 * </ol>
 * With {@code reportDisjoint} the condition instead matches where a declared partition or a manifest comparison
 * shows the two are disjoint (for an info finding naming the evidence).
 */
record LeakageCondition(String roleA, String roleB, boolean reportDisjoint) implements Condition {
    static final String SUBJECT = "subject";

    @Override
    public Outcome evaluate(EvaluationContext context) {
        if (!roleB.equalsIgnoreCase(context.checked().role())) {
            return Outcome.NO_MATCH;
        }
        Facts.Dataset mine = context.dataset();
        List<Evidence> matches = new ArrayList<>();
        for (Facts.Roled other : context.all()) {
            if (other == context.checked() || !roleA.equalsIgnoreCase(other.role())) {
                continue;
            }
            matches.addAll(judge(mine, other.dataset()));
        }
        return Outcome.ofAny(matches, List.of());
    }

    private List<Evidence> judge(Facts.Dataset mine, Facts.Dataset theirs) {
        boolean same = mine.key().equals(theirs.key());
        Optional<Facts.ManifestOverlap> bySubject = same ? Optional.empty() : overlap(mine, theirs, true);
        if (bySubject.isPresent()) {
            Facts.ManifestOverlap o = bySubject.get();
            return (o.shared() > 0) != reportDisjoint ? List.of(manifestEvidence(mine, theirs, o)) : List.of();
        }
        Optional<Facts.ManifestOverlap> finer = same ? Optional.empty() : overlap(mine, theirs, false);
        if (finer.isPresent()) {
            return reportDisjoint ? List.of() : List.of(manifestEvidence(mine, theirs, finer.get()));
        }
        Map<String, Facts.Node> myNodes = EvaluationContext.lineageByKey(mine);
        Map<String, Facts.Node> theirNodes = EvaluationContext.lineageByKey(theirs);
        Set<String> shared = new HashSet<>(myNodes.keySet());
        shared.retainAll(theirNodes.keySet());
        List<Evidence> found = new ArrayList<>();
        for (String key : nearest(shared, myNodes, theirNodes)) {
            Optional<Facts.Partition> scheme = same ? Optional.empty()
                    : disjointScheme(key, mine, myNodes, theirs, theirNodes);
            boolean disjoint = scheme.isPresent() && SUBJECT.equals(scheme.get().disjointBy());
            if (reportDisjoint && disjoint) {
                found.add(partitionEvidence(myNodes.get(key), theirNodes.get(key), mine, theirs, scheme.get()));
            } else if (!reportDisjoint && !disjoint) {
                found.add(ancestryEvidence(myNodes.get(key), theirNodes.get(key), mine.key(), theirs.key(),
                        scheme.orElse(null)));
            }
        }
        return found;
    }

    /** The manifest comparison of the two at subject level, or (subjectLevel false) one that shares finer ids. */
    private static Optional<Facts.ManifestOverlap> overlap(Facts.Dataset mine, Facts.Dataset theirs,
            boolean subjectLevel) {
        return mine.overlaps().stream().filter(o -> o.other().equals(theirs.key()))
                .filter(o -> subjectLevel ? SUBJECT.equals(o.level()) : !SUBJECT.equals(o.level()) && o.shared() > 0)
                .findFirst();
    }

    private Evidence manifestEvidence(Facts.Dataset mine, Facts.Dataset theirs, Facts.ManifestOverlap o) {
        String what = SUBJECT.equals(o.level()) ? "subjects" : o.level() + " identifiers";
        String detail = "'" + roleB + "' dataset " + mine.key() + " and '" + roleA + "' dataset " + theirs.key()
                + " share " + o.shared() + " " + what + " by their " + o.level() + " manifests (salt " + o.salt()
                + "): " + percent(o.fraction()) + " of " + mine.key() + ", " + percent(o.otherFraction()) + " of "
                + theirs.key() + " (evidence: manifests)";
        return new Evidence(theirs.key(), null, null, List.of(mine.key(), theirs.key()), detail, false, false);
    }

    private Evidence partitionEvidence(Facts.Node mine, Facts.Node theirs, Facts.Dataset myDataset,
            Facts.Dataset theirDataset, Facts.Partition scheme) {
        String detail = "'" + roleB + "' dataset " + myDataset.key() + " and '" + roleA + "' dataset "
                + theirDataset.key() + " are different parts of partition '" + scheme.scheme() + "' of "
                + mine.key() + ", disjoint by " + scheme.disjointBy() + " (evidence: declared partition)";
        return new Evidence(mine.key(), null, null, pathThrough(mine, theirs), detail, false, false);
    }

    private Evidence ancestryEvidence(Facts.Node mine, Facts.Node theirs, String myKey, String theirKey,
            Facts.Partition weakerScheme) {
        String detail = "'" + roleB + "' dataset " + myKey + " and '" + roleA + "' dataset " + theirKey
                + (myKey.equals(theirKey) ? " are the same dataset"
                        : " both contain data from " + mine.key() + " and may share subjects"
                                + (weakerScheme == null ? "" : " (partition '" + weakerScheme.scheme()
                                        + "' separates them by " + weakerScheme.disjointBy() + " only)"))
                + " (evidence: " + (myKey.equals(theirKey) ? "same dataset" : "shared ancestry") + ")";
        return new Evidence(mine.key(), null, null, pathThrough(mine, theirs), detail, false, false);
    }

    private static List<String> pathThrough(Facts.Node mine, Facts.Node theirs) {
        List<String> path = new ArrayList<>(mine.path());
        List<String> down = new ArrayList<>(theirs.path().subList(0, theirs.path().size() - 1));
        Collections.reverse(down);
        path.addAll(down);
        return path;
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    /**
     * A scheme of {@code source} in which both datasets are parts, different ones, on every path up to it; the
     * partition of the finest guarantee (subject before study before image) when several schemes qualify.
     */
    private static Optional<Facts.Partition> disjointScheme(String source, Facts.Dataset mine,
            Map<String, Facts.Node> myNodes, Facts.Dataset theirs, Map<String, Facts.Node> theirNodes) {
        Set<String> schemes = new HashSet<>();
        mine.partitions().stream().filter(p -> p.parent().equals(source)).forEach(p -> schemes.add(p.scheme()));
        Facts.Partition best = null;
        for (String scheme : schemes) {
            List<Facts.Partition> myParts = parts(mine, source, scheme);
            List<Facts.Partition> theirParts = parts(theirs, source, scheme);
            if (theirParts.isEmpty() || !reachesOnlyThrough(mine.key(), source, myParts, myNodes)
                    || !reachesOnlyThrough(theirs.key(), source, theirParts, theirNodes)) {
                continue;
            }
            Set<String> myNames = new HashSet<>();
            myParts.forEach(p -> myNames.add(p.part()));
            if (theirParts.stream().noneMatch(p -> myNames.contains(p.part()))) {
                Facts.Partition candidate = myParts.get(0);
                if (best == null || rank(candidate.disjointBy()) < rank(best.disjointBy())) {
                    best = candidate;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static int rank(String disjointBy) {
        return switch (disjointBy) {
            case SUBJECT -> 0;
            case "study" -> 1;
            default -> 2;
        };
    }

    private static List<Facts.Partition> parts(Facts.Dataset dataset, String source, String scheme) {
        return dataset.partitions().stream().filter(p -> p.parent().equals(source) && p.scheme().equals(scheme))
                .toList();
    }

    /** True when every way up from {@code start} to {@code source} passes through one of the parts. */
    private static boolean reachesOnlyThrough(String start, String source, List<Facts.Partition> parts,
            Map<String, Facts.Node> graph) {
        Set<String> blocked = new HashSet<>();
        parts.forEach(p -> blocked.add(p.dataset()));
        if (blocked.contains(start)) {
            return true;
        }
        Set<String> seen = new HashSet<>(List.of(start));
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            Facts.Node node = graph.get(queue.poll());
            if (node == null) {
                continue;
            }
            for (String parent : node.parents()) {
                if (parent.equals(source)) {
                    return false;
                }
                if (!blocked.contains(parent) && seen.add(parent)) {
                    queue.add(parent);
                }
            }
        }
        return true;
    }

    /** Shared keys that are not an ancestor of another shared key, in lineage order. */
    private static List<String> nearest(Set<String> shared, Map<String, Facts.Node> mine,
            Map<String, Facts.Node> theirs) {
        Map<String, Facts.Node> graph = new LinkedHashMap<>(theirs);
        graph.putAll(mine);
        Set<String> redundant = new HashSet<>();
        for (String key : shared) {
            Set<String> ancestors = ancestorsOf(key, graph);
            ancestors.retainAll(shared);
            redundant.addAll(ancestors);
        }
        List<String> result = new ArrayList<>();
        for (String key : mine.keySet()) {
            if (shared.contains(key) && !redundant.contains(key)) {
                result.add(key);
            }
        }
        return result;
    }

    private static Set<String> ancestorsOf(String key, Map<String, Facts.Node> graph) {
        Set<String> seen = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>(graph.get(key).parents());
        while (!queue.isEmpty()) {
            String next = queue.poll();
            if (seen.add(next) && graph.containsKey(next)) {
                queue.addAll(graph.get(next).parents());
            }
        }
        seen.remove(key);
        return seen;
    }
}
