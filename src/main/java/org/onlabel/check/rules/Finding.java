package org.onlabel.check.rules;

import java.util.List;

/**
 * One reason behind a verdict. {@code dataset} is the checked dataset the finding concerns; {@code path} runs from
 * it to the dataset that introduced the finding.
 */
public record Finding(String rule, Severity severity, String dataset, IntroducedBy introducedBy, List<String> path,
        String message, List<String> references) {
    public Finding {
        path = List.copyOf(path);
        references = references == null ? List.of() : List.copyOf(references);
    }
}
