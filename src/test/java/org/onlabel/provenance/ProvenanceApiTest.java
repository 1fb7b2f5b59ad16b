package org.onlabel.provenance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.onlabel.support.Api.DATASETS;
import static org.onlabel.support.Api.create;
import static org.onlabel.support.Api.derived;
import static org.onlabel.support.Api.step;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.onlabel.support.Api;
import org.onlabel.support.Datasets;
import org.onlabel.support.Tokens;

@QuarkusTest
class ProvenanceApiTest {
    private static String admin() {
        return Tokens.user("carol");
    }

    private static String root(String prefix, List<?> steps) {
        String key = Datasets.uniqueKey(prefix);
        Map<String, Object> body = derived(key, "nyu", List.of(), steps);
        create(admin(), body).then().statusCode(201);
        return key;
    }

    private static String child(String prefix, List<String> parents, List<?> steps) {
        String key = Datasets.uniqueKey(prefix);
        create(admin(), derived(key, "nyu", parents, steps)).then().statusCode(201)
                .body("derivedFrom.key", equalTo(parents));
        return key;
    }

    @Test
    void aChainsHistoryListsEveryStepFromTheSourceToTheDataset() {
        String a = root("chain-a", List.of(step("de-identification", Map.of())));
        String b = child("chain-b", List.of(a), List.of(step("coil-combination", Map.of("method", "RSS")),
                step("magnitude-extraction", Map.of())));
        String c = child("chain-c", List.of(b), List.of(step("kspace-zero-padding", Map.of("factor", 2)),
                step("synthetic-kspace", Map.of())));
        JsonPath h = given().get(DATASETS + "/" + c + "/history").then().statusCode(200).extract().jsonPath();
        assertThat(h.getList("steps.step")).containsExactly("de-identification", "coil-combination",
                "magnitude-extraction", "kspace-zero-padding", "synthetic-kspace");
        assertThat(h.getList("steps.dataset")).containsExactly(a, b, b, c, c);
        assertThat(h.getList("steps.index")).containsExactly(0, 0, 1, 0, 1);
        assertThat(h.getList("steps[0].path")).containsExactly(c, b, a);
        assertThat(h.getInt("steps[3].parameters.factor")).isEqualTo(2);
    }

    @Test
    void aDiamondListsTheSharedAncestorOnce() {
        String r = root("dia-r", List.of(step("de-identification", Map.of())));
        String l = child("dia-l", List.of(r), List.of(step("resampling", Map.of("targetSpacingMm", 1.0))));
        String m = child("dia-m", List.of(r), List.of(step("skull-stripping", Map.of())));
        String d = child("dia-d", List.of(l, m), List.of(step("format-conversion", Map.of())));
        JsonPath h = given().get(DATASETS + "/" + d + "/history").then().statusCode(200).extract().jsonPath();
        assertThat(h.getList("steps.dataset")).containsExactly(r, l, m, d);
        JsonPath lineage = given().get(DATASETS + "/" + d + "/lineage").then().statusCode(200).extract().jsonPath();
        assertThat(lineage.getList("nodes.key")).containsExactlyInAnyOrder(r, l, m, d);
        assertThat(lineage.getList("edges")).hasSize(4);
        assertThat(lineage.getBoolean("truncated")).isFalse();
        assertThat(lineage.getInt("nodes.find { it.key == '" + r + "' }.depth")).isEqualTo(2);
    }

