package org.onlabel.provenance.manifest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.onlabel.support.Api.DATASETS;
import static org.onlabel.support.Api.as;
import static org.onlabel.support.Api.create;
import static org.onlabel.support.Api.derived;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onlabel.support.Datasets;
import org.onlabel.support.Tokens;

@QuarkusTest
class ManifestApiTest {
    private static final String ALICE = Tokens.user("alice");
    private static final String BOB = Tokens.user("bob");
    private static final String CAROL = Tokens.user("carol");

    /** Deterministic pseudonymous ids: SHA-256 of salt + "subject-" + i, for i in [from, to). */
    static List<String> hashes(String salt, int from, int to) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<String> out = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                out.add(HexFormat.of().formatHex(sha.digest((salt + "subject-" + i).getBytes(StandardCharsets.UTF_8))));
            }
            return out;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String dataset(String prefix, String organization, String visibility, List<String> parents) {
        String key = Datasets.uniqueKey(prefix);
        Map<String, Object> body = derived(key, organization, parents, List.of());
        body.put("visibility", visibility);
        create(CAROL, body).then().statusCode(201);
        return key;
    }

    private static io.restassured.response.Response put(String token, String key, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .put(DATASETS + "/" + key + "/manifest");
    }

    private static Map<String, Object> manifest(String salt, List<String> ids) {
        return Map.of("level", "subject", "salt", salt, "ids", ids);
    }

    @Test
    void rawIdentifiersAreRefusedAndTheStoredManifestStaysAsItWas() {
        String key = dataset("manifest-refuse", "nyu", "public", List.of());
        put(ALICE, key, manifest("s1", hashes("s1", 0, 10))).then().statusCode(200).body("count", equalTo(10));

        List<String> withRaw = new ArrayList<>(hashes("s1", 100, 120));
        withRaw.add(5, "LIDC-IDRI-0001");
        put(ALICE, key, manifest("s1", withRaw)).then().statusCode(422).body("errors.field", hasItem("ids[5]"))
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("LIDC-IDRI-0001")));
        put(ALICE, key, Map.of("level", "patient", "salt", "s1", "ids", hashes("s1", 0, 1))).then().statusCode(422)
                .body("errors.field", hasItem("level"));
        put(ALICE, key, "{\"level\": \"subject\", \"salt\": \"s1\", \"ids\": [").then().statusCode(400);

        JsonPath stored = as(ALICE).get(DATASETS + "/" + key + "/manifest").then().statusCode(200).extract().jsonPath();
        assertThat(stored.getLong("manifest.count")).isEqualTo(10);
        assertThat(stored.getList("items", String.class)).containsExactlyInAnyOrderElementsOf(hashes("s1", 0, 10));
    }

    @Test
    void overlapsAreExactAndAnUndeclaredCopyIsFoundAndFlaggedInChecks() {
        String original = dataset("lidc-like", "nyu", "public", List.of());
        String copy = dataset("rehosted", "upenn", "public", List.of());
        String unrelated = dataset("unrelated", "upenn", "public", List.of());
        put(ALICE, original, manifest("tcia", hashes("tcia", 0, 400))).then().statusCode(200);
        put(BOB, copy, manifest("tcia", hashes("tcia", 300, 500))).then().statusCode(200);
        put(BOB, unrelated, manifest("other-salt", hashes("tcia", 0, 400))).then().statusCode(200);

        JsonPath overlaps = given().get(DATASETS + "/" + original + "/overlaps").then().statusCode(200).extract()
                .jsonPath();
        assertThat(overlaps.getList("items.dataset")).containsExactly(copy);
        assertThat(overlaps.getLong("items[0].shared")).isEqualTo(100);
        assertThat(overlaps.getDouble("items[0].fraction")).isEqualTo(0.25);
        assertThat(overlaps.getDouble("items[0].otherFraction")).isEqualTo(0.5);
        assertThat(overlaps.getBoolean("items[0].linkedByLineage")).isFalse();

        JsonPath check = as(ALICE).body(Map.of("task", "mri-reconstruction", "datasets", List.of(
                Map.of("key", original, "role", "train"), Map.of("key", copy, "role", "test"))))
                .post("/api/v1/checks").then().statusCode(200).extract().jsonPath();
        assertThat(check.getString("verdict")).isEqualTo("OFF_LABEL");
        assertThat(check.getString("findings.find { it.rule == 'any.train-test-overlap' }.message"))
                .contains("share 100 subjects", "50.0% of " + copy, "25.0% of " + original, "evidence: manifests");
    }

    @Test
    void manifestsAreWrittenAndReadOnlyByTheOwnerAndAdminsAndEmbargoedOverlapsStayHidden() {
        String open = dataset("manifest-open", "upenn", "public", List.of());
        String embargoed = dataset("manifest-embargoed", "nyu", "embargoed", List.of());
        put(BOB, open, manifest("m", hashes("m", 0, 50))).then().statusCode(200);
        put(ALICE, open, manifest("m", hashes("m", 0, 50))).then().statusCode(403);
        given().contentType(ContentType.JSON).body(manifest("m", hashes("m", 0, 5)))
                .put(DATASETS + "/" + open + "/manifest").then().statusCode(401);
        put(Tokens.pipeline(), embargoed, manifest("m", hashes("m", 40, 60))).then().statusCode(200);
        put(BOB, embargoed, manifest("m", hashes("m", 0, 1))).then().statusCode(404);

        as(BOB).get(DATASETS + "/" + open + "/manifest").then().statusCode(200).body("manifest.count", equalTo(50));
        as(CAROL).get(DATASETS + "/" + open + "/manifest").then().statusCode(200);
        as(ALICE).get(DATASETS + "/" + open + "/manifest").then().statusCode(403);
        given().get(DATASETS + "/" + open + "/manifest").then().statusCode(401);
        as(Tokens.user("dave")).get(DATASETS + "/" + open + "/manifest").then().statusCode(403);

        assertThat(as(BOB).get(DATASETS + "/" + open + "/overlaps").jsonPath().getList("items.dataset")).isEmpty();
        assertThat(given().get(DATASETS + "/" + open + "/overlaps").jsonPath().getList("items.dataset")).isEmpty();
        JsonPath insider = as(ALICE).get(DATASETS + "/" + open + "/overlaps").jsonPath();
        assertThat(insider.getList("items.dataset")).containsExactly(embargoed);
        assertThat(insider.getLong("items[0].shared")).isEqualTo(10);
        as(BOB).get(DATASETS + "/" + embargoed + "/overlaps").then().statusCode(404);
    }

    @jakarta.inject.Inject
    ManifestService manifests;

    /**
     * A million ids through the streaming parser and COPY into PostgreSQL, the body generated as it is read (never
     * held whole); the overlap with a 2,000-id manifest must be exact.
     */
    @Test
    void aMillionIdManifestIsStoredAndItsOverlapCountedExactly() throws Exception {
        String big = dataset("manifest-million", "nyu", "public", List.of());
        String small = dataset("manifest-sample", "nyu", "public", List.of());
        org.onlabel.common.security.Caller alice = new org.onlabel.common.security.Caller("alice",
                java.util.Set.of("curator"), java.util.Set.of("nyu"), false);
        ManifestSummary stored = manifests.register(alice, big, new GeneratedManifest("big", 1_000_000));
        assertThat(stored.count()).isEqualTo(1_000_000);
        put(ALICE, small, manifest("big", hashes("big", 999_000, 1_001_000))).then().statusCode(200)
                .body("count", equalTo(2000));

        JsonPath overlaps = given().get(DATASETS + "/" + small + "/overlaps").then().statusCode(200).extract()
                .jsonPath();
        assertThat(overlaps.getList("items.dataset")).containsExactly(big);
        assertThat(overlaps.getLong("items[0].shared")).isEqualTo(1000);
        assertThat(overlaps.getDouble("items[0].fraction")).isEqualTo(0.5);
        assertThat(overlaps.getDouble("items[0].otherFraction")).isEqualTo(0.001);
    }

    /** {"level":"subject","salt":...,"ids":[...]} with the ids of {@link #hashes}, produced while it is read. */
    private static final class GeneratedManifest extends java.io.InputStream {
        private final String salt;
        private final int count;
        private final MessageDigest sha;
        private byte[] chunk;
        private int at;
        private int next;

        GeneratedManifest(String salt, int count) throws NoSuchAlgorithmException {
            this.salt = salt;
            this.count = count;
            this.sha = MessageDigest.getInstance("SHA-256");
            this.chunk = ("{\"level\":\"subject\",\"salt\":\"" + salt + "\",\"ids\":[").getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public int read() {
            while (chunk != null && at >= chunk.length) {
                if (next < count) {
                    String hash = HexFormat.of().formatHex(sha.digest((salt + "subject-" + next).getBytes(
                            StandardCharsets.UTF_8)));
                    chunk = ((next == 0 ? "\"" : ",\"") + hash + "\"").getBytes(StandardCharsets.US_ASCII);
                    next++;
                } else if (next == count) {
                    chunk = "]}".getBytes(StandardCharsets.US_ASCII);
                    next++;
                } else {
                    chunk = null;
                }
                at = 0;
            }
            return chunk == null ? -1 : chunk[at++];
        }
    }
}
