package org.onlabel.check.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A three-valued condition result with its evidence (when it matched) or its missing facts (when unknown). */
record Outcome(Truth truth, List<Evidence> evidence, List<MissingFact> missing) {
    enum Truth {
        MATCH, NO_MATCH, UNKNOWN
    }

    static final Outcome NO_MATCH = new Outcome(Truth.NO_MATCH, List.of(), List.of());

    Outcome {
        evidence = List.copyOf(evidence);
        missing = List.copyOf(missing);
    }

    static Outcome match(Evidence evidence) {
        return new Outcome(Truth.MATCH, List.of(evidence), List.of());
    }

    static Outcome unknown(MissingFact missing) {
        return new Outcome(Truth.UNKNOWN, List.of(), List.of(missing));
    }

    /** "Some item matches": a match wins over unknown items; unknown only when nothing matched. */
    static Outcome ofAny(List<Evidence> matches, List<MissingFact> missing) {
        if (!matches.isEmpty()) {
            return new Outcome(Truth.MATCH, preferSpecific(matches), List.of());
        }
        if (!missing.isEmpty()) {
            return new Outcome(Truth.UNKNOWN, List.of(), missing);
        }
        return NO_MATCH;
    }

    boolean matched() {
        return truth == Truth.MATCH;
    }

    /**
     * Specific evidence (a step, an ancestor) supersedes generic evidence about the checked dataset; several generic
     * pieces collapse into one whose detail lists them all.
     */
    static List<Evidence> preferSpecific(List<Evidence> all) {
        List<Evidence> specific = all.stream().filter(e -> !e.generic()).collect(Collectors.toList());
        if (!specific.isEmpty()) {
            return specific;
        }
        if (all.size() <= 1) {
            return all;
        }
        Map<String, Boolean> details = new LinkedHashMap<>();
        all.stream().map(Evidence::detail).filter(d -> !d.isBlank()).forEach(d -> details.put(d, true));
        Evidence first = all.get(0);
        return List.of(new Evidence(first.dataset(), null, null, first.path(),
                String.join("; ", new ArrayList<>(details.keySet())), false, true));
    }
}
