package org.onlabel.dataset;

/** The rules for dataset keys: a URL-safe slug, immutable once created. */
public final class DatasetKey {
    public static final String PATTERN = "^[a-z0-9][a-z0-9._-]{1,127}$";

    private DatasetKey() {
    }

    public static boolean isValid(String key) {
        return key != null && key.matches(PATTERN);
    }
}
