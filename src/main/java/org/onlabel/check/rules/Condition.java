package org.onlabel.check.rules;

/** A compiled rule condition; one implementation per condition type of the ruleset file. */
interface Condition {
    Outcome evaluate(EvaluationContext context);
}
