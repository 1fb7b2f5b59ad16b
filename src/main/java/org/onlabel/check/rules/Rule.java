package org.onlabel.check.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One rule as written in the ruleset file. {@code condition} is kept as the original tree so that
 * {@code GET /api/v1/rules} shows exactly what the domain experts wrote; the engine compiles it. A {@code standing}
 * rule states a fact about the dataset that holds for every use (a license conflict, a retracted ancestor); a
 * dataset's label lists its findings as standing violations. A standing rule is <em>derivation compliance</em>: what
 * it cannot decide is a question for the dataset's publisher (an {@code info} finding), never an UNKNOWN verdict for
 * the user. {@code modalities} (empty: every modality) limits the rule to data of those DICOM modalities.
 */
public record Rule(String id, List<String> tasks, List<String> modalities, Severity severity, Basis basis,
        JsonNode condition, String message, String rationale, List<String> references, boolean standing) {
    public static final String EVERY_TASK = "*";

    public Rule {
        tasks = List.copyOf(tasks);
        modalities = modalities == null ? List.of()
                : modalities.stream().map(m -> m.trim().toUpperCase(java.util.Locale.ROOT)).toList();
        references = references == null ? List.of() : List.copyOf(references);
    }

    public boolean appliesTo(String task) {
        return tasks.contains(EVERY_TASK) || tasks.stream().anyMatch(t -> t.equalsIgnoreCase(task));
    }

    /**
     * Whether the rule speaks about data of these modalities. A rule without modalities applies to all; data whose
     * modality is not recorded anywhere get every rule (a rule kept silent could hide a violation).
     */
    public boolean appliesToModalities(java.util.Set<String> dataModalities) {
        return modalities.isEmpty() || dataModalities.isEmpty() || dataModalities.stream().anyMatch(modalities::contains);
    }
}
