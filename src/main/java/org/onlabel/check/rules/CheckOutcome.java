package org.onlabel.check.rules;

import java.util.List;

public record CheckOutcome(Verdict verdict, String task, String rulesetVersion, List<DatasetVerdict> datasets,
        List<Finding> findings) {
    public CheckOutcome {
        datasets = List.copyOf(datasets);
        findings = List.copyOf(findings);
    }
}
