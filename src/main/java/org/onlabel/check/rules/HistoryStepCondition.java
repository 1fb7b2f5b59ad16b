package org.onlabel.check.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code historyStep: {step, parameter, equals | notEquals, ifMissing}} — steps with this id whose parameter
 * compares as asked (strings, case-insensitive). Without {@code parameter} every step with the id matches. A step
 * lacking the parameter counts as {@code ifMissing}: unknown (default), match or noMatch.
 */
record HistoryStepCondition(String step, String parameter, String value, boolean negate, Outcome.Truth ifMissing)
        implements Condition {
    @Override
    public Outcome evaluate(EvaluationContext context) {
        List<Evidence> matches = new ArrayList<>();
        List<MissingFact> missing = new ArrayList<>();
        for (Facts.HistoryStep candidate : context.dataset().history()) {
            if (candidate.step() == null || !candidate.step().trim().equalsIgnoreCase(step)) {
                continue;
            }
            Evidence evidence = Evidence.atStep(candidate);
            Object actual = parameter == null ? null : candidate.parameters().get(parameter);
            if (parameter == null) {
                matches.add(evidence);
            } else if (actual == null) {
                if (ifMissing == Outcome.Truth.MATCH) {
                    matches.add(evidence);
                } else if (ifMissing == Outcome.Truth.UNKNOWN) {
                    missing.add(new MissingFact(FactKind.OTHER,
                            "the '" + parameter + "' of step " + evidence.detail(), evidence));
                }
            } else if (String.valueOf(actual).trim().equalsIgnoreCase(value) != negate) {
                matches.add(evidence);
            }
        }
        return Outcome.ofAny(matches, missing);
    }
}
