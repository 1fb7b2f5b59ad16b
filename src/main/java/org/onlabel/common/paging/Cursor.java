package org.onlabel.common.paging;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.onlabel.common.error.ApiException;
import org.onlabel.common.error.FieldError;

/**
 * An opaque, authenticated cursor: the sort key of the last item of a page with an HMAC-SHA256 tag, so that only
 * cursors this service issued are accepted (a forged one could smuggle any text into a query). The key comes from
 * {@code onlabel.api.cursor-key} ({@link CursorKey}); replicas that share one must share the key, or a cursor issued
 * by one is refused by another.
 */
public final class Cursor {
    private static final String VERSION = "v2";
    private static final int TAG_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static volatile byte[] key = randomKey();

    private Cursor() {
    }

    /** Installs the signing key; cursors signed with the previous key stop being accepted. */
    public static void useKey(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("a cursor key needs at least 16 bytes");
        }
        key = secret.clone();
    }

    public static String encode(String lastKey) {
        String payload = ENCODER.encodeToString(lastKey.getBytes(StandardCharsets.UTF_8));
        return VERSION + "." + payload + "." + ENCODER.encodeToString(tag(payload));
    }

    /** The key after which the page starts; empty for the first page; a 422 problem for a cursor we never issued. */
    public static Optional<String> decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = cursor.split("\\.", -1);
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            throw invalid();
        }
        try {
            byte[] given = Base64.getUrlDecoder().decode(parts[2]);
            if (!MessageDigest.isEqual(given, tag(parts[1]))) {
                throw invalid();
            }
            String text = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            if (text.isEmpty()) {
                throw invalid();
            }
            return Optional.of(text);
        } catch (IllegalArgumentException notBase64) {
            throw invalid();
        }
    }

    /** Like {@link #decode} for cursors over numeric ids. */
    public static OptionalLong decodeNumber(String cursor) {
        Optional<String> text = decode(cursor);
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text.get()));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static byte[] tag(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal((VERSION + "." + payload).getBytes(StandardCharsets.US_ASCII)), TAG_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static ApiException invalid() {
        return ApiException.validation(List.of(new FieldError("cursor", "not a cursor issued by this service")));
    }
}
