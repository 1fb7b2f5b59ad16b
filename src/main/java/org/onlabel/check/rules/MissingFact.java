package org.onlabel.check.rules;

/**
 * A fact a condition needed but did not have. {@code fact} is a short phrase naming it ("domain", "whether its
 * license 'LicenseRef-x' allows commercial use"); {@code where} locates it.
 */
record MissingFact(FactKind kind, String fact, Evidence where) {
}
