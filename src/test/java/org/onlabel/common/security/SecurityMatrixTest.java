package org.onlabel.common.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.onlabel.support.Datasets;
import org.onlabel.support.Tokens;

/**
 * Every endpoint against every kind of caller, with tokens from the real Keycloak: the exact status each gets, and
 * that embargoed datasets never leak through reads, lists or search.
 */
@QuarkusTest
class SecurityMatrixTest {
    private static final String BASE = "/api/v1/datasets";

    enum Who {
        ANONYMOUS(() -> null),
        READER(() -> Tokens.user("dave")),
        OWNER_CURATOR(() -> Tokens.user("alice")),
        OTHER_CURATOR(() -> Tokens.user("bob")),
        PIPELINE(Tokens::pipeline),
        JOURNAL(Tokens::journal),
        ADMIN(() -> Tokens.user("carol")),
        TAMPERED(Tokens::tampered),
        UNSIGNED(Tokens::unsigned),
        EXPIRED(Tokens::expired),
        FOREIGN_ISSUER(Tokens::foreignIssuer),
        WRONG_AUDIENCE(Tokens::wrongAudience);

        private final Supplier<String> token;

        Who(Supplier<String> token) {
            this.token = token;
        }

        boolean badToken() {
            return ordinal() >= TAMPERED.ordinal();
        }
    }

    /** Fixtures owned by nyu (alice's organization), made once for the class. */
    private static String publicKey;
    private static String embargoedKey;
    private static String embargoedWord;
    private static String expiredToken;

    private static synchronized void fixtures() {
        if (publicKey != null) {
            return;
        }
        embargoedWord = "zanzibar" + Datasets.uniqueKey("w").replace("-", "");
        publicKey = Datasets.uniqueKey("matrix-public");
        embargoedKey = Datasets.uniqueKey("matrix-embargoed");
        Map<String, Object> pub = Datasets.valid(publicKey);
        pub.put("organization", "nyu");
        asAlice().contentType(ContentType.JSON).body(pub).post(BASE).then().statusCode(201);
        Map<String, Object> emb = Datasets.valid(embargoedKey);
        emb.put("organization", "nyu");
        emb.put("visibility", "embargoed");
        emb.put("title", "Unreleased cohort " + embargoedWord);
        asAlice().contentType(ContentType.JSON).body(emb).post(BASE).then().statusCode(201);
    }

    private static RequestSpecification asAlice() {
        return given().auth().oauth2(Tokens.user("alice"));
    }

    private static synchronized String token(Who who) {
        if (who == Who.EXPIRED) {
            // one expired token serves the whole matrix: getting it means waiting out its one-second life
            if (expiredToken == null) {
                expiredToken = Tokens.expired();
            }
            return expiredToken;
        }
        return who.token.get();
    }

    private static RequestSpecification as(Who who) {
        String token = token(who);
        RequestSpecification spec = given();
        return token == null ? spec : spec.auth().oauth2(token);
    }

    private static String etag(String key) {
        return given().auth().oauth2(Tokens.user("carol")).get(BASE + "/" + key).then().statusCode(200)
                .extract().header("ETag");
    }

    private static Map<String, Object> update(String key, String visibility) {
        Map<String, Object> body = Datasets.valid(key);
        body.put("organization", "nyu");
        body.put("visibility", visibility);
        if ("embargoed".equals(visibility)) {
            body.put("title", "Unreleased cohort " + embargoedWord);
        }
        return body;
    }

    private record Call(String name, java.util.function.Function<Who, Response> run) {
        @Override
        public String toString() {
            return name;
        }
    }

