package org.onlabel.common.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.onlabel.common.config.OnLabelConfig;

/**
 * Readiness is DOWN when the disk holding the embedded PostgreSQL's data has less free space than
 * {@code onlabel.health.min-free-disk-mb}: writes are about to fail, and a load balancer should send traffic
 * elsewhere before they do. (An external PostgreSQL's disk is its operator's; its "disk full" errors answer 503.)
 */
@Readiness
@ApplicationScoped
public class DiskSpaceHealthCheck implements HealthCheck {
    private static final long MB = 1024 * 1024;

    @Inject
    OnLabelConfig config;

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("Disk space");
        Path dir = EmbeddedDatabase.current().map(EmbeddedDatabase::dataDirectory).orElse(null);
        if (dir == null) {
            return builder.up().withData("checked", "nothing (external PostgreSQL)").build();
        }
        long free = EmbeddedDatabase.usableBytes(dir);
        long min = config.health().minFreeDiskMb();
        return builder.status(free < 0 || free / MB >= min)
                .withData("path", dir.toString())
                .withData("freeMb", free < 0 ? -1 : free / MB)
                .withData("minFreeMb", min)
                .build();
    }
}
