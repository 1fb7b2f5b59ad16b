package org.onlabel.check.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code cohortSingle: [vendors, sites]} — over the whole lineage, the scans come from exactly one vendor (resp.
 * one site). No recorded vendor or site is not a match.
 */
record CohortSingleCondition(List<String> fields) implements Condition {
    static final String VENDORS = "vendors";
    static final String SITES = "sites";

    @Override
    public Outcome evaluate(EvaluationContext context) {
        List<String> parts = new ArrayList<>();
        for (String field : fields) {
            Map<String, String> values = new LinkedHashMap<>();
            for (Facts.Node node : context.dataset().lineage()) {
                for (String value : VENDORS.equals(field) ? node.vendors() : node.sites()) {
                    if (value != null && !value.isBlank()) {
                        values.putIfAbsent(value.trim().toLowerCase(Locale.ROOT), value.trim());
                    }
                }
            }
            if (values.size() == 1) {
                parts.add("one " + (VENDORS.equals(field) ? "vendor" : "site") + " (" + values.values().iterator()
                        .next() + ")");
            }
        }
        if (parts.isEmpty()) {
            return Outcome.NO_MATCH;
        }
        return Outcome.match(Evidence.about(context.dataset(), "all scans come from " + String.join(" and ", parts)));
    }
}
