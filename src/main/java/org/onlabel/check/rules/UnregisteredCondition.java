package org.onlabel.check.rules;

import java.util.ArrayList;
import java.util.List;

/** {@code lineageUnregistered: true} — the lineage reaches a source known only by name. */
record UnregisteredCondition() implements Condition {
    @Override
    public Outcome evaluate(EvaluationContext context) {
        List<Evidence> matches = new ArrayList<>();
        for (Facts.Node node : context.dataset().lineage()) {
            if (!node.registered()) {
                matches.add(Evidence.atNode(node, node.key() + " is known only by name, not registered"));
            }
        }
        return Outcome.ofAny(matches, List.of());
    }
}
