package org.onlabel.check.rules;

import java.util.Locale;
import java.util.Set;

/**
 * {@code purpose: {commercial | methodsDevelopment | publishesDerivedData: bool}}. An unstated commercial or
 * publishes-derived-data flag means false; an unstated methods-development flag is inferred: training, testing or
 * validating an algorithm is methods development.
 */
record PurposeCondition(Flag flag, boolean expected) implements Condition {
    private static final Set<String> METHOD_ROLES = Set.of("train", "test", "validation");

    enum Flag {
        COMMERCIAL("commercial"), METHODS_DEVELOPMENT("methodsDevelopment"), PUBLISHES_DERIVED_DATA("publishesDerivedData");

        final String field;

        Flag(String field) {
            this.field = field;
        }

        static Flag of(String field) {
            for (Flag flag : values()) {
                if (flag.field.equals(field)) {
                    return flag;
                }
            }
            return null;
        }
    }

    @Override
    public Outcome evaluate(EvaluationContext context) {
        Facts.Purpose purpose = context.purpose();
        boolean actual;
        String detail;
        switch (flag) {
            case COMMERCIAL -> {
                actual = Boolean.TRUE.equals(purpose.commercial());
                detail = actual ? "the purpose is commercial" : "the purpose is not commercial";
            }
            case PUBLISHES_DERIVED_DATA -> {
                actual = Boolean.TRUE.equals(purpose.publishesDerivedData());
                detail = actual ? "you will publish data derived from it" : "you will not publish data derived from it";
            }
            default -> {
                if (purpose.methodsDevelopment() != null) {
                    actual = purpose.methodsDevelopment();
                    detail = actual ? "the purpose is methods development" : "the purpose is not methods development";
                } else {
                    actual = context.all().stream().anyMatch(r -> r.role() != null
                            && METHOD_ROLES.contains(r.role().trim().toLowerCase(Locale.ROOT)));
                    detail = actual ? "datasets are used to train, test or validate an algorithm, which is methods development"
                            : "no dataset is used to train, test or validate an algorithm";
                }
            }
        }
        return actual == expected ? Outcome.match(Evidence.about(context.dataset(), detail)) : Outcome.NO_MATCH;
    }
}
