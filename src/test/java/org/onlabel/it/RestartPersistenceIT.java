package org.onlabel.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.onlabel.support.KeycloakLauncher;
import org.onlabel.support.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the packaged service as a user would (no JDBC URL: embedded PostgreSQL; the real Keycloak), writes a
 * dataset as alice, checks that bob cannot change it, stops the service with SIGTERM, starts it again on the same
 * data directory, and reads the dataset back. Also checks that stopping the service leaves no PostgreSQL process
 * behind, and that switching anonymous reads off takes effect.
 */
class RestartPersistenceIT {
    private static KeycloakLauncher keycloak;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Process> started = new ArrayList<>();

    @BeforeAll
    static void startKeycloak() {
        keycloak = KeycloakLauncher.start();
        Tokens.useKeycloak(keycloak.baseUrl());
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @AfterEach
    void stopAll() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void aDatasetWrittenBeforeARestartIsStillThereAfterIt() throws Exception {
        Path dataDir = Files.createTempDirectory("onlabel-restart-");
        int httpPort = freePort();
        int pgPort = freePort();

        Process first = start(dataDir, httpPort, pgPort);
        awaitReady(httpPort, first);
        String body = """
                {"key": "restart-proof", "title": "Survives a restart", "modalities": ["CT"],
                 "intendedUses": [{"task": "detection"}]}""";
        HttpResponse<String> created = send(httpPort, "POST", "/api/v1/datasets", body, Tokens.user("alice"), null);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"organization\":\"nyu\"");
        String etag = created.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> bobsChange = send(httpPort, "PUT", "/api/v1/datasets/restart-proof",
                body.replace("Survives", "Bob renamed"), Tokens.user("bob"), etag);
        assertThat(bobsChange.statusCode()).isEqualTo(403);
        HttpResponse<String> anonymousWrite = send(httpPort, "POST", "/api/v1/datasets", body, null, null);
        assertThat(anonymousWrite.statusCode()).isEqualTo(401);
        // the local run loads the reference catalog into the empty database
        assertThat(get(httpPort, "/api/v1/datasets/brats-2021").statusCode()).isEqualTo(200);

        stop(first);
        assertThat(postgresProcessesUsing(dataDir)).as("PostgreSQL stopped with the service").isEmpty();

        Process second = start(dataDir, httpPort, pgPort);
        awaitReady(httpPort, second);
        HttpResponse<String> read = get(httpPort, "/api/v1/datasets/restart-proof");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"title\":\"Survives a restart\"").contains("\"detection\"");
        stop(second);
        assertThat(postgresProcessesUsing(dataDir)).isEmpty();

        Process closed = start(dataDir, httpPort, pgPort, "-Donlabel.security.anonymous-read=false");
        awaitReady(httpPort, closed);
        assertThat(get(httpPort, "/api/v1/datasets/restart-proof").statusCode()).isEqualTo(401);
        assertThat(send(httpPort, "GET", "/api/v1/datasets/restart-proof", null, Tokens.user("dave"), null).statusCode())
                .isEqualTo(200);
        stop(closed);
    }

    private HttpResponse<String> send(int port, String method, String path, String body, String token, String ifMatch)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(port, path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anExternalPostgresqlIsUsedWhenAJdbcUrlIsConfigured() throws Exception {
        Path dataDir = Files.createTempDirectory("onlabel-external-");
        int httpPort = freePort();
        try (var external = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start()) {
            Process service = start(dataDir, httpPort, freePort(), Map.of(
                    "QUARKUS_DATASOURCE_JDBC_URL", external.getJdbcUrl("postgres", "postgres"),
                    "QUARKUS_DATASOURCE_USERNAME", "postgres",
                    "QUARKUS_DATASOURCE_PASSWORD", ""));
            awaitReady(httpPort, service);
            assertThat(get(httpPort, "/api/v1/datasets/brats-2021").statusCode()).isEqualTo(200);
            try (var connection = external.getPostgresDatabase().getConnection();
                    var rs = connection.createStatement().executeQuery("SELECT count(*) FROM dataset WHERE key = 'brats-2021'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the reference catalog went into the external database").isEqualTo(1);
            }
            assertThat(Files.exists(dataDir.resolve("postgres"))).as("no embedded PostgreSQL was started").isFalse();
            stop(service);
        }
    }

    private Process start(Path dataDir, int httpPort, int pgPort, String... extra) throws IOException {
        return start(dataDir, httpPort, pgPort, Map.of(), extra);
    }

    private Process start(Path dataDir, int httpPort, int pgPort, Map<String, String> env, String... extra) throws IOException {
        Path app = Path.of(System.getProperty("quarkus.app.dir", "target/quarkus-app"), "quarkus-run.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + httpPort,
                "-Donlabel.embedded-db.data-dir=" + dataDir.resolve("postgres"),
                "-Donlabel.embedded-db.port=" + pgPort,
                "-Donlabel.reference-catalog.enabled=true",
                "-Dquarkus.oidc.auth-server-url=" + keycloak.realmUrl()));
        command.addAll(List.of(extra));
        command.addAll(List.of("-jar", app.toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        pb.redirectOutput(dataDir.resolve("service-" + started.size() + ".log").toFile());
        Process p = pb.start();
        started.add(p);
        return p;
    }

    private void awaitReady(int port, Process p) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            assertThat(p.isAlive()).as("service process is running").isTrue();
            try {
                if (get(port, "/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("service did not become ready on port " + port);
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy(); // SIGTERM, as a service manager would
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("service exits after SIGTERM").isTrue();
    }

    private static List<ProcessHandle> postgresProcessesUsing(Path dataDir) {
        String dir = dataDir.toString();
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(ph -> ph.info().commandLine().map(c -> c.contains("postgres") && c.contains(dir)).orElse(false))
                .toList();
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(port, path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