    @Test
    void wideFanOutIsTruncatedAtTheNodeLimit() {
        String r = root("fan-r", List.of());
        for (int i = 0; i < 12; i++) {
            child("fan-" + i, List.of(r), List.of(step("subset-selection", Map.of("part", i))));
        }
        JsonPath all = given().queryParam("direction", "downstream").get(DATASETS + "/" + r + "/lineage")
                .then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("nodes")).hasSize(13);
        assertThat(all.getList("edges")).hasSize(12);
        assertThat(all.getInt("nodes.find { it.key != '" + r + "' }.depth")).isEqualTo(-1);
        JsonPath cut = given().queryParam("direction", "downstream").queryParam("limit", 5)
                .get(DATASETS + "/" + r + "/lineage").then().statusCode(200).extract().jsonPath();
        assertThat(cut.getList("nodes")).hasSize(5);
        assertThat(cut.getBoolean("truncated")).isTrue();
        given().queryParam("direction", "sideways").get(DATASETS + "/" + r + "/lineage").then().statusCode(422)
                .body("errors[0].field", equalTo("direction"));
    }

    @Test
    void depthLimitsHowFarTheWalkGoes() {
        String a = root("depth-a", List.of());
        String b = child("depth-b", List.of(a), List.of());
        String c = child("depth-c", List.of(b), List.of());
        assertThat(given().queryParam("depth", 1).get(DATASETS + "/" + c + "/lineage").then().statusCode(200)
                .extract().jsonPath().getList("nodes.key")).containsExactly(c, b);
    }

    @Test
    void aDatasetCannotDeriveFromItselfOrFromWhatDoesNotExist() {
        String key = Datasets.uniqueKey("self");
        create(admin(), derived(key, "nyu", List.of(key), List.of())).then().statusCode(409)
                .body("type", equalTo("urn:onlabel:problem:conflict"));
        given().get(DATASETS + "/" + key).then().statusCode(404);
        create(admin(), derived(Datasets.uniqueKey("orphan"), "nyu", List.of("no-such-parent"), List.of()))
                .then().statusCode(422).body("errors[0].field", equalTo("derivedFrom[0].key"));
    }

    @Test
    void provenanceIsImmutable() {
        String a = root("imm-a", List.of());
        String other = root("imm-other", List.of());
        String b = child("imm-b", List.of(a), List.of(step("resampling", Map.of())));
        String etag = given().get(DATASETS + "/" + b).then().extract().header("ETag");

        Map<String, Object> changed = derived(b, "nyu", List.of(other), List.of(step("resampling", Map.of())));
        Api.as(admin()).header("If-Match", etag).body(changed).put(DATASETS + "/" + b).then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("register a new dataset or version"));
        Map<String, Object> otherSteps = derived(b, "nyu", List.of(a), List.of(step("downsampling", Map.of())));
        Api.as(admin()).header("If-Match", etag).body(otherSteps).put(DATASETS + "/" + b).then().statusCode(409);

        Map<String, Object> withoutProvenance = derived(b, "nyu", List.of(), List.of());
        withoutProvenance.remove("derivedFrom");
        withoutProvenance.remove("preprocessing");
        withoutProvenance.put("title", "Retitled");
        Api.as(admin()).header("If-Match", etag).body(withoutProvenance).put(DATASETS + "/" + b).then().statusCode(200)
                .body("title", equalTo("Retitled")).body("derivedFrom[0].key", equalTo(a))
                .body("preprocessing[0].step", equalTo("resampling"));
    }

    @Test
    void unknownStepsAreKeptVerbatim() {
        String a = root("verbatim-a", List.of());
        String b = child("verbatim-b", List.of(a), List.of(step("Gibbs-Ringing Removal v2", Map.of("lobes", 3))));
        given().get(DATASETS + "/" + b).then().statusCode(200)
                .body("preprocessing[0].step", equalTo("Gibbs-Ringing Removal v2"))
                .body("preprocessing[0].parameters.lobes", equalTo(3));
    }

    @Test
    void lineageNeverShowsOrWalksThroughAnotherOrganizationsEmbargoedDataset() {
        String a = root("emb-a", List.of());
        String e = Datasets.uniqueKey("emb-e");
        Map<String, Object> embargoed = derived(e, "nyu", List.of(a), List.of(step("registration", Map.of())));
        embargoed.put("visibility", "embargoed");
        create(Tokens.user("alice"), embargoed).then().statusCode(201);
        String c = Datasets.uniqueKey("emb-c");
        create(Tokens.user("alice"), derived(c, "nyu", List.of(e), List.of(step("resampling", Map.of())))).then().statusCode(201);

        JsonPath asAlice = Api.as(Tokens.user("alice")).get(DATASETS + "/" + c + "/lineage").then().extract().jsonPath();
        assertThat(asAlice.getList("nodes.key")).containsExactlyInAnyOrder(c, e, a);
        JsonPath asBob = Api.as(Tokens.user("bob")).get(DATASETS + "/" + c + "/lineage").then().extract().jsonPath();
        assertThat(asBob.getList("nodes.key")).containsExactly(c);
        assertThat(asBob.getList("edges")).isEmpty();
        JsonPath downstreamAnonymous = given().queryParam("direction", "downstream").get(DATASETS + "/" + a + "/lineage")
                .then().extract().jsonPath();
        assertThat(downstreamAnonymous.getList("nodes.key")).containsExactly(a);
        JsonPath historyAsBob = Api.as(Tokens.user("bob")).get(DATASETS + "/" + c + "/history").then().extract().jsonPath();
        assertThat(historyAsBob.getList("steps.dataset")).containsOnly(c);
        String prov = Api.as(Tokens.user("bob")).get(DATASETS + "/" + c + "/prov").then().statusCode(200).extract().asString();
        assertThat(prov).doesNotContain(e);
        given().get(DATASETS + "/" + e + "/lineage").then().statusCode(404);
        // a derivation may not name a parent the caller cannot see
        create(Tokens.user("bob"), derived(Datasets.uniqueKey("emb-bob"), "upenn", List.of(e), List.of()))
                .then().statusCode(422).body("errors[0].message", equalTo("no dataset '" + e + "'"));
    }

    @Test
    void provJsonDescribesEntitiesActivitiesAndTheirRelations() {
        String a = root("prov-a", List.of());
        String b = child("prov-b", List.of(a), List.of(Map.of("step", "skull-stripping",
                "software", Map.of("name", "HD-BET", "version", "1.0"))));
        JsonPath prov = given().get(DATASETS + "/" + b + "/prov").then().statusCode(200).extract().jsonPath();
        Map<String, Object> prefix = prov.getMap("prefix");
        assertThat(prefix).containsKeys("onlabel", "prov");
        assertThat((String) prefix.get("onlabel")).endsWith("/api/v1/datasets/");
        Map<String, Object> entity = prov.getMap("entity");
        assertThat(entity).containsOnlyKeys("onlabel:" + a, "onlabel:" + b);
        Map<String, Object> activity = prov.getMap("activity");
        assertThat(activity).containsOnlyKeys("onlabel:" + b + "#derivation");
        Map<String, Map<String, String>> derived = prov.getMap("wasDerivedFrom");
        assertThat(derived.values()).singleElement().satisfies(r -> {
            assertThat(r.get("prov:generatedEntity")).isEqualTo("onlabel:" + b);
            assertThat(r.get("prov:usedEntity")).isEqualTo("onlabel:" + a);
        });
        Set<String> known = new HashSet<>(entity.keySet());
        known.addAll(activity.keySet());
        Map<String, Object> agents = prov.getMap("agent");
        known.addAll(agents.keySet());
        for (String relation : List.of("wasGeneratedBy", "used", "wasDerivedFrom", "wasAssociatedWith")) {
            Map<String, Map<String, String>> records = prov.getMap(relation);
            assertThat(records).as(relation).isNotEmpty();
            records.forEach((id, r) -> {
                assertThat(id).startsWith("_:");
                r.values().forEach(ref -> assertThat(known).as(relation + " refers to " + ref).contains(ref));
            });
        }
        assertThat(prov.getMap("agent")).containsKeys("onlabel-agent:software/HD-BET@1.0", "onlabel-agent:org/nyu");
    }

    @Test
    void theReferenceCrimeLineagesHaveTheirWholeHistory() {
        JsonPath h = given().get(DATASETS + "/fastmri-knee-crime-zeropad-synthetic-kspace/history").then().statusCode(200)
                .extract().jsonPath();
        // the first step is fastmri-knee-multicoil's own: its marked, zero-filled k-space columns
        assertThat(h.getList("steps.step")).containsExactly("kspace-zero-padding", "coil-combination",
                "magnitude-extraction", "kspace-zero-padding", "synthetic-kspace");
        JsonPath brats = given().get(DATASETS + "/brats-2021-synthetic-kspace/history").then().extract().jsonPath();
        assertThat(brats.getList("steps.step")).containsExactly("de-identification", "format-conversion", "registration",
                "resampling", "skull-stripping", "synthetic-kspace");
        assertThat(brats.getList("steps[0].path")).containsExactly("brats-2021-synthetic-kspace", "brats-2021", "tcga-gbm");
    }

    @Test
    void aPipelineRegistersTheCrimeLineagesThroughTheApi() {
        String pipeline = Tokens.pipeline();
        String rss = Datasets.uniqueKey("crime-rss");
        create(pipeline, derived(rss, null, List.of("fastmri-knee-multicoil"), List.of(step("coil-combination",
                Map.of("method", "RSS")), step("magnitude-extraction", Map.of())))).then().statusCode(201);
        String jpeg = Datasets.uniqueKey("crime-jpeg");
        create(pipeline, derived(jpeg, null, List.of(rss), List.of(step("lossy-compression", Map.of("codec", "JPEG", "quality", 20)),
                step("synthetic-kspace", Map.of("from", "magnitude image"))))).then().statusCode(201);
        String bratsK = Datasets.uniqueKey("crime-brats");
        create(pipeline, derived(bratsK, null, List.of("brats-2021"), List.of(step("synthetic-kspace", Map.of())))).then().statusCode(201);

        assertThat(given().get(DATASETS + "/" + jpeg + "/history").then().extract().jsonPath().getList("steps.step"))
                .containsExactly("kspace-zero-padding", "coil-combination", "magnitude-extraction",
                        "lossy-compression", "synthetic-kspace");
        assertThat(given().get(DATASETS + "/" + bratsK + "/history").then().extract().jsonPath().getList("steps.step"))
                .endsWith("skull-stripping", "synthetic-kspace");
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstResponse() {
        String key = Datasets.uniqueKey("idem");
        Map<String, Object> body = derived(key, null, List.of("fastmri-knee-multicoil"), List.of(step("coil-combination", Map.of())));
        String idem = "run-" + key;
        Response first = Api.as(Tokens.pipeline()).header("Idempotency-Key", idem).body(body).post(DATASETS);
        first.then().statusCode(201);
        Response again = Api.as(Tokens.pipeline()).header("Idempotency-Key", idem).body(body).post(DATASETS);
        again.then().statusCode(201).header("Idempotent-Replayed", "true").header("ETag", first.header("ETag"))
                .header("Location", first.header("Location"));
        assertThat(again.jsonPath().getMap("")).isEqualTo(first.jsonPath().getMap(""));
        body.put("title", "Something else");
        Api.as(Tokens.pipeline()).header("Idempotency-Key", idem).body(body).post(DATASETS).then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("Idempotency-Key"));
        // without the key, the same body is a duplicate key
        body.put("title", first.jsonPath().getString("title"));
        Api.as(Tokens.pipeline()).body(body).post(DATASETS).then().statusCode(409);
    }

    @Test
    void concurrentDuplicatesWithOneIdempotencyKeyCreateOneDataset() throws Exception {
        String key = Datasets.uniqueKey("idem-race");
        Map<String, Object> body = derived(key, null, List.of("fastmri-knee-multicoil"), List.of(step("coil-combination", Map.of())));
        String token = Tokens.pipeline();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> Api.as(token).header("Idempotency-Key", "race-" + key).body(body).post(DATASETS));
            }
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(calls)) {
                responses.add(f.get());
            }
            assertThat(responses).extracting(Response::statusCode).containsOnly(201);
            assertThat(responses).extracting(r -> r.jsonPath().getString("createdAt")).containsOnly(
                    responses.get(0).jsonPath().getString("createdAt"));
            assertThat(responses.stream().filter(r -> r.header("Idempotent-Replayed") == null)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        JsonPath trail = Api.as(Tokens.user("carol")).get(DATASETS + "/" + key + "/audit").then().statusCode(200)
                .extract().jsonPath();
        assertThat(trail.getList("items.action")).containsExactly("dataset.created");
    }
}
