package org.onlabel.dataset;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onlabel.support.Datasets;
import org.onlabel.support.Tokens;

/**
 * A conditional GET answers 304 from the dataset's revision alone; these make sure that shortcut never hides a
 * change, an embargo or a removal.
 */
@QuarkusTest
class ConditionalReadTest {
    private static final String BASE = "/api/v1/datasets";

    private static io.restassured.specification.RequestSpecification admin() {
        return given().auth().oauth2(Tokens.user("carol"));
    }

    private static String created(Map<String, Object> body) {
        return admin().contentType(ContentType.JSON).body(body).post(BASE).then().statusCode(201).extract().header("ETag");
    }

    @Test
    void aStatusChangeMakesTheEarlierEtagStale() {
        String key = Datasets.uniqueKey("cond-status");
        String first = created(Datasets.valid(key));
        given().header("If-None-Match", first).get(BASE + "/" + key).then().statusCode(304).header("ETag", first);

        String second = admin().contentType(ContentType.JSON).body(Map.of("reason", "superseded"))
                .post(BASE + "/" + key + "/deprecation").then().statusCode(200).extract().header("ETag");
        assertThat(second).isNotEqualTo(first);
        given().header("If-None-Match", first).get(BASE + "/" + key).then().statusCode(200)
                .header("ETag", second).body("status", equalTo("deprecated"));
        given().header("If-None-Match", second).get(BASE + "/" + key).then().statusCode(304).header("ETag", second);
    }

    @Test
    void anEmbargoedDatasetIsNotConfirmedToThoseWhoMayNotSeeIt() {
        String key = Datasets.uniqueKey("cond-embargo");
        Map<String, Object> body = Datasets.valid(key);
        body.put("visibility", "embargoed");
        String etag = created(body);
        given().header("If-None-Match", etag).get(BASE + "/" + key).then().statusCode(404);
        admin().header("If-None-Match", etag).get(BASE + "/" + key).then().statusCode(304);
    }

    @Test
    void aRemovedDatasetIsGoneWhateverEtagIsSent() {
        String key = Datasets.uniqueKey("cond-removed");
        String etag = created(Datasets.valid(key));
        admin().queryParam("reason", "registered by mistake").delete(BASE + "/" + key).then().statusCode(204);
        given().header("If-None-Match", etag).get(BASE + "/" + key).then().statusCode(410);
        // the tombstone's own revision is a few past the created one; none of them may confirm a copy
        long created = Long.parseLong(etag.replace("\"", ""));
        for (long revision = created; revision <= created + 3; revision++) {
            given().header("If-None-Match", "\"" + revision + "\"").get(BASE + "/" + key).then().statusCode(410);
        }
    }
}
