package org.onlabel.dataset;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onlabel.common.error.ApiException;
import org.onlabel.common.security.Caller;
import org.onlabel.common.security.Role;
import org.onlabel.support.Datasets;
import org.onlabel.support.Tokens;

/**
 * A GET reads a dataset through one JSON document built by PostgreSQL ({@link DatasetRows}); the write path still
 * reads the entity. Both must give the same dataset — every field, provenance and license findings included — or the
 * same refusal, for every dataset in the catalog and every kind of caller.
 */
@QuarkusTest
class DatasetReadEquivalenceTest {
    private static final List<Caller> CALLERS = List.of(
            Caller.anonymousCaller(),
            new Caller("alice", Set.of(Role.CURATOR), Set.of("nyu"), false),
            new Caller("bob", Set.of(Role.CURATOR), Set.of("upenn"), false),
            new Caller("carol", Set.of(Role.ADMIN), Set.of(), false));

    @Inject
    DatasetService service;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    private static String parent;
    private static String embargoed;
    private static String derived;
    private static String removed;

    @BeforeEach
    void registerDatasetsOfEveryShape() {
        if (parent != null) {
            return;
        }
        parent = Datasets.uniqueKey("eq-parent");
        Map<String, Object> p = Datasets.valid(parent);
        p.put("license", "CC-BY-SA-4.0");
        create("carol", p);

        embargoed = Datasets.uniqueKey("eq-embargoed");
        Map<String, Object> e = Datasets.valid(embargoed);
        e.put("organization", "nyu");
        e.put("visibility", "embargoed");
        create("carol", e);

        // a share-alike parent under a different license (a license conflict), two parents in a given order, steps
        // with parameters and software, a partition of a parent, and extras
        derived = Datasets.uniqueKey("eq-derived");
        Map<String, Object> d = Datasets.valid(derived);
        d.put("license", "CC-BY-NC-4.0");
        d.put("derivedFrom", List.of(Map.of("key", parent, "version", "1.0"), Map.of("key", "fastmri-knee-multicoil")));
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("step", "kspace-zero-padding");
        step.put("parameters", Map.of("factor", 2, "mode", "symmetric", "ratio", 0.5));
        step.put("software", Map.of("name", "bart", "version", "0.9"));
        step.put("description", "padded");
        d.put("preprocessing", List.of(step, Map.of("step", "coil-compression")));
        d.put("partitionOf", Map.of("dataset", parent, "scheme", "official", "part", "train", "disjointBy", "subject"));
        d.put("extras", Map.of("BIDSVersion", "1.8.0", "nested", Map.of("n", 3, "list", List.of(1, "two"))));
        create("carol", d);

        removed = Datasets.uniqueKey("eq-removed");
        create("carol", Datasets.valid(removed));
        given().auth().oauth2(Tokens.user("carol")).queryParam("reason", "test removal")
                .delete("/api/v1/datasets/" + removed).then().statusCode(204);
    }

    private static void create(String user, Map<String, Object> body) {
        given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON).body(body).post("/api/v1/datasets")
                .then().statusCode(201);
    }

    @Test
    void everyDatasetReadsTheSameThroughTheDocumentAsThroughTheEntity() throws Exception {
        List<String> keys = allKeys();
        assertThat(keys).contains(parent, embargoed, derived, removed, "brats-2021", "fastmri-knee-multicoil");
        int compared = 0;
        for (Caller caller : CALLERS) {
            for (String key : keys) {
                Object byDocument = outcome(() -> service.get(caller, key));
                Object byEntity = outcome(() -> service.readThroughEntity(caller, key));
                assertThat(byDocument).as("%s as %s", key, caller.name()).isEqualTo(byEntity);
                if (byDocument instanceof DatasetService.Versioned v) {
                    assertThat(json.writeValueAsString(v.dataset())).as("%s as %s", key, caller.name())
                            .isEqualTo(json.writeValueAsString(((DatasetService.Versioned) byEntity).dataset()));
                    compared++;
                }
            }
        }
        assertThat(compared).as("datasets answered").isGreaterThan(CALLERS.size() * 10);
    }

    @Test
    void theShapesThatMatterAreAnsweredAsTheyWereRegistered() {
        Caller carol = CALLERS.get(3);
        DatasetResponse d = service.get(carol, derived).dataset();
        assertThat(d.derivedFrom()).extracting(org.onlabel.provenance.ParentRef::key)
                .containsExactly(parent, "fastmri-knee-multicoil");
        assertThat(d.preprocessing()).extracting(org.onlabel.provenance.PreprocessingStep::step)
                .containsExactly("kspace-zero-padding", "coil-compression");
        assertThat(d.partitionOf().scheme()).isEqualTo("official");
        assertThat(d.licenseConflicts()).extracting(DatasetResponse.LicenseConflictView::parent).contains(parent);
        assertThat(d.extras()).containsKey("nested");

        assertThat(outcome(() -> service.get(CALLERS.get(0), embargoed))).isEqualTo("404");
        assertThat(outcome(() -> service.get(CALLERS.get(2), embargoed))).isEqualTo("404");
        assertThat(outcome(() -> service.get(CALLERS.get(1), embargoed))).isInstanceOf(DatasetService.Versioned.class);
        assertThat(outcome(() -> service.get(carol, removed))).isEqualTo("410");
    }

    @Transactional
    List<String> allKeys() {
        return em.createNativeQuery("SELECT key FROM dataset ORDER BY key", String.class).getResultList().stream()
                .map(String.class::cast).toList();
    }

    /** The answer, or the refusal's status and detail. */
    private static Object outcome(java.util.function.Supplier<Object> read) {
        try {
            return read.get();
        } catch (ApiException e) {
            return String.valueOf(e.type().status());
        }
    }
}
