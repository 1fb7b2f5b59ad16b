package org.onlabel.publication;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.onlabel.support.Api;
import org.onlabel.support.Datasets;
import org.onlabel.support.Tokens;

@QuarkusTest
class PublicationApiTest {
    private static final String PUBLICATIONS = "/api/v1/publications/";

    @Inject
    DataSource dataSource;

    static String uniqueDoi() {
        return "10.5555/paper-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String encoded(String doi) {
        return doi.replace("/", "%2F");
    }

    static Map<String, Object> paper(String title, List<Map<String, Object>> links) {
        return new java.util.LinkedHashMap<>(Map.of("title", title, "journal", "Scientific Data", "year", 2023,
                "type", "data-resource", "authors", List.of("Doe, Jane", "Roe, Richard"), "datasets", links));
    }

    static Map<String, Object> link(String key, String relation) {
        return Map.of("key", key, "relation", relation);
    }

    static String dataset(String organization, String visibility) {
        String key = Datasets.uniqueKey("pub");
        Map<String, Object> body = Datasets.valid(key);
        body.put("organization", organization);
        body.put("visibility", visibility);
        Api.create(Tokens.user("carol"), body).then().statusCode(201);
        return key;
    }

    static Response put(String token, String doiInPath, String ifMatch, Map<String, Object> body) {
        var request = Api.as(token).urlEncodingEnabled(false).body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.put(PUBLICATIONS + doiInPath);
    }

    @Test
    void aJournalRegistersAPaperAnyClientReadsItUnderEverySpellingAndUpdatesNeedIfMatch() {
        String key = dataset("nyu", "public");
        String doi = uniqueDoi();
        Response created = put(Tokens.journal(), encoded(doi.toUpperCase()), null,
                paper("A knee dataset", List.of(link(key, "isdescribedby"))));
        created.then().statusCode(201)
                .header("Location", endsWith(PUBLICATIONS + encoded(doi)))
                .body("doi", equalTo(doi))
                .body("url", equalTo("https://doi.org/" + doi))
                .body("datasets[0].key", equalTo(key))
                .body("datasets[0].relation", equalTo("IsDescribedBy"))
                .body("createdBy", equalTo("service-account-onlabel-journal"));
        String etag = created.header("ETag");

        for (String spelling : List.of(encoded(doi), "https:%2F%2Fdoi.org%2F" + encoded(doi), "doi:" + encoded(doi.toUpperCase()))) {
            given().urlEncodingEnabled(false).get(PUBLICATIONS + spelling).then().statusCode(200)
                    .header("ETag", equalTo(etag)).body("title", equalTo("A knee dataset"));
        }
        put(Tokens.journal(), encoded(doi), null, paper("Changed", List.of())).then().statusCode(428);
        put(Tokens.journal(), encoded(doi), "\"999\"", paper("Changed", List.of())).then().statusCode(412);
        Response updated = put(Tokens.journal(), encoded(doi), etag, paper("A knee dataset, revised", List.of(link(key, "IsDescribedBy"),
                link(key, "IsCitedBy"))));
        updated.then().statusCode(200).body("title", equalTo("A knee dataset, revised")).body("datasets.size()", equalTo(2));
        assertThat(updated.header("ETag")).isNotEqualTo(etag);

        // from the paper to its datasets, and back
        given().queryParam("publication", "https://doi.org/" + doi).get(Api.DATASETS).then().statusCode(200)
                .body("items.key", equalTo(List.of(key)));
        given().queryParam("dataset", key).get("/api/v1/publications").then().statusCode(200)
                .body("items.doi", equalTo(List.of(doi)));
        // a dataset by its own DOI, any spelling
        given().queryParam("doi", "DOI:10.5555/" + key.toUpperCase()).get(Api.DATASETS).then().statusCode(200)
                .body("items.key", equalTo(List.of(key)));

        assertThat(auditActions(doi)).containsExactly("publication.created", "publication.updated");
    }

    @Test
    void invalidDoisAndBodiesAre422AndChangeNothing() {
        String key = dataset("nyu", "public");
        for (String bad : List.of("not-a-doi", "11.1234%2Fx", "10.12%2Fshort", "10.1234%252", "doi:")) {
            put(Tokens.journal(), bad, null, paper("x", List.of())).then().statusCode(422)
                    .body("errors.field", hasItem("doi"));
        }
        String doi = uniqueDoi();
        put(Tokens.journal(), encoded(doi), null, paper("x", List.of(link(key, "Cites")))).then().statusCode(422)
                .body("errors.field", hasItem("datasets[0].relation"));
        put(Tokens.journal(), encoded(doi), null, paper("x", List.of(link("no-such-dataset-xyz", "IsCitedBy")))).then().statusCode(422)
                .body("errors.field", hasItem("datasets[0].key"));
        Map<String, Object> wrongType = paper("x", List.of());
        wrongType.put("type", "blog-post");
        put(Tokens.journal(), encoded(doi), null, wrongType).then().statusCode(422).body("errors.field", hasItem("type"));
        Map<String, Object> otherDoi = paper("x", List.of());
        otherDoi.put("doi", "10.5555/something-else");
        put(Tokens.journal(), encoded(doi), null, otherDoi).then().statusCode(422).body("errors.field", hasItem("doi"));
        given().urlEncodingEnabled(false).get(PUBLICATIONS + encoded(doi)).then().statusCode(404);
        given().urlEncodingEnabled(false).get(PUBLICATIONS + "garbage").then().statusCode(422);
        given().queryParam("doi", "garbage").get(Api.DATASETS).then().statusCode(422).body("errors.field", hasItem("doi"));
        given().queryParam("publication", "garbage").get(Api.DATASETS).then().statusCode(422)
                .body("errors.field", hasItem("publication"));
        assertThat(auditActions(doi)).isEmpty();
    }

