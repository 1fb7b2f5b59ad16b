package org.onlabel.check.rules;

/**
 * {@code representation: {field, equals | notEquals}} on the checked dataset's own representation. A field that is
 * not recorded makes the outcome unknown.
 */
record RepresentationCondition(RepresentationField field, String value, boolean negate) implements Condition {
    @Override
    public Outcome evaluate(EvaluationContext context) {
        Facts.Dataset dataset = context.dataset();
        Object actual = field.valueOf(dataset.representation());
        if (actual == null) {
            return Outcome.unknown(new MissingFact(FactKind.REPRESENTATION, field.missingPhrase,
                    Evidence.about(dataset, "")));
        }
        boolean equal = String.valueOf(actual).trim().equalsIgnoreCase(value);
        return equal != negate ? Outcome.match(Evidence.about(dataset, field.describe(actual))) : Outcome.NO_MATCH;
    }
}
