package org.onlabel.check.rules;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Gathers, for one checked dataset, the facts other rules needed and did not have, grouped by the rule that reports
 * them (any.unknown-representation, license.unknown) and by where the fact is missing, so that each place is
 * reported once, naming every rule that needed it.
 */
final class UnknownReport {
    private record Place(CompiledRule reporter, String dataset, Integer index) {
    }

    private static final class Entry {
        Evidence where;
        final Map<String, Set<String>> neededBy = new LinkedHashMap<>();
    }

    private final Map<Place, Entry> entries = new LinkedHashMap<>();

    void add(CompiledRule reporter, MissingFact missing, String neededBy) {
        Evidence where = missing.where();
        Entry entry = entries.computeIfAbsent(new Place(reporter, where.dataset(), where.index()), p -> new Entry());
        if (entry.where == null || where.path().size() < entry.where.path().size()) {
            entry.where = where;
        }
        entry.neededBy.computeIfAbsent(missing.fact(), f -> new LinkedHashSet<>()).add(neededBy);
    }

    /** One piece of evidence per place, whose detail lists each missing fact with the rules that needed it. */
    void forEach(Reporter reporter) {
        entries.forEach((place, entry) -> {
            String detail = entry.neededBy.entrySet().stream()
                    .map(e -> e.getKey() + " (needed by " + String.join(", ", e.getValue()) + ")")
                    .collect(Collectors.joining("; "));
            Evidence where = entry.where;
            reporter.report(place.reporter(), new Evidence(where.dataset(), where.step(), where.index(),
                    where.path(), detail, false, where.generic()));
        });
    }

    interface Reporter {
        void report(CompiledRule rule, Evidence evidence);
    }
}