    @Test
    void onlyJournalsAdminsAndCuratorsManagePublications() {
        String doi = uniqueDoi();
        given().contentType("application/json").urlEncodingEnabled(false).body(paper("x", List.of()))
                .put(PUBLICATIONS + encoded(doi)).then().statusCode(401);
        put(Tokens.user("dave"), encoded(doi), null, paper("x", List.of())).then().statusCode(403);
        put(Tokens.pipeline(), encoded(doi), null, paper("x", List.of())).then().statusCode(403);
        put(Tokens.user("carol"), encoded(doi), null, paper("x", List.of())).then().statusCode(201);
    }

    @Test
    void curatorsLinkOnlyTheirOwnDatasetsAndDoNotRewriteAPapersRecord() {
        String nyu = dataset("nyu", "public");
        String upenn = dataset("upenn", "public");
        String doi = uniqueDoi();
        Response created = put(Tokens.user("alice"), encoded(doi), null, paper("Paper", List.of(link(nyu, "IsDescribedBy"))));
        created.then().statusCode(201);
        String etag = created.header("ETag");
        put(Tokens.user("alice"), encoded(doi), etag, paper("Paper", List.of(link(nyu, "IsDescribedBy"), link(upenn, "IsCitedBy"))))
                .then().statusCode(403);
        put(Tokens.user("alice"), encoded(doi), etag, paper("Renamed", List.of(link(nyu, "IsDescribedBy")))).then().statusCode(403);
        Response bob = put(Tokens.user("bob"), encoded(doi), etag, paper("Paper", List.of(link(nyu, "IsDescribedBy"), link(upenn, "IsCitedBy"))));
        bob.then().statusCode(200).body("datasets.key", equalTo(List.of(nyu, upenn).stream().sorted().toList()));
        put(Tokens.user("bob"), encoded(doi), bob.header("ETag"), paper("Paper", List.of(link(upenn, "IsCitedBy")))).then().statusCode(403);
        Response journal = put(Tokens.journal(), encoded(doi), bob.header("ETag"), paper("Paper, final", List.of(link(upenn, "IsCitedBy"))));
        journal.then().statusCode(200).body("datasets.key", equalTo(List.of(upenn)));
    }

    @Test
    void embargoedDatasetsAreNeverRevealedThroughLinksAndTheirLinksSurviveOtherEdits() {
        String secret = dataset("nyu", "embargoed");
        String open = dataset("nyu", "public");
        String doi = uniqueDoi();
        put(Tokens.journal(), encoded(doi), null, paper("P", List.of(link(secret, "IsDescribedBy")))).then().statusCode(422)
                .body("errors.field", hasItem("datasets[0].key"));
        Response created = put(Tokens.user("alice"), encoded(doi), null, paper("P", List.of(link(secret, "IsDescribedBy"), link(open, "IsCitedBy"))));
        created.then().statusCode(201).body("datasets.size()", equalTo(2));
        for (String token : List.of(Tokens.journal(), Tokens.user("bob"))) {
            Api.as(token).urlEncodingEnabled(false).get(PUBLICATIONS + encoded(doi)).then().statusCode(200)
                    .body("datasets.key", equalTo(List.of(open)))
                    .body(not(containsString(secret)));
            Api.as(token).queryParam("publication", doi).get(Api.DATASETS).then().statusCode(200)
                    .body("items.key", equalTo(List.of(open)));
            Api.as(token).queryParam("dataset", secret).get("/api/v1/publications").then().statusCode(200)
                    .body("items.size()", equalTo(0));
        }
        given().urlEncodingEnabled(false).get(PUBLICATIONS + encoded(doi)).then().statusCode(200).body(not(containsString(secret)));
        Response edited = put(Tokens.journal(), encoded(doi), created.header("ETag"), paper("P, edited", List.of()));
        edited.then().statusCode(200).body("datasets.size()", equalTo(0));
        Api.as(Tokens.user("alice")).urlEncodingEnabled(false).get(PUBLICATIONS + encoded(doi)).then().statusCode(200)
                .body("datasets.key", equalTo(List.of(secret)));
    }

    @Test
    void theReferencePapersAreLinkedToTheirDatasets() {
        given().urlEncodingEnabled(false).get(PUBLICATIONS + "10.1118%2F1.3528204").then().statusCode(200)
                .body("journal", equalTo("Medical Physics")).body("datasets.key", hasItem("lidc-idri"));
        JsonPath fastmri = given().queryParam("publication", "10.1148/ryai.2020190007").get(Api.DATASETS).then()
                .statusCode(200).extract().jsonPath();
        assertThat(fastmri.getList("items.key", String.class))
                .contains("fastmri-knee-multicoil", "fastmri-knee-singlecoil", "fastmri-knee-dicom");
        given().queryParam("dataset", "mimic-cxr").get("/api/v1/publications").then().statusCode(200)
                .body("items.doi", hasItem("10.1038/s41597-019-0322-0"));
    }

    private List<String> auditActions(String doi) {
        List<String> actions = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT action FROM audit_event WHERE subject_type = 'publication' "
                        + "AND subject_key = ? ORDER BY id")) {
            s.setString(1, doi);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    actions.add(r.getString(1));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return actions;
    }
}
