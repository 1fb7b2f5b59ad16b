package org.onlabel.check.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code sharedAncestorBetweenRoles: [roleA, roleB]} — a check-level condition, evaluated for each dataset in
 * roleB (the finding's dataset): a dataset in roleA and it share a dataset or an ancestor. Only the nearest shared
 * sources are reported (a shared source's own ancestors are shared too and add nothing). The path runs from the
 * roleB dataset up to the shared source and down to the roleA dataset.
 */
record SharedSourceCondition(String roleA, String roleB) implements Condition {
    @Override
    public Outcome evaluate(EvaluationContext context) {
        if (!roleB.equalsIgnoreCase(context.checked().role())) {
            return Outcome.NO_MATCH;
        }
        Map<String, Facts.Node> mine = EvaluationContext.lineageByKey(context.dataset());
        List<Evidence> matches = new ArrayList<>();
        for (Facts.Roled other : context.all()) {
            if (other == context.checked() || !roleA.equalsIgnoreCase(other.role())) {
                continue;
            }
            Map<String, Facts.Node> theirs = EvaluationContext.lineageByKey(other.dataset());
            Set<String> shared = new HashSet<>(mine.keySet());
            shared.retainAll(theirs.keySet());
            for (String key : nearest(shared, mine, theirs)) {
                matches.add(evidence(mine.get(key), theirs.get(key), context.dataset().key(),
                        other.dataset().key()));
            }
        }
        return Outcome.ofAny(matches, List.of());
    }

    private Evidence evidence(Facts.Node mine, Facts.Node theirs, String myKey, String theirKey) {
        List<String> path = new ArrayList<>(mine.path());
        List<String> down = new ArrayList<>(theirs.path().subList(0, theirs.path().size() - 1));
        Collections.reverse(down);
        path.addAll(down);
        String detail = "'" + roleB + "' dataset " + myKey + " and '" + roleA + "' dataset " + theirKey
                + (myKey.equals(theirKey) ? " are the same dataset" : " both contain data from " + mine.key());
        return new Evidence(mine.key(), null, null, path, detail, false, false);
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
