package org.onlabel.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A real PostgreSQL for the Quarkus tests: a fresh server in a temporary directory on a free port, shared by every
 * test class that runs with the same configuration (one Quarkus boot).
 *
 * <p>The one place that keeps zonky's fast, non-durable settings ({@code fsync=off}, {@code synchronous_commit=off}):
 * this server is thrown away after the run. Everything a user runs, and the fault tests ({@code *IT}, the packaged
 * service), use the durable embedded PostgreSQL of {@code org.onlabel.common.db.EmbeddedDatabase}.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {
    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL for tests", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "");
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
