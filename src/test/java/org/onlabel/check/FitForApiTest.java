package org.onlabel.check;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.onlabel.support.Api.DATASETS;
import static org.onlabel.support.Api.create;
import static org.onlabel.support.Api.derived;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onlabel.check.fit.VerdictBasis;
import org.onlabel.check.fit.VerdictRecomputer;
import org.onlabel.common.security.Caller;
import org.onlabel.dataset.DatasetService;
import org.onlabel.dataset.StatusChange;
import org.onlabel.support.Api;
import org.onlabel.support.Datasets;
import org.onlabel.support.Tokens;

/**
 * "Fit for" search answers from stored verdicts that equal the label's, for every viewer, and stays current after
 * writes far up a lineage, a ruleset change, and never because of a write that rolled back.
 */
@QuarkusTest
class FitForApiTest {
    private static final Set<String> FIT = Set.of("ON_LABEL", "CAUTION");

    @Inject
    VerdictBasis basis;
    @Inject
    VerdictRecomputer recomputer;
    @Inject
    DatasetService datasets;
    @Inject
    EntityManager em;

    private static RequestSpecification who(String token) {
        return token == null ? given() : given().auth().oauth2(token);
    }

    /** Every page of a list, key → verdict. */
    private static Map<String, String> listAll(String token, Map<String, String> params) {
        Map<String, String> found = new LinkedHashMap<>();
        String cursor = null;
        do {
            RequestSpecification request = who(token).queryParams(params).queryParam("limit", 100);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(DATASETS).then().statusCode(200).extract().jsonPath();
            List<String> keys = page.getList("items.key");
            List<String> verdicts = page.getList("items.verdict");
            for (int i = 0; i < keys.size(); i++) {
                found.put(keys.get(i), verdicts.get(i));
            }
            cursor = page.getString("next");
        } while (cursor != null);
        return found;
    }

    private static String labelVerdict(String token, String key, String task) {
        return who(token).get(DATASETS + "/" + key + "/label").then().statusCode(200).extract().jsonPath()
                .getString("verdicts.find { it.task == '" + task + "' }.verdict");
    }

