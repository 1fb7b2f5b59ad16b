package org.onlabel.license;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean" candidates for a mistyped SPDX id: ids that start with it, or are within a few edits of it (one edit
 * per three characters typed, at most two, so short words suggest nothing).
 */
final class LicenseIdSuggestions {

    private static final int MAX_DISTANCE = 2;
    private static final int MAX_SUGGESTIONS = 3;
    private static final int MIN_PREFIX_LENGTH = 3;

    private LicenseIdSuggestions() {
    }

    static List<String> closest(String typed, Collection<String> knownIds) {
        String needle = typed.toLowerCase(Locale.ROOT);
        int maxDistance = Math.min(MAX_DISTANCE, needle.length() / 3);
        record Candidate(String id, int distance) {
        }
        return knownIds.stream()
                .map(id -> {
                    String candidate = id.toLowerCase(Locale.ROOT);
                    boolean prefix = needle.length() >= MIN_PREFIX_LENGTH && candidate.startsWith(needle);
                    int distance = prefix ? 0 : distance(needle, candidate);
                    return new Candidate(id, distance);
                })
                .filter(candidate -> candidate.distance() <= maxDistance)
                .sorted(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::id))
                .limit(MAX_SUGGESTIONS)
                .map(Candidate::id)
                .toList();
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
