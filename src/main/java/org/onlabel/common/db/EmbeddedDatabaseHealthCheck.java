package org.onlabel.common.db;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the embedded PostgreSQL as its supervisor sees it: DOWN from the moment the postmaster dies until
 * it has been restarted and accepts queries again. Absent (always UP) with an external PostgreSQL, whose
 * reachability the datasource check reports.
 */
@Readiness
@ApplicationScoped
public class EmbeddedDatabaseHealthCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("Embedded PostgreSQL");
        return EmbeddedDatabase.current()
                .map(db -> builder.status(db.state() == EmbeddedDatabase.State.UP)
                        .withData("state", db.state().name())
                        .withData("restarts", db.restarts())
                        .withData("port", db.port())
                        .build())
                .orElseGet(() -> builder.up().withData("state", "not used (external PostgreSQL)").build());
    }
}
