package org.onlabel.publication;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.onlabel.support.Api;
import org.onlabel.support.Datasets;
import org.onlabel.support.Tokens;

@QuarkusTest
class ScreeningApiTest {
    private static final String SCREENINGS = "/api/v1/screenings";

    @Inject
    DataSource dataSource;

    /** An in-house derivative of fastMRI knee: coil-combined, magnitude-only images turned back into k-space. */
    private static Map<String, Object> inhouseDerivative(String name, String title) {
        Map<String, Object> inline = new LinkedHashMap<>();
        inline.put("name", name);
        inline.put("title", title);
        inline.put("derivedFrom", List.of("fastmri-knee-multicoil"));
        inline.put("modalities", List.of("mr"));
        inline.put("representation", Map.of("domain", "kspace", "complex", true, "coils", "single", "compression", "none"));
        inline.put("license", "LicenseRef-fastMRI-DSA");
        inline.put("preprocessing", List.of(Map.of("step", "coil-combination", "parameters", Map.of("method", "rss")),
                Map.of("step", "magnitude-extraction", "parameters", Map.of()),
                Map.of("step", "synthetic-kspace", "parameters", Map.of())));
        inline.put("intendedUses", List.of(Map.of("task", "mri-reconstruction")));
        return inline;
    }

    private static Map<String, Object> manuscript(List<Map<String, Object>> datasets) {
        return Map.of("manuscript", Map.of("submissionId", "RYAI-26-0042"),
                "uses", List.of(Map.of("task", "mri-reconstruction", "purpose", Map.of("commercial", false),
                        "datasets", datasets)));
    }

    private static Response screen(String token, Map<String, Object> body) {
        return Api.as(token).body(body).post(SCREENINGS);
    }

