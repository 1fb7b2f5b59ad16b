package org.onlabel.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Starts the real Keycloak distribution (unpacked from Maven Central by the build into target/keycloak) in dev
 * mode with an in-memory database, imports the project's realm plus what only the tests need, and stops it.
 *
 * <p>Test-only additions: client {@code test-short-lived} (tokens live one second, to get expired ones), client
 * {@code test-no-audience} (tokens lack the onlabel-api audience), and realm {@code intruder}, whose user
 * {@code mallory} has every role and the right audience but another issuer and signing key. The pages' client
 * {@code onlabel-web} accepts redirects to any port of 127.0.0.1 (the test service's port is random).
 */
public final class KeycloakLauncher implements AutoCloseable {
    public static final String REALM = "onlabel";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final String baseUrl;

    private KeycloakLauncher(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String realmUrl() {
        return baseUrl + "/realms/" + REALM;
    }

    public static KeycloakLauncher start() {
        Path home = Path.of(System.getProperty("test.keycloak.home", "target/keycloak/keycloak-26.5.6"));
        Path realm = Path.of(System.getProperty("test.keycloak.realm", "keycloak/onlabel-realm.json"));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at " + home.toAbsolutePath()
                    + "; the Maven build unpacks it (./mvnw verify)");
        }
        try {
            // start-dev --import-realm reads the distribution's data/import folder
            Path imports = Files.createDirectories(home.resolve("data/import"));
            writeRealms(realm, imports);
            int port = freePort();
            int managementPort = freePort();
            Path log = Files.createTempFile("onlabel-keycloak-", ".log");
            ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + port, "--http-management-port=" + managementPort, "--db=dev-mem",
                    "--import-realm", "--hostname-strict=false")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            pb.environment().putIfAbsent("JAVA_OPTS_APPEND", "-Xms64m -Xmx768m");
            KeycloakLauncher kc = new KeycloakLauncher(pb.start(), "http://127.0.0.1:" + port);
            kc.awaitReady(log);
            return kc;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Keycloak", e);
        }
    }

    private void awaitReady(Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited during start; see " + log + ":\n" + tail(log));
            }
            try {
                for (String realm : new String[] {REALM, "intruder"}) {
                    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(
                            URI.create(baseUrl + "/realms/" + realm + "/.well-known/openid-configuration")).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() != 200) {
                        throw new IOException("realm " + realm + " not ready");
                    }
                }
                return;
            } catch (IOException notYet) {
                sleep();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("Keycloak was not ready within 4 minutes; see " + log + ":\n" + tail(log));
    }

    @Override
    public void close() {
        // kc.sh runs Keycloak as a child JVM: stop the whole tree
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void writeRealms(Path realmFile, Path imports) throws IOException {
        ObjectNode realm = (ObjectNode) JSON.readTree(realmFile.toFile());
        ArrayNode clients = (ArrayNode) realm.get("clients");
        ArrayNode cliMappers = (ArrayNode) findClient(clients, "onlabel-cli").get("protocolMappers");

        ObjectNode shortLived = testClient("test-short-lived", cliMappers.deepCopy());
        ((ObjectNode) shortLived.get("attributes")).put("access.token.lifespan", "1");
        clients.add(shortLived);

        ArrayNode orgOnly = JSON.createArrayNode();
        cliMappers.forEach(m -> {
            if (!"oidc-audience-mapper".equals(m.get("protocolMapper").asText())) {
                orgOnly.add(m.deepCopy());
            }
        });
        clients.add(testClient("test-no-audience", orgOnly));

        // the pages' sign-in comes back to the test service's random port
        ObjectNode web = findClient(clients, "onlabel-web");
        web.putArray("redirectUris").add("http://127.0.0.1*");
        web.remove("rootUrl");
        JSON.writeValue(imports.resolve("onlabel-realm.json").toFile(), realm);

        ObjectNode intruder = realm.deepCopy();
        intruder.put("realm", "intruder");
        ArrayNode users = JSON.createArrayNode();
        ObjectNode mallory = JSON.createObjectNode();
        mallory.put("username", "mallory").put("enabled", true).put("email", "mallory@example.org")
                .put("emailVerified", true).put("firstName", "Mallory").put("lastName", "Intruder");
        mallory.putArray("credentials").addObject().put("type", "password").put("value", "mallory").put("temporary", false);
        mallory.putArray("realmRoles").add("admin").add("curator").add("reader");
        mallory.putArray("groups").add("/nyu");
        users.add(mallory);
        intruder.set("users", users);
        ArrayNode intruderClients = JSON.createArrayNode();
        intruderClients.add(findClient(clients, "onlabel-cli").deepCopy());
        intruder.set("clients", intruderClients);
        JSON.writeValue(imports.resolve("intruder-realm.json").toFile(), intruder);
    }

    private static ObjectNode testClient(String id, ArrayNode mappers) {
        ObjectNode c = JSON.createObjectNode();
        c.put("clientId", id).put("enabled", true).put("publicClient", true).put("directAccessGrantsEnabled", true)
                .put("standardFlowEnabled", false).put("protocol", "openid-connect");
        c.putObject("attributes");
        c.set("protocolMappers", mappers);
        return c;
    }

    private static ObjectNode findClient(ArrayNode clients, String clientId) {
        for (var c : clients) {
            if (clientId.equals(c.get("clientId").asText())) {
                return (ObjectNode) c;
            }
        }
        throw new IllegalStateException("realm file has no client " + clientId);
    }

    private static String tail(Path log) {
        try {
            var lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
