package org.onlabel.check;

import java.util.List;
import java.util.Locale;
import org.onlabel.check.rules.CheckOutcome;
import org.onlabel.check.rules.CompactPaths;
import org.onlabel.common.error.ApiException;
import org.onlabel.common.error.FieldError;

/** How much of each finding's path a check answers with: all of it, or compact (see {@link CompactPaths}). */
public enum PathDetail {
    FULL, COMPACT;

    /** {@code full} (also when absent) or {@code compact}; anything else is a validation error on {@code paths}. */
    public static PathDetail parse(String value) {
        if (value == null || value.isBlank()) {
            return FULL;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "full" -> FULL;
            case "compact" -> COMPACT;
            default -> throw ApiException.validation(List.of(new FieldError("paths", "must be full or compact")));
        };
    }

    public CheckOutcome apply(CheckOutcome outcome) {
        return this == COMPACT ? CompactPaths.of(outcome) : outcome;
    }
}
