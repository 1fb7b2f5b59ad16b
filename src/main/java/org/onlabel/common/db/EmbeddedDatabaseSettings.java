package org.onlabel.common.db;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Decides, before Quarkus reads its configuration, whether to run the embedded PostgreSQL and where. Reads the
 * same keys as {@code OnLabelConfig} from system properties and environment variables (MicroProfile naming).
 */
public record EmbeddedDatabaseSettings(boolean wanted, Path dataDirectory, int port, int restartAttempts,
        Duration startTimeout) {
    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    static final String DATA_DIR = "onlabel.embedded-db.data-dir";
    static final String PORT = "onlabel.embedded-db.port";
    static final String RESTART_ATTEMPTS = "onlabel.embedded-db.restart-attempts";
    static final String START_TIMEOUT = "onlabel.embedded-db.start-timeout";

    public static EmbeddedDatabaseSettings from(Properties system, Map<String, String> env) {
        boolean external = lookup(JDBC_URL, system, env).filter(s -> !s.isBlank()).isPresent();
        Path dir = Path.of(lookup(DATA_DIR, system, env).orElse("data/postgres"));
        int port = Integer.parseInt(lookup(PORT, system, env).orElse("15432"));
        int attempts = Integer.parseInt(lookup(RESTART_ATTEMPTS, system, env).orElse("5"));
        Duration startTimeout = Duration.parse(lookup(START_TIMEOUT, system, env).map(EmbeddedDatabaseSettings::iso)
                .orElse("PT2M"));
        return new EmbeddedDatabaseSettings(!external, dir, port, attempts, startTimeout);
    }

    /** Accepts both ISO-8601 ({@code PT90S}) and the MicroProfile short form ({@code 90S}, {@code 2M}). */
    private static String iso(String value) {
        String v = value.trim().toUpperCase();
        return v.startsWith("P") ? v : "PT" + v;
    }

    static Optional<String> lookup(String key, Properties system, Map<String, String> env) {
        String value = system.getProperty(key);
        if (value == null) {
            value = env.get(key.toUpperCase().replaceAll("[^A-Z0-9]", "_"));
        }
        return Optional.ofNullable(value);
    }
}
