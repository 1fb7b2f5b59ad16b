package org.onlabel.vocabulary;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VocabularyResourceTest {

    @Test
    void servesTheTaskVocabulary() {
        given().get("/api/v1/vocabularies/tasks").then().statusCode(200)
                .body("name", equalTo("tasks"))
                .body("terms.size()", equalTo(17))
                .body("terms.id", hasItems("mri-reconstruction", "segmentation", "report-generation", "motion-correction",
                        "artefact-reduction", "quantitative-mapping", "harmonization", "image-quality-assessment",
                        "self-supervised-pretraining"));
    }

    @Test
    void servesTheDiseaseVocabularyWithItsClosureReleaseAndLicense() {
        given().get("/api/v1/vocabularies/diseases").then().statusCode(200)
                .body("name", equalTo("diseases"))
                .body("source.license", equalTo("CC-BY-4.0"))
                .body("source.release", equalTo("2026-08-04"))
                .body("source.repository", equalTo("https://github.com/monarch-initiative/mondo"))
                .body("size", greaterThan(200))
                .body("terms.find { it.id == 'MONDO:0018177' }.label", equalTo("glioblastoma"))
                .body("terms.find { it.id == 'MONDO:0018177' }.synonyms", hasItem("GBM"))
                .body("terms.find { it.id == 'MONDO:0018177' }.parents", hasItem("MONDO:0016680"))
                .body("terms.find { it.id == 'MONDO:0018177' }.ancestors",
                        hasItems("MONDO:0021042", "MONDO:0005070", "MONDO:0000001"))
                .body("terms.find { it.id == 'MONDO:0021637' }.aliases", hasItem("lower-grade glioma"));
    }

    @Test
    void duoCodesCarryTheirCuries() {
        given().get("/api/v1/vocabularies/duo-codes").then().statusCode(200)
                .body("terms.find { it.id == 'NMDS' }.attributes.curie", equalTo("DUO:0000015"))
                .body("terms.find { it.id == 'NCU' }.attributes.curie", equalTo("DUO:0000046"));
    }

    @Test
    void indexNamesEveryVocabulary() {
        given().get("/api/v1/vocabularies").then().statusCode(200)
                .body("items.name", hasItems("tasks", "preprocessing-steps", "modalities", "deidentification-methods",
                        "duo-codes", "licenses", "relation-types", "diseases"))
                .body("items.find { it.name == 'diseases' }.size", greaterThan(200));
    }

    @Test
    void unknownVocabularyIs404() {
        given().get("/api/v1/vocabularies/colours").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("Vocabulary 'colours' not found"));
    }
}
