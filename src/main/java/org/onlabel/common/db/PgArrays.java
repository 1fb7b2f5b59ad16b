package org.onlabel.common.db;

/** PostgreSQL arrays read as text (a native query's {@code CAST(array_agg(...) AS text)}). */
public final class PgArrays {
    private PgArrays() {
    }

    /** {@code {1,2,3}} as ids; null (no rows aggregated) or {@code {}} as none. */
    public static long[] longs(String array) {
        if (array == null || array.length() <= 2) {
            return new long[0];
        }
        String[] parts = array.substring(1, array.length() - 1).split(",");
        long[] parsed = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            parsed[i] = Long.parseLong(parts[i]);
        }
        return parsed;
    }
}
