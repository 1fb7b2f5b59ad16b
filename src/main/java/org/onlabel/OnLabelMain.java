package org.onlabel;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.onlabel.common.db.EmbeddedDatabase;
import org.onlabel.common.db.EmbeddedDatabaseSettings;

/**
 * Starts the service. With no JDBC URL configured it first starts a real PostgreSQL of its own (data kept under
 * {@code data/postgres}) and stops it again when the service exits, so that one command gives a working registry.
 */
@QuarkusMain
public final class OnLabelMain {

    public static void main(String... args) {
        EmbeddedDatabaseSettings settings = EmbeddedDatabaseSettings.from(System.getProperties(), System.getenv());
        if (!settings.wanted()) {
            Quarkus.run(args);
            return;
        }
        EmbeddedDatabase database = EmbeddedDatabase.start(settings.dataDirectory(), settings.port());
        Thread stopDatabase = new Thread(database::close, "embedded-postgres-stop");
        Runtime.getRuntime().addShutdownHook(stopDatabase);
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
