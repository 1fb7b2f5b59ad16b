package org.onlabel.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service (target/quarkus-app) as a child process on loopback ports, with its embedded PostgreSQL on
 * a data directory of the test's choosing, for the fault tests.
 */
final class ServiceProcess implements AutoCloseable {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final Path dataDir;
    final int httpPort;
    final int pgPort;
    final Process process;
    final Path log;

    private ServiceProcess(Path dataDir, int httpPort, int pgPort, Process process, Path log) {
        this.dataDir = dataDir;
        this.httpPort = httpPort;
        this.pgPort = pgPort;
        this.process = process;
        this.log = log;
    }

    static ServiceProcess start(Path dataDir, int httpPort, int pgPort, String realmUrl, Map<String, String> env)
            throws IOException {
        return start(dataDir, httpPort, pgPort, realmUrl, env, List.of());
    }

    /** As above, with JVM options after the defaults (a later -D wins over an earlier one). */
    static ServiceProcess start(Path dataDir, int httpPort, int pgPort, String realmUrl, Map<String, String> env,
            List<String> jvmOptions) throws IOException {
        Path app = Path.of(System.getProperty("quarkus.app.dir", "target/quarkus-app"), "quarkus-run.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + httpPort,
                "-Donlabel.embedded-db.data-dir=" + dataDir.resolve("postgres"),
                "-Donlabel.embedded-db.port=" + pgPort,
                "-Donlabel.reference-catalog.enabled=false",
                "-Dquarkus.oidc.auth-server-url=" + realmUrl));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", app.toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        pb.environment().putAll(env);
        Path log;
        for (int i = 0; ; i++) {
            log = dataDir.resolve("service-" + i + ".log");
            if (!Files.exists(log)) {
                break;
            }
        }
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return new ServiceProcess(dataDir, httpPort, pgPort, pb.start(), log);
    }

    /** Waits until readiness is UP; fails as soon as the process has exited. */
    ServiceProcess awaitReady(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("service exited with " + process.exitValue() + ":\n" + tail());
            }
            if (readiness() == 200) {
                return this;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("service not ready within " + timeout + ":\n" + tail());
    }

    int readiness() {
        try {
            return send(HttpRequest.newBuilder(uri("/q/health/ready")).timeout(Duration.ofSeconds(10)).GET()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String token, String body, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return send(b);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET());
    }

    /** A JDBC connection straight to the embedded PostgreSQL, to look at what is stored. */
    Connection jdbc() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres", "postgres", "");
    }

    /** The postmaster named in postmaster.pid, if it is running. */
    Optional<ProcessHandle> postmaster() throws IOException {
        Path pidFile = dataDir.resolve("postgres/postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
    }

    /** Every PostgreSQL process whose command line names this data directory (the postmaster's children do not). */
    List<ProcessHandle> postgresProcesses() {
        String dir = dataDir.toString();
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(ph -> ph.info().commandLine().map(c -> c.contains("postgres") && c.contains(dir)).orElse(false))
                .toList();
    }

    /** SIGTERM, as a service manager stops it; returns the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("service did not exit within 60 s of SIGTERM");
        }
        return process.exitValue();
    }

    /** SIGKILL: the JVM dies at once, its PostgreSQL (in its own session) keeps running. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    String logText() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        // never leave a PostgreSQL behind, whatever the test did
        postgresProcesses().forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        });
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
