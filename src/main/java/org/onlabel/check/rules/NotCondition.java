package org.onlabel.check.rules;

import java.util.List;

/**
 * Negation in three-valued logic. When the inner condition matched only on unconfirmed steps, whether it really
 * holds is unknown, so the negation is unknown too.
 */
record NotCondition(Condition inner) implements Condition {
    @Override
    public Outcome evaluate(EvaluationContext context) {
        Outcome outcome = inner.evaluate(context);
        switch (outcome.truth()) {
            case NO_MATCH:
                return Outcome.match(Evidence.about(context.dataset(), ""));
            case UNKNOWN:
                return outcome;
            default:
                List<Evidence> evidence = outcome.evidence();
                if (evidence.stream().allMatch(Evidence::uncertain)) {
                    Evidence first = evidence.get(0);
                    return Outcome.unknown(new MissingFact(FactKind.OTHER,
                            "confirmation of " + first.detail() + " (reported but unconfirmed)", first));
                }
                return Outcome.NO_MATCH;
        }
    }
}
