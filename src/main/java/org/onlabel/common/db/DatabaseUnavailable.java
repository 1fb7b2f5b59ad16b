package org.onlabel.common.db;

import java.sql.SQLException;
import java.util.Set;

/**
 * Tells a database that is gone (or cannot take writes right now) from a request that is wrong: the former is a
 * 503 the client retries, the latter a 4xx/500. Works for the embedded and an external PostgreSQL alike.
 */
public final class DatabaseUnavailable {
    /** SQLSTATE classes and codes that mean "not now" rather than "not this". */
    private static final Set<String> STATES = Set.of(
            "57P01", // admin_shutdown
            "57P02", // crash_shutdown
            "57P03", // cannot_connect_now (starting up, crash recovery)
            "53100", // disk_full
            "53200", // out_of_memory
            "53300", // too_many_connections
            "58030"); // io_error

    private DatabaseUnavailable() {
    }

    /** Whether this failure, or one of its causes, says the database is unreachable or unable to work. */
    public static boolean isCause(Throwable failure) {
        return isCause(failure, 0);
    }

    private static boolean isCause(Throwable failure, int depth) {
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof SQLException sql && unavailable(sql)) {
                return true;
            }
            if (t instanceof java.net.ConnectException) {
                return true;
            }
            // a rollback that failed too is attached as suppressed to the failure that caused it
            for (Throwable suppressed : t.getSuppressed()) {
                if (isCause(suppressed, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean unavailable(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            String state = s.getSQLState();
            if (state != null && (state.startsWith("08") || STATES.contains(state))) {
                return true;
            }
            // Agroal's pool gave up waiting for a connection (it has no SQLSTATE)
            if (state == null && s.getMessage() != null && s.getMessage().toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout")) {
                return true;
            }
        }
        return false;
    }
}
