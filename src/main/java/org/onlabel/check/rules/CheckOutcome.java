package org.onlabel.check.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code paths} is absent unless a compact answer was asked for (the other fields are always written). */
public record CheckOutcome(@Schema(required = true) Verdict verdict, @Schema(required = true) String task,
        @Schema(required = true) String rulesetVersion, @Schema(required = true) List<DatasetVerdict> datasets,
        @Schema(required = true) List<Finding> findings,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(nullable = true, description = "Only with paths=compact: for each checked dataset whose findings had "
                + "their path cut, each ancestor on those paths mapped to the next key toward the checked dataset. "
                + "A cut path is completed from introducedBy.dataset by following this map to the checked dataset "
                + "(and reversing).",
                examples = "{\"chain-0999\": {\"chain-0000\": \"chain-0001\", \"chain-0001\": \"chain-0002\"}}")
        Map<String, Map<String, String>> paths) {
    public CheckOutcome {
        datasets = List.copyOf(datasets);
        findings = List.copyOf(findings);
    }

    public CheckOutcome(Verdict verdict, String task, String rulesetVersion, List<DatasetVerdict> datasets,
            List<Finding> findings) {
        this(verdict, task, rulesetVersion, datasets, findings, null);
    }
}
