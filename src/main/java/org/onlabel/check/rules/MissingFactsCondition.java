package org.onlabel.check.rules;

/**
 * {@code missingFacts: representation | license} — marks the rule that reports other rules' UNKNOWN outcomes
 * caused by this kind of missing fact. Evaluated on its own it never matches; the engine fills it in.
 */
record MissingFactsCondition(FactKind kind) implements Condition {
    @Override
    public Outcome evaluate(EvaluationContext context) {
        return Outcome.NO_MATCH;
    }
}
