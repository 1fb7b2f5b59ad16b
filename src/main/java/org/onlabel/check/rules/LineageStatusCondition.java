package org.onlabel.check.rules;

import java.util.ArrayList;
import java.util.List;

/** {@code lineageStatus: retracted | deprecated | ...} — the checked dataset or an ancestor has this status. */
record LineageStatusCondition(String status) implements Condition {
    @Override
    public Outcome evaluate(EvaluationContext context) {
        List<Evidence> matches = new ArrayList<>();
        for (Facts.Node node : context.dataset().lineage()) {
            if (node.status() != null && node.status().trim().equalsIgnoreCase(status)) {
                matches.add(Evidence.atNode(node, node.key() + " is " + status));
            }
        }
        return Outcome.ofAny(matches, List.of());
    }
}
