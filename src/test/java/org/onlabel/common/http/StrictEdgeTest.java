package org.onlabel.common.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onlabel.support.Api;
import org.onlabel.support.Datasets;
import org.onlabel.support.Tokens;

/** The strict edge of issue 10, one rule at a time: each malformed request is a clear 4xx that stores nothing. */
@QuarkusTest
class StrictEdgeTest {
    private static final String DATASETS = Api.DATASETS;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/")
    URL base;

    private HttpResponse<String> raw(String method, String target, String contentType, byte[] body, String... headers)
            throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + target))
                .header("Authorization", "Bearer " + Tokens.user("alice"));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A valid body for alice, curator at nyu. */
    private static Map<String, Object> alices(String key) {
        Map<String, Object> body = Datasets.valid(key);
        body.put("organization", "nyu");
        return body;
    }

    private static String json(Map<String, Object> body) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":" + status);
    }

    private static void assertNotStored(String key) {
        given().auth().oauth2(Tokens.user("carol")).get(DATASETS + "/" + key).then().statusCode(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"title\": \"a\\u0000b\"", "\"title\": \"a\\ud800b\"", "\"title\": \"x\\udc00\"",
        "\"description\": \"\\u001b[31mred\\u001b[0m\"", "\"extras\": {\"k\\u0000\": 1}"})
    void badTextAnywhereInABodyIsA400(String member) throws Exception {
        String key = Datasets.uniqueKey("text");
        Map<String, Object> valid = alices(key);
        valid.remove(member.substring(1, member.indexOf('"', 1)));
        String body = "{" + member + ", " + json(valid).substring(1);
        assertProblem(raw("POST", DATASETS, "application/json", body.getBytes(StandardCharsets.UTF_8)), 400);
        assertNotStored(key);
    }

    @Test
    void lineBreaksAndTabsInSingleLineFieldsAre422() throws Exception {
        String key = Datasets.uniqueKey("line");
        Map<String, Object> body = alices(key);
        body.put("title", "two\nlines");
        body.put("version", "1\t0");
        Api.create(Tokens.user("alice"), body).then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItems("title", "version"));
        assertNotStored(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"duplicate", "trailing", "two-documents", "deep", "utf16", "bom", "invalid-utf8"})
    void structurallyBadJsonIsA400(String kind) throws Exception {
        String key = Datasets.uniqueKey("json");
        String valid = json(alices(key));
        byte[] body = switch (kind) {
            case "duplicate" -> valid.replaceFirst("^\\{", "{\"subjects\": 1, ").getBytes(StandardCharsets.UTF_8);
            case "trailing" -> (valid + " garbage").getBytes(StandardCharsets.UTF_8);
            case "two-documents" -> (valid + valid).getBytes(StandardCharsets.UTF_8);
            case "deep" -> valid.replaceFirst("^\\{", "{\"extras\": {\"d\": " + "[".repeat(40) + "]".repeat(40) + "}, ")
                    .getBytes(StandardCharsets.UTF_8);
            case "utf16" -> valid.getBytes(StandardCharsets.UTF_16);
            case "bom" -> ("\uFEFF" + valid).getBytes(StandardCharsets.UTF_8);
            default -> (valid.substring(0, valid.length() - 1) + ", \"x\": \"\u00e9\"}").getBytes(StandardCharsets.ISO_8859_1);
        };
        assertProblem(raw("POST", DATASETS, "application/json", body), 400);
        assertNotStored(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"subjects\": 1.5", "\"subjects\": \"12\"", "\"description\": 7", "\"title\": true",
        "\"representation\": {\"complex\": 1}", "\"representation\": {\"complex\": \"true\"}", "\"modalities\": \"MR\""})
    void valuesAreNeverCoercedToAnotherType(String member) throws Exception {
        String key = Datasets.uniqueKey("coerce");
        Map<String, Object> valid = alices(key);
        String name = member.substring(1, member.indexOf('"', 1));
        valid.remove(name);
        String body = "{" + member + ", " + json(valid).substring(1);
        assertProblem(raw("POST", DATASETS, "application/json", body.getBytes(StandardCharsets.UTF_8)), 400);
        assertNotStored(key);
    }

    @Test
    void aCheckPurposeMustBeABoolean() {
        given().contentType("application/json")
                .body("{\"task\": \"segmentation\", \"datasets\": [{\"key\": \"brats-2021\"}], \"purpose\": {\"commercial\": 1}}")
                .post("/api/v1/checks").then().statusCode(400).body("errors[0].field", equalTo("purpose.commercial"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.5", "0", "-3", "%D9%A1%D9%A2", "%EF%BC%91", "99999999999", "%20"})
    void nonIntegerLimitAndDepthAre422NeverA404(String value) {
        given().urlEncodingEnabled(false).get(DATASETS + "?limit=" + value).then().statusCode(422)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("limit"));
        given().urlEncodingEnabled(false).get(DATASETS + "/brats-2021/lineage?depth=" + value).then().statusCode(422)
                .body("errors[0].field", equalTo("depth"));
        given().urlEncodingEnabled(false).get(DATASETS + "/brats-2021/lineage?limit=" + value).then().statusCode(422);
    }

    @Test
    void nulAndControlCharactersInPathOrQueryNeverReachTheDatabase() {
        given().urlEncodingEnabled(false).get(DATASETS + "/%00/history").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        given().urlEncodingEnabled(false).get(DATASETS + "?q=%00").then().statusCode(422).body("errors[0].field", equalTo("q"));
        given().urlEncodingEnabled(false).get(DATASETS + "?organization=a%00b").then().statusCode(422);
        given().urlEncodingEnabled(false).get(DATASETS + "?q=%1B%5B31m").then().statusCode(422);
    }

    @Test
    void forgedCursorsAre422() {
        String forged = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("v1:zzz".getBytes(StandardCharsets.UTF_8));
        given().queryParam("cursor", forged).get(DATASETS).then().statusCode(422).body("errors[0].field", equalTo("cursor"));
        given().queryParam("cursor", "v2.enp6.AAAAAAAAAAAAAAAAAAAAAA").get(DATASETS).then().statusCode(422);
        String next = given().queryParam("limit", 2).get(DATASETS).then().statusCode(200).extract().path("next");
        given().queryParam("limit", 2).queryParam("cursor", next).get(DATASETS).then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PATCH /history", "PATCH /label", "PATCH /lineage", "PATCH /prov", "DELETE /history",
        "PUT /audit", "PATCH ", "POST /prov"})
    void aMethodAPathDoesNotOfferIsA405WithAllow(String call) {
        String[] parts = call.split(" ", 2);
        given().auth().oauth2(Tokens.user("carol")).contentType("application/json").body("{}")
                .request(parts[0], DATASETS + "/brats-2021" + parts[1]).then().statusCode(405)
                .contentType(startsWith("application/problem+json")).header("Allow", containsString("GET"));
    }

    @Test
    void ifMatchComparesStrongly() throws Exception {
        String key = Datasets.uniqueKey("etag");
        Api.create(Tokens.user("alice"), alices(key)).then().statusCode(201);
        Map<String, Object> body = alices(key);
        body.put("title", "changed");
        Api.as(Tokens.user("alice")).header("If-Match", "W/\"0\"").body(body).put(DATASETS + "/" + key).then().statusCode(412);
        given().get(DATASETS + "/" + key).then().body("title", equalTo("Knee MRI raw k-space " + key));
        Api.as(Tokens.user("alice")).header("If-Match", "\"0\"").body(body).put(DATASETS + "/" + key).then().statusCode(200);
    }

    @Test
    void aBlankIdempotencyKeyIs422() throws Exception {
        String key = Datasets.uniqueKey("idem");
        assertProblem(raw("POST", DATASETS, "application/json", json(alices(key)).getBytes(StandardCharsets.UTF_8),
                "Idempotency-Key", " "), 422);
        assertNotStored(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "text/plain", "*/*", "application/json; charset=utf-16", "application/xml",
        "gzip", "application/x-www-form-urlencoded"})
    void aBodyMustBeLabelledUncompressedUtf8Json(String label) throws Exception {
        String key = Datasets.uniqueKey("ctype");
        byte[] body = json(alices(key)).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = switch (label) {
            case "none" -> raw("POST", DATASETS, null, body);
            case "gzip" -> raw("POST", DATASETS, "application/json", body, "Content-Encoding", "gzip");
            default -> raw("POST", DATASETS, label, body);
        };
        assertProblem(response, 415);
        assertNotStored(key);
        assertThat(raw("POST", DATASETS, "application/json; charset=UTF-8", body).statusCode()).isEqualTo(201);
    }

    @Test
    void bidsImportsKeepTheSameLimitsAsTheApi() throws Exception {
        String key = Datasets.uniqueKey("bids");
        String longName = "{\"Name\": \"" + "n".repeat(1_000) + "\", \"BIDSVersion\": \"1.9.0\"}";
        Api.as(Tokens.user("alice")).queryParam("key", key).body(longName).post("/api/v1/imports/bids").then()
                .statusCode(422).body("errors[0].field", equalTo("title"));
        String longDoi = "{\"Name\": \"x\", \"DatasetDOI\": \"10.1234/" + "d".repeat(400) + "\"}";
        Api.as(Tokens.user("alice")).queryParam("key", key).body(longDoi).post("/api/v1/imports/bids").then()
                .statusCode(422).body("errors[0].field", equalTo("doi"));
        Api.as(Tokens.user("alice")).queryParam("key", key).body("{}").post("/api/v1/imports/bids").then()
                .statusCode(422).body("errors[0].field", equalTo("Name"));
        Api.as(Tokens.user("alice")).queryParam("key", key).body("{\"Name\": \"a\\nb\"}").post("/api/v1/imports/bids").then()
                .statusCode(422);
        assertNotStored(key);
    }

    @Test
    void openLineageStepsKeepTheSameLimitsAsTheApi() {
        String ns = "s3://edge-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        for (String step : new String[] {"bad\\r\\nstep", "s".repeat(10_000)}) {
            String event = """
                    {"eventType": "COMPLETE", "eventTime": "2026-12-01T10:00:00Z", "producer": "https://example.org",
                     "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
                     "run": {"runId": "%s", "facets": {"onlabel_preprocessing": {"_producer": "https://example.org",
                       "_schemaURL": "https://example.org/f.json", "steps": [{"step": "%s"}]}}},
                     "job": {"namespace": "edge", "name": "job"},
                     "inputs": [{"namespace": "onlabel", "name": "fastmri-knee-multicoil"}],
                     "outputs": [{"namespace": "%s", "name": "out"}]}""".formatted(java.util.UUID.randomUUID(), step, ns);
            Api.as(Tokens.pipeline()).body(event).post("/api/v1/lineage").then().statusCode(422)
                    .body("errors[0].field", startsWith("preprocessing[0].step"));
        }
        given().queryParam("q", ns).get(DATASETS).then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
    }
}
