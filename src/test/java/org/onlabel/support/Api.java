package org.onlabel.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;

/** Short calls for API tests. */
public final class Api {
    public static final String DATASETS = "/api/v1/datasets";

    private Api() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static Response create(String token, Map<String, Object> body) {
        return as(token).body(body).post(DATASETS);
    }

    /** A valid dataset body derived from the given parents by the given steps. */
    public static Map<String, Object> derived(String key, String organization, List<String> parents, List<?> steps) {
        Map<String, Object> body = Datasets.valid(key);
        body.put("organization", organization);
        body.put("derivedFrom", parents);
        body.put("preprocessing", steps);
        body.put("contraindications", List.of());
        return body;
    }

    public static Map<String, Object> step(String id, Map<String, Object> parameters) {
        return Map.of("step", id, "parameters", parameters);
    }
}
