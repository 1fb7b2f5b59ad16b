package org.onlabel;

import io.quarkus.runtime.Application;
import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.onlabel.common.db.EmbeddedDatabase;
import org.onlabel.common.db.EmbeddedDatabaseException;
import org.onlabel.common.db.EmbeddedDatabaseSettings;

/**
 * Starts the service. With no JDBC URL configured it first starts a real PostgreSQL of its own (data kept under
 * {@code data/postgres}), supervises it, and stops it only after Quarkus has stopped (in-flight requests drained).
 */
@QuarkusMain
public final class OnLabelMain {
    /** Exit code when the embedded PostgreSQL cannot start. */
    static final int EXIT_DATABASE_WONT_START = 2;
    /** Exit code when the embedded PostgreSQL died and could not be restarted. */
    static final int EXIT_DATABASE_LOST = 3;

    public static void main(String... args) {
        EmbeddedDatabaseSettings settings = EmbeddedDatabaseSettings.from(System.getProperties(), System.getenv());
        if (!settings.wanted()) {
            Quarkus.run(args);
            return;
        }
        EmbeddedDatabase database;
        try {
            database = EmbeddedDatabase.start(settings, () -> Quarkus.asyncExit(EXIT_DATABASE_LOST));
        } catch (EmbeddedDatabaseException e) {
            System.err.println("OnLabel cannot start its embedded PostgreSQL: " + e.getMessage());
            System.exit(EXIT_DATABASE_WONT_START);
            return;
        }
        // Normally the database stops on Quarkus' ShutdownEvent (EmbeddedDatabaseLifecycle), after the HTTP
        // server has drained. This hook is the last resort (e.g. Quarkus failed to boot); it waits for Quarkus to
        // finish stopping rather than racing it.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Application app = ApplicationLifecycleManager.getCurrentApplication();
            if (app != null) {
                app.awaitShutdown();
            }
            database.close();
        }, "embedded-postgres-stop"));
        System.setProperty("quarkus.datasource.jdbc.url", database.jdbcUrl());
        System.setProperty("quarkus.datasource.username", EmbeddedDatabase.USER);
        System.setProperty("quarkus.datasource.password", "");
        try {
            Quarkus.run(args);
        } finally {
            database.close();
        }
    }
}
