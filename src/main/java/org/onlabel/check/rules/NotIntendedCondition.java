package org.onlabel.check.rules;

/** {@code taskNotIntended: true} — the task is not among the checked dataset's own intended uses. */
record NotIntendedCondition() implements Condition {
    @Override
    public Outcome evaluate(EvaluationContext context) {
        Facts.Dataset dataset = context.dataset();
        if (dataset.intendedUses().stream().anyMatch(context.task()::equalsIgnoreCase)) {
            return Outcome.NO_MATCH;
        }
        String detail = dataset.intendedUses().isEmpty() ? "no intended use is recorded"
                : "its intended uses are " + String.join(", ", dataset.intendedUses());
        return Outcome.match(Evidence.about(dataset, detail));
    }
}
