package org.onlabel.interop;

import org.onlabel.common.Hashing;
import java.util.Locale;

/**
 * Maps an external dataset identity (OpenLineage namespace + name, a DOI, a URL) to an OnLabel key, always the
 * same key for the same identity: a readable slug of the name plus a short hash of the whole identity, so that
 * two names that slug alike still get different keys. The namespace {@code onlabel} names OnLabel keys directly.
 */
public final class LineageKeys {
    public static final String ONLABEL_NAMESPACE = "onlabel";
    private static final int SLUG_LENGTH = 100;

    private LineageKeys() {
    }

    public static String keyFor(String namespace, String name) {
        if (ONLABEL_NAMESPACE.equals(namespace)) {
            return name;
        }
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("-{2,}", "-")
                .replaceAll("^[^a-z0-9]+", "").replaceAll("[-._]+$", "");
        if (slug.length() > SLUG_LENGTH) {
            slug = slug.substring(slug.length() - SLUG_LENGTH).replaceAll("^[^a-z0-9]+", "");
        }
        String hash = Hashing.sha256(namespace + "\n" + name).substring(0, 10);
        return slug.isEmpty() ? "ext-" + hash : slug + "-" + hash;
    }
}
