package org.onlabel.check.rules;

/** The dataset (and, for history findings, the step and its 0-based index) that introduced a finding. */
public record IntroducedBy(String dataset, String step, Integer index) {
}
