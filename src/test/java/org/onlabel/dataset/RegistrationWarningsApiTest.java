package org.onlabel.dataset;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.onlabel.support.Api.DATASETS;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onlabel.support.Api;
import org.onlabel.support.Datasets;
import org.onlabel.support.Tokens;

/** Creates, updates and imports answer warnings about the declared intended uses; they never block the write. */
@QuarkusTest
class RegistrationWarningsApiTest {
    private static final String FASTMRI = "fastmri-knee-multicoil";

    private static String alice() {
        return Tokens.user("alice");
    }

    /** A dataset of nyu without parents whose one intended use, reconstruction, is CAUTION at worst. */
    private static Map<String, Object> clean(String key) {
        return Api.derived(key, "nyu", List.of(), List.of());
    }

    private static List<Map<String, Object>> warnings(JsonPath answer) {
        return answer.getList("warnings");
    }

    private static void storedWithoutWarnings(String key) {
        Response read = given().get(DATASETS + "/" + key);
        read.then().statusCode(200).body("key", equalTo(key));
        assertThat(read.jsonPath().getMap("$")).doesNotContainKey("warnings");
    }

    @Test
    void aCleanDatasetAnswersAnEmptyListOnCreateAndOnUpdateAndReadsHaveNone() {
        String key = Datasets.uniqueKey("warn-clean");
        Response created = Api.create(alice(), clean(key));
        created.then().statusCode(201);
        assertThat(created.jsonPath().getMap("$")).containsKey("warnings");
        assertThat(warnings(created.jsonPath())).isEmpty();
        storedWithoutWarnings(key);
        Map<String, Object> body = clean(key);
        body.put("title", "Clean, renamed");
        Response updated = Api.as(alice()).header("If-Match", created.header("ETag")).body(body).put(DATASETS + "/" + key);
        updated.then().statusCode(200).body("title", equalTo("Clean, renamed"));
        assertThat(warnings(updated.jsonPath())).isEmpty();
        // the ETag of the answer is the one a read gives: warnings are not part of the stored dataset
        given().get(DATASETS + "/" + key).then().statusCode(200).header("ETag", equalTo(updated.header("ETag")));
    }

    @Test
    void aDeclaredUseThatIsOffLabelForItsOwnLineageIsWarnedOnCreateNamingTheDecidingRule() {
        String key = Datasets.uniqueKey("warn-synthetic");
        Map<String, Object> body = Api.derived(key, "nyu", List.of(FASTMRI),
                List.of(Api.step("synthetic-kspace", Map.of("from", "magnitude image"))));
        JsonPath created = Api.create(alice(), body).then().statusCode(201).extract().jsonPath();
        List<Map<String, Object>> found = warnings(created);
        assertThat(found).anySatisfy(w -> assertThat(w)
                .containsEntry("code", "off-label-intended-use").containsEntry("task", "mri-reconstruction")
                .containsEntry("rule", "recon.synthetic-kspace").containsEntry("dataset", key));
        // the same deciding rules as the explained label of the stored dataset
        JsonPath label = given().get(DATASETS + "/" + key + "/label").then().statusCode(200).extract().jsonPath();
        List<String> deciding = label.getList("verdicts.find { it.task == 'mri-reconstruction' }.findings.findAll "
                + "{ it.severity == 'violation' }.rule");
        assertThat(created.getList("warnings.findAll { it.task == 'mri-reconstruction' }.rule"))
                .containsExactlyInAnyOrderElementsOf(deciding.stream().distinct().toList());
        assertThat(label.getString("verdicts.find { it.task == 'mri-reconstruction' }.verdict")).isEqualTo("OFF_LABEL");
        storedWithoutWarnings(key);
    }

    @Test
    void anImageDomainDatasetDeclaredForReconstructionIsWarnedOnUpdate() {
        String key = Datasets.uniqueKey("warn-image");
        Response created = Api.create(alice(), clean(key));
        created.then().statusCode(201);
        Map<String, Object> body = clean(key);
        body.put("representation", Map.of("domain", "image", "complex", false, "coils", "combined",
                "compression", "none", "bitDepth", 16));
        JsonPath updated = Api.as(alice()).header("If-Match", created.header("ETag")).body(body)
                .put(DATASETS + "/" + key).then().statusCode(200).extract().jsonPath();
        assertThat(warnings(updated)).anySatisfy(w -> assertThat(w)
                .containsEntry("code", "off-label-intended-use").containsEntry("task", "mri-reconstruction")
                .containsEntry("rule", "recon.requires-raw-kspace"));
        given().get(DATASETS + "/" + key).then().statusCode(200).body("representation.domain", equalTo("image"));
    }

