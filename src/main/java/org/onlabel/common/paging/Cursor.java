package org.onlabel.common.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.onlabel.common.error.ApiException;
import org.onlabel.common.error.FieldError;

/**
 * An opaque cursor: the sort key of the last item of a page. Opaque so that clients do not build their own, and
 * versioned so that the encoding can change without breaking stored cursors silently.
 */
public final class Cursor {
    private static final String PREFIX = "v1:";

    private Cursor() {
    }

    public static String encode(String lastKey) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + lastKey).getBytes(StandardCharsets.UTF_8));
    }

    /** The key after which the page starts; empty for the first page; a 400 problem for a cursor we never issued. */
    public static Optional<String> decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return Optional.empty();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX) && text.length() > PREFIX.length()) {
                return Optional.of(text.substring(PREFIX.length()));
            }
        } catch (IllegalArgumentException notBase64) {
            // reported below
        }
        throw invalid();
    }

    /** Like {@link #decode} for cursors over numeric ids. */
    public static java.util.OptionalLong decodeNumber(String cursor) {
        Optional<String> text = decode(cursor);
        if (text.isEmpty()) {
            return java.util.OptionalLong.empty();
        }
        try {
            return java.util.OptionalLong.of(Long.parseLong(text.get()));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static ApiException invalid() {
        return ApiException.validation(java.util.List.of(new FieldError("cursor", "not a cursor issued by this service")));
    }
}
