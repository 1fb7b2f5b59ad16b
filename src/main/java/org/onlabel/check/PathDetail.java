package org.onlabel.check;

import java.util.List;
import java.util.Locale;
import org.onlabel.check.rules.CheckOutcome;
import org.onlabel.check.rules.CompactPaths;
import org.onlabel.common.error.ApiException;
import org.onlabel.common.error.FieldError;

/**
 * How much of each finding's path a check answers with: all of it, compact (see {@link CompactPaths}), or, when the
 * request does not say, all of it unless the findings' paths together hold more than {@link #AUTO_FULL_PATH_KEYS}
 * keys (a deep lineage), then compact.
 */
public enum PathDetail {
    FULL, COMPACT, AUTO;

    /**
     * Path keys, over all findings, up to which an answer that names no {@code paths} gives them whole: a check of a
     * 100-deep chain (about 70 findings, most with long paths) already passes it; a shallow check never does.
     */
    public static final int AUTO_FULL_PATH_KEYS = 2_000;

    /** The {@code paths} query parameter as the contract describes it, on every operation that accepts it. */
    public static final String PARAMETER_DESCRIPTION = "full: every finding's whole path. compact: paths longer "
            + "than 10 keys are cut after 10, with pathLength, and given once per checked dataset in the answer's "
            + "paths map (ancestor to next key toward the dataset); for deep lineages this keeps the answer small. "
            + "Absent: full, unless the findings' paths hold more than " + AUTO_FULL_PATH_KEYS
            + " keys in all, then compact. Messages spell at most 10 keys of a path, then how many are left out "
            + "and the last key. A check over a deep lineage may be answered 503 with Retry-After while the "
            + "service is evaluating as many deep ones as it allows at once";

    /** {@code full}, {@code compact}, or absent (auto); anything else is a validation error on {@code paths}. */
    public static PathDetail parse(String value) {
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "full" -> FULL;
            case "compact" -> COMPACT;
            default -> throw ApiException.validation(List.of(new FieldError("paths", "must be full or compact")));
        };
    }

    public CheckOutcome apply(CheckOutcome outcome) {
        return switch (this) {
            case FULL -> outcome;
            case COMPACT -> CompactPaths.of(outcome);
            case AUTO -> CompactPaths.pathKeys(outcome) > AUTO_FULL_PATH_KEYS ? CompactPaths.of(outcome) : outcome;
        };
    }
}
