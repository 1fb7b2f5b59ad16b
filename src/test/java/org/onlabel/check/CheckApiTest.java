package org.onlabel.check;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.onlabel.support.Api.DATASETS;
import static org.onlabel.support.Api.create;
import static org.onlabel.support.Api.derived;
import static org.onlabel.support.Api.step;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onlabel.support.Api;
import org.onlabel.support.Datasets;
import org.onlabel.support.Tokens;

@QuarkusTest
class CheckApiTest {
    private static JsonPath check(String token, String body) {
        var spec = token == null ? given().contentType(ContentType.JSON) : Api.as(token);
        return spec.body(body).post("/api/v1/checks").then().statusCode(200).extract().jsonPath();
    }

    /** A label gives a verdict for every task of the vocabulary. */
    private static int taskCount() {
        return given().get("/api/v1/vocabularies/tasks").then().statusCode(200).extract().jsonPath().getList("terms").size();
    }

    private static String one(String task, String key, String role) {
        return "{\"task\": \"" + task + "\", \"datasets\": [{\"key\": \"" + key + "\", \"role\": \"" + role + "\"}]}";
    }

    private static Map<String, Object> finding(JsonPath result, String rule) {
        List<Map<String, Object>> found = result.getList("findings.findAll { it.rule == '" + rule + "' }");
        assertThat(found).as("finding " + rule + " in " + result.prettify()).isNotEmpty();
        return found.get(0);
    }

    @Test
    void bratsForReconstructionIsOffLabelWithItsEvidence() {
        JsonPath r = check(null, one("mri-reconstruction", "brats-2021", "train"));
        assertThat(r.getString("verdict")).isEqualTo("OFF_LABEL");
        assertThat(r.getString("rulesetVersion")).isNotBlank();
        assertThat(r.getString("datasets[0].verdict")).isEqualTo("OFF_LABEL");
        assertThat(finding(r, "any.contraindicated")).containsEntry("severity", "violation").containsEntry("dataset", "brats-2021");
        assertThat(finding(r, "recon.requires-raw-kspace")).containsEntry("severity", "violation");
        Map<String, Object> padding = finding(r, "recon.zero-padding");
        assertThat(padding.get("introducedBy")).isEqualTo(Map.of("dataset", "brats-2021", "step", "resampling", "index", 2));
        assertThat(padding.get("path")).isEqualTo(List.of("brats-2021"));
        assertThat((List<?>) padding.get("references")).isNotEmpty();
        assertThat((String) padding.get("message")).isNotBlank();
    }

    @Test
    void fastmriMulticoilForReconstructionIsACautionForItsOneVendorAndItsMarkedZeroFilledColumns() {
        JsonPath r = check(null, one("mri-reconstruction", "fastmri-knee-multicoil", "train"));
        assertThat(r.getString("verdict")).as(r.prettify()).isEqualTo("CAUTION");
        assertThat(r.getList("findings.rule")).containsExactlyInAnyOrder("cohort.single-vendor",
                "recon.zero-filled-columns");
        assertThat(r.getList("findings.severity")).doesNotContain("violation", "unknown");
        assertThat(r.getString("findings.find { it.rule == 'recon.zero-filled-columns' }.message"))
                .startsWith("Reported but unconfirmed: ").contains("fastmri-knee-multicoil (“fastMRI Knee");
    }

