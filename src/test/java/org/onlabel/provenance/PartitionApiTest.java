package org.onlabel.provenance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.onlabel.support.Api.DATASETS;
import static org.onlabel.support.Api.as;
import static org.onlabel.support.Api.create;
import static org.onlabel.support.Api.derived;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onlabel.support.Datasets;
import org.onlabel.support.Tokens;

@QuarkusTest
class PartitionApiTest {
    private static final String ALICE = Tokens.user("alice");

    private static String dataset(String prefix, List<String> parents, Map<String, Object> partitionOf) {
        String key = Datasets.uniqueKey(prefix);
        Map<String, Object> body = derived(key, "nyu", parents, List.of());
        if (partitionOf != null) {
            body.put("partitionOf", partitionOf);
        }
        create(ALICE, body).then().statusCode(201);
        return key;
    }

    private static Map<String, Object> part(String parent, String scheme, String part) {
        return Map.of("dataset", parent, "scheme", scheme, "part", part, "disjointBy", "subject");
    }

    private static JsonPath check(String task, String trainKey, String otherRole, String otherKey) {
        return as(ALICE).body(Map.of("task", task, "datasets", List.of(Map.of("key", trainKey, "role", "train"),
                Map.of("key", otherKey, "role", otherRole)))).post("/api/v1/checks").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void aDeclaredPartitionIsStoredShownAndImmutable() {
        String parent = dataset("split-parent", List.of(), null);
        String train = dataset("split-train", List.of(parent), part(parent, "official", "train"));

        JsonPath read = given().get(DATASETS + "/" + train).then().statusCode(200).extract().jsonPath();
        assertThat(read.getMap("partitionOf")).containsEntry("dataset", parent).containsEntry("scheme", "official")
                .containsEntry("part", "train").containsEntry("disjointBy", "subject");

        String etag = given().get(DATASETS + "/" + train).then().extract().header("ETag");
        Map<String, Object> changed = derived(train, "nyu", List.of(parent), List.of());
        changed.put("partitionOf", part(parent, "official", "test"));
        as(ALICE).header("If-Match", etag).body(changed).put(DATASETS + "/" + train).then().statusCode(409);
        assertThat(given().get(DATASETS + "/" + train).jsonPath().getString("partitionOf.part")).isEqualTo("train");
    }

    @Test
    void officialPartsAreNotFlaggedButDifferentSchemesAndTheParentAre() {
        String parent = dataset("cohort", List.of(), null);
        String train = dataset("cohort-train", List.of(parent), part(parent, "official", "train"));
        String val = dataset("cohort-val", List.of(parent), part(parent, "official", "val"));
        String fold = dataset("cohort-fold", List.of(parent), part(parent, "five-fold", "fold-1"));

        JsonPath disjoint = check("mri-reconstruction", train, "validation", val);
        assertThat(disjoint.getList("findings.rule")).doesNotContain("any.train-validation-overlap")
                .contains("any.disjoint-split");
        assertThat(disjoint.getString("findings.find { it.rule == 'any.disjoint-split' }.message"))
                .contains("partition 'official' of " + parent);

        assertThat(check("mri-reconstruction", fold, "validation", val).getList("findings.rule"))
                .contains("any.train-validation-overlap");
        JsonPath parentVsPart = check("mri-reconstruction", train, "test", parent);
        assertThat(parentVsPart.getList("findings.rule")).contains("any.train-test-overlap");
        assertThat(parentVsPart.getString("verdict")).isEqualTo("OFF_LABEL");
    }

    @Test
    void anInvalidPartitionIsRefusedWithFieldErrorsAndNothingIsCreated() {
        String parent = dataset("bad-split-parent", List.of(), null);
        String other = dataset("bad-split-other", List.of(), null);
        String key = Datasets.uniqueKey("bad-split");

        Map<String, Object> notAParent = derived(key, "nyu", List.of(parent), List.of());
        notAParent.put("partitionOf", part(other, "official", "train"));
        create(ALICE, notAParent).then().statusCode(422).body("errors.field", hasItem("partitionOf.dataset"));

        Map<String, Object> badTokens = derived(key, "nyu", List.of(parent), List.of());
        badTokens.put("partitionOf", Map.of("dataset", parent, "scheme", "Official Split\nv2", "part", "train",
                "disjointBy", "patient"));
        create(ALICE, badTokens).then().statusCode(422)
                .body("errors.field", hasItem("partitionOf.scheme"))
                .body("errors.field", hasItem("partitionOf.disjointBy"));

        given().get(DATASETS + "/" + key).then().statusCode(404);
        given().get(DATASETS + "/" + parent).then().statusCode(200).body("partitionOf", equalTo(null));
    }
}
