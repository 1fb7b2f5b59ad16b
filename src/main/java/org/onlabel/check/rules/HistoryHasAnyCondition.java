package org.onlabel.check.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code historyHasAny: [step ids]} — every step of the effective history with one of these ids. */
record HistoryHasAnyCondition(Set<String> steps) implements Condition {
    @Override
    public Outcome evaluate(EvaluationContext context) {
        List<Evidence> matches = new ArrayList<>();
        for (Facts.HistoryStep step : context.dataset().history()) {
            if (step.step() != null && steps.contains(step.step().trim().toLowerCase(Locale.ROOT))) {
                matches.add(Evidence.atStep(step));
            }
        }
        return Outcome.ofAny(matches, List.of());
    }
}
