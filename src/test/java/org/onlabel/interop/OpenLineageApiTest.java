package org.onlabel.interop;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.onlabel.support.Api.DATASETS;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onlabel.support.Api;
import org.onlabel.support.Tokens;

@QuarkusTest
class OpenLineageApiTest {
    private static final String LINEAGE = "/api/v1/lineage";

    private static String event(String type, String runId, String inputs, String outputs, String runFacets) {
        return """
                {"eventType": "%s", "eventTime": "2026-12-01T10:00:00.000Z",
                 "producer": "https://example.org/pipeline", "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
                 "run": {"runId": "%s", "facets": {%s}},
                 "job": {"namespace": "knee-lab", "name": "crime-pipeline", "facets": {"jobType": {"jobType": "BATCH", "integration": "custom", "processingType": "BATCH"}}},
                 "inputs": [%s], "outputs": [%s]}""".formatted(type, runId, runFacets, inputs, outputs);
    }

    private static String facet(String steps) {
        return "\"onlabel_preprocessing\": {\"_producer\": \"https://example.org\", \"_schemaURL\": \"https://example.org/f.json\", \"steps\": [" + steps + "]}";
    }

    private static Response send(String body) {
        return Api.as(Tokens.pipeline()).body(body).post(LINEAGE);
    }

    @Test
    void theCrimeLineagesRegisterThroughOpenLineageWithTheirWholeHistory() {
        String ns = "s3://knee-lab-" + UUID.randomUUID().toString().substring(0, 6);
        String rss = "{\"namespace\": \"" + ns + "\", \"name\": \"derived/rss-magnitude\"}";
        String padded = "{\"namespace\": \"" + ns + "\", \"name\": \"derived/zero-padded\"}";
        String crime = "{\"namespace\": \"" + ns + "\", \"name\": \"derived/synthetic-kspace\"}";
        JsonPath first = send(event("COMPLETE", UUID.randomUUID().toString(),
                "{\"namespace\": \"onlabel\", \"name\": \"fastmri-knee-multicoil\"}", rss,
                facet("{\"step\": \"coil-combination\", \"parameters\": {\"method\": \"RSS\"}}, {\"step\": \"magnitude-extraction\"}")))
                .then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("inputs")).containsExactly("fastmri-knee-multicoil");
        assertThat(first.getList("registered")).hasSize(1);
        String rssKey = first.getString("registered[0]");
        send(event("COMPLETE", UUID.randomUUID().toString(), rss, padded,
                facet("{\"step\": \"kspace-zero-padding\", \"parameters\": {\"factor\": 2}}"))).then().statusCode(200);
        String crimeKey = send(event("COMPLETE", UUID.randomUUID().toString(), padded, crime,
                facet("{\"step\": \"synthetic-kspace\", \"parameters\": {\"from\": \"magnitude image\"}}")))
                .then().statusCode(200).extract().jsonPath().getString("registered[0]");

