package org.onlabel.check.rules;

import java.util.ArrayList;
import java.util.List;

/** Matches when any part matches; unknown when none matches and some part is unknown. */
record AnyOfCondition(List<Condition> parts) implements Condition {
    @Override
    public Outcome evaluate(EvaluationContext context) {
        List<Evidence> evidence = new ArrayList<>();
        List<MissingFact> missing = new ArrayList<>();
        for (Condition part : parts) {
            Outcome outcome = part.evaluate(context);
            evidence.addAll(outcome.evidence());
            missing.addAll(outcome.missing());
        }
        return Outcome.ofAny(evidence, missing);
    }
}
