package org.onlabel.common.db;

/** The embedded PostgreSQL cannot run; the message is one line that names the cause, for an operator. */
public final class EmbeddedDatabaseException extends RuntimeException {
    public EmbeddedDatabaseException(String message) {
        super(message, null, false, false);
    }
}
