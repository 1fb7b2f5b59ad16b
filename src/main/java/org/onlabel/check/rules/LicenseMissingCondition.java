package org.onlabel.check.rules;

import java.util.ArrayList;
import java.util.List;

/** {@code lineageLicenseMissing: true} — a registered node of the lineage has no license recorded. */
record LicenseMissingCondition() implements Condition {
    @Override
    public Outcome evaluate(EvaluationContext context) {
        List<Evidence> matches = new ArrayList<>();
        for (Facts.Node node : context.dataset().lineage()) {
            String expression = node.license().expression();
            if (node.registered() && (expression == null || expression.isBlank())) {
                matches.add(Evidence.atNode(node, "no license is recorded for " + node.key()));
            }
        }
        return Outcome.ofAny(matches, List.of());
    }
}
