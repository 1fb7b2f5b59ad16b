package org.onlabel.provenance;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.onlabel.common.collect.SharedPrefixList;

/**
 * The part of the derivation graph around one dataset, as loaded by one recursive query: node keys and
 * parent → child edges. Answers the questions that are easier in memory than in SQL: shortest paths from the root,
 * and an order from the sources to the root in which every dataset comes after all of its parents.
 */
public final class LineageGraph {
    /** A derivation edge: {@code parent} was used to make {@code child}. */
    public record Edge(String parent, String child) {
    }

    private final String root;
    private final Map<String, List<String>> parentsOf = new HashMap<>();
    private final Map<String, List<String>> childrenOf = new HashMap<>();
    private final Set<String> nodes = new HashSet<>();

    public LineageGraph(String root, Iterable<String> nodeKeys, Iterable<Edge> edges) {
        this.root = root;
        nodes.add(root);
        nodeKeys.forEach(nodes::add);
        for (Edge e : edges) {
            if (nodes.contains(e.parent()) && nodes.contains(e.child())) {
                parentsOf.computeIfAbsent(e.child(), k -> new ArrayList<>()).add(e.parent());
                childrenOf.computeIfAbsent(e.parent(), k -> new ArrayList<>()).add(e.child());
            }
        }
        parentsOf.values().forEach(Collections::sort);
        childrenOf.values().forEach(Collections::sort);
    }

    public String root() {
        return root;
    }

    public List<String> parentsOf(String key) {
        return parentsOf.getOrDefault(key, List.of());
    }

    /**
     * For every ancestor reachable upstream, the shortest path of keys from the root to it (root first). Ties are
     * broken by key order, so the answer is deterministic.
     */
    public Map<String, List<String>> upstreamPaths() {
        return shortestPaths(parentsOf);
    }

    public Map<String, List<String>> downstreamPaths() {
        return shortestPaths(childrenOf);
    }

    private Map<String, List<String>> shortestPaths(Map<String, List<String>> next) {
        Map<String, SharedPrefixList> paths = new LinkedHashMap<>();
        paths.put(root, SharedPrefixList.of(root));
        Deque<String> queue = new ArrayDeque<>();
        queue.add(root);
        while (!queue.isEmpty()) {
            String current = queue.poll();
            for (String n : next.getOrDefault(current, List.of())) {
                if (!paths.containsKey(n)) {
                    paths.put(n, paths.get(current).append(n));
                    queue.add(n);
                }
            }
        }
        return new LinkedHashMap<>(paths);
    }

    /**
     * The root and its ancestors, ordered so that every dataset comes after all of its parents: the order in which
     * their preprocessing happened. Among datasets whose parents are all placed, the one farther from the root
     * comes first, then by key.
     */
    public List<String> sourcesToRoot() {
        Map<String, List<String>> paths = upstreamPaths();
        Map<String, Integer> waitingFor = new HashMap<>();
        for (String key : paths.keySet()) {
            int parents = 0;
            for (String p : parentsOf(key)) {
                if (paths.containsKey(p)) {
                    parents++;
                }
            }
            waitingFor.put(key, parents);
        }
        Comparator<String> fartherFirst = Comparator.<String>comparingInt(k -> -paths.get(k).size())
                .thenComparing(Comparator.naturalOrder());
        PriorityQueue<String> ready = new PriorityQueue<>(fartherFirst);
        waitingFor.forEach((k, n) -> {
            if (n == 0) {
                ready.add(k);
            }
        });
        List<String> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String next = ready.poll();
            order.add(next);
            for (String child : childrenOf.getOrDefault(next, List.of())) {
                if (waitingFor.containsKey(child) && waitingFor.merge(child, -1, Integer::sum) == 0) {
                    ready.add(child);
                }
            }
        }
        return order;
    }
}
