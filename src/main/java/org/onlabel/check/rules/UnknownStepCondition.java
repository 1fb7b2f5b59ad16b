package org.onlabel.check.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code historyStepUnknown: true} — steps whose id is not in the preprocessing vocabulary (kept verbatim). */
record UnknownStepCondition() implements Condition {
    @Override
    public Outcome evaluate(EvaluationContext context) {
        if (context.knownSteps().isEmpty()) {
            return Outcome.NO_MATCH;
        }
        List<Evidence> matches = new ArrayList<>();
        for (Facts.HistoryStep step : context.dataset().history()) {
            String id = step.step() == null ? "" : step.step().trim().toLowerCase(Locale.ROOT);
            if (!context.knownSteps().contains(id)) {
                matches.add(Evidence.atStep(step));
            }
        }
        return Outcome.ofAny(matches, List.of());
    }
}
