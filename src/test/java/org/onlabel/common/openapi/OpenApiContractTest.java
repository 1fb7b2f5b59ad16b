package org.onlabel.common.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed openapi/openapi.yaml is the API contract: the served spec must be identical. On drift the served
 * spec is written to target/openapi-served.yaml; review the difference and copy it over the committed file.
 */
@QuarkusTest
class OpenApiContractTest {

    @Test
    void servedSpecMatchesTheCommittedContract() throws Exception {
        String served = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200).extract().asString();
        Path committed = Path.of("openapi/openapi.yaml");
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/openapi-served.yaml"), served);
        assertThat(Files.exists(committed)).as("openapi/openapi.yaml is committed").isTrue();
        assertThat(normalize(served))
                .as("served spec differs from openapi/openapi.yaml; if the change is intended run: "
                        + "cp target/openapi-served.yaml openapi/openapi.yaml")
                .isEqualTo(normalize(Files.readString(committed)));
    }

    @Test
    void everyOperationHasASummaryTagsAndErrorResponses() {
        java.util.Map<String, java.util.Map<String, java.util.Map<String, Object>>> paths =
                given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().path("paths");
        assertThat(paths).isNotEmpty();
        paths.forEach((path, operations) -> operations.forEach((method, op) -> {
            String where = method.toUpperCase() + " " + path;
            assertThat(op.get("summary")).as(where + " summary").isNotNull();
            assertThat((java.util.List<?>) op.get("tags")).as(where + " tags").isNotEmpty();
            assertThat(op.get("operationId")).as(where + " operationId").isNotNull();
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> responses = (java.util.Map<String, Object>) op.get("responses");
            boolean hasError = responses.keySet().stream().anyMatch(code -> code.startsWith("4") || code.startsWith("5"));
            boolean isIndex = path.equals("/api/v1/vocabularies") && method.equals("get");
            assertThat(hasError || isIndex).as(where + " documents its error responses").isTrue();
        }));
    }

    private static String normalize(String spec) {
        return spec.replace("\r\n", "\n").strip();
    }
}
