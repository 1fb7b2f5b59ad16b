package org.onlabel.check.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How much a finding weighs. */
public enum Severity {
    VIOLATION, CAUTION, UNKNOWN, INFO;

    /**
     * Position in a list of findings: violation, unknown, caution, info. Unknown comes before caution because a
     * missing fact may hide a violation.
     */
    public int listingRank() {
        switch (this) {
            case VIOLATION:
                return 0;
            case UNKNOWN:
                return 1;
            case CAUTION:
                return 2;
            default:
                return 3;
        }
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code violation | caution | unknown | info} (any case); null when the text is none of them. */
    @JsonCreator
    public static Severity fromId(String id) {
        for (Severity severity : values()) {
            if (severity.id().equalsIgnoreCase(id == null ? "" : id.trim())) {
                return severity;
            }
        }
        return null;
    }
}
