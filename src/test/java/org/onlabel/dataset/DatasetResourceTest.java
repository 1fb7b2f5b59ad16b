package org.onlabel.dataset;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onlabel.support.Datasets;
import org.onlabel.support.Tokens;

@QuarkusTest
class DatasetResourceTest {
    private static final String BASE = "/api/v1/datasets";

    /** Carol is an admin: she may register datasets for the throwaway organizations these tests use. */
    private static io.restassured.specification.RequestSpecification admin() {
        return given().auth().oauth2(Tokens.user("carol"));
    }

    private Response create(Map<String, Object> body) {
        return admin().contentType(ContentType.JSON).body(body).when().post(BASE);
    }

    @Test
    void createThenReadReturnsTheStoredDatasetWithLocationAndEtag() {
        String key = Datasets.uniqueKey("create");
        Map<String, Object> body = Datasets.valid(key);
        body.put("modalities", List.of("mr"));
        body.put("dataUse", List.of(Map.of("code", "DUO:0000046")));
        body.put("doi", "https://doi.org/10.5555/ABC.1");
        body.put("anatomy", List.of(" Knee "));

        Response created = create(body);
        created.then().statusCode(201)
                .header("Location", startsWith("http"))
                .header("Location", org.hamcrest.Matchers.endsWith(BASE + "/" + key))
                .header("ETag", notNullValue())
                .body("key", equalTo(key))
                .body("modalities", contains("MR"))
                .body("dataUse[0].code", equalTo("NCU"))
                .body("doi", equalTo("10.5555/ABC.1"))
                .body("anatomy", contains("knee"))
                .body("representation.domain", equalTo("kspace"))
                .body("cohort.fieldStrengthsT[0]", equalTo(3.0f))
                .body("createdAt", notNullValue());

        given().when().get(BASE + "/" + key).then().statusCode(200)
                .header("ETag", equalTo(created.header("ETag")))
                .body("title", equalTo(body.get("title")))
                .body("intendedUses[0].task", equalTo("mri-reconstruction"))
                .body("contraindications[0].reason", equalTo("no labels"))
                .body("createdAt", equalTo(created.path("createdAt")))
                .body("status", equalTo("active"));
    }

    @Test
    void defaultsStatusAndVisibilityWhenAbsent() {
        String key = Datasets.uniqueKey("defaults");
        Map<String, Object> body = Datasets.valid(key);
        body.remove("status");
        body.remove("visibility");
        create(body).then().statusCode(201).body("status", equalTo("active")).body("visibility", equalTo("public"));
    }

    @Test
    void ifNoneMatchWithTheCurrentEtagIsNotModified() {
        String key = Datasets.uniqueKey("cache");
        String etag = create(Datasets.valid(key)).then().statusCode(201).extract().header("ETag");
        given().header("If-None-Match", etag).when().get(BASE + "/" + key).then().statusCode(304);
        given().header("If-None-Match", "\"999\"").when().get(BASE + "/" + key).then().statusCode(200);
    }

    @Test
    void unknownDatasetIsA404Problem() {
        given().when().get(BASE + "/no-such-dataset-here").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:onlabel:problem:not-found"))
                .body("status", equalTo(404))
                .body("title", equalTo("Not found"))
                .body("instance", equalTo(BASE + "/no-such-dataset-here"));
    }

    @Test
    void duplicateKeyIsA409AndLeavesTheOriginalAlone() {
        String key = Datasets.uniqueKey("dup");
        create(Datasets.valid(key)).then().statusCode(201);
        Map<String, Object> second = Datasets.valid(key);
        second.put("title", "Impostor");
        create(second).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:onlabel:problem:conflict"))
                .body("detail", equalTo("A dataset with key '" + key + "' already exists"));
        given().get(BASE + "/" + key).then().statusCode(200).body("title", not(equalTo("Impostor")));
    }