    //                                              anon reader alice bob  pipeline journal admin
    private static final int[] READ_ALL =          {200, 200,  200,  200, 200,     200,    200};
    private static final int[] READ_EMBARGOED =    {404, 404,  200,  404, 200,     404,    200};
    private static final int[] CREATE_FOR_NYU =    {401, 403,  201,  403, 201,     403,    201};
    private static final int[] UPDATE_PUBLIC =     {401, 403,  200,  403, 403,     403,    200};
    private static final int[] UPDATE_EMBARGOED =  {401, 404,  200,  404, 403,     404,    200};
    private static final int[] AUDIT_PUBLIC =      {401, 403,  200,  403, 200,     403,    200};
    private static final int[] AUDIT_EMBARGOED =   {401, 404,  200,  404, 200,     404,    200};
    private static final int[] CHECK_EMBARGOED =   {422, 422,  200,  422, 200,     422,    200};
    private static final int[] RETRACT_NYU =       {401, 403,  200,  403, 403,     403,    200};
    private static final int[] IMPORT_BIDS =       {401, 403,  201,  201, 201,     403,    201};
    private static final int[] SEND_LINEAGE =      {401, 403,  403,  403, 200,     403,    200};
    private static final int[] ADMIN_ONLY_CREATE = {401, 403,  403,  403, 403,     403,    201};
    private static final int[] ADMIN_ONLY_READ =   {401, 403,  403,  403, 403,     403,    200};
    private static final int[] ADMIN_ONLY_REMOVE = {401, 403,  403,  403, 403,     403,    204};
    private static final int[] MANAGE_PAPER =      {401, 403,  201,  201, 403,     201,    201};
    private static final int[] SCREEN =            {401, 403,  201,  201, 403,     201,    201};

