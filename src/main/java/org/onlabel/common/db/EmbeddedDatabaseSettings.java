package org.onlabel.common.db;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Decides, before Quarkus reads its configuration, whether to run the embedded PostgreSQL and where. Reads the
 * same keys as {@code OnLabelConfig} from system properties and environment variables (MicroProfile naming).
 */
public record EmbeddedDatabaseSettings(boolean wanted, Path dataDirectory, int port) {
    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    static final String DATA_DIR = "onlabel.embedded-db.data-dir";
    static final String PORT = "onlabel.embedded-db.port";

    public static EmbeddedDatabaseSettings from(Properties system, Map<String, String> env) {
        boolean external = lookup(JDBC_URL, system, env).filter(s -> !s.isBlank()).isPresent();
        Path dir = Path.of(lookup(DATA_DIR, system, env).orElse("data/postgres"));
        int port = Integer.parseInt(lookup(PORT, system, env).orElse("15432"));
        return new EmbeddedDatabaseSettings(!external, dir, port);
    }

    static Optional<String> lookup(String key, Properties system, Map<String, String> env) {
        String value = system.getProperty(key);
        if (value == null) {
            value = env.get(key.toUpperCase().replaceAll("[^A-Z0-9]", "_"));
        }
        return Optional.ofNullable(value);
    }
}
