package org.onlabel.support.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The response validation is really on for API tests, and really refuses what the contract does not declare. */
@QuarkusTest
class ContractValidationTest {
    @Test
    void everyApiTestValidatesItsResponses() {
        assertThat(RestAssured.filters()).anyMatch(ContractCheckingFilter.class::isInstance);
        given().get("/api/v1/datasets/brats-2021").then().statusCode(200);
    }

    @Test
    void undeclaredStatusesHeadersAndFieldsAreViolations() {
        String dataset = given().get("/api/v1/datasets/brats-2021").then().extract().asString();
        assertThat(ResponseContract.violations("GET", "/api/v1/datasets/brats-2021", 200,
                h -> h.equals("Content-Type") ? "application/json" : null, dataset)).isEmpty();
        assertThat(ResponseContract.violations("GET", "/api/v1/datasets/brats-2021", 418, h -> null, ""))
                .singleElement().asString().contains("status not declared");
        assertThat(ResponseContract.violations("GET", "/api/v1/vocabularies", 200,
                h -> h.equals("Content-Type") ? "application/json" : h.equals("Location") ? "http://x/" : null,
                "{\"items\": []}")).anyMatch(v -> v.contains("Location is sent but not declared"));
        List<String> wrongBody = ResponseContract.violations("GET", "/api/v1/datasets/brats-2021", 200,
                h -> h.equals("Content-Type") ? "application/json" : null, dataset.replaceFirst("\"title\":\"[^\"]*\"", "\"title\":7"));
        assertThat(wrongBody).singleElement().asString().contains("does not match the schema");
    }
}
