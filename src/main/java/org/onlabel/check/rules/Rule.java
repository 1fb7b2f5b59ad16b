package org.onlabel.check.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One rule as written in the ruleset file. {@code condition} is kept as the original tree so that
 * {@code GET /api/v1/rules} shows exactly what the domain experts wrote; the engine compiles it. A {@code standing}
 * rule states a fact about the dataset that holds for every use (a license conflict, a retracted ancestor); a
 * dataset's label lists its findings as standing violations.
 */
public record Rule(String id, List<String> tasks, Severity severity, Basis basis, JsonNode condition, String message,
        String rationale, List<String> references, boolean standing) {
    public static final String EVERY_TASK = "*";

    public Rule {
        tasks = List.copyOf(tasks);
        references = references == null ? List.of() : List.copyOf(references);
    }

    public boolean appliesTo(String task) {
        return tasks.contains(EVERY_TASK) || tasks.stream().anyMatch(t -> t.equalsIgnoreCase(task));
    }
}