    @Test
    void aJournalScreensRegisteredTrainingAndAnUnregisteredTestSetAndAReviewerOpensThePermanentReport() {
        Map<String, Object> body = manuscript(List.of(Map.of("key", "fastmri-knee-multicoil", "role", "train"),
                Map.of("role", "test", "inline", inhouseDerivative("inhouse-knee-test", "In-house knee test set"))));
        long datasetsBefore = count("dataset");
        Response created = screen(Tokens.journal(), body);
        created.then().statusCode(201).header("Location", startsWith("http"))
                .body("verdict", equalTo("OFF_LABEL"))
                .body("rulesetVersion", equalTo(given().get("/api/v1/rules").path("version")))
                .body("manuscript.submissionId", equalTo("RYAI-26-0042"))
                .body("createdBy", equalTo("service-account-onlabel-journal"))
                .body("createdByOrganizations", equalTo(List.of("journal-ryai")))
                .body("uses[0].datasets.key", equalTo(List.of("fastmri-knee-multicoil", "inline:inhouse-knee-test")))
                .body("uses[0].datasets[0].revision", equalTo(0))
                .body("uses[0].datasets[1].inline", equalTo(true))
                .body("uses[0].outcome.findings.dataset", hasItem("inline:inhouse-knee-test"))
                .body("uses[0].outcome.findings.rule", hasItem("recon.synthetic-kspace"));
        String id = created.path("id");
        assertThat(id).hasSizeGreaterThanOrEqualTo(43).matches("[A-Za-z0-9_-]+");
        String shareUrl = created.path("shareUrl");
        assertThat(created.header("Location")).endsWith(SCREENINGS + "/" + id);
        // nothing inline became a dataset
        assertThat(count("dataset")).isEqualTo(datasetsBefore);
        given().queryParam("q", "In-house knee test set").get(Api.DATASETS).then().body("items.size()", equalTo(0));

        JsonPath stored = Api.as(Tokens.journal()).get(SCREENINGS + "/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(stored.getMap("$")).doesNotContainKey("shareUrl");
        assertThat(stored.getList("uses")).isEqualTo(created.jsonPath().getList("uses"));
        assertThat(stored.getString("createdAt")).isEqualTo(created.jsonPath().getString("createdAt"));
        Api.as(Tokens.user("carol")).get(SCREENINGS + "/" + id).then().statusCode(200);

        // another journal, a curator of another organization and anonymous callers cannot read it...
        Api.as(Tokens.otherJournal()).get(SCREENINGS + "/" + id).then().statusCode(404);
        Api.as(Tokens.user("alice")).get(SCREENINGS + "/" + id).then().statusCode(404);
        given().get(SCREENINGS + "/" + id).then().statusCode(404);
        given().queryParam("access", "a-guessed-token").get(SCREENINGS + "/" + id).then().statusCode(404);
        // ...unless they hold the share link: a reviewer opens it without an account
        String path = URI.create(shareUrl).getRawPath() + "?" + URI.create(shareUrl).getRawQuery();
        given().urlEncodingEnabled(false).get(path).then().statusCode(200).body("id", equalTo(id))
                .body("verdict", equalTo("OFF_LABEL"));
        Api.as(Tokens.otherJournal()).urlEncodingEnabled(false).get(path).then().statusCode(200);
        given().get(SCREENINGS + "/not-an-id").then().statusCode(404);
    }

    @Test
    void anInlineDatasetIsJudgedExactlyLikeARegisteredOneWithTheSameFacts() {
        String key = Datasets.uniqueKey("registered-twin");
        Map<String, Object> inline = inhouseDerivative("twin", "Twin of an in-house derivative");
        Map<String, Object> registration = new LinkedHashMap<>(inline);
        registration.remove("name");
        registration.put("key", key);
        registration.put("organization", "nyu");
        registration.put("title", "Twin of an in-house derivative");
        Api.create(Tokens.user("carol"), registration).then().statusCode(201);

        List<Map<String, Object>> registered = Api.as(Tokens.journal()).body(Map.of("task", "mri-reconstruction",
                        "purpose", Map.of("commercial", false),
                        "datasets", List.of(Map.of("key", key, "role", "test"))))
                .post("/api/v1/checks").then().statusCode(200).extract().jsonPath().getList("findings");
        Response screened = screen(Tokens.journal(), manuscript(List.of(Map.of("role", "test", "inline", inline))));
        screened.then().statusCode(201);
        List<Map<String, Object>> asInline = screened.jsonPath().getList("uses[0].outcome.findings");
        assertThat(registered).isNotEmpty();
        assertThat(renamed(asInline, "inline:twin", key)).isEqualTo(registered);
        assertThat(screened.jsonPath().getString("uses[0].outcome.verdict"))
                .isEqualTo(given().auth().oauth2(Tokens.journal()).contentType("application/json")
                        .body(Map.of("task", "mri-reconstruction", "purpose", Map.of("commercial", false),
                                "datasets", List.of(Map.of("key", key, "role", "test"))))
                        .post("/api/v1/checks").path("verdict"));
    }

    @Test
    void reportsAreImmutableAndARerunMakesANewReportWhileTheOldOneStays() throws Exception {
        String key = Datasets.uniqueKey("screened");
        Map<String, Object> dataset = Datasets.valid(key);
        dataset.put("organization", "nyu");
        String etag = Api.create(Tokens.user("carol"), dataset).then().statusCode(201).extract().header("ETag");
        Map<String, Object> body = manuscript(List.of(Map.of("key", key, "role", "train")));
        Response first = screen(Tokens.journal(), body);
        first.then().statusCode(201).body("uses[0].datasets[0].revision", equalTo(0));
        String firstId = first.path("id");
        String firstVerdict = first.path("verdict");

        // the dataset changes: now contraindicated for the task
        Map<String, Object> changed = new LinkedHashMap<>(dataset);
        changed.put("intendedUses", List.of());
        changed.put("contraindications", List.of(Map.of("task", "mri-reconstruction", "reason", "found to be interpolated")));
        Api.as(Tokens.user("carol")).header("If-Match", etag).body(changed).put(Api.DATASETS + "/" + key).then().statusCode(200);
        Response second = screen(Tokens.journal(), body);
        second.then().statusCode(201).body("verdict", equalTo("OFF_LABEL")).body("uses[0].datasets[0].revision", equalTo(1));
        assertThat((String) second.path("id")).isNotEqualTo(firstId);

        Api.as(Tokens.journal()).get(SCREENINGS + "/" + firstId).then().statusCode(200)
                .body("verdict", equalTo(firstVerdict)).body("uses[0].datasets[0].revision", equalTo(0));
        assertThat(firstVerdict).isNotEqualTo("OFF_LABEL");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE screening SET verdict = 'ON_LABEL' WHERE id = '" + firstId + "'"))
                    .hasMessageContaining("immutable");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM screening WHERE id = '" + firstId + "'"))
                    .hasMessageContaining("immutable");
        }
    }

