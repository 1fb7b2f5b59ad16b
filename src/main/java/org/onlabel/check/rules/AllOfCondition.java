package org.onlabel.check.rules;

import java.util.ArrayList;
import java.util.List;

/** Matches when every part matches; no match as soon as one part does not match, even if others are unknown. */
record AllOfCondition(List<Condition> parts) implements Condition {
    @Override
    public Outcome evaluate(EvaluationContext context) {
        List<Evidence> evidence = new ArrayList<>();
        List<MissingFact> missing = new ArrayList<>();
        boolean unknown = false;
        for (Condition part : parts) {
            Outcome outcome = part.evaluate(context);
            switch (outcome.truth()) {
                case NO_MATCH:
                    return Outcome.NO_MATCH;
                case UNKNOWN:
                    unknown = true;
                    missing.addAll(outcome.missing());
                    break;
                default:
                    evidence.addAll(outcome.evidence());
            }
        }
        if (unknown) {
            return new Outcome(Outcome.Truth.UNKNOWN, List.of(), missing);
        }
        return new Outcome(Outcome.Truth.MATCH, Outcome.preferSpecific(evidence), List.of());
    }
}
