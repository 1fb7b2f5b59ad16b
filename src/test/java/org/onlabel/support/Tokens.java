package org.onlabel.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Real access tokens from the test Keycloak, cached until shortly before they expire. */
public final class Tokens {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();
    private static volatile String keycloak;

    private Tokens() {
    }

    public static void useKeycloak(String baseUrl) {
        keycloak = baseUrl;
        CACHE.clear();
    }

    /** A demo user's token through the onlabel-cli client: alice, bob, carol or dave. */
    public static String user(String username) {
        return cached("user:" + username, () -> password("onlabel", "onlabel-cli", username, username));
    }

    public static String pipeline() {
        return cached("pipeline", () -> clientCredentials("onlabel-pipeline", "pipeline-secret"));
    }

    /** The journal system of organization journal-ryai. */
    public static String journal() {
        return cached("journal", () -> clientCredentials("onlabel-journal", "journal-secret"));
    }

    /** Another journal system, of organization journal-scidata. */
    public static String otherJournal() {
        return cached("journal-2", () -> clientCredentials("onlabel-journal-2", "journal-2-secret"));
    }

    /** Alice's token from a client whose tokens live one second, returned once it has expired. */
    public static String expired() {
        String token = password("onlabel", "test-short-lived", "alice", "alice");
        long exp = claims(token).get("exp").asLong();
        while (Instant.now().getEpochSecond() <= exp + 1) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return token;
    }

    /** Alice's token without the onlabel-api audience. */
    public static String wrongAudience() {
        return password("onlabel", "test-no-audience", "alice", "alice");
    }

    /** An admin token with the right audience from another realm: another issuer, another key. */
    public static String foreignIssuer() {
        return password("intruder", "onlabel-cli", "mallory", "mallory");
    }

    /** Alice's token with its payload changed to claim the admin role; the signature no longer matches. */
    public static String tampered() {
        String[] parts = user("alice").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"curator\"", "\"admin\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    /** The same token with its signature stripped and its algorithm set to none. */
    public static String unsigned() {
        String[] parts = user("carol").split("\\.");
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + parts[1] + ".";
    }

    public static JsonNode claims(String token) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Fetch {
        String get();
    }

    private static String cached(String key, Fetch fetch) {
        String token = CACHE.get(key);
        if (token == null || claims(token).get("exp").asLong() < Instant.now().getEpochSecond() + 60) {
            token = fetch.get();
            CACHE.put(key, token);
        }
        return token;
    }

    private static String password(String realm, String client, String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", client);
        form.put("username", username);
        form.put("password", password);
        return request(realm, form);
    }

    private static String clientCredentials(String client, String secret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", client);
        form.put("client_secret", secret);
        return request("onlabel", form);
    }

    private static String request(String realm, Map<String, String> form) {
        if (keycloak == null) {
            throw new IllegalStateException("Keycloak is not running: the test needs KeycloakTestResource");
        }
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create(keycloak + "/realms/" + realm + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Token request failed: " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body()).get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
