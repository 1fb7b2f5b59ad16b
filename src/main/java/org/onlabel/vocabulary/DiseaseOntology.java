package org.onlabel.vocabulary;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The disease vocabulary with its is-a closure. A disease is named by its MONDO id (also as {@code MONDO_0018177} or
 * its OBO PURL), its label, or a synonym or alias; label beats synonym, and a synonym that several terms share is
 * ambiguous rather than guessed.
 */
public final class DiseaseOntology {
    private static final Pattern MONDO_ID = Pattern.compile(
            "^(?:https?://purl\\.obolibrary\\.org/obo/)?MONDO[:_](\\d{7})$", Pattern.CASE_INSENSITIVE);
    private static final int SUGGESTIONS = 5;

    /** No diseases at all. */
    public static final DiseaseOntology EMPTY = new DiseaseOntology("", Map.of(), List.of());

    private final String description;
    private final Map<String, Object> source;
    private final Map<String, DiseaseTerm> byId;
    private final Map<String, Set<String>> ancestors;
    private final Map<String, String> byLabel;
    private final Map<String, Set<String>> bySynonym;
    private final List<NearestTerms.Candidate> candidates;

    /** @throws IllegalArgumentException on a duplicate id, a parent that is not a term, or an is-a cycle */
    public DiseaseOntology(String description, Map<String, Object> source, List<DiseaseTerm> terms) {
        this.description = description;
        this.source = Collections.unmodifiableMap(new LinkedHashMap<>(source));
        Map<String, DiseaseTerm> ids = new LinkedHashMap<>();
        for (DiseaseTerm t : terms) {
            if (!MONDO_ID.matcher(t.id()).matches() || !t.id().startsWith("MONDO:")) {
                throw new IllegalArgumentException("Disease id '" + t.id() + "' is not a MONDO id such as MONDO:0018177");
            }
            if (ids.putIfAbsent(t.id(), t) != null) {
                throw new IllegalArgumentException("Disease " + t.id() + " is listed twice");
            }
        }
        for (DiseaseTerm t : ids.values()) {
            for (String p : t.parents()) {
                if (!ids.containsKey(p)) {
                    throw new IllegalArgumentException("Parent " + p + " of " + t.id() + " is not a term of the vocabulary");
                }
            }
        }
        this.byId = Collections.unmodifiableMap(ids);
        this.ancestors = closure(ids);
        Map<String, String> labels = new HashMap<>();
        Map<String, Set<String>> synonyms = new HashMap<>();
        List<NearestTerms.Candidate> names = new ArrayList<>();
        for (DiseaseTerm t : ids.values()) {
            labels.putIfAbsent(key(t.label()), t.id());
            List<String> all = new ArrayList<>(List.of(t.id(), t.label()));
            for (String s : concat(t.synonyms(), t.aliases())) {
                synonyms.computeIfAbsent(key(s), k -> new LinkedHashSet<>()).add(t.id());
                all.add(s);
            }
            names.add(new NearestTerms.Candidate(t.id(), all));
        }
        this.byLabel = labels;
        this.bySynonym = synonyms;
        this.candidates = List.copyOf(names);
    }

    /** What naming a disease found: one term, several (an ambiguous synonym), or none with the nearest terms. */
    public record Lookup(Optional<DiseaseTerm> term, List<DiseaseTerm> ambiguous, List<DiseaseTerm> nearest) {
        /** Why the name is refused, for a 422; empty when it names one term. */
        public Optional<String> problem(String typed) {
            if (term.isPresent()) {
                return Optional.empty();
            }
            if (!ambiguous.isEmpty()) {
                return Optional.of("'" + typed + "' names several diseases: " + names(ambiguous)
                        + "; name one by its id");
            }
            return Optional.of("'" + typed + "' is not in vocabulary diseases"
                    + (nearest.isEmpty() ? "" : "; nearest terms: " + names(nearest))
                    + " (see GET /api/v1/vocabularies/diseases)");
        }

        private static String names(List<DiseaseTerm> terms) {
            return String.join(", ", terms.stream().map(DiseaseTerm::display).toList());
        }
    }

    public Lookup lookup(String name) {
        if (name == null || name.isBlank()) {
            return new Lookup(Optional.empty(), List.of(), List.of());
        }
        String trimmed = name.trim();
        Matcher id = MONDO_ID.matcher(trimmed);
        if (id.matches()) {
            DiseaseTerm t = byId.get("MONDO:" + id.group(1));
            if (t != null) {
                return found(t);
            }
        }
        String label = byLabel.get(key(trimmed));
        if (label != null) {
            return found(byId.get(label));
        }
        Set<String> synonym = bySynonym.getOrDefault(key(trimmed), Set.of());
        if (synonym.size() == 1) {
            return found(byId.get(synonym.iterator().next()));
        }
        if (synonym.size() > 1) {
            return new Lookup(Optional.empty(), synonym.stream().map(byId::get).toList(), List.of());
        }
        return new Lookup(Optional.empty(), List.of(),
                NearestTerms.closest(trimmed, candidates, SUGGESTIONS).stream().map(byId::get).toList());
    }

    /** The term a name resolves to, if exactly one. */
    public Optional<DiseaseTerm> find(String name) {
        return lookup(name).term();
    }

    public Optional<DiseaseTerm> get(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** Every is-a ancestor of a term (not the term itself), nearest first. */
    public Set<String> ancestorsOf(String id) {
        return ancestors.getOrDefault(id, Set.of());
    }

    /** True when {@code id} is {@code ancestorId} or a subclass of it. */
    public boolean isA(String id, String ancestorId) {
        return id.equals(ancestorId) || ancestorsOf(id).contains(ancestorId);
    }

    public List<DiseaseTerm> terms() {
        return List.copyOf(byId.values());
    }

    public String description() {
        return description;
    }

    public Map<String, Object> source() {
        return source;
    }

    public int size() {
        return byId.size();
    }

    private static Lookup found(DiseaseTerm t) {
        return new Lookup(Optional.of(t), List.of(), List.of());
    }

    private static Map<String, Set<String>> closure(Map<String, DiseaseTerm> ids) {
        Map<String, Set<String>> result = new TreeMap<>();
        for (String id : ids.keySet()) {
            Set<String> seen = new LinkedHashSet<>();
            Deque<String> queue = new ArrayDeque<>(ids.get(id).parents());
            while (!queue.isEmpty()) {
                String next = queue.removeFirst();
                if (next.equals(id)) {
                    throw new IllegalArgumentException("Disease " + id + " is its own ancestor (an is-a cycle)");
                }
                if (seen.add(next)) {
                    queue.addAll(ids.get(next).parents());
                }
            }
            result.put(id, Collections.unmodifiableSet(seen));
        }
        return Collections.unmodifiableMap(result);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
