package org.onlabel.check.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onlabel.support.Api.create;
import static org.onlabel.support.Api.derived;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onlabel.common.security.VerdictViews;
import org.onlabel.support.Datasets;
import org.onlabel.support.Tokens;

/**
 * The subjects of a stored-verdict batch (each dataset with its embargoed ancestors, which decide the views computed)
 * made from the parents' kept or just computed ones equal those of the walk in PostgreSQL, before and after an
 * embargo far up the lineage is lifted straight in the database, as another replica's write would be.
 */
@QuarkusTest
class EmbargoedAncestryTest {
    private static final VerdictViews.Node NYU_EMBARGOED = new VerdictViews.Node(true, "nyu");

    @Inject
    VerdictStore store;

    @Inject
    EntityManager em;

    @Test
    void subjectsMadeFromTheirParentsEqualTheWalkedOnes() {
        String alice = Tokens.user("alice");
        String p = Datasets.uniqueKey("emb");
        List<String> keys = new ArrayList<>();
        Map<String, Object> source = Datasets.valid(p + "-s");
        source.put("organization", "nyu");
        create(alice, source).then().statusCode(201);
        keys.add(p + "-s");
        Map<String, Object> hidden = derived(p + "-hidden", "nyu", List.of(keys.get(0)), List.of());
        hidden.put("visibility", "embargoed");
        create(alice, hidden).then().statusCode(201);
        keys.add(p + "-hidden");
        for (int i = 0; i < 5; i++) {
            create(alice, derived(p + "-c" + i, "nyu", List.of(keys.get(keys.size() - 1)), List.of())).then()
                    .statusCode(201);
            keys.add(p + "-c" + i);
        }
        // a diamond below the chain, with a second path around the embargoed dataset
        create(alice, derived(p + "-side", "nyu", List.of(keys.get(0)), List.of())).then().statusCode(201);
        create(alice, derived(p + "-bottom", "nyu", List.of(p + "-c4", p + "-side"), List.of())).then().statusCode(201);
        keys.addAll(List.of(p + "-side", p + "-bottom"));
        List<Long> ids = ids(keys);

        Map<Long, VerdictStore.Subject> made = QuarkusTransaction.requiringNew().call(() -> store.subjects(ids));
        Map<Long, VerdictStore.Subject> walked = QuarkusTransaction.requiringNew().call(() -> store.walkedSubjects(ids));
        assertThat(made).isEqualTo(walked);
        long bottom = ids.get(ids.size() - 1);
        assertThat(made.get(bottom).ancestors()).containsExactly(NYU_EMBARGOED);
        // asked again, each from what the first call kept
        assertThat(QuarkusTransaction.requiringNew().call(() -> store.subjects(ids))).isEqualTo(walked);
        // one dataset alone: made from its kept parents
        assertThat(QuarkusTransaction.requiringNew().call(() -> store.subjects(List.of(bottom))))
                .isEqualTo(Map.of(bottom, walked.get(bottom)));

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE dataset SET visibility = 'public' WHERE key = :key").setParameter("key", p + "-hidden")
                .executeUpdate());
        Map<Long, VerdictStore.Subject> lifted = QuarkusTransaction.requiringNew().call(() -> store.subjects(ids));
        assertThat(lifted).isEqualTo(QuarkusTransaction.requiringNew().call(() -> store.walkedSubjects(ids)));
        assertThat(lifted.get(bottom).ancestors()).as("the embargo lifted is seen through what was kept").isEmpty();
    }

    @SuppressWarnings("unchecked")
    private List<Long> ids(List<String> keys) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Number>) em.createNativeQuery(
                "SELECT id FROM dataset WHERE key IN (:keys) ORDER BY id").setParameter("keys", keys).getResultList())
                .stream().map(Number::longValue).toList());
    }
}
