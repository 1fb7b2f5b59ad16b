package org.onlabel.check;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.onlabel.support.Api.DATASETS;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onlabel.support.Api;
import org.onlabel.support.Datasets;
import org.onlabel.support.Tokens;

/** A label explains each task's verdict exactly as a check would; compare ranks candidates checked one by one. */
@QuarkusTest
class ExplainedLabelAndCompareApiTest {
    private static final String CHECKS = "/api/v1/checks";
    private static final String COMPARE = "/api/v1/checks/compare";

    private static JsonPath check(String body) {
        return given().contentType(ContentType.JSON).body(body).post(CHECKS).then().statusCode(200).extract().jsonPath();
    }

    private static List<String> decidingRules(JsonPath check) {
        return check.getList("findings.findAll { it.severity != 'info' }.rule");
    }

    @Test
    void everyTaskOfTheLabelIsExplainedByTheFindingsOfTheSameCheck() {
        for (String key : List.of("brats-2021", "fastmri-knee-multicoil")) {
            JsonPath label = given().get(DATASETS + "/" + key + "/label").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> verdicts = label.getList("verdicts");
            assertThat(verdicts).isNotEmpty();
            int explained = 0;
            for (int i = 0; i < verdicts.size(); i++) {
                String task = label.getString("verdicts[" + i + "].task");
                JsonPath single = check("{\"task\": \"" + task + "\", \"datasets\": [{\"key\": \"" + key + "\"}]}");
                String where = key + " / " + task;
                assertThat(label.getString("verdicts[" + i + "].verdict")).as(where).isEqualTo(single.getString("verdict"));
                assertThat(label.getList("verdicts[" + i + "].findings.rule")).as(where)
                        .containsExactlyElementsOf(decidingRules(single));
                assertThat(label.getList("verdicts[" + i + "].findings.severity")).as(where).doesNotContain("info");
                if (!"ON_LABEL".equals(single.getString("verdict"))) {
                    assertThat(label.getList("verdicts[" + i + "].findings")).as(where).isNotEmpty();
                    explained++;
                }
            }
            assertThat(explained).as("tasks of " + key + " that need an explanation").isPositive();
        }
        JsonPath brats = given().get(DATASETS + "/brats-2021/label").then().statusCode(200).extract().jsonPath();
        assertThat(brats.getList("verdicts.find { it.task == 'mri-reconstruction' }.findings.rule"))
                .contains("any.contraindicated", "recon.zero-padding");
        assertThat(brats.getMap("verdicts.find { it.task == 'mri-reconstruction' }.findings.find { it.rule == 'recon.zero-padding' }.introducedBy"))
                .containsEntry("dataset", "brats-2021").containsEntry("step", "resampling");
    }

    @Test
    void compareRanksTheCandidatesBestFirstEachAsItsOwnCheck() {
        List<String> candidates = List.of("brats-2021", "fastmri-knee-singlecoil", "fastmri-knee-multicoil");
        JsonPath table = given().contentType(ContentType.JSON).body(Map.of("task", "mri-reconstruction",
                "purpose", Map.of("commercial", false), "candidates", candidates))
                .post(COMPARE).then().statusCode(200).extract().jsonPath();
        assertThat(table.getString("task")).isEqualTo("mri-reconstruction");
        assertThat(table.getList("rows.dataset.key")).containsExactlyInAnyOrderElementsOf(candidates);
        assertThat(table.getString("rows[-1].dataset.key")).isEqualTo("brats-2021");
        assertThat(table.getString("rows[-1].verdict")).isEqualTo("OFF_LABEL");
        assertThat(table.getString("rows.find { it.dataset.key == 'brats-2021' }.dataset.title")).isNotBlank();
        List<String> order = List.of("ON_LABEL", "CAUTION", "UNKNOWN", "OFF_LABEL");
        List<Integer> ranks = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            String key = table.getString("rows[" + i + "].dataset.key");
            JsonPath single = check("{\"task\": \"mri-reconstruction\", \"purpose\": {\"commercial\": false},"
                    + " \"datasets\": [{\"key\": \"" + key + "\", \"role\": \"train\"}]}");
            assertThat(table.getString("rows[" + i + "].verdict")).as(key).isEqualTo(single.getString("verdict"));
            assertThat(table.getList("rows[" + i + "].findings.rule")).as(key).containsExactlyElementsOf(decidingRules(single));
            ranks.add(order.indexOf(single.getString("verdict")) * 100 + i);
        }
        assertThat(ranks).isSorted();
        // the two fastMRI tracks are both CAUTION: the key decides
        assertThat(table.getList("rows.dataset.key").subList(0, 2))
                .containsExactly("fastmri-knee-multicoil", "fastmri-knee-singlecoil");
    }

    @Test
    void anEmbargoedCandidateIsRefusedToWhoeverMayNotSeeItExactlyAsACheckRefusesIt() {
        String key = Datasets.uniqueKey("compare-embargo");
        Map<String, Object> body = Api.derived(key, "nyu", List.of(), List.of());
        body.put("visibility", "embargoed");
        Api.create(Tokens.user("alice"), body).then().statusCode(201);
        String compare = "{\"task\": \"segmentation\", \"candidates\": [\"brats-2021\", \"" + key + "\"]}";
        JsonPath seen = Api.as(Tokens.user("alice")).body(compare).post(COMPARE).then().statusCode(200).extract().jsonPath();
        assertThat(seen.getList("rows.dataset.key")).contains(key, "brats-2021");
        String check = "{\"task\": \"segmentation\", \"datasets\": [{\"key\": \"" + key + "\", \"role\": \"train\"}]}";
        String refusal = Api.as(Tokens.user("bob")).body(check).post(CHECKS).then().statusCode(422).extract()
                .jsonPath().getString("errors[0].message");
        Api.as(Tokens.user("bob")).body(compare).post(COMPARE).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.size()", equalTo(1)).body("errors[0].field", equalTo("candidates[1]"))
                .body("errors[0].message", equalTo(refusal));
        given().contentType(ContentType.JSON).body(compare).post(COMPARE).then().statusCode(422)
                .body("errors[0].field", equalTo("candidates[1]")).body("errors[0].message", equalTo(refusal));
    }

    @Test
    void badComparisonsAreRefusedAsProblems() {
        given().contentType(ContentType.JSON).body("{\"task\": \"teleportation\", \"candidates\": [\"brats-2021\", \"fastmri-knee-multicoil\"]}")
                .post(COMPARE).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("task"));
        given().contentType(ContentType.JSON).body("{\"task\": \"segmentation\", \"candidates\": [\"brats-2021\", \"brats-2021\"]}")
                .post(COMPARE).then().statusCode(422).body("errors[0].field", equalTo("candidates[1]"))
                .body("errors[0].message", equalTo("duplicate of candidates[0]"));
        given().contentType(ContentType.JSON).body("{\"task\": \"segmentation\", \"candidates\": [\"brats-2021\"]}")
                .post(COMPARE).then().statusCode(422).body("errors[0].field", equalTo("candidates"));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add("brats-2021-" + i);
        }
        given().contentType(ContentType.JSON).body(Map.of("task", "segmentation", "candidates", many))
                .post(COMPARE).then().statusCode(422).body("errors[0].field", equalTo("candidates"));
        given().contentType(ContentType.JSON).body("{\"task\": \"segmentation\", \"role\": \"holdout\", \"candidates\": [\"brats-2021\", \"fastmri-knee-multicoil\"]}")
                .post(COMPARE).then().statusCode(422).body("errors[0].field", equalTo("role"));
    }
}
