package org.onlabel.check.rules;

import java.util.Locale;
import java.util.Set;

/**
 * {@code purpose: {commercial: bool}} or {@code purpose: {methodsDevelopment: bool}}. An unstated commercial flag
 * means non-commercial; an unstated methods-development flag is inferred: training, testing or validating an
 * algorithm is methods development.
 */
record PurposeCondition(boolean commercialFlag, boolean expected) implements Condition {
    private static final Set<String> METHOD_ROLES = Set.of("train", "test", "validation");

    @Override
    public Outcome evaluate(EvaluationContext context) {
        Facts.Purpose purpose = context.purpose();
        boolean actual;
        String detail;
        if (commercialFlag) {
            actual = Boolean.TRUE.equals(purpose.commercial());
            detail = actual ? "the purpose is commercial" : "the purpose is not commercial";
        } else if (purpose.methodsDevelopment() != null) {
            actual = purpose.methodsDevelopment();
            detail = actual ? "the purpose is methods development" : "the purpose is not methods development";
        } else {
            actual = context.all().stream().anyMatch(r -> r.role() != null && METHOD_ROLES.contains(r.role().trim().toLowerCase(Locale.ROOT)));
            detail = actual ? "datasets are used to train, test or validate an algorithm, which is methods development"
                    : "no dataset is used to train, test or validate an algorithm";
        }
        return actual == expected ? Outcome.match(Evidence.about(context.dataset(), detail)) : Outcome.NO_MATCH;
    }
}
