package org.onlabel.vocabulary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The valid terms closest to a value that matched none: "did you mean" candidates for a 422. A term is named by
 * several spellings (id, label, synonyms); a candidate's score is the best of its spellings, where a spelling scores
 * by edit distance relative to its length, by shared words, or by starting with what was typed. Only candidates close
 * to the best one are named.
 */
public final class NearestTerms {
    /** A term and the spellings it may be named by. */
    public record Candidate(String id, Collection<String> names) {
    }

    static final double MAX_SCORE = 0.5;
    /** Candidates much worse than the best one are noise next to it. */
    static final double WITHIN_BEST = 0.2;
    private static final LevenshteinDistance EDITS = LevenshteinDistance.getDefaultInstance();

    private NearestTerms() {
    }

    /** Up to {@code limit} candidate ids, best first; empty when nothing is close. */
    public static List<String> closest(String typed, Collection<Candidate> candidates, int limit) {
        String needle = normalise(typed);
        if (needle.isEmpty()) {
            return List.of();
        }
        Map<String, Double> best = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            double score = c.names().stream().mapToDouble(name -> score(needle, normalise(name))).min().orElse(1);
            if (score <= MAX_SCORE) {
                best.merge(c.id(), score, Math::min);
            }
        }
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(best.entrySet());
        ranked.sort(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
        double cutoff = ranked.isEmpty() ? 0 : ranked.get(0).getValue() + WITHIN_BEST;
        return ranked.stream().filter(e -> e.getValue() <= cutoff).limit(limit).map(Map.Entry::getKey).toList();
    }

    static double score(String needle, String name) {
        if (name.isEmpty()) {
            return 1;
        }
        if (name.equals(needle)) {
            return 0;
        }
        double edits = (double) EDITS.apply(needle, name) / Math.max(needle.length(), name.length());
        double prefix = needle.length() >= 3 && name.startsWith(needle) ? 0.25 : 1;
        return Math.min(edits, Math.min(prefix, wordDistance(needle, name)));
    }

    /** 1 − shared words / all words (Jaccard distance over words of three letters or more). */
    private static double wordDistance(String a, String b) {
        Set<String> wa = words(a);
        Set<String> wb = words(b);
        if (wa.isEmpty() || wb.isEmpty()) {
            return 1;
        }
        Set<String> union = new HashSet<>(wa);
        union.addAll(wb);
        Set<String> shared = new HashSet<>(wa);
        shared.retainAll(wb);
        return 1 - (double) shared.size() / union.size();
    }

    private static Set<String> words(String s) {
        Set<String> words = new HashSet<>(Arrays.asList(s.split(" ")));
        words.removeIf(w -> w.length() < 3);
        return words;
    }

    /** Lower case, with every run of punctuation or space as one space: "Motion_Correction" ~ "motion-correction". */
    static String normalise(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    /** Candidates for a plain vocabulary: each term by its id, label and {@code synonyms} attribute. */
    public static List<Candidate> of(Vocabulary vocabulary) {
        return vocabulary.terms().stream().map(NearestTerms::candidate)
                .sorted(Comparator.comparing(Candidate::id)).toList();
    }

    private static Candidate candidate(Term t) {
        List<String> names = new ArrayList<>(List.of(t.id()));
        if (t.label() != null) {
            names.add(t.label());
        }
        if (t.attributes().get("synonyms") instanceof Collection<?> synonyms) {
            synonyms.forEach(s -> names.add(String.valueOf(s)));
        }
        return new Candidate(t.id(), names);
    }

    /** "'segmentaton' is not in vocabulary tasks; nearest terms: segmentation (see GET ...)". */
    public static String unknownValueMessage(String value, Vocabulary vocabulary) {
        List<String> nearest = closest(value, of(vocabulary), 5);
        return "'" + value + "' is not in vocabulary " + vocabulary.name()
                + (nearest.isEmpty() ? "" : "; nearest terms: " + String.join(", ", nearest))
                + " (see GET /api/v1/vocabularies/" + vocabulary.name() + ")";
    }
}
