package org.onlabel.check.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code lineageLicenseMissing: true} — a registered node of the lineage has no license recorded;
 * {@code lineageLicenseMissing: checked} — the checked dataset itself has none (what its ancestors lack is a question
 * about how it was derived, asked by the derivation rules).
 */
record LicenseMissingCondition(boolean checkedOnly) implements Condition {
    @Override
    public Outcome evaluate(EvaluationContext context) {
        List<Evidence> matches = new ArrayList<>();
        for (Facts.Node node : context.dataset().lineage()) {
            if (checkedOnly && !node.key().equals(context.dataset().key())) {
                continue;
            }
            String expression = node.license().expression();
            if (node.registered() && (expression == null || expression.isBlank())) {
                matches.add(Evidence.atNode(node, "no license is recorded for " + node.key()));
            }
        }
        return Outcome.ofAny(matches, List.of());
    }
}