    private static List<String> referenceKeys() throws Exception {
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("catalog/reference-datasets.json")) {
            List<String> keys = new ArrayList<>();
            for (JsonNode d : new ObjectMapper().readTree(in).get("datasets")) {
                keys.add(d.get("key").asText());
            }
            return keys;
        }
    }

    @Test
    void fitForListsTheReferenceDatasetsWhoseLabelSaysFit() throws Exception {
        List<String> reference = referenceKeys();
        for (String task : List.of("segmentation", "mri-reconstruction")) {
            Map<String, String> expected = new LinkedHashMap<>();
            for (String key : reference) {
                String verdict = labelVerdict(null, key, task);
                if (FIT.contains(verdict)) {
                    expected.put(key, verdict);
                }
            }
            assertThat(expected).as("reference datasets fit for " + task).isNotEmpty();
            assertThat(expected.size()).as("some reference datasets are not fit for " + task).isLessThan(reference.size());
            Map<String, String> listed = listAll(null, Map.of("fitFor", task));
            assertThat(listed.values()).as("every item of a fit-for list carries a fit verdict").allMatch(FIT::contains);
            Map<String, String> listedReference = new LinkedHashMap<>(listed);
            listedReference.keySet().retainAll(reference);
            assertThat(listedReference).as(task).isEqualTo(expected);
        }
    }

    @Test
    void fitForCombinesWithTheOtherFiltersAndRefusesUnknownTasks() {
        Map<String, String> all = listAll(null, Map.of("fitFor", "segmentation"));
        Map<String, String> mr = listAll(null, Map.of("fitFor", "segmentation", "modality", "MR"));
        assertThat(mr).isNotEmpty();
        assertThat(all).containsAllEntriesOf(mr);
        for (String key : mr.keySet()) {
            assertThat(given().get(DATASETS + "/" + key).then().extract().jsonPath().getList("modalities")).contains("MR");
        }
        JsonPath paged = given().queryParam("fitFor", "segmentation").queryParam("limit", 1).get(DATASETS)
                .then().statusCode(200).extract().jsonPath();
        assertThat(paged.getList("items")).hasSize(1);
        assertThat(paged.getString("next")).isNotBlank();
        given().queryParam("fitFor", "segmentaton").get(DATASETS).then().statusCode(422)
                .body("errors[0].field", equalTo("fitFor"))
                .body("errors[0].message", containsString("segmentation"));
        // a plain list carries no verdict
        assertThat(given().queryParam("limit", 5).get(DATASETS).then().statusCode(200).extract().asString())
                .doesNotContain("\"verdict\"");
    }

    @Test
    void aRetractionThreeLevelsUpReachesTheFitForListAtOnce() {
        String alice = Tokens.user("alice");
        String a = Datasets.uniqueKey("fit-chain-a");
        Map<String, Object> root = Datasets.valid(a);
        root.put("organization", "nyu");
        create(alice, root).then().statusCode(201);
        String b = Datasets.uniqueKey("fit-chain-b");
        String c = Datasets.uniqueKey("fit-chain-c");
        String d = Datasets.uniqueKey("fit-chain-d");
        create(alice, derived(b, "nyu", List.of(a), List.of())).then().statusCode(201);
        create(alice, derived(c, "nyu", List.of(b), List.of())).then().statusCode(201);
        create(alice, derived(d, "nyu", List.of(c), List.of())).then().statusCode(201);
        String task = "mri-reconstruction";
        assertThat(labelVerdict(null, d, task)).as("d is fit before the retraction").isIn(FIT);
        assertThat(listAll(null, Map.of("fitFor", task, "q", d))).containsEntry(d, labelVerdict(null, d, task));

        Api.as(alice).body(Map.of("reason", "consent withdrawn")).post(DATASETS + "/" + a + "/retraction")
                .then().statusCode(200);

        assertThat(labelVerdict(null, d, task)).isEqualTo("OFF_LABEL");
        assertThat(listAll(null, Map.of("fitFor", task, "q", d))).doesNotContainKey(d);
        // the declared-use filter keeps listing d, and says that its declared use is now off-label
        assertThat(listAll(null, Map.of("task", task, "q", d))).containsEntry(d, "OFF_LABEL");
    }

    @Test
    void everyViewerGetsItsOwnVerdictAndNothingEmbargoedLeaks() {
        String alice = Tokens.user("alice");
        String embargoedParent = Datasets.uniqueKey("fit-emb-parent");
        Map<String, Object> parent = Datasets.valid(embargoedParent);
        parent.put("organization", "nyu");
        parent.put("visibility", "embargoed");
        create(alice, parent).then().statusCode(201);
        String publicChild = Datasets.uniqueKey("fit-emb-child");
        create(alice, derived(publicChild, "nyu", List.of(embargoedParent), List.of())).then().statusCode(201);
        Api.as(alice).body(Map.of("reason", "labels leak test patients"))
                .post(DATASETS + "/" + embargoedParent + "/retraction").then().statusCode(200);
        String embargoedFit = Datasets.uniqueKey("fit-emb-alone");
        Map<String, Object> alone = Datasets.valid(embargoedFit);
        alone.put("organization", "nyu");
        alone.put("visibility", "embargoed");
        create(alice, alone).then().statusCode(201);

        String task = "mri-reconstruction";
        Map<String, String> seenBy = new LinkedHashMap<>();
        Map<String, String> viewers = new LinkedHashMap<>();
        viewers.put("anonymous", null);
        viewers.put("bob", Tokens.user("bob"));
        viewers.put("alice", alice);
        viewers.put("carol", Tokens.user("carol"));
        for (Map.Entry<String, String> viewer : viewers.entrySet()) {
            String name = viewer.getKey();
            String token = viewer.getValue();
            String label = labelVerdict(token, publicChild, task);
            seenBy.put(name, label);
            String body = who(token).queryParam("task", task).queryParam("q", publicChild).get(DATASETS)
                    .then().statusCode(200).extract().asString();
            assertThat(JsonPath.from(body).getString("items.find { it.key == '" + publicChild + "' }.verdict"))
                    .as("the task list gives " + name + " the verdict of " + name + "'s label").isEqualTo(label);
            Map<String, String> fit = listAll(token, Map.of("fitFor", task, "q", publicChild));
            assertThat(fit.containsKey(publicChild)).as(name).isEqualTo(FIT.contains(label));
            Map<String, String> fitAlone = listAll(token, Map.of("fitFor", task, "q", embargoedFit));
            if ("anonymous".equals(name) || "bob".equals(name)) {
                // (derivedFrom names the parent's key, as a dataset read always has; the verdict is bob's own)
                assertThat(fitAlone).as(name).doesNotContainKey(embargoedFit);
                assertThat(listAll(token, Map.of("task", task, "q", embargoedFit))).as(name).doesNotContainKey(embargoedFit);
            } else {
                assertThat(fitAlone).as(name).containsEntry(embargoedFit, labelVerdict(token, embargoedFit, task));
            }
        }
        assertThat(seenBy.get("alice")).as("alice sees the retracted embargoed parent").isEqualTo("OFF_LABEL");
        assertThat(seenBy.get("carol")).isEqualTo("OFF_LABEL");
        assertThat(seenBy.get("bob")).as("the embargoed parent takes no part in what bob sees").isNotEqualTo("OFF_LABEL");
        assertThat(seenBy.get("anonymous")).isEqualTo(seenBy.get("bob"));
    }

    @Test
    void aNewRulesetVersionMarksEverythingStaleAndListsRecomputeWhatTheyAnswer() {
        String key = Datasets.uniqueKey("fit-basis");
        Map<String, Object> body = Datasets.valid(key);
        body.put("organization", "nyu");
        create(Tokens.user("alice"), body).then().statusCode(201);
        long id = idOf(key);
        recomputer.refresh(List.of(id));
        assertThat(state(id)).containsEntry("stale", false).containsEntry("computedWith", basis.current());

        String next = "ruleset-next-" + key;
        Object fresh = state(id).get("markedAt");
        try {
            assertThat(basis.reconcile(next)).as("a new basis is adopted").isTrue();
            Object marked = state(id).get("markedAt");
            assertThat(marked).as("every dataset is marked stale").isNotEqualTo(fresh);
            assertThat(basis.reconcile(next)).as("the same basis again changes nothing").isFalse();
            assertThat(state(id).get("markedAt")).isEqualTo(marked);
            String task = "mri-reconstruction";
            assertThat(listAll(null, Map.of("fitFor", task, "q", key))).containsEntry(key, labelVerdict(null, key, task));
            assertThat(state(id)).as("recomputed before the list answered").containsEntry("stale", false)
                    .containsEntry("computedWith", basis.current());
        } finally {
            basis.reconcile(basis.current());
        }
    }

    @Test
    void aWriteThatRollsBackMarksNothing() {
        String alice = Tokens.user("alice");
        String parent = Datasets.uniqueKey("fit-rollback-p");
        Map<String, Object> body = Datasets.valid(parent);
        body.put("organization", "nyu");
        create(alice, body).then().statusCode(201);
        String child = Datasets.uniqueKey("fit-rollback-c");
        create(alice, derived(child, "nyu", List.of(parent), List.of())).then().statusCode(201);
        long parentId = idOf(parent);
        long childId = idOf(child);
        recomputer.refresh(List.of(parentId, childId));
        Map<String, Object> before = state(childId);
        assertThat(before).containsEntry("stale", false);

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            datasets.changeStatus(Caller.system("fit-test"), parent, "retracted", new StatusChange("test", null));
            assertThat(state(childId)).as("marked inside the writing transaction").containsEntry("stale", true);
            throw new IllegalStateException("the write fails after marking");
        })).hasMessageContaining("the write fails after marking");

        assertThat(state(childId)).isEqualTo(before);
        assertThat(state(parentId)).containsEntry("stale", false);
        assertThat(given().get(DATASETS + "/" + parent).then().extract().jsonPath().getString("status")).isEqualTo("active");
        String task = "mri-reconstruction";
        assertThat(listAll(null, Map.of("fitFor", task, "q", child))).containsEntry(child, labelVerdict(null, child, task));
    }

    private long idOf(String key) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT id FROM dataset WHERE key = :key").setParameter("key", key)
                .getSingleResult()).longValue());
    }

    /** The state row, read in the caller's transaction when there is one. */
    private Map<String, Object> state(long id) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Object[] row = (Object[]) em.createNativeQuery(
                    "SELECT stale, computed_with, marked_at FROM dataset_verdict_state WHERE dataset_id = :id")
                    .setParameter("id", id).getSingleResult();
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("stale", row[0]);
            state.put("computedWith", row[1]);
            state.put("markedAt", String.valueOf(row[2]));
            return state;
        });
    }
}
