package org.onlabel.vocabulary;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VocabularyResourceTest {

    @Test
    void servesTheTaskVocabulary() {
        given().get("/api/v1/vocabularies/tasks").then().statusCode(200)
                .body("name", equalTo("tasks"))
                .body("terms.size()", equalTo(11))
                .body("terms.id", hasItems("mri-reconstruction", "segmentation", "report-generation"));
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
                        "duo-codes", "licenses", "relation-types"));
    }

    @Test
    void unknownVocabularyIs404() {
        given().get("/api/v1/vocabularies/colours").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("Vocabulary 'colours' not found"));
    }
}
