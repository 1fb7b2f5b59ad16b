package org.onlabel.common.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onlabel.support.Datasets;
import org.onlabel.support.Tokens;

@QuarkusTest
class AuditTrailTest {
    private static final String BASE = "/api/v1/datasets";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyMutationIsRecordedWithWhoAndAJsonPatch() {
        String key = Datasets.uniqueKey("audited");
        Map<String, Object> body = Datasets.valid(key);
        body.put("organization", "nyu");
        String etag = given().auth().oauth2(Tokens.user("alice")).contentType(ContentType.JSON).body(body).post(BASE)
                .then().statusCode(201).extract().header("ETag");
        body.put("title", "A better title");
        String newEtag = given().auth().oauth2(Tokens.user("alice")).contentType(ContentType.JSON).header("If-Match", etag)
                .body(body).put(BASE + "/" + key).then().statusCode(200).extract().header("ETag");
        // a refused update (stale ETag) leaves no trace
        body.put("title", "Lost");
        given().auth().oauth2(Tokens.user("alice")).contentType(ContentType.JSON).header("If-Match", etag)
                .body(body).put(BASE + "/" + key).then().statusCode(412);
        assertThat(newEtag).isNotEqualTo(etag);

        JsonPath trail = given().auth().oauth2(Tokens.user("alice")).get(BASE + "/" + key + "/audit")
                .then().statusCode(200).extract().jsonPath();
        assertThat(trail.getList("items.action")).containsExactly("dataset.created", "dataset.updated");
        assertThat(trail.getList("items.actor")).containsExactly("alice", "alice");
        assertThat(trail.getList("items[0].actorOrganizations")).containsExactly("nyu");
        assertThat(trail.getList("items.subject")).containsOnly(key);
        assertThat(trail.getList("items.subjectType")).containsOnly("dataset");
        List<Map<String, Object>> created = trail.getList("items[0].changes");
        assertThat(created).anySatisfy(op -> {
            assertThat(op).containsEntry("op", "add").containsEntry("path", "/title");
        });
        List<Map<String, Object>> updated = trail.getList("items[1].changes");
        assertThat(updated).containsExactly(Map.of("op", "replace", "path", "/title", "value", "A better title"));
    }

    @Test
    void theDatabaseRefusesToRewriteHistory() throws SQLException {
        String key = Datasets.uniqueKey("immutable-history");
        given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON).body(Datasets.valid(key)).post(BASE)
                .then().statusCode(201);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            String where = " WHERE subject_type = 'dataset' AND subject_key = '" + key + "'";
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_event SET actor = 'mallory'" + where))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_event" + where))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("TRUNCATE audit_event"))
                    .hasMessageContaining("append-only");
            try (ResultSet rs = s.executeQuery("SELECT count(*), min(actor) FROM audit_event" + where)) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
                assertThat(rs.getString(2)).isEqualTo("carol");
            }
        }
    }

    @Test
    void theApiOffersNoWayToChangeTheTrail() {
        String auditOfBrats = BASE + "/brats-2021/audit";
        given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON).body("[]").post(auditOfBrats)
                .then().statusCode(405);
        given().auth().oauth2(Tokens.user("carol")).delete(auditOfBrats).then().statusCode(405);
        // the reference catalog's own loading is audited too, under its system actor
        given().auth().oauth2(Tokens.user("carol")).get(auditOfBrats).then().statusCode(200)
                .body("items[0].actor", org.hamcrest.Matchers.equalTo("onlabel-reference-catalog"));
    }
}