    @Test
    void updateNeedsIfMatchAndRefusesAStaleEtag() {
        String key = Datasets.uniqueKey("update");
        Map<String, Object> body = Datasets.valid(key);
        String etag = create(body).then().statusCode(201).extract().header("ETag");
        body.put("title", "Renamed");

        admin().contentType(ContentType.JSON).body(body).when().put(BASE + "/" + key).then().statusCode(428)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:onlabel:problem:precondition-required"));

        String newEtag = admin().contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .when().put(BASE + "/" + key).then().statusCode(200)
                .body("title", equalTo("Renamed"))
                .extract().header("ETag");
        assertThat(newEtag).isNotEqualTo(etag);

        body.put("title", "Lost update");
        admin().contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .when().put(BASE + "/" + key).then().statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:onlabel:problem:precondition-failed"));

        Response read = given().get(BASE + "/" + key);
        read.then().statusCode(200).body("title", equalTo("Renamed")).header("ETag", equalTo(newEtag));
        assertThat(java.time.Instant.parse(read.path("updatedAt")))
                .isAfter(java.time.Instant.parse(read.path("createdAt")));
    }

    @Test
    void updateAcceptsTheBodyItRead() {
        String key = Datasets.uniqueKey("roundtrip");
        Response created = create(Datasets.valid(key));
        Map<String, Object> asRead = created.then().statusCode(201).extract().as(Map.class);
        asRead.put("title", "Round trip");
        admin().contentType(ContentType.JSON).header("If-Match", created.header("ETag")).body(asRead)
                .when().put(BASE + "/" + key).then().statusCode(200).body("title", equalTo("Round trip"));
    }

    @Test
    void updateCannotChangeTheKey() {
        String key = Datasets.uniqueKey("immutable");
        String etag = create(Datasets.valid(key)).then().statusCode(201).extract().header("ETag");
        Map<String, Object> body = Datasets.valid(key + "-renamed");
        admin().contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .when().put(BASE + "/" + key).then().statusCode(422)
                .body("errors[0].field", equalTo("key"));
        given().get(BASE + "/" + key + "-renamed").then().statusCode(404);
    }

