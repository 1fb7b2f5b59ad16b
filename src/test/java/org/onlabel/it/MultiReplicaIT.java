package org.onlabel.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onlabel.k8s.DeployedContainer;
import org.onlabel.support.KeycloakLauncher;
import org.onlabel.support.Tokens;

/**
 * Two instances of the packaged service on one PostgreSQL, configured through the prod overlay's own environment
 * variables (k8s/overlays/prod), started at the same moment on an empty database. Shows that what one instance
 * does, the other sees and respects: Flyway migrates once, the reference catalog loads once, concurrent creates
 * make no duplicate, If-Match lets exactly one of two concurrent updates win, an Idempotency-Key retried at the
 * other instance replays the same response, and a list cursor issued by one is accepted by the other.
 */
class MultiReplicaIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PUBLIC_URL_VAR = "ONLABEL_PUBLIC_URL";
    private static KeycloakLauncher keycloak;
    private static EmbeddedPostgres database;
    private static ServiceProcess a;
    private static ServiceProcess b;
    private static DeployedContainer deployed;
    private static final ExecutorService POOL = Executors.newFixedThreadPool(16);

    @BeforeAll
    static void startTwoInstancesTogetherOnAnEmptyDatabase() throws Exception {
        keycloak = KeycloakLauncher.start();
        Tokens.useKeycloak(keycloak.baseUrl());
        database = EmbeddedPostgres.builder().start();
        deployed = DeployedContainer.of("prod");
        Map<String, String> env = environment(deployed);
        // the ConfigMap leaves the catalog off in prod; on here, so that two instances seeding at once is shown too
        List<String> catalogOn = List.of("-Donlabel.reference-catalog.enabled=true");
        a = ServiceProcess.start(Files.createTempDirectory("onlabel-replica-a-"), ServiceProcess.freePort(),
                ServiceProcess.freePort(), keycloak.realmUrl(), env, catalogOn);
        b = ServiceProcess.start(Files.createTempDirectory("onlabel-replica-b-"), ServiceProcess.freePort(),
                ServiceProcess.freePort(), keycloak.realmUrl(), env, catalogOn);
        a.awaitReady(Duration.ofSeconds(150));
        b.awaitReady(Duration.ofSeconds(150));
    }

    /**
     * The prod container's environment with in-cluster addresses and Secret values replaced by this test's: the
     * variable names are the manifests', so a misspelt one would leave an instance on an embedded database, on the
     * wrong Keycloak or with its own cursor key, and the tests below would fail.
     */
    private static Map<String, String> environment(DeployedContainer container) {
        byte[] key = new byte[24];
        new SecureRandom().nextBytes(key);
        Map<String, String> substitutes = Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", database.getJdbcUrl("postgres", "postgres"),
                "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_DATASOURCE_PASSWORD", "",
                "QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.realmUrl(),
                "ONLABEL_API_CURSOR_KEY", HexFormat.of().formatHex(key),
                "QUARKUS_OIDC_WEB_CREDENTIALS_SECRET", "onlabel-web-local-demo-secret-0123456789");
        Map<String, String> env = new HashMap<>();
        container.environment().forEach((name, value) -> {
            if (container.imageVariables().containsKey(name)) {
                return; // read by the image's start script, not by the service
            }
            String v = substitutes.containsKey(name) ? substitutes.get(name)
                    : value.orElseThrow(() -> new AssertionError(name + " comes from a Secret this test does not fill"));
            env.put(name, v);
        });
        assertThat(env).containsKeys(substitutes.keySet().toArray(String[]::new));
        return env;
    }

    @AfterAll
    static void stopAll() throws IOException {
        POOL.shutdownNow();
        Stream.of(a, b).filter(s -> s != null).forEach(ServiceProcess::close);
        if (database != null) {
            database.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void bothInstancesMigratedOneSchemaAndLoadedTheCatalogOnce() throws Exception {
        long migrations;
        try (Stream<Path> files = Files.list(Path.of("target/classes/db/migration"))) {
            migrations = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
        try (Connection c = jdbc()) {
            assertThat(count(c, "SELECT count(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL"))
                    .isEqualTo(migrations);
            assertThat(count(c, "SELECT count(*) FROM (SELECT version FROM flyway_schema_history"
                    + " WHERE version IS NOT NULL GROUP BY version HAVING count(*) > 1) d")).isZero();
            assertThat(count(c, "SELECT count(*) FROM flyway_schema_history WHERE NOT success")).isZero();
            JsonNode catalog = JSON.readTree(getClass().getResourceAsStream("/catalog/reference-datasets.json"));
            for (JsonNode dataset : catalog.path("datasets")) {
                String key = dataset.path("key").asText();
                assertThat(a.get("/api/v1/datasets/" + key).statusCode()).as("reference dataset %s", key).isEqualTo(200);
            }
            assertThat(catalog.path("datasets").size()).isPositive();
        }
        boolean aMigrated = a.logText().contains("Successfully applied");
        boolean bMigrated = b.logText().contains("Successfully applied");
        assertThat(aMigrated ^ bMigrated).as("exactly one instance applied the migrations").isTrue();
        boolean aSeeded = a.logText().contains("reference datasets into the empty catalog");
        boolean bSeeded = b.logText().contains("reference datasets into the empty catalog");
        assertThat(aSeeded ^ bSeeded).as("exactly one instance loaded the reference catalog").isTrue();
    }

    @Test
    void theManifestsProbeAndMetricsPathsAnswerOnBothInstances() throws Exception {
        for (ServiceProcess s : List.of(a, b)) {
            for (String path : deployed.probePaths()) {
                assertThat(s.get(path).statusCode()).as("%s on %d", path, s.httpPort).isEqualTo(200);
            }
            HttpResponse<String> metrics = s.get(deployed.metricsPath());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("# TYPE");
        }
    }

    @Test
    void concurrentCreatesAtBothInstancesMakeNoDuplicateAndBothSeeEverything() throws Exception {
        String prefix = "replica-" + UUID.randomUUID().toString().substring(0, 8);
        String token = Tokens.user("alice");
        List<Callable<Map.Entry<String, Integer>>> calls = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String key = prefix + "-own-" + i;
            ServiceProcess at = i % 2 == 0 ? a : b;
            calls.add(() -> Map.entry(key, at.post("/api/v1/datasets", token, body(key, "distinct"), null).statusCode()));
        }
        for (int i = 0; i < 10; i++) {
            String key = prefix + "-both-" + i;
            for (ServiceProcess at : List.of(a, b)) {
                calls.add(() -> Map.entry(key, at.post("/api/v1/datasets", token, body(key, "contested"), null).statusCode()));
            }
        }
        Map<String, List<Integer>> statuses = new HashMap<>();
        for (Map.Entry<String, Integer> r : runTogether(calls)) {
            statuses.computeIfAbsent(r.getKey(), k -> new ArrayList<>()).add(r.getValue());
        }
        statuses.forEach((key, codes) -> {
            if (key.contains("-own-")) {
                assertThat(codes).as(key).containsExactly(201);
            } else {
                assertThat(codes).as("%s created at both instances at once", key).containsExactlyInAnyOrder(201, 409);
            }
        });
        try (Connection c = jdbc(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*), count(DISTINCT key) FROM dataset WHERE key LIKE ?")) {
            s.setString(1, prefix + "%");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(40);
                assertThat(rs.getInt(2)).isEqualTo(40);
            }
        }
        for (String key : statuses.keySet()) {
            assertThat(a.get("/api/v1/datasets/" + key).statusCode()).as("%s at a", key).isEqualTo(200);
            assertThat(b.get("/api/v1/datasets/" + key).statusCode()).as("%s at b", key).isEqualTo(200);
        }
    }

    @Test
    void aCursorFromOneInstanceWorksAtTheOther() throws Exception {
        Set<String> seen = new HashSet<>();
        List<String> inOrder = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ServiceProcess at = pages % 2 == 0 ? a : b;
            HttpResponse<String> page = at.get("/api/v1/datasets?limit=7" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.statusCode()).as("page %d at instance %s: %s", pages, at == a ? "a" : "b", page.body())
                    .isEqualTo(200);
            JsonNode json = JSON.readTree(page.body());
            json.path("items").forEach(item -> {
                assertThat(seen.add(item.path("key").asText())).as("%s on one page only", item.path("key")).isTrue();
                inOrder.add(item.path("key").asText());
            });
            cursor = json.path("next").isTextual() ? json.path("next").asText() : null;
            pages++;
        } while (cursor != null && pages < 100);
        assertThat(pages).as("several pages, alternating instances").isGreaterThan(2);
        List<String> onePage = new ArrayList<>();
        JSON.readTree(a.get("/api/v1/datasets?limit=500").body()).path("items")
                .forEach(item -> onePage.add(item.path("key").asText()));
        assertThat(onePage).hasSizeLessThan(500);
        assertThat(inOrder).as("pages across instances = the whole list, in its order").isEqualTo(onePage);
    }

    @Test
    void ofTwoConcurrentIfMatchUpdatesAtDifferentInstancesExactlyOneWins() throws Exception {
        String token = Tokens.user("alice");
        for (int round = 0; round < 8; round++) {
            String key = "replica-ifmatch-" + UUID.randomUUID().toString().substring(0, 8);
            HttpResponse<String> created = a.post("/api/v1/datasets", token, body(key, "v0"), null);
            assertThat(created.statusCode()).isEqualTo(201);
            String etag = created.headers().firstValue("ETag").orElseThrow();
            List<Callable<Map.Entry<String, HttpResponse<String>>>> updates = List.of(
                    () -> Map.entry("from-a", put(a, key, token, etag, "from-a")),
                    () -> Map.entry("from-b", put(b, key, token, etag, "from-b")));
            List<Map.Entry<String, HttpResponse<String>>> results = runTogether(updates);
            assertThat(results).extracting(r -> r.getValue().statusCode()).containsExactlyInAnyOrder(200, 412);
            String winner = results.stream().filter(r -> r.getValue().statusCode() == 200).findFirst().orElseThrow().getKey();
            for (ServiceProcess at : List.of(a, b)) {
                JsonNode now = JSON.readTree(at.get("/api/v1/datasets/" + key).body());
                assertThat(now.path("title").asText()).isEqualTo("Replica test " + winner);
            }
            HttpResponse<String> stale = put(b, key, token, etag, "late");
            assertThat(stale.statusCode()).isEqualTo(412);
        }
    }

    @Test
    void anIdempotentRetryAtTheOtherInstanceReplaysTheSameResponse() throws Exception {
        String token = Tokens.pipeline();
        for (int round = 0; round < 5; round++) {
            String key = "replica-idem-" + UUID.randomUUID().toString().substring(0, 8);
            String idempotencyKey = "run-" + key;
            String body = body(key, "idempotent");
            List<Callable<HttpResponse<String>>> firstTries = List.of(
                    () -> a.post("/api/v1/datasets", token, body, idempotencyKey),
                    () -> b.post("/api/v1/datasets", token, body, idempotencyKey));
            List<HttpResponse<String>> responses = new ArrayList<>(runTogether(firstTries));
            responses.add(b.post("/api/v1/datasets", token, body, idempotencyKey));
            responses.add(a.post("/api/v1/datasets", token, body, idempotencyKey));

            HttpResponse<String> first = responses.get(0);
            assertThat(responses).allSatisfy(r -> {
                assertThat(r.statusCode()).isEqualTo(201);
                assertThat(r.body()).isEqualTo(first.body());
                assertThat(r.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
                assertThat(r.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
            });
            assertThat(first.headers().firstValue("Location")).contains(
                    deployed.environment().get(PUBLIC_URL_VAR).orElseThrow() + "/api/v1/datasets/" + key);
            assertThat(responses.stream().filter(r -> r.headers().firstValue("Idempotent-Replayed").isEmpty()))
                    .as("one response did the work, the others replayed it").hasSize(1);
            try (Connection c = jdbc(); PreparedStatement s = c.prepareStatement("SELECT count(*) FROM dataset WHERE key = ?")) {
                s.setString(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(1);
                }
            }
            HttpResponse<String> otherBody = b.post("/api/v1/datasets", token, body(key, "changed"), idempotencyKey);
            assertThat(otherBody.statusCode()).as("same key, another body").isEqualTo(409);
        }
    }

    private static HttpResponse<String> put(ServiceProcess at, String key, String token, String etag, String title)
            throws IOException, InterruptedException {
        return at.send(HttpRequest.newBuilder(at.uri("/api/v1/datasets/" + key)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .header("If-Match", etag)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"title\": \"Replica test " + title + "\", \"modalities\": [\"MR\"]}")));
    }

    private static String body(String key, String title) {
        return "{\"key\": \"" + key + "\", \"title\": \"Replica test " + title + "\", \"modalities\": [\"MR\"]}";
    }

    /** Runs the calls at the same moment (all wait on one latch) and returns their results in order. */
    private static <T> List<T> runTogether(List<Callable<T>> calls) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> call : calls) {
            futures.add(POOL.submit(() -> {
                go.await();
                return call.call();
            }));
        }
        go.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get());
        }
        return results;
    }

    private static Connection jdbc() throws SQLException {
        return database.getPostgresDatabase().getConnection();
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
