package org.onlabel.check;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.onlabel.support.Api.DATASETS;
import static org.onlabel.support.Api.create;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onlabel.support.Datasets;
import org.onlabel.support.Tokens;

/** Diseases named by id, label or synonym in datasets and purposes; unknown terms and tasks are 422 with the nearest. */
@QuarkusTest
class DiseaseSpecificUseApiTest {

    private static String dsDataset(String disease) {
        String key = Datasets.uniqueKey("ds");
        Map<String, Object> body = Datasets.valid(key);
        body.put("organization", "nyu");
        body.put("intendedUses", List.of(Map.of("task", "segmentation")));
        body.put("contraindications", List.of());
        body.put("dataUse", List.of(Map.of("code", "DS", "disease", disease)));
        create(Tokens.user("alice"), body).then().statusCode(201);
        return key;
    }

    private static String checkBody(String key, String disease) {
        return "{\"task\": \"segmentation\", \"datasets\": [{\"key\": \"" + key + "\", \"role\": \"train\"}],"
                + " \"purpose\": {\"commercial\": false, \"disease\": \"" + disease + "\"}}";
    }

    private static JsonPath check(String key, String disease) {
        return given().contentType(ContentType.JSON).body(checkBody(key, disease)).post("/api/v1/checks")
                .then().statusCode(200).extract().jsonPath();
    }

    private static List<String> rules(JsonPath result) {
        return result.getList("findings.rule");
    }

    @Test
    void aDsDiseaseIsStoredAsItsMondoIdWhicheverNameWasGiven() {
        String key = dsDataset("Glioma");
        given().get(DATASETS + "/" + key).then().statusCode(200)
                .body("dataUse[0].code", equalTo("DS")).body("dataUse[0].disease", equalTo("MONDO:0021042"));
    }

    @Test
    void dsGliomaAllowsGlioblastomaResearchAndRefusesBreastCancerNamingBothByLabelAndId() {
        String key = dsDataset("glioma");

        assertThat(rules(check(key, "glioblastoma"))).doesNotContain("use.disease-specific");
        assertThat(rules(check(key, "MONDO:0018177"))).doesNotContain("use.disease-specific");

        JsonPath breast = check(key, "breast cancer");
        assertThat(breast.getString("verdict")).isEqualTo("OFF_LABEL");
        Map<String, Object> finding = breast.getMap("findings.find { it.rule == 'use.disease-specific' }");
        assertThat(finding).containsEntry("severity", "violation");
        assertThat((String) finding.get("message")).contains("glioma (MONDO:0021042)", "breast cancer (MONDO:0007254)");
    }

    @Test
    void anUnknownPurposeDiseaseIs422WithTheNearestTerms() {
        String key = dsDataset("MONDO:0018177");
        given().contentType(ContentType.JSON).body(checkBody(key, "glioblastma")).post("/api/v1/checks")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("purpose.disease"))
                .body("errors[0].message", containsString("glioblastoma (MONDO:0018177)"));
    }

    @Test
    void anAmbiguousPurposeDiseaseIs422NamingTheCandidates() {
        String key = dsDataset("neoplasm");
        given().contentType(ContentType.JSON).body(checkBody(key, "colon cancer")).post("/api/v1/checks")
                .then().statusCode(422)
                .body("errors[0].message", containsString("names several diseases"))
                .body("errors[0].message", containsString("MONDO:0002032"));
    }

    @Test
    void anUnknownDatasetDiseaseIs422WithTheNearestTermsAndCreatesNothing() {
        String key = Datasets.uniqueKey("ds-bad");
        Map<String, Object> body = Datasets.valid(key);
        body.put("organization", "nyu");
        body.put("dataUse", List.of(Map.of("code", "DS", "disease", "lung canser")));
        create(Tokens.user("alice"), body).then().statusCode(422)
                .body("errors[0].field", equalTo("dataUse[0].disease"))
                .body("errors[0].message", containsString("lung cancer (MONDO:0008903)"));
        given().get(DATASETS + "/" + key).then().statusCode(404);
    }

    @Test
    void anUnknownTaskIs422WithTheNearestTermsInDatasetsAndChecks() {
        Map<String, Object> body = Datasets.valid(Datasets.uniqueKey("task-bad"));
        body.put("organization", "nyu");
        body.put("intendedUses", List.of(Map.of("task", "motion correction")));
        create(Tokens.user("alice"), body).then().statusCode(422)
                .body("errors[0].field", equalTo("intendedUses[0].task"))
                .body("errors[0].message", containsString("nearest terms: motion-correction"));

        given().contentType(ContentType.JSON)
                .body("{\"task\": \"mr-fingerprinting\", \"datasets\": [{\"key\": \"fastmri-knee-multicoil\"}]}")
                .post("/api/v1/checks").then().statusCode(422)
                .body("errors[0].field", equalTo("task"))
                .body("errors[0].message", containsString("quantitative-mapping"));
    }
}