    @Test
    void theSingleCoilTrackAsksItsPublisherAboutTheFastmriAgreementInsteadOfHoldingUpTheUser() {
        JsonPath r = check(null, one("mri-reconstruction", "fastmri-knee-singlecoil", "train"));
        assertThat(r.getString("verdict")).as(r.prettify()).isEqualTo("CAUTION");
        assertThat(r.getList("findings.findAll { it.rule.startsWith('license.') }.severity")).isNotEmpty()
                .containsOnly("info");
        JsonPath label = given().get(DATASETS + "/fastmri-knee-singlecoil/label").then().statusCode(200).extract()
                .jsonPath();
        assertThat(label.getList("standingViolations")).isEmpty();
        // the single-coil track keeps its parent's very license, so share-alike is decided (Kleene) and not asked
        assertThat(label.getList("publisherQuestions.rule")).contains("license.no-derivatives")
                .doesNotContain("license.share-alike");
        assertThat(label.getString("publisherQuestions[0].message")).startsWith("Question for the publisher of "
                + "fastmri-knee-singlecoil").contains("LicenseRef-fastMRI-DSA");
        assertThat(label.getString("verdicts.find { it.task == 'mri-reconstruction' }.verdict")).isEqualTo("CAUTION");
        given().get(DATASETS + "/fastmri-knee-singlecoil").then().statusCode(200)
                .body("publisherQuestions.rule", org.hamcrest.Matchers.hasItem("license.no-derivatives"))
                .body("publisherQuestions.rule", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(
                        "license.share-alike")))
                .body("publisherQuestions.parent", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo(
                        "fastmri-knee-multicoil")))
                .body("licenseConflicts", org.hamcrest.Matchers.empty());
    }

    @Test
    void aSyntheticKspaceDescendantOfBratsCarriesTheInheritedContraindication() {
        JsonPath r = check(null, one("mri-reconstruction", "brats-2021-synthetic-kspace", "train"));
        assertThat(r.getString("verdict")).isEqualTo("OFF_LABEL");
        Map<String, Object> synthetic = finding(r, "recon.synthetic-kspace");
        assertThat(synthetic.get("introducedBy")).isEqualTo(Map.of("dataset", "brats-2021-synthetic-kspace", "step", "synthetic-kspace", "index", 0));
        Map<String, Object> contraindicated = finding(r, "any.contraindicated");
        assertThat(((Map<?, ?>) contraindicated.get("introducedBy")).get("dataset")).isEqualTo("brats-2021");
        assertThat(contraindicated.get("path")).isEqualTo(List.of("brats-2021-synthetic-kspace", "brats-2021"));
        // the zero-padding crime applies to the derived dataset through brats-2021's resampling
        assertThat(((Map<?, ?>) finding(r, "recon.zero-padding").get("introducedBy")).get("dataset")).isEqualTo("brats-2021");
    }

    @Test
    void trainAndTestSharingADistantSourceIsALeak() {
        JsonPath r = check(null, """
                {"task": "mri-reconstruction", "datasets": [
                  {"key": "fastmri-knee-singlecoil", "role": "train"},
                  {"key": "fastmri-knee-crime-zeropad-synthetic-kspace", "role": "test"}]}""");
        assertThat(r.getString("verdict")).isEqualTo("OFF_LABEL");
        Map<String, Object> overlap = finding(r, "any.train-test-overlap");
        assertThat(((Map<?, ?>) overlap.get("introducedBy")).get("dataset")).isEqualTo("fastmri-knee-multicoil");
        assertThat(r.getList("datasets.key")).containsExactly("fastmri-knee-singlecoil", "fastmri-knee-crime-zeropad-synthetic-kspace");
        JsonPath disjoint = check(null, """
                {"task": "mri-reconstruction", "datasets": [
                  {"key": "fastmri-knee-multicoil", "role": "train"}, {"key": "fastmri-brain-multicoil", "role": "test"}]}""");
        assertThat(disjoint.getList("findings.rule")).doesNotContain("any.train-test-overlap");
    }

    @Test
    void retractionPropagatesDownALongChain() {
        String root = Datasets.uniqueKey("retract-root");
        Map<String, Object> body = derived(root, "nyu", List.of(), List.of());
        create(Tokens.user("alice"), body).then().statusCode(201);
        List<String> chain = new ArrayList<>(List.of(root));
        for (int i = 0; i < 8; i++) {
            String next = Datasets.uniqueKey("retract-" + i);
            create(Tokens.user("carol"), derived(next, "upenn", List.of(chain.get(chain.size() - 1)),
                    List.of(step("subset-selection", Map.of())))).then().statusCode(201);
            chain.add(next);
        }
        String end = chain.get(chain.size() - 1);
        Api.as(Tokens.user("bob")).body("{\"reason\": \"not mine\"}").post(DATASETS + "/" + root + "/retraction").then().statusCode(403);
        Api.as(Tokens.user("alice")).body("{\"reason\": \"labels leaked patient identity\"}")
                .post(DATASETS + "/" + root + "/retraction").then().statusCode(200)
                .body("status", equalTo("retracted")).body("statusReason", equalTo("labels leaked patient identity"));
        Api.as(Tokens.user("alice")).body("{\"reason\": \"again\"}").post(DATASETS + "/" + root + "/retraction").then().statusCode(409);
        JsonPath r = check(null, one("mri-reconstruction", end, "any"));
        assertThat(r.getString("verdict")).isEqualTo("OFF_LABEL");
        Map<String, Object> retracted = finding(r, "any.retracted-ancestor");
        assertThat(((Map<?, ?>) retracted.get("introducedBy")).get("dataset")).isEqualTo(root);
        @SuppressWarnings("unchecked")
        List<String> path = (List<String>) retracted.get("path");
        assertThat(path).hasSize(chain.size()).startsWith(end).endsWith(root);
        JsonPath label = given().get(DATASETS + "/" + end + "/label").then().statusCode(200).extract().jsonPath();
        assertThat(label.getList("standingViolations.rule")).contains("any.retracted-ancestor");
    }

    @Test
    void deprecationIsACautionNamingTheReplacement() {
        String old = Datasets.uniqueKey("dep-old");
        String replacement = Datasets.uniqueKey("dep-new");
        create(Tokens.user("alice"), derived(old, "nyu", List.of(), List.of())).then().statusCode(201);
        create(Tokens.user("alice"), derived(replacement, "nyu", List.of(), List.of())).then().statusCode(201);
        Api.as(Tokens.user("alice")).body("{\"reason\": \"superseded\", \"supersededBy\": \"" + replacement + "\"}")
                .post(DATASETS + "/" + old + "/deprecation").then().statusCode(200)
                .body("status", equalTo("deprecated")).body("supersededBy", equalTo(replacement));
        JsonPath r = check(null, one("mri-reconstruction", old, "any"));
        assertThat(r.getString("verdict")).isEqualTo("CAUTION");
        assertThat(finding(r, "any.deprecated")).containsEntry("severity", "caution");
    }

    @Test
    void aLicenseConflictIsReturnedOnRegistrationAndStandsForEveryUse() {
        String parent = Datasets.uniqueKey("nc-parent");
        Map<String, Object> p = derived(parent, "nyu", List.of(), List.of());
        p.put("license", "CC-BY-NC-4.0");
        create(Tokens.user("alice"), p).then().statusCode(201).body("licenseConflicts", org.hamcrest.Matchers.empty());
        String child = Datasets.uniqueKey("nc-child");
        Map<String, Object> c = derived(child, "nyu", List.of(parent), List.of(step("resampling", Map.of())));
        c.put("license", "CC-BY-4.0");
        create(Tokens.user("alice"), c).then().statusCode(201)
                .body("licenseConflicts.rule", org.hamcrest.Matchers.contains("license.noncommercial-dropped"))
                .body("licenseConflicts[0].parent", equalTo(parent));
        JsonPath r = check(null, one("denoising", child, "any"));
        assertThat(r.getString("verdict")).isEqualTo("OFF_LABEL");
        assertThat(((Map<?, ?>) finding(r, "license.noncommercial-dropped").get("introducedBy")).get("dataset")).isEqualTo(child);
        JsonPath label = given().get(DATASETS + "/" + child + "/label").then().statusCode(200).extract().jsonPath();
        assertThat(label.getList("standingViolations.rule")).contains("license.noncommercial-dropped");
        assertThat(label.getList("verdicts.verdict")).containsOnly("OFF_LABEL");
        assertThat(label.getList("verdicts")).hasSize(taskCount());
    }

    @Test
    void dataUseConditionsMeetThePurpose() {
        String key = Datasets.uniqueKey("duo");
        Map<String, Object> body = derived(key, "nyu", List.of(), List.of());
        body.put("dataUse", List.of(Map.of("code", "NCU"), Map.of("code", "NMDS"), Map.of("code", "IRB")));
        create(Tokens.user("alice"), body).then().statusCode(201);
        JsonPath commercial = check(null, "{\"task\": \"mri-reconstruction\", \"datasets\": [{\"key\": \"" + key
                + "\", \"role\": \"any\"}], \"purpose\": {\"commercial\": true, \"methodsDevelopment\": false}}");
        assertThat(commercial.getList("findings.rule")).contains("license.noncommercial", "use.requires-approval")
                .doesNotContain("use.methods-research-prohibited");
        JsonPath training = check(null, one("mri-reconstruction", key, "train"));
        assertThat(training.getList("findings.rule")).contains("use.methods-research-prohibited").doesNotContain("license.noncommercial");
        assertThat(finding(training, "use.requires-approval")).containsEntry("severity", "info");
    }

    @Test
    void batchKeepsTheOrderAndAcceptsDois() {
        JsonPath r = Api.as(Tokens.journal()).body("""
                {"checks": [
                  {"task": "mri-reconstruction", "datasets": [{"doi": "10.1148/ryai.2020190007", "role": "train"}]},
                  {"task": "mri-reconstruction", "datasets": [{"key": "brats-2021", "role": "train"}]}]}""")
                .post("/api/v1/checks/batch").then().statusCode(200).extract().jsonPath();
        assertThat(r.getList("results.verdict")).containsExactly("CAUTION", "OFF_LABEL");
        assertThat(r.getString("results[0].datasets[0].key")).isEqualTo("fastmri-knee-multicoil");
        Api.as(Tokens.journal()).body("{\"checks\": [{\"task\": \"segmentation\", \"datasets\": [{\"key\": \"brats-2021\"}]},"
                + " {\"task\": \"teleportation\", \"datasets\": [{\"doi\": \"10.0000/none\"}]}]}")
                .post("/api/v1/checks/batch").then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("checks[1].task", "checks[1].datasets[0].doi"));
    }

    @Test
    void checksSeeOnlyWhatTheCallerMaySee() {
        String key = Datasets.uniqueKey("check-embargo");
        Map<String, Object> body = derived(key, "nyu", List.of(), List.of());
        body.put("visibility", "embargoed");
        create(Tokens.user("alice"), body).then().statusCode(201);
        check(Tokens.user("alice"), one("mri-reconstruction", key, "any"));
        Api.as(Tokens.user("bob")).body(one("mri-reconstruction", key, "any")).post("/api/v1/checks").then().statusCode(422)
                .body("errors[0].message", equalTo("no dataset '" + key + "'"));
        given().contentType(ContentType.JSON).body(one("mri-reconstruction", key, "any")).post("/api/v1/checks")
                .then().statusCode(422);
        given().get(DATASETS + "/" + key + "/label").then().statusCode(404);
    }

    @Test
    void invalidChecksAreRefused() {
        given().contentType(ContentType.JSON).body("{\"task\": \"mri-reconstruction\", \"datasets\": []}").post("/api/v1/checks")
                .then().statusCode(422).body("errors[0].field", equalTo("datasets"));
        given().contentType(ContentType.JSON).body(one("mri-reconstruction", "brats-2021", "holdout")).post("/api/v1/checks")
                .then().statusCode(422).body("errors[0].field", equalTo("datasets[0].role"));
    }

    @Test
    void ancestryBeyondTheLineageLimitsMakesAKnownGoodDatasetUnknown() {
        // the test profile caps walks at 50 datasets and 30 derivation steps
        List<String> parents = new ArrayList<>();
        for (int i = 0; i < 55; i++) {
            String p = Datasets.uniqueKey("wide-" + i);
            create(Tokens.user("alice"), derived(p, "nyu", List.of(), List.of())).then().statusCode(201);
            parents.add(p);
        }
        String wide = Datasets.uniqueKey("wide-child");
        create(Tokens.user("alice"), derived(wide, "nyu", parents, List.of())).then().statusCode(201);
        JsonPath r = check(null, one("mri-reconstruction", wide, "any"));
        assertThat(r.getString("verdict")).isEqualTo("UNKNOWN");
        assertThat(((Map<?, ?>) finding(r, "any.unregistered-ancestor").get("introducedBy")).get("dataset"))
                .isEqualTo("(ancestors beyond the lineage limit)");
        assertThat(given().get(DATASETS + "/" + wide + "/history").then().extract().jsonPath().getBoolean("truncated")).isTrue();

        List<String> chain = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            String k = Datasets.uniqueKey("deep-" + i);
            create(Tokens.user("alice"), derived(k, "nyu", chain.isEmpty() ? List.of() : List.of(chain.get(i - 1)), List.of()))
                    .then().statusCode(201);
            chain.add(k);
        }
        assertThat(check(null, one("mri-reconstruction", chain.get(31), "any")).getString("verdict")).isEqualTo("UNKNOWN");
        assertThat(given().get(DATASETS + "/" + chain.get(31) + "/history").then().extract().jsonPath().getBoolean("truncated")).isTrue();
        // exactly at the depth limit, with the source inside it, nothing is cut
        assertThat(given().get(DATASETS + "/" + chain.get(30) + "/history").then().extract().jsonPath().getBoolean("truncated")).isFalse();
        JsonPath inside = check(null, one("mri-reconstruction", chain.get(30), "any"));
        assertThat(inside.getString("verdict")).isNotEqualTo("UNKNOWN");
        assertThat(inside.getList("findings.rule")).doesNotContain("any.unregistered-ancestor");
    }

    @Test
    void theLabelOfBratsShowsItsUsesContraindicationsAndAVerdictPerTask() {
        JsonPath label = given().get(DATASETS + "/brats-2021/label").then().statusCode(200).extract().jsonPath();
        assertThat(label.getList("intendedUses.task")).contains("segmentation");
        assertThat(label.getList("contraindications.task")).contains("mri-reconstruction");
        assertThat(label.getString("contraindications.find { it.task == 'mri-reconstruction' }.origin")).isEqualTo("brats-2021");
        assertThat(label.getString("verdicts.find { it.task == 'mri-reconstruction' }.verdict")).isEqualTo("OFF_LABEL");
        assertThat(label.getList("verdicts.task")).hasSize(taskCount());
    }

    @Test
    void theRulesetIsServedWithEveryRuleOfTheStartingSet() {
        JsonPath rules = given().get("/api/v1/rules").then().statusCode(200).extract().jsonPath();
        assertThat(rules.getString("version")).isNotBlank();
        assertThat(rules.getList("rules.id")).contains("recon.requires-raw-kspace", "recon.synthetic-kspace",
                "recon.zero-padding", "seg.derived-labels", "any.contraindicated", "any.train-test-overlap",
                "license.noncommercial", "use.methods-research-prohibited", "license.share-alike", "license.unknown",
                "cohort.single-vendor", "any.unregistered-ancestor", "any.unknown-representation");
        assertThat(rules.getString("rules.find { it.id == 'recon.zero-padding' }.severity")).isEqualTo("violation");
        assertThat(rules.getList("rules.find { it.id == 'recon.zero-padding' }.references")).isNotEmpty();
    }

    @Test
    void licensesAreReadByAllAndChangedByAdminsWithTheirEtag() {
        given().get("/api/v1/licenses").then().statusCode(200)
                .body("items.find { it.id == 'CC-BY-NC-4.0' }.commercialUse", equalTo(false));
        String id = "LicenseRef-Test-" + Datasets.uniqueKey("dua").replace("-", "");
        String update = "{\"name\": \"Test data use agreement\", \"commercialUse\": false, \"derivatives\": true}";
        Api.as(Tokens.user("alice")).body(update).put("/api/v1/licenses/" + id).then().statusCode(403);
        String etag = Api.as(Tokens.user("carol")).body(update).put("/api/v1/licenses/" + id).then().statusCode(201)
                .extract().header("ETag");
        Api.as(Tokens.user("carol")).body(update).put("/api/v1/licenses/" + id).then().statusCode(428);
        Api.as(Tokens.user("carol")).header("If-Match", "\"99\"").body(update).put("/api/v1/licenses/" + id).then().statusCode(412);
        Api.as(Tokens.user("carol")).header("If-Match", etag).body(update.replace("Test data", "Renamed data"))
                .put("/api/v1/licenses/" + id).then().statusCode(200).body("name", equalTo("Renamed data use agreement"));
        Api.as(Tokens.user("carol")).body(update).put("/api/v1/licenses/MIT AND").then().statusCode(422);
        JsonPath trail = Api.as(Tokens.user("carol")).get("/api/v1/licenses/" + id + "/audit").then().statusCode(200)
                .extract().jsonPath();
        assertThat(trail.getList("items.action")).containsExactly("license.created", "license.updated");
        assertThat(trail.getList("items.subjectType")).containsOnly("license");
        assertThat(trail.getList("items.actor")).containsOnly("carol");
        assertThat(trail.getList("items[1].changes")).containsExactly(
                Map.of("op", "replace", "path", "/name", "value", "Renamed data use agreement"));
        Api.as(Tokens.user("alice")).get("/api/v1/licenses/" + id + "/audit").then().statusCode(403);

        // the rules use the table: a dataset under this agreement may not be used commercially
        String key = Datasets.uniqueKey("dua-data");
        Map<String, Object> body = derived(key, "nyu", List.of(), List.of());
        body.put("license", id);
        create(Tokens.user("alice"), body).then().statusCode(201);
        JsonPath r = check(null, "{\"task\": \"denoising\", \"datasets\": [{\"key\": \"" + key + "\"}], \"purpose\": {\"commercial\": true}}");
        assertThat(r.getList("findings.rule")).contains("license.noncommercial");
    }

    @Test
    void aDatasetLicenseMustBeAnSpdxExpression() {
        Map<String, Object> body = Datasets.valid(Datasets.uniqueKey("badlicense"));
        body.put("license", "CC-BY-4");
        Api.create(Tokens.user("carol"), body).then().statusCode(422).body("errors[0].field", equalTo("license"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("CC-BY-4.0"));
        body.put("license", "cc-by-4.0 OR MIT");
        Api.create(Tokens.user("carol"), body).then().statusCode(201);
    }
}
