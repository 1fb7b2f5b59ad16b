package org.onlabel.common.http;

import java.util.List;
import org.onlabel.common.error.ApiException;
import org.onlabel.common.error.FieldError;

/**
 * Numeric query parameters, read as text and parsed here: a value that is not a whole number in ASCII digits is a
 * 422 naming the parameter (JAX-RS would answer 404 for an unconvertible query parameter, and Java's own parser
 * accepts digits of any script).
 */
public final class QueryParams {
    private static final int MAX_DIGITS = 9;

    private QueryParams() {
    }

    /** The value as an int of at least {@code min}, or null when absent. */
    public static Integer integer(String name, String raw, int min) {
        if (raw == null) {
            return null;
        }
        if (raw.isEmpty() || raw.length() > MAX_DIGITS || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid(name, min);
        }
        int value = Integer.parseInt(raw);
        if (value < min) {
            throw invalid(name, min);
        }
        return value;
    }

    private static ApiException invalid(String name, int min) {
        return ApiException.validation(List.of(new FieldError(name,
                "must be a whole number of at least " + min + ", written in digits 0-9")));
    }
}
