package org.onlabel.provenance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.onlabel.support.Api.DATASETS;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onlabel.support.Datasets;

/**
 * A 1,000-step pipeline chain under the service's default lineage limits (the other tests run with small ones): the
 * walk reaches its source, so checks and labels reason over the whole ancestry instead of answering UNKNOWN.
 */
@QuarkusTest
@TestProfile(DeepLineageTest.DefaultLineageLimits.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeepLineageTest {
    /** The service's own defaults for the lineage limits, in place of the test profile's small ones. */
    public static class DefaultLineageLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("onlabel.lineage.max-depth", "1000", "onlabel.lineage.max-nodes", "10000");
        }
    }

    private static final int DEPTH = 1000;

    @Inject
    AgroalDataSource dataSource;

    private String prefix;

    private String key(int i) {
        return prefix + "-" + String.format("%04d", i);
    }

    /**
     * Datasets 0 (the source) to 1000 (the tip), each derived from the one before; every tenth is contraindicated for
     * reconstruction (so that a check of the tip has a hundred findings with long paths).
     */
    @BeforeAll
    void aThousandStepChain() throws Exception {
        prefix = Datasets.uniqueKey("deep");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement datasets = c.prepareStatement("""
                    INSERT INTO dataset (key, title, modalities, representation, contraindications, license,
                                         created_by, created_at, updated_at)
                    SELECT ? || '-' || lpad(i::text, 4, '0'), 'Deep chain step ' || i, ARRAY['MR'],
                           CAST('{"domain": "image", "complex": false}' AS jsonb),
                           CASE WHEN i % 10 = 0
                                THEN CAST('[{"task": "mri-reconstruction", "reason": "magnitude images only"}]' AS jsonb)
                                ELSE CAST('[]' AS jsonb) END,
                           'CC-BY-4.0', 'carol', now(), now()
                    FROM generate_series(0, ?) AS i""");
                 PreparedStatement edges = c.prepareStatement("""
                    INSERT INTO derivation (child_id, parent_id, ordinal)
                    SELECT child.id, parent.id, 0 FROM generate_series(1, ?) AS i
                    JOIN dataset child ON child.key = ? || '-' || lpad(i::text, 4, '0')
                    JOIN dataset parent ON parent.key = ? || '-' || lpad((i - 1)::text, 4, '0')""")) {
                datasets.setString(1, prefix);
                datasets.setInt(2, DEPTH);
                assertThat(datasets.executeUpdate()).isEqualTo(DEPTH + 1);
                edges.setInt(1, DEPTH);
                edges.setString(2, prefix);
                edges.setString(3, prefix);
                assertThat(edges.executeUpdate()).isEqualTo(DEPTH);
            }
            c.commit();
        }
    }

    @Test
    void upstreamLineageOfTheTipReachesTheSourceAThousandStepsAway() {
        JsonPath lineage = given().queryParam("depth", DEPTH).queryParam("limit", 2000)
                .get(DATASETS + "/" + key(DEPTH) + "/lineage").then().statusCode(200).extract().jsonPath();
        assertThat(lineage.getList("nodes")).hasSize(DEPTH + 1);
        assertThat(lineage.getList("edges")).hasSize(DEPTH);
        assertThat(lineage.getBoolean("truncated")).isFalse();
        assertThat(lineage.getInt("nodes.find { it.key == '" + key(0) + "' }.depth")).isEqualTo(DEPTH);
    }

    @Test
    void aCheckOfTheTipFindsTheSourcesContraindicationAndNothingBeyondTheLimits() {
        JsonPath r = given().contentType(ContentType.JSON).body("{\"task\": \"mri-reconstruction\", \"datasets\": "
                + "[{\"key\": \"" + key(DEPTH) + "\", \"role\": \"train\"}]}").post("/api/v1/checks")
                .then().statusCode(200).extract().jsonPath();
        assertThat(r.getString("verdict")).isEqualTo("OFF_LABEL");
        List<Map<String, Object>> contraindicated = r.getList("findings.findAll { it.rule == 'any.contraindicated' }");
        assertThat(contraindicated).anySatisfy(f ->
                assertThat(((Map<?, ?>) f.get("introducedBy")).get("dataset")).isEqualTo(key(0)));
        assertThat(r.getList("findings.introducedBy.dataset")).doesNotContain("(ancestors beyond the lineage limit)");
        assertThat(r.getList("findings.rule")).doesNotContain("any.unregistered-ancestor");
    }

    @Test
    void aCompactCheckCutsTheLongPathsAndGivesEachStepOnceSoThatTheWholePathCanBeRebuilt() {
        String body = "{\"task\": \"mri-reconstruction\", \"datasets\": [{\"key\": \"" + key(DEPTH)
                + "\", \"role\": \"train\"}]}";
        var fullResponse = given().contentType(ContentType.JSON).body(body).queryParam("paths", "full")
                .post("/api/v1/checks").then().statusCode(200).extract();
        JsonPath full = fullResponse.jsonPath();
        var compactResponse = given().contentType(ContentType.JSON).body(body).queryParam("paths", "compact")
                .post("/api/v1/checks").then().statusCode(200).extract();
        JsonPath compact = compactResponse.jsonPath();

        assertThat(compact.getString("verdict")).isEqualTo(full.getString("verdict"));
        assertThat(compact.getList("findings.rule")).isEqualTo(full.getList("findings.rule"));
        assertThat(full.getMap("$")).doesNotContainKey("paths");
        List<Map<String, Object>> findings = compact.getList("findings");
        List<Map<String, Object>> fullFindings = full.getList("findings");
        Map<String, String> towardTip = compact.getMap("paths.'" + key(DEPTH) + "'");
        assertThat(towardTip).hasSize(DEPTH).containsEntry(key(0), key(1)).containsEntry(key(1), key(2));
        boolean anyCut = false;
        for (int i = 0; i < findings.size(); i++) {
            Map<String, Object> f = findings.get(i);
            List<?> wholePath = (List<?>) fullFindings.get(i).get("path");
            List<?> path = (List<?>) f.get("path");
            assertThat(path.size()).isLessThanOrEqualTo(10);
            String fullMessage = (String) fullFindings.get(i).get("message");
            assertThat(f.get("message")).isEqualTo(fullMessage);
            assertThat(fullMessage.split(" → ", -1).length - 1).isLessThanOrEqualTo(11);
            if (f.get("pathLength") == null) {
                assertThat(path).isEqualTo(wholePath);
                continue;
            }
            anyCut = true;
            assertThat(f.get("pathLength")).isEqualTo(wholePath.size());
            assertThat(path).isEqualTo(wholePath.subList(0, 10));
            List<String> rebuilt = new java.util.ArrayList<>();
            String at = (String) ((Map<?, ?>) f.get("introducedBy")).get("dataset");
            rebuilt.add(at);
            while (!at.equals(key(DEPTH))) {
                at = towardTip.get(at);
                rebuilt.add(0, at);
            }
            assertThat(rebuilt).isEqualTo(wholePath);
        }
        assertThat(anyCut).isTrue();
        assertThat(compactResponse.asString().length()).isLessThan(fullResponse.asString().length() / 5);
    }

    @Test
    void aDeepCheckThatNamesNoPathsDetailIsAnsweredCompactAndMessagesNeverSpellTheWholeChain() {
        String body = "{\"task\": \"mri-reconstruction\", \"datasets\": [{\"key\": \"" + key(DEPTH)
                + "\", \"role\": \"train\"}]}";
        String byDefault = given().contentType(ContentType.JSON).body(body).post("/api/v1/checks")
                .then().statusCode(200).extract().asString();
        String compact = given().contentType(ContentType.JSON).body(body).queryParam("paths", "compact")
                .post("/api/v1/checks").then().statusCode(200).extract().asString();
        JsonPath full = given().contentType(ContentType.JSON).body(body).queryParam("paths", "full")
                .post("/api/v1/checks").then().statusCode(200).extract().jsonPath();
        assertThat(byDefault).isEqualTo(compact);
        assertThat(new JsonPath(byDefault).getMap("paths")).containsKey(key(DEPTH));
        List<String> messages = full.getList("findings.message");
        assertThat(messages).isNotEmpty().allSatisfy(m -> assertThat(m.split(" → ", -1).length - 1)
                .isLessThanOrEqualTo(11));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("more …"));
    }

    @Test
    void aPathsValueOtherThanFullOrCompactIsRefused() {
        given().contentType(ContentType.JSON).queryParam("paths", "short").body("{\"task\": \"mri-reconstruction\", "
                + "\"datasets\": [{\"key\": \"" + key(DEPTH) + "\"}]}").post("/api/v1/checks")
                .then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void theTipsLabelInheritsTheContraindicationAndItsHistoryIsWhole() {
        JsonPath label = given().get(DATASETS + "/" + key(DEPTH) + "/label").then().statusCode(200).extract().jsonPath();
        assertThat(label.getList("contraindications.origin")).contains(key(0));
        assertThat(given().get(DATASETS + "/" + key(DEPTH) + "/history").then().statusCode(200)
                .extract().jsonPath().getBoolean("truncated")).isFalse();
    }
}
