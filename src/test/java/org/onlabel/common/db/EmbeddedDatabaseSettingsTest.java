package org.onlabel.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class EmbeddedDatabaseSettingsTest {

    @Test
    void embeddedByDefaultUnderData() {
        var s = EmbeddedDatabaseSettings.from(new Properties(), Map.of());
        assertThat(s.wanted()).isTrue();
        assertThat(s.dataDirectory()).isEqualTo(Path.of("data/postgres"));
        assertThat(s.port()).isEqualTo(15432);
    }

    @Test
    void anExternalJdbcUrlInTheEnvironmentTurnsItOff() {
        var s = EmbeddedDatabaseSettings.from(new Properties(),
                Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db:5432/onlabel"));
        assertThat(s.wanted()).isFalse();
    }

    @Test
    void systemPropertiesWinOverTheEnvironment() {
        Properties p = new Properties();
        p.setProperty("onlabel.embedded-db.data-dir", "/tmp/pg");
        p.setProperty("onlabel.embedded-db.port", "25432");
        var s = EmbeddedDatabaseSettings.from(p, Map.of("ONLABEL_EMBEDDED_DB_PORT", "1"));
        assertThat(s.dataDirectory()).isEqualTo(Path.of("/tmp/pg"));
        assertThat(s.port()).isEqualTo(25432);
        assertThat(EmbeddedDatabaseSettings.from(new Properties(), Map.of("ONLABEL_EMBEDDED_DB_PORT", "1")).port())
                .isEqualTo(1);
    }

    @Test
    void supervisionSettingsHaveDefaultsAndAcceptBothDurationForms() {
        var defaults = EmbeddedDatabaseSettings.from(new Properties(), Map.of());
        assertThat(defaults.restartAttempts()).isEqualTo(5);
        assertThat(defaults.startTimeout()).isEqualTo(java.time.Duration.ofMinutes(2));
        Properties p = new Properties();
        p.setProperty("onlabel.embedded-db.start-timeout", "90S");
        var s = EmbeddedDatabaseSettings.from(p, Map.of("ONLABEL_EMBEDDED_DB_RESTART_ATTEMPTS", "2"));
        assertThat(s.startTimeout()).isEqualTo(java.time.Duration.ofSeconds(90));
        assertThat(s.restartAttempts()).isEqualTo(2);
        p.setProperty("onlabel.embedded-db.start-timeout", "PT3M");
        assertThat(EmbeddedDatabaseSettings.from(p, Map.of()).startTimeout()).isEqualTo(java.time.Duration.ofMinutes(3));
    }
}