    static Stream<Arguments> matrix() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {new Call("GET /vocabularies", w -> as(w).get("/api/v1/vocabularies")), READ_ALL});
        rows.add(new Object[] {new Call("GET /vocabularies/tasks", w -> as(w).get("/api/v1/vocabularies/tasks")), READ_ALL});
        rows.add(new Object[] {new Call("GET /datasets", w -> as(w).get(BASE)), READ_ALL});
        rows.add(new Object[] {new Call("GET /datasets/{public}", w -> as(w).get(BASE + "/" + publicKey)), READ_ALL});
        rows.add(new Object[] {new Call("GET /datasets/{embargoed}", w -> as(w).get(BASE + "/" + embargoedKey)), READ_EMBARGOED});
        rows.add(new Object[] {new Call("POST /datasets", w -> {
            Map<String, Object> body = Datasets.valid(Datasets.uniqueKey("matrix-new"));
            body.put("organization", "nyu");
            return as(w).contentType(ContentType.JSON).body(body).post(BASE);
        }), CREATE_FOR_NYU});
        rows.add(new Object[] {new Call("PUT /datasets/{public}", w -> as(w).contentType(ContentType.JSON)
                .header("If-Match", etag(publicKey)).body(update(publicKey, "public")).put(BASE + "/" + publicKey)), UPDATE_PUBLIC});
        rows.add(new Object[] {new Call("PUT /datasets/{embargoed}", w -> as(w).contentType(ContentType.JSON)
                .header("If-Match", etag(embargoedKey)).body(update(embargoedKey, "embargoed")).put(BASE + "/" + embargoedKey)),
                UPDATE_EMBARGOED});
        rows.add(new Object[] {new Call("GET /datasets/{public}/audit", w -> as(w).get(BASE + "/" + publicKey + "/audit")), AUDIT_PUBLIC});
        rows.add(new Object[] {new Call("GET /datasets/{embargoed}/audit", w -> as(w).get(BASE + "/" + embargoedKey + "/audit")),
                AUDIT_EMBARGOED});
        for (String sub : List.of("lineage", "history", "prov", "label", "datacite", "croissant", "citation")) {
            rows.add(new Object[] {new Call("GET /datasets/{public}/" + sub, w -> as(w).get(BASE + "/" + publicKey + "/" + sub)), READ_ALL});
            rows.add(new Object[] {new Call("GET /datasets/{embargoed}/" + sub, w -> as(w).get(BASE + "/" + embargoedKey + "/" + sub)),
                    READ_EMBARGOED});
        }
        rows.add(new Object[] {new Call("POST /checks {public}", w -> as(w).contentType(ContentType.JSON)
                .body(checkOf(publicKey)).post("/api/v1/checks")), READ_ALL});
        rows.add(new Object[] {new Call("POST /checks {embargoed}", w -> as(w).contentType(ContentType.JSON)
                .body(checkOf(embargoedKey)).post("/api/v1/checks")), CHECK_EMBARGOED});
        rows.add(new Object[] {new Call("POST /checks/batch", w -> as(w).contentType(ContentType.JSON)
                .body("{\"checks\": [" + checkOf(publicKey) + "]}").post("/api/v1/checks/batch")), READ_ALL});
        rows.add(new Object[] {new Call("GET /rules", w -> as(w).get("/api/v1/rules")), READ_ALL});
        rows.add(new Object[] {new Call("GET /licenses", w -> as(w).get("/api/v1/licenses")), READ_ALL});
        rows.add(new Object[] {new Call("GET /licenses/{id}", w -> as(w).get("/api/v1/licenses/CC-BY-4.0")), READ_ALL});
        rows.add(new Object[] {new Call("GET /licenses/{id}/audit", w -> as(w).get("/api/v1/licenses/CC-BY-4.0/audit")), ADMIN_ONLY_READ});
        rows.add(new Object[] {new Call("PUT /licenses/{new id}", w -> as(w).contentType(ContentType.JSON)
                .body("{\"name\": \"Matrix agreement\", \"commercialUse\": false}")
                .put("/api/v1/licenses/LicenseRef-Matrix-" + Datasets.uniqueKey("m").replace("-", ""))), ADMIN_ONLY_CREATE});
        rows.add(new Object[] {new Call("POST /datasets/{fresh nyu}/retraction", w -> {
            String key = Datasets.uniqueKey("matrix-retract");
            Map<String, Object> body = Datasets.valid(key);
            body.put("organization", "nyu");
            asAlice().contentType(ContentType.JSON).body(body).post(BASE).then().statusCode(201);
            return as(w).contentType(ContentType.JSON).body("{\"reason\": \"matrix\"}").post(BASE + "/" + key + "/retraction");
        }), RETRACT_NYU});
        rows.add(new Object[] {new Call("DELETE /datasets/{fresh nyu}?reason=", w -> {
            String key = Datasets.uniqueKey("matrix-remove");
            Map<String, Object> body = Datasets.valid(key);
            body.put("organization", "nyu");
            asAlice().contentType(ContentType.JSON).body(body).post(BASE).then().statusCode(201);
            return as(w).queryParam("reason", "matrix").delete(BASE + "/" + key);
        }), ADMIN_ONLY_REMOVE});
        rows.add(new Object[] {new Call("POST /imports/bids", w -> as(w).contentType(ContentType.JSON)
                .queryParam("key", Datasets.uniqueKey("matrix-bids")).body("{\"Name\": \"Matrix BIDS\"}")
                .post("/api/v1/imports/bids")), IMPORT_BIDS});
        rows.add(new Object[] {new Call("POST /lineage", w -> as(w).contentType(ContentType.JSON)
                .body("{\"eventType\": \"START\", \"eventTime\": \"2026-12-01T00:00:00Z\", \"run\": {\"runId\": \""
                        + java.util.UUID.randomUUID() + "\"}, \"job\": {\"namespace\": \"matrix\", \"name\": \"job\"}}")
                .post("/api/v1/lineage")), SEND_LINEAGE});
        rows.add(new Object[] {new Call("PUT /publications/{new doi}", w -> as(w).contentType(ContentType.JSON)
                .urlEncodingEnabled(false).body("{\"title\": \"Matrix paper\", \"type\": \"article\"}")
                .put("/api/v1/publications/10.5555%2F" + Datasets.uniqueKey("matrix-paper"))), MANAGE_PAPER});
        rows.add(new Object[] {new Call("POST /screenings", w -> as(w).contentType(ContentType.JSON)
                .body("{\"uses\": [" + checkOf(publicKey) + "]}").post("/api/v1/screenings")), SCREEN});
        rows.add(new Object[] {new Call("GET /publications", w -> as(w).get("/api/v1/publications")), READ_ALL});
        List<Arguments> out = new ArrayList<>();
        for (Object[] row : rows) {
            int[] expected = (int[]) row[1];
            for (Who who : Who.values()) {
                out.add(Arguments.of(row[0], who, who.badToken() ? 401 : expected[who.ordinal()]));
            }
        }
        return out.stream();
    }

    private static String checkOf(String key) {
        return "{\"task\": \"segmentation\", \"datasets\": [{\"key\": \"" + key + "\", \"role\": \"test\"}]}";
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("matrix")
    void statusMatrix(Call call, Who who, int expected) {
        fixtures();
        Response response = call.run().apply(who);
        assertThat(response.statusCode()).as(call + " as " + who + ": " + response.asString()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.jsonPath().getInt("status")).isEqualTo(expected);
        }
        if (expected == 401) {
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        }
    }

    @ParameterizedTest(name = "search as {0}")
    @MethodSource("goodIdentities")
    void embargoedDatasetsAppearInListsAndSearchOnlyForTheirOrganizationAndAdmins(Who who) {
        fixtures();
        boolean insider = who == Who.OWNER_CURATOR || who == Who.PIPELINE || who == Who.ADMIN;
        List<String> found = as(who).queryParam("q", embargoedWord).get(BASE).then().statusCode(200)
                .extract().jsonPath().getList("items.key", String.class);
        assertThat(found.contains(embargoedKey)).as("search result for " + who).isEqualTo(insider);

        List<String> everything = allKeys(who, Map.of("organization", "nyu"));
        assertThat(everything.contains(embargoedKey)).as("nyu listing for " + who).isEqualTo(insider);
        assertThat(everything).contains(publicKey);
    }

    static Stream<Who> goodIdentities() {
        return Stream.of(Who.values()).filter(w -> !w.badToken());
    }

    private static List<String> allKeys(Who who, Map<String, String> filters) {
        List<String> keys = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification spec = as(who).queryParams(filters).queryParam("limit", 25);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            var page = spec.get(BASE).then().statusCode(200).extract().jsonPath();
            keys.addAll(page.getList("items.key", String.class));
            cursor = page.getString("next");
        } while (cursor != null);
        return keys;
    }

    @Test
    void anEmbargoedDatasetLooksExactlyLikeAMissingOne() {
        fixtures();
        Response hidden = as(Who.OTHER_CURATOR).get(BASE + "/" + embargoedKey);
        Response missing = as(Who.OTHER_CURATOR).get(BASE + "/" + embargoedKey + "-x");
        assertThat(hidden.statusCode()).isEqualTo(missing.statusCode()).isEqualTo(404);
        assertThat(hidden.jsonPath().getString("detail").replace(embargoedKey, "K"))
                .isEqualTo(missing.jsonPath().getString("detail").replace(embargoedKey + "-x", "K"));
    }

    @Test
    void aCuratorCannotRegisterForAnotherOrganization() {
        String key = Datasets.uniqueKey("mass");
        Map<String, Object> body = Datasets.valid(key);
        body.put("organization", "upenn");
        asAlice().contentType(ContentType.JSON).body(body).post(BASE).then().statusCode(403);
        given().auth().oauth2(Tokens.user("carol")).get(BASE + "/" + key).then().statusCode(404);
    }

    @Test
    void ownerCreatorAndTimestampsComeFromTheServer() {
        String key = Datasets.uniqueKey("server-owned");
        Map<String, Object> body = Datasets.valid(key);
        body.remove("organization");
        body.put("createdBy", "mallory");
        body.put("createdAt", "2000-01-01T00:00:00Z");
        body.put("updatedAt", "2000-01-01T00:00:00Z");
        Response created = asAlice().contentType(ContentType.JSON).body(body).post(BASE);
        created.then().statusCode(201);
        assertThat(created.jsonPath().getString("organization")).isEqualTo("nyu");
        assertThat(created.jsonPath().getString("createdBy")).isEqualTo("alice");
        assertThat(created.jsonPath().getString("createdAt")).doesNotStartWith("2000");
        assertThat(created.jsonPath().getString("updatedAt")).doesNotStartWith("2000");
    }

    @Test
    void aPipelineRegistersForItsOwnOrganization() {
        String key = Datasets.uniqueKey("pipeline-made");
        Map<String, Object> body = Datasets.valid(key);
        body.remove("organization");
        Response created = given().auth().oauth2(Tokens.pipeline()).contentType(ContentType.JSON).body(body).post(BASE);
        created.then().statusCode(201);
        assertThat(created.jsonPath().getString("organization")).isEqualTo("nyu");
        assertThat(created.jsonPath().getString("createdBy")).isEqualTo("service-account-onlabel-pipeline");
    }

    @Test
    void aCuratorCannotMoveADatasetToAnotherOrganization() {
        fixtures();
        Map<String, Object> body = update(publicKey, "public");
        body.put("organization", "upenn");
        asAlice().contentType(ContentType.JSON).header("If-Match", etag(publicKey)).body(body)
                .put(BASE + "/" + publicKey).then().statusCode(403);
        given().get(BASE + "/" + publicKey).then().statusCode(200)
                .body("organization", org.hamcrest.Matchers.equalTo("nyu"));
    }

    @Test
    void anAnonymousWriteIsRefusedBeforeItsBodyIsLookedAt() {
        given().contentType(ContentType.JSON).body("{not json").post(BASE).then().statusCode(401)
                .contentType("application/problem+json");
    }
}