        JsonPath history = given().get(DATASETS + "/" + crimeKey + "/history").then().statusCode(200).extract().jsonPath();
        // the first step is fastmri-knee-multicoil's own: its marked, zero-filled k-space columns
        assertThat(history.getList("steps.step")).containsExactly("kspace-zero-padding", "coil-combination",
                "magnitude-extraction", "kspace-zero-padding", "synthetic-kspace");
        assertThat(history.getList("steps[1].path")).startsWith(crimeKey).endsWith(rssKey);
        given().get(DATASETS + "/" + rssKey).then().statusCode(200)
                .body("organization", equalTo("nyu"))
                .body("createdBy", equalTo("service-account-onlabel-pipeline"))
                .body("openLineage.namespace", equalTo(ns))
                .body("openLineage.name", equalTo("derived/rss-magnitude"))
                .body("intendedUses", org.hamcrest.Matchers.empty());
        // findable by its OpenLineage name through the catalog search
        given().queryParam("q", "rss-magnitude").queryParam("limit", 100).get(DATASETS).then().statusCode(200)
                .body("items.key", org.hamcrest.Matchers.hasItem(rssKey));
    }

    @Test
    void unknownInputsBecomeStubsAndOnlyCompleteRegistersOutputs() {
        String ns = "hdfs://cluster-" + UUID.randomUUID().toString().substring(0, 6);
        String input = "{\"namespace\": \"" + ns + "\", \"name\": \"/raw/scans\"}";
        String output = "{\"namespace\": \"" + ns + "\", \"name\": \"/derived/resampled\"}";
        String runId = UUID.randomUUID().toString();
        for (String type : List.of("START", "RUNNING", "FAIL", "ABORT", "OTHER")) {
            JsonPath r = send(event(type, runId, input, output, "")).then().statusCode(200).extract().jsonPath();
            assertThat(r.getString("eventType")).isEqualTo(type);
            assertThat(r.getList("registered")).isEmpty();
            assertThat(r.getList("stubs")).isEmpty();
        }
        String outKey = LineageKeys.keyFor(ns, "/derived/resampled");
        given().get(DATASETS + "/" + outKey).then().statusCode(404);

        String complete = event("COMPLETE", runId, input, output, "\"processing_engine\": {\"version\": \"3.5\", \"name\": \"spark\"}");
        JsonPath done = send(complete).then().statusCode(200).extract().jsonPath();
        assertThat(done.getBoolean("replayed")).isFalse();
        String stubKey = LineageKeys.keyFor(ns, "/raw/scans");
        assertThat(done.getList("stubs")).containsExactly(stubKey);
        assertThat(done.getList("registered")).containsExactly(outKey);
        given().get(DATASETS + "/" + stubKey).then().statusCode(200).body("registered", equalTo(false))
                .body("openLineage.name", equalTo("/raw/scans"));
        given().get(DATASETS + "/" + outKey).then().statusCode(200).body("registered", equalTo(true))
                .body("preprocessing[0].step", equalTo("crime-pipeline"))
                .body("preprocessing[0].software.name", equalTo("spark"))
                .body("preprocessing[0].runId", equalTo(runId));
        given().get(DATASETS + "/" + outKey + "/history").then().body("unregisteredAncestors", org.hamcrest.Matchers.contains(stubKey));

        // the same event again changes nothing
        JsonPath replay = send(complete).then().statusCode(200).extract().jsonPath();
        assertThat(replay.getBoolean("replayed")).isTrue();
        assertThat(replay.getList("registered")).isEmpty();
        assertThat(replay.getList("matched")).containsExactly(outKey);
        assertThat(Api.as(Tokens.user("carol")).get(DATASETS + "/" + outKey + "/audit").then().extract().jsonPath()
                .getList("items")).hasSize(1);
    }

    @Test
    void aStubSeenLaterAsAnOutputIsCompletedAndCyclesAreRefused() {
        String ns = "gs://lab-" + UUID.randomUUID().toString().substring(0, 6);
        String a = "{\"namespace\": \"" + ns + "\", \"name\": \"a\"}";
        String b = "{\"namespace\": \"" + ns + "\", \"name\": \"b\"}";
        String c = "{\"namespace\": \"" + ns + "\", \"name\": \"c\"}";
        send(event("COMPLETE", UUID.randomUUID().toString(), a, b, "")).then().statusCode(200); // a is a stub
        JsonPath completed = send(event("COMPLETE", UUID.randomUUID().toString(), c, a, "")).then().statusCode(200)
                .extract().jsonPath();
        String aKey = LineageKeys.keyFor(ns, "a");
        assertThat(completed.getList("registered")).containsExactly(aKey);
        given().get(DATASETS + "/" + aKey).then().body("registered", equalTo(true)).body("derivedFrom[0].key",
                equalTo(LineageKeys.keyFor(ns, "c")));
        // b was made from a; making c from b would close the loop c → a → b → c
        send(event("COMPLETE", UUID.randomUUID().toString(), b, c, "")).then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("cycle"));
    }

    @Test
    void otherProvenanceForARegisteredOutputIsAWarningNotAChange() {
        String ns = "file://lab-" + UUID.randomUUID().toString().substring(0, 6);
        String in1 = "{\"namespace\": \"" + ns + "\", \"name\": \"in1\"}";
        String in2 = "{\"namespace\": \"" + ns + "\", \"name\": \"in2\"}";
        String out = "{\"namespace\": \"" + ns + "\", \"name\": \"out\"}";
        send(event("COMPLETE", UUID.randomUUID().toString(), in1, out, "")).then().statusCode(200);
        JsonPath second = send(event("COMPLETE", UUID.randomUUID().toString(), in2, out, "")).then().statusCode(200)
                .extract().jsonPath();
        assertThat(second.getList("warnings")).singleElement().asString().contains("immutable");
        given().get(DATASETS + "/" + LineageKeys.keyFor(ns, "out")).then()
                .body("derivedFrom.key", org.hamcrest.Matchers.contains(LineageKeys.keyFor(ns, "in1")));
    }

    @Test
    void onlyPipelinesAndAdminsSendEventsAndBadEventsAreRefused() {
        String body = event("START", UUID.randomUUID().toString(), "", "", "");
        given().contentType("application/json").body(body).post(LINEAGE).then().statusCode(401);
        Api.as(Tokens.user("alice")).body(body).post(LINEAGE).then().statusCode(403);
        Api.as(Tokens.user("dave")).body(body).post(LINEAGE).then().statusCode(403);
        Api.as(Tokens.user("carol")).body(body).post(LINEAGE).then().statusCode(200);
        send("{\"eventType\": \"COMPLETE\"}").then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItems("eventTime", "run.runId", "job.namespace", "job.name"));
        send("[1, 2]").then().statusCode(422);
        send("{not json").then().statusCode(400);
        send(event("COMPLETE", UUID.randomUUID().toString(), "{\"namespace\": \"onlabel\", \"name\": \"no-such-dataset-x\"}",
                "", "")).then().statusCode(422).body("errors[0].field", equalTo("inputs[0].name"));
    }
}
