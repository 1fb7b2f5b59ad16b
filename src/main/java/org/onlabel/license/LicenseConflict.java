package org.onlabel.license;

import java.util.Objects;

/**
 * A derived dataset's license breaks a parent's license.
 *
 * @param ruleId the rules.md rule id, e.g. {@code license.share-alike}
 */
public record LicenseConflict(String ruleId, String message) {

    public LicenseConflict {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(message, "message");
    }
}
