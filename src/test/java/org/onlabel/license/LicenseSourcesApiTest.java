package org.onlabel.license;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.onlabel.support.Api;
import org.onlabel.support.Tokens;

/** The license table says where each attribute was read, and why an unknown one is unknown. */
@QuarkusTest
class LicenseSourcesApiTest {
    private static final Set<String> ATTRIBUTES = Set.of("commercialUse", "derivatives", "shareAlike", "attribution");

    @Inject
    LicenseService service;
    @Inject
    LicenseRepository repository;

    @Test
    void theTciaPolicyHasKnownAttributesEachWithItsSourceAndDate() {
        given().get("/api/v1/licenses/LicenseRef-TCIA-Data-Usage-Policy").then().statusCode(200)
                .body("commercialUse", equalTo(true)).body("derivatives", equalTo(true))
                .body("shareAlike", equalTo(false)).body("attribution", equalTo(true))
                .body("sources.commercialUse.url", containsString("cancerimagingarchive.net"))
                .body("sources.attribution.asOf", equalTo("2026-12-01"))
                .body("sources.attribution.statement", containsString("cite"));
    }

    @Test
    void everyLicenseOfTheReferenceCatalogIsCuratedAndEveryUnknownSaysWhy() {
        Set<String> ids = new TreeSet<>();
        for (JsonNode dataset : referenceCatalog().path("datasets")) {
            if (dataset.path("license").isTextual()) {
                ids.addAll(LicenseExpression.parse(dataset.path("license").asText()).licenseIds());
            }
        }
        ids.add("LicenseRef-PhysioNet-Restricted-1.5.0");
        assertThat(ids).contains("LicenseRef-TCIA-Data-Usage-Policy", "LicenseRef-PhysioNet-Credentialed-1.5.0",
                "LicenseRef-Stanford-CheXpert-RUA", "LicenseRef-fastMRI-DSA", "LicenseRef-HCP-Open-Access");
        for (String id : ids) {
            JsonPath license = given().get("/api/v1/licenses/" + id).then().statusCode(200).extract().jsonPath();
            Map<String, Map<String, String>> sources = license.getMap("sources");
            assertThat(sources.keySet()).as(id).containsExactlyInAnyOrderElementsOf(ATTRIBUTES);
            for (String attribute : ATTRIBUTES) {
                assertThat(sources.get(attribute).get("url")).as(id + " " + attribute).startsWith("http");
                assertThat(sources.get(attribute).get("asOf")).as(id + " " + attribute).matches("\\d{4}-\\d{2}-\\d{2}");
                if (license.get(attribute) == null) {
                    assertThat(sources.get(attribute).get("statement")).as("why " + id + " " + attribute + " is unknown")
                            .startsWith("Unknown");
                }
            }
        }
    }

    private static JsonNode referenceCatalog() {
        try (InputStream in = LicenseSourcesApiTest.class.getResourceAsStream("/catalog/reference-datasets.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theStanfordAgreementForbidsCommercialUseAndDerivatives() {
        given().get("/api/v1/licenses/LicenseRef-Stanford-CheXpert-RUA").then().statusCode(200)
                .body("commercialUse", equalTo(false)).body("derivatives", equalTo(false))
                .body("sources.derivatives.statement", containsString("derivative works"));
    }

    @Test
    void adminsRecordSourcesAndOnlyForTheFourAttributes() {
        String id = "LicenseRef-sources-" + System.nanoTime();
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("name", "A data use agreement");
        update.put("commercialUse", false);
        update.put("sources", Map.of("commercialUse", Map.of("url", "https://example.org/dua", "asOf", "2026-11-30",
                "statement", "Clause 2: non-commercial use only.")));
        Api.as(Tokens.user("carol")).body(update).put("/api/v1/licenses/" + id).then().statusCode(201)
                .body("sources.commercialUse.url", equalTo("https://example.org/dua"))
                .body("sources.commercialUse.asOf", equalTo("2026-11-30"));

        update.put("sources", Map.of("colour", Map.of("url", "https://example.org/dua", "asOf", "2026-11-30")));
        Api.as(Tokens.user("carol")).body(update).put("/api/v1/licenses/" + id + "-b").then().statusCode(422)
                .body("errors[0].field", equalTo("sources.colour"));
        update.put("sources", Map.of("commercialUse", Map.of("url", "not a url", "asOf", "2026-11-30")));
        Api.as(Tokens.user("carol")).body(update).put("/api/v1/licenses/" + id + "-c").then().statusCode(422);
        given().get("/api/v1/licenses/" + id + "-b").then().statusCode(404);
    }

    @Test
    void aRowStillAsShippedIsBroughtUpToTheShippedCurationButAnAdminsEditIsKept() {
        String shipped = "LicenseRef-HCP-Open-Access";
        LicenseRecord.Update stale = new LicenseRecord.Update("HCP Open Access Data Use Terms", null, null, true, null,
                "an older curation");
        QuarkusTransaction.requiringNew().run(() -> {
            LicenseRepository.Row row = repository.find(shipped).orElseThrow();
            assertThat(repository.update(shipped, row.revision(), stale, true)).isTrue();
        });
        service.seed(null);
        LicenseRepository.Row refreshed = QuarkusTransaction.requiringNew().call(() -> repository.find(shipped).orElseThrow());
        assertThat(refreshed.license().derivatives()).isTrue();
        assertThat(refreshed.license().sources()).containsKeys("derivatives", "shareAlike");
        assertThat(refreshed.shipped()).isTrue();

        String edited = "LicenseRef-PhysioNet-Restricted-1.5.0";
        var read = given().get("/api/v1/licenses/" + edited).then().statusCode(200).extract();
        JsonPath original = read.jsonPath();
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("name", original.getString("name"));
        ATTRIBUTES.forEach(attribute -> change.put(attribute, original.get(attribute)));
        change.put("note", "edited by an admin");
        change.put("sources", original.getMap("sources"));
        String etag = read.header("ETag");
        Api.as(Tokens.user("carol")).header("If-Match", etag).body(change).put("/api/v1/licenses/" + edited)
                .then().statusCode(200);
        service.seed(null);
        given().get("/api/v1/licenses/" + edited).then().statusCode(200).body("note", equalTo("edited by an admin"))
                .body("attribution", equalTo(false));
    }
}