    @Test
    void aDeclaredUseAgainstAnInheritedContraindicationNamesTheAncestorOnCreateAndOnUpdate() {
        String parent = Datasets.uniqueKey("warn-parent");
        Map<String, Object> parentBody = clean(parent);
        parentBody.put("contraindications", List.of(Map.of("task", "segmentation", "reason", "no masks drawn")));
        Api.create(alice(), parentBody).then().statusCode(201);

        String child = Datasets.uniqueKey("warn-child");
        Map<String, Object> childBody = Api.derived(child, "nyu", List.of(parent), List.of());
        childBody.put("intendedUses", List.of(Map.of("task", "segmentation")));
        JsonPath created = Api.create(alice(), childBody).then().statusCode(201).extract().jsonPath();
        assertThat(warnings(created)).anySatisfy(w -> assertThat(w)
                .containsEntry("code", "contraindicated-intended-use").containsEntry("task", "segmentation")
                .containsEntry("rule", "any.contraindicated").containsEntry("dataset", parent));
        assertThat(created.getString("warnings.find { it.code == 'contraindicated-intended-use' }.message"))
                .contains("inherited from '" + parent + "'");

        String later = Datasets.uniqueKey("warn-child-later");
        Map<String, Object> laterBody = Api.derived(later, "nyu", List.of(parent), List.of());
        Response first = Api.create(alice(), laterBody);
        first.then().statusCode(201);
        assertThat(first.jsonPath().getList("warnings.code")).doesNotContain("contraindicated-intended-use");
        laterBody.put("intendedUses", List.of(Map.of("task", "mri-reconstruction"), Map.of("task", "segmentation")));
        JsonPath updated = Api.as(alice()).header("If-Match", first.header("ETag")).body(laterBody)
                .put(DATASETS + "/" + later).then().statusCode(200).extract().jsonPath();
        assertThat(warnings(updated)).anySatisfy(w -> assertThat(w)
                .containsEntry("code", "contraindicated-intended-use").containsEntry("task", "segmentation")
                .containsEntry("dataset", parent));
        assertThat(updated.getList("warnings.task")).doesNotContain("mri-reconstruction");
        given().get(DATASETS + "/" + later).then().statusCode(200).body("intendedUses.task",
                equalTo(List.of("mri-reconstruction", "segmentation")));
    }

    @Test
    void warningsAreComputedAsTheWriterSeesTheLineageSoAnEmbargoedAncestorStaysHidden() {
        String hidden = Datasets.uniqueKey("warn-hidden");
        Map<String, Object> hiddenBody = clean(hidden);
        hiddenBody.put("visibility", "embargoed");
        hiddenBody.put("contraindications", List.of(Map.of("task", "segmentation", "reason", "secret reason")));
        Api.create(alice(), hiddenBody).then().statusCode(201);
        String shared = Datasets.uniqueKey("warn-shared");
        Api.create(alice(), Api.derived(shared, "nyu", List.of(hidden), List.of())).then().statusCode(201);

        Map<String, Object> bobs = Api.derived(Datasets.uniqueKey("warn-bob"), "upenn", List.of(shared), List.of());
        bobs.put("intendedUses", List.of(Map.of("task", "segmentation")));
        Response asBob = Api.create(Tokens.user("bob"), bobs);
        asBob.then().statusCode(201);
        assertThat(asBob.asString()).doesNotContain(hidden).doesNotContain("secret reason");
        assertThat(asBob.jsonPath().getList("warnings.code")).doesNotContain("contraindicated-intended-use");

        Map<String, Object> alices = Api.derived(Datasets.uniqueKey("warn-alice"), "nyu", List.of(shared), List.of());
        alices.put("intendedUses", List.of(Map.of("task", "segmentation")));
        JsonPath asAlice = Api.create(alice(), alices).then().statusCode(201).extract().jsonPath();
        assertThat(asAlice.getString("warnings.find { it.code == 'contraindicated-intended-use' }.dataset")).isEqualTo(hidden);
    }