    @Test
    void whoMayScreenAndWhatABadRequestDoes() {
        Map<String, Object> body = manuscript(List.of(Map.of("key", "brats-2021", "role", "train")));
        given().contentType("application/json").body(body).post(SCREENINGS).then().statusCode(401);
        screen(Tokens.user("dave"), body).then().statusCode(403);
        screen(Tokens.pipeline(), body).then().statusCode(403);
        Response byCurator = screen(Tokens.user("alice"), body);
        byCurator.then().statusCode(201).body("createdByOrganizations", equalTo(List.of("nyu")));
        // alice's organization reads it, the journal does not
        Api.as(Tokens.user("alice")).get(SCREENINGS + "/" + byCurator.path("id")).then().statusCode(200);
        Api.as(Tokens.journal()).get(SCREENINGS + "/" + byCurator.path("id")).then().statusCode(404);

        long before = count("screening");
        screen(Tokens.journal(), manuscript(List.of(Map.of("key", "no-such-dataset-here", "role", "train")))).then()
                .statusCode(422).body("errors.field", hasItem("uses[0].datasets[0].key"));
        screen(Tokens.journal(), manuscript(List.of(Map.of("key", "brats-2021", "doi", "10.1148/ryai.2020190007")))).then()
                .statusCode(422).body("errors.field", hasItem("uses[0].datasets[0]"));
        Map<String, Object> orphan = inhouseDerivative("orphan", "Orphan");
        orphan.put("derivedFrom", List.of("not-registered-anywhere"));
        orphan.put("modalities", List.of("XYZ"));
        screen(Tokens.journal(), manuscript(List.of(Map.of("inline", orphan)))).then().statusCode(422)
                .body("errors.field", hasItem("uses[0].datasets[0].inline.derivedFrom[0]"))
                .body("errors.field", hasItem("uses[0].datasets[0].inline.modalities[0]"));
        screen(Tokens.journal(), Map.of("uses", List.of(Map.of("task", "no-such-task",
                "datasets", List.of(Map.of("key", "brats-2021")))))).then().statusCode(422)
                .body("errors.field", hasItem("uses[0].task"));
        screen(Tokens.journal(), Map.of("manuscript", Map.of("doi", "not a doi"), "uses", List.of(Map.of("task", "segmentation",
                "datasets", List.of(Map.of("key", "brats-2021")))))).then().statusCode(422)
                .body("errors.field", hasItem("manuscript.doi"));
        assertThat(count("screening")).isEqualTo(before);
    }

    private static List<Map<String, Object>> renamed(List<Map<String, Object>> findings, String from, String to) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> f : findings) {
            out.add(replace(f, from, to));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <T> T withoutNulls(T value) {
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(withoutNulls(v)));
            return (T) out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (v != null) {
                    out.put(k, withoutNulls(v));
                }
            });
            return (T) out;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static <T> T replace(T value, String from, String to) {
        if (value instanceof String s) {
            return (T) s.replace(from, to);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(replace(v, from, to)));
            return (T) out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, replace(v, from, to)));
            return (T) out;
        }
        return value;
    }

    private long count(String table) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