    @Test
    void updateOfAnUnknownDatasetIs404() {
        admin().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Datasets.valid("ghost-dataset"))
                .when().put(BASE + "/ghost-dataset").then().statusCode(404);
    }

    @Test
    void wrongContentTypeIsA415Problem() {
        admin().contentType(ContentType.TEXT).body("key=x").when().post(BASE).then().statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:onlabel:problem:unsupported-media-type"));
    }

    @Test
    void bodyOverTheLimitIsA413ProblemAndCreatesNothing() {
        String key = Datasets.uniqueKey("huge");
        Map<String, Object> body = Datasets.valid(key);
        body.put("description", "x".repeat(1_100_000));
        create(body).then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:onlabel:problem:payload-too-large"));
        given().get(BASE + "/" + key).then().statusCode(404);
    }

    @Test
    void chunkedBodyOverTheLimitIsA413Problem() throws Exception {
        String key = Datasets.uniqueKey("chunked");
        Map<String, Object> body = Datasets.valid(key);
        body.put("description", "y".repeat(1_100_000));
        byte[] json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(body);
        var request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + BASE))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + Tokens.user("carol"))
                // an input-stream publisher has no known length, so the client sends the body chunked
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(json)))
                .build();
        var response = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        given().get(BASE + "/" + key).then().statusCode(404);
    }

    @Test
    void malformedJsonIsA400ProblemWithoutInternals() {
        String body = admin().contentType(ContentType.JSON).body("{\"key\": \"broken\", ").when().post(BASE)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:onlabel:problem:malformed-request"))
                .extract().asString();
        assertThat(body).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("com.fasterxml");
    }

    @Test
    void wrongTypeNamesTheField() {
        Map<String, Object> body = Datasets.valid(Datasets.uniqueKey("type"));
        body.put("subjects", "many");
        create(body).then().statusCode(400)
                .body("errors[0].field", equalTo("subjects"))
                .body("errors[0].message", equalTo("expected a number"));
    }

    @Test
    void unknownFieldIsRefusedByName() {
        Map<String, Object> body = Datasets.valid(Datasets.uniqueKey("unknown"));
        body.put("colour", "blue");
        create(body).then().statusCode(400)
                .body("errors[0].field", equalTo("colour"))
                .body("errors[0].message", equalTo("unknown field"));
    }

    @Test
    void missingBodyIsAValidationProblem() {
        admin().contentType(ContentType.JSON).when().post(BASE).then().statusCode(422)
                .contentType("application/problem+json");
    }

    @Test
    void createWithoutKeyIsRefused() {
        Map<String, Object> body = Datasets.valid("unused");
        body.remove("key");
        create(body).then().statusCode(422).body("errors.field", hasItem("key"));
    }

    @Test
    void listsEveryInvalidFieldAtOnceAndStoresNothing() {
        String key = Datasets.uniqueKey("invalid");
        Map<String, Object> body = Datasets.valid(key);
        body.put("title", " ");
        body.put("subjects", -1);
        body.put("homepage", "ftp://example.org");
        body.put("cohort", Map.of("fieldStrengthsT", List.of(-3.0)));
        body.put("intendedUses", List.of(Map.of("note", "no task")));
        create(body).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:onlabel:problem:validation-failed"))
                .body("errors.field", org.hamcrest.Matchers.hasItems("title", "subjects", "homepage",
                        "cohort.fieldStrengthsT[0]", "intendedUses[0].task"));
        given().get(BASE + "/" + key).then().statusCode(404);
    }

    @Test
    void badKeysAreRefused() {
        for (String bad : List.of("A-upper", "-leading", "x", "has space", "slash/inside", "é-accent")) {
            create(Datasets.valid(bad)).then().statusCode(422).body("errors.field", hasItem("key"));
        }
    }

    @Test
    void vocabularyValuesAreChecked() {
        Map<String, Object> body = Datasets.valid(Datasets.uniqueKey("vocab"));
        body.put("modalities", List.of("MRI"));
        body.put("intendedUses", List.of(Map.of("task", "segmentaton")));
        body.put("contraindications", List.of(Map.of("task", "mri-reconstruction")));
        body.put("deidentification", List.of("999999"));
        body.put("dataUse", List.of(Map.of("code", "NOPE"), Map.of("code", "DS")));
        body.put("representation", Map.of("domain", "sinogram", "coils", "many", "compression", "zip"));
        body.put("status", "archived");
        body.put("visibility", "secret");
        body.put("doi", "not-a-doi");
        create(body).then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("modalities[0]",
                        "intendedUses[0].task", "deidentification[0]", "dataUse[0].code", "dataUse[1].disease",
                        "representation.domain", "representation.coils", "representation.compression", "status",
                        "visibility", "doi"))
                .body("errors.find { it.field == 'intendedUses[0].task' }.message",
                        equalTo("'segmentaton' is not in vocabulary tasks; nearest terms: segmentation (see GET /api/v1/vocabularies/tasks)"));
    }

    @Test
    void aTaskCannotBeBothIntendedAndContraindicated() {
        Map<String, Object> body = Datasets.valid(Datasets.uniqueKey("both"));
        body.put("contraindications", List.of(Map.of("task", "mri-reconstruction", "reason", "contradiction")));
        create(body).then().statusCode(422).body("errors[0].field", equalTo("contraindications[0].task"));
    }

    @Test
    void listPagesThroughAnOrganizationInKeyOrder() {
        String org = "paging-" + Datasets.uniqueKey("org");
        for (String suffix : List.of("e", "a", "d", "c", "b")) {
            Map<String, Object> body = Datasets.valid(org + "-" + suffix);
            body.put("organization", org);
            create(body).then().statusCode(201);
        }
        Response first = given().queryParam("organization", org).queryParam("limit", 2).get(BASE);
        first.then().statusCode(200).body("items.key", contains(org + "-a", org + "-b")).body("next", notNullValue());
        Response second = given().queryParam("organization", org).queryParam("limit", 2)
                .queryParam("cursor", first.path("next").toString()).get(BASE);
        second.then().statusCode(200).body("items.key", contains(org + "-c", org + "-d"));
        given().queryParam("organization", org).queryParam("limit", 2)
                .queryParam("cursor", second.path("next").toString()).get(BASE)
                .then().statusCode(200).body("items.key", contains(org + "-e")).body("next", nullValue());
    }

    @Test
    void listFiltersCombine() {
        String owner = "filters-" + Datasets.uniqueKey("org");
        Map<String, Object> ct = Datasets.valid(owner + "-ct");
        ct.put("organization", owner);
        ct.put("modalities", List.of("CT"));
        ct.put("anatomy", List.of("lung"));
        ct.put("license", "CC-BY-3.0");
        ct.put("intendedUses", List.of(Map.of("task", "detection")));
        ct.put("contraindications", List.of());
        ct.put("status", "deprecated");
        ct.put("title", "Thoracic nodules with radiologist marks");
        create(ct).then().statusCode(201);
        Map<String, Object> mr = Datasets.valid(owner + "-mr");
        mr.put("organization", owner);
        create(mr).then().statusCode(201);

        given().queryParam("organization", owner).queryParam("modality", "ct").get(BASE)
                .then().statusCode(200).body("items.key", contains(owner + "-ct"));
        given().queryParam("organization", owner).queryParam("anatomy", "Knee").get(BASE)
                .then().body("items.key", contains(owner + "-mr"));
        given().queryParam("organization", owner).queryParam("task", "detection").get(BASE)
                .then().body("items.key", contains(owner + "-ct"));
        given().queryParam("organization", owner).queryParam("license", "cc-by-4.0").get(BASE)
                .then().body("items.key", contains(owner + "-mr"));
        given().queryParam("organization", owner).queryParam("status", "deprecated").get(BASE)
                .then().body("items.key", contains(owner + "-ct"));
        given().queryParam("organization", owner).queryParam("q", "nodule radiologists").get(BASE)
                .then().body("items.key", contains(owner + "-ct"));
        given().queryParam("organization", owner).queryParam("modality", "CT").queryParam("task", "segmentation").get(BASE)
                .then().body("items", org.hamcrest.Matchers.emptyIterable());
    }

    @Test
    void fullTextSearchFindsReferenceDatasetsByWordsOfTheirDescription() {
        given().queryParam("q", "brain tumour segmentation").queryParam("limit", 100).get(BASE)
                .then().statusCode(200).body("items.key", hasItem("brats-2021"));
    }

    @Test
    void invalidListParametersAreValidationProblems() {
        given().queryParam("task", "segmentaton").get(BASE).then().statusCode(422)
                .body("errors[0].field", equalTo("task"));
        given().queryParam("limit", 0).get(BASE).then().statusCode(422)
                .body("errors[0].field", equalTo("limit"));
        given().queryParam("cursor", "bm90LWEtY3Vyc29y").get(BASE).then().statusCode(422)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void aLimitOverTheCapIsCapped() {
        String owner = "cap-" + Datasets.uniqueKey("org");
        for (int i = 0; i < 27; i++) {
            Map<String, Object> body = Datasets.valid(owner + "-" + (100 + i));
            body.put("organization", owner);
            create(body).then().statusCode(201);
        }
        // the test profile caps pages at 25 (onlabel.api.max-page-size)
        given().queryParam("organization", owner).queryParam("limit", 100_000).get(BASE).then().statusCode(200)
                .body("items.size()", equalTo(25))
                .body("next", notNullValue());
    }

    @Test
    void unknownMethodIsA405Problem() {
        admin().when().delete(BASE).then().statusCode(405).contentType("application/problem+json");
    }
}
