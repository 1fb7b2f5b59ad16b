package org.onlabel.dataset;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.onlabel.support.Api.DATASETS;
import static org.onlabel.support.Api.create;
import static org.onlabel.support.Api.derived;
import static org.onlabel.support.Api.step;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onlabel.support.Api;
import org.onlabel.support.Datasets;
import org.onlabel.support.Tokens;

@QuarkusTest
class DatasetRemovalTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anAdminRemovalLeavesATombstoneThatDescendantsAndTheAuditTrailStillName() throws Exception {
        String root = Datasets.uniqueKey("removed-root");
        Map<String, Object> body = Datasets.valid(root);
        body.put("organization", "nyu");
        body.put("title", "Knee scans of patient Jane Roe");
        String etag = Api.as(Tokens.user("alice")).header("Idempotency-Key", "rm-" + root).body(body).post(DATASETS)
                .then().statusCode(201).extract().header("ETag");
        body.put("description", "Also names Jane Roe's hospital number 12345");
        Api.as(Tokens.user("alice")).header("If-Match", etag).body(body).put(DATASETS + "/" + root).then().statusCode(200);
        String child = Datasets.uniqueKey("removed-child");
        create(Tokens.user("carol"), derived(child, "nyu", List.of(root), List.of(step("subset-selection", Map.of()))))
                .then().statusCode(201);

        given().auth().oauth2(Tokens.user("alice")).queryParam("reason", "not mine to remove")
                .delete(DATASETS + "/" + root).then().statusCode(403);
        given().auth().oauth2(Tokens.user("carol")).delete(DATASETS + "/" + root).then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItem("reason"));
        given().auth().oauth2(Tokens.user("carol")).queryParam("reason", "title carried a patient's name")
                .delete(DATASETS + "/" + root).then().statusCode(204);

        // content gone, key taken
        given().get(DATASETS + "/" + root).then().statusCode(410).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("urn:onlabel:problem:gone"))
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Jane")));
        given().auth().oauth2(Tokens.user("carol")).queryParam("reason", "again").delete(DATASETS + "/" + root)
                .then().statusCode(410);
        Map<String, Object> again = Datasets.valid(root);
        again.put("organization", "nyu");
        Api.as(Tokens.user("alice")).body(again).post(DATASETS).then().statusCode(409);
        assertThat(given().queryParam("q", "Jane Roe").get(DATASETS).then().statusCode(200).extract().jsonPath()
                .getList("items.key")).doesNotContain(root);
        // the same Idempotency-Key does not replay the removed content
        String retry = Api.as(Tokens.user("alice")).header("Idempotency-Key", "rm-" + root).body(body)
                .post(DATASETS).then().statusCode(409).extract().asString();
        assertThat(retry).doesNotContain("Jane");

        // lineage keeps a removed node; the child's check says an ancestor was removed, with evidence
        JsonPath lineage = given().get(DATASETS + "/" + child + "/lineage").then().statusCode(200).extract().jsonPath();
        assertThat(lineage.getList("nodes.findAll { it.key == '" + root + "' }.status")).containsExactly("removed");
        assertThat(lineage.prettify()).doesNotContain("Jane");
        JsonPath check = Api.as(Tokens.user("carol")).body("{\"task\": \"mri-reconstruction\", \"datasets\": "
                + "[{\"key\": \"" + child + "\", \"role\": \"train\"}]}").post("/api/v1/checks").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> removed = check.getList("findings.findAll { it.rule == 'any.removed-ancestor' }");
        assertThat(removed).as(check.prettify()).hasSize(1);
        assertThat(((Map<?, ?>) removed.get(0).get("introducedBy")).get("dataset")).isEqualTo(root);
        assertThat(removed.get(0).get("path")).isEqualTo(List.of(child, root));
        assertThat(check.getString("verdict")).isNotEqualTo("ON_LABEL");

        // the audit trail keeps every event, who removed it and why, but not the removed content
        JsonPath trail = given().auth().oauth2(Tokens.user("carol")).get(DATASETS + "/" + root + "/audit")
                .then().statusCode(200).extract().jsonPath();
        assertThat(trail.getList("items.action")).containsExactly("dataset.created", "dataset.updated", "dataset.removed");
        assertThat(trail.getList("items.actor")).containsExactly("alice", "alice", "carol");
        assertThat(trail.prettify()).doesNotContain("Jane").doesNotContain("12345");
        List<Map<String, Object>> created = trail.getList("items[0].changes");
        assertThat(created).isNotEmpty().allSatisfy(op -> assertThat(op).containsEntry("redacted", true)
                .doesNotContainKey("value"));
        assertThat(created).anySatisfy(op -> assertThat(op).containsEntry("path", "/title"));
        assertThat(trail.getList("items[2].changes")).contains(
                Map.of("op", "add", "path", "/statusReason", "value", "title carried a patient's name"));

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            String where = " WHERE subject_type = 'dataset' AND subject_key = '" + root + "'";
            // the trail is still append-only: a redaction is the one change, and only once it is recorded
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_event SET actor = 'mallory'" + where))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_event" + where)).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_redaction" + where.replace("subject_type", "subject_type")))
                    .hasMessageContaining("append-only");
            try (ResultSet rs = s.executeQuery("SELECT title, description, status, removed_by FROM dataset WHERE key = '"
                    + root + "'")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("(removed)");
                assertThat(rs.getString(2)).isNull();
                assertThat(rs.getString(3)).isEqualTo("removed");
                assertThat(rs.getString(4)).isEqualTo("carol");
            }
        }
    }

    @Test
    void aRedactionIsRefusedForASubjectThatWasNotRemoved() throws Exception {
        String key = Datasets.uniqueKey("kept");
        given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON).body(Datasets.valid(key)).post(DATASETS)
                .then().statusCode(201);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_event SET changes = audit_redacted(changes) "
                    + "WHERE subject_type = 'dataset' AND subject_key = '" + key + "'")).hasMessageContaining("append-only");
        }
    }
}
