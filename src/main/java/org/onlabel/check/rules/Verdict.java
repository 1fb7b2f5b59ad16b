package org.onlabel.check.rules;

import java.util.Collection;

/**
 * The answer for a dataset or a whole check. Precedence, strongest first: any violation makes it OFF_LABEL; else
 * any unknown makes it UNKNOWN; else any caution makes it CAUTION; else ON_LABEL. Unknown ranks above caution
 * because a missing fact may hide a violation. Info findings never change a verdict.
 */
public enum Verdict {
    ON_LABEL, CAUTION, UNKNOWN, OFF_LABEL;

    public static Verdict of(Collection<Severity> severities) {
        if (severities.contains(Severity.VIOLATION)) {
            return OFF_LABEL;
        }
        if (severities.contains(Severity.UNKNOWN)) {
            return UNKNOWN;
        }
        if (severities.contains(Severity.CAUTION)) {
            return CAUTION;
        }
        return ON_LABEL;
    }
}