    @Test
    void missingFactsThatMakeADeclaredUseUnknownNameTheFieldsToFillOnCreateAndOnUpdate() {
        String key = Datasets.uniqueKey("warn-missing");
        Map<String, Object> body = clean(key);
        body.remove("representation");
        body.remove("license");
        Response created = Api.create(alice(), body);
        created.then().statusCode(201);
        JsonPath answer = created.jsonPath();
        assertThat(answer.getList("warnings.findAll { it.code == 'missing-facts' && it.task == 'mri-reconstruction' }.field"))
                .contains("representation.domain", "license");
        assertThat(answer.getString("warnings.find { it.field == 'representation.domain' }.rule"))
                .isEqualTo("any.unknown-representation");
        given().get(DATASETS + "/" + key + "/label").then().statusCode(200)
                .body("verdicts.find { it.task == 'mri-reconstruction' }.verdict", equalTo("UNKNOWN"));

        // filling the representation leaves only the license to fill
        Map<String, Object> filled = clean(key);
        filled.remove("license");
        JsonPath updated = Api.as(alice()).header("If-Match", created.header("ETag")).body(filled)
                .put(DATASETS + "/" + key).then().statusCode(200).extract().jsonPath();
        assertThat(updated.getList("warnings.field")).containsExactly("license");
        assertThat(updated.getString("warnings[0].code")).isEqualTo("missing-facts");
        assertThat(updated.getString("warnings[0].task")).isEqualTo("mri-reconstruction");
        given().get(DATASETS + "/" + key).then().statusCode(200).body("representation.domain", equalTo("kspace"));
    }

    @Test
    void anIdempotentReplayAnswersTheSameWarningsAsTheFirstAnswer() {
        String key = Datasets.uniqueKey("warn-replay");
        Map<String, Object> body = clean(key);
        body.remove("license");
        String idempotencyKey = UUID.randomUUID().toString();
        Response first = Api.as(alice()).header("Idempotency-Key", idempotencyKey).body(body).post(DATASETS);
        first.then().statusCode(201);
        assertThat(first.jsonPath().getList("warnings.field")).contains("license");
        Response replay = Api.as(alice()).header("Idempotency-Key", idempotencyKey).body(body).post(DATASETS);
        replay.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(replay.jsonPath().getList("warnings")).isEqualTo(first.jsonPath().getList("warnings"));
        assertThat(replay.jsonPath().getMap("$")).isEqualTo(first.jsonPath().getMap("$"));
    }

    @Test
    void aBidsImportAnswersTheWarningsOfItsRegistration() {
        String key = Datasets.uniqueKey("warn-bids");
        JsonPath imported = Api.as(alice()).queryParam("key", key).body("""
                {"Name": "Resting-state fMRI", "BIDSVersion": "1.9.0", "DatasetType": "raw"}""")
                .post("/api/v1/imports/bids").then().statusCode(201).extract().jsonPath();
        assertThat(imported.getList("warnings.code")).contains("no-intended-uses", "missing-facts");
        assertThat(warnings(imported)).anySatisfy(w -> assertThat(w).containsEntry("code", "missing-facts")
                .containsEntry("field", "license").containsEntry("rule", "license.unknown").containsEntry("task", null));
        storedWithoutWarnings(key);
    }

    @Test
    void anOpenLineageOutputAnswersTheWarningsOfItsRegistration() {
        String ns = "s3://warn-lab-" + UUID.randomUUID().toString().substring(0, 6);
        String event = """
                {"eventType": "COMPLETE", "eventTime": "2026-12-01T10:00:00.000Z",
                 "producer": "https://example.org/pipeline", "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
                 "run": {"runId": "%s", "facets": {}},
                 "job": {"namespace": "warn-lab", "name": "resample"},
                 "inputs": [{"namespace": "onlabel", "name": "%s"}],
                 "outputs": [{"namespace": "%s", "name": "derived/resampled"}]}""".formatted(UUID.randomUUID(), FASTMRI, ns);
        JsonPath result = Api.as(Tokens.pipeline()).body(event).post("/api/v1/lineage").then().statusCode(200)
                .extract().jsonPath();
        String output = result.getString("registered[0]");
        assertThat(result.getString("registrationWarnings[0].dataset")).isEqualTo(output);
        List<Map<String, Object>> found = result.getList("registrationWarnings[0].warnings");
        assertThat(found).anySatisfy(w -> assertThat(w).containsEntry("code", "no-intended-uses"));
        assertThat(found).anySatisfy(w -> assertThat(w).containsEntry("code", "missing-facts")
                .containsEntry("field", "license").containsEntry("dataset", output));
        storedWithoutWarnings(output);
    }
}
