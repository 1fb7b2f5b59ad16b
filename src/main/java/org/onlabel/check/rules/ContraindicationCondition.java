package org.onlabel.check.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code lineageContraindicates: true} — the checked dataset or an ancestor lists the task as a contraindication.
 * Contraindications travel downstream because processing never restores lost information.
 */
record ContraindicationCondition() implements Condition {
    @Override
    public Outcome evaluate(EvaluationContext context) {
        List<Evidence> matches = new ArrayList<>();
        for (Facts.Node node : context.dataset().lineage()) {
            for (Facts.Contraindication contraindication : node.contraindications()) {
                if (context.task().equalsIgnoreCase(contraindication.task())) {
                    String reason = contraindication.reason() == null || contraindication.reason().isBlank()
                            ? "no reason recorded" : contraindication.reason().trim();
                    matches.add(Evidence.atNode(node, reason));
                    break;
                }
            }
        }
        return Outcome.ofAny(matches, List.of());
    }
}
