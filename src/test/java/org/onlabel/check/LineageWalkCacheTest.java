package org.onlabel.check;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.onlabel.support.Api.DATASETS;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onlabel.common.security.Viewer;
import org.onlabel.support.Api;
import org.onlabel.support.Datasets;
import org.onlabel.support.Tokens;

/**
 * Walks of lineage facts kept in memory answer exactly what a walk in PostgreSQL answers, a derived create is
 * walked from its parent's kept walk, and a change to an ancestor made anywhere (through the API, or straight in
 * the database as another replica's write would be) is seen by the next walk.
 */
@QuarkusTest
class LineageWalkCacheTest {
    private static final String RETRACTED = "any.retracted-ancestor";
    private static final Viewer ADMIN = new Viewer(true, Set.of());
    private static final int MAX_DEPTH = 1000;
    private static final int LIMIT = 10_001;

    @Inject
    LineageWalkCache cache;

    @Inject
    LineageFactsRepository repository;

    @Inject
    EntityManager em;

    @Inject
    jakarta.transaction.UserTransaction transaction;

    private static String alice() {
        return Tokens.user("alice");
    }

    private static Map<String, Object> link(String key, String parent, String step) {
        Map<String, Object> body = Api.derived(key, "nyu", parent == null ? List.of() : List.of(parent),
                parent == null ? List.of() : List.of(Api.step(step, Map.of())));
        body.put("intendedUses", List.of(Map.of("task", "segmentation")));
        return body;
    }

    private List<String> chain(String prefix, int length) {
        List<String> keys = new java.util.ArrayList<>();
        for (int i = 0; i < length; i++) {
            String key = Datasets.uniqueKey(prefix + i);
            Api.create(alice(), link(key, i == 0 ? null : keys.get(i - 1), "resampling")).then().statusCode(201);
            keys.add(key);
        }
        return keys;
    }

    private List<LineageFactsRepository.Row> cachedWalk(String key) {
        return QuarkusTransaction.requiringNew().call(() -> cache.walk(key, ADMIN, MAX_DEPTH, LIMIT));
    }

    private List<LineageFactsRepository.Row> databaseWalk(String key) {
        return QuarkusTransaction.requiringNew().call(() -> repository.walk(key, ADMIN, MAX_DEPTH, LIMIT));
    }

    @Test
    void aWalkMadeFromTheParentsKeptWalkEqualsTheWalkInTheDatabaseAndIsKeptInItsTurn() {
        List<String> keys = chain("walk-cache-", 4);
        String parent = keys.get(2);
        String tip = keys.get(3);
        List<LineageFactsRepository.Row> parentWalk = cachedWalk(parent); // kept for this viewer at its commit
        List<LineageFactsRepository.Row> fromParent = cachedWalk(tip);
        // made from the parent's kept rows: an ancestor's projection is the kept one itself, not read again (the
        // cache's counters are shared with the service's own verdict workers, which run meanwhile)
        assertThat(fromParent.get(2).facts()).isSameAs(parentWalk.get(1).facts());
        assertThat(fromParent).isEqualTo(databaseWalk(tip));
        assertThat(fromParent).extracting(LineageFactsRepository.Row::key).containsExactly(tip, parent, keys.get(1),
                keys.get(0));
        assertThat(fromParent.get(0).facts().intendedUses()).containsExactly("segmentation");
        assertThat(fromParent.get(1).facts().intendedUses()).isEmpty();

        // asked again: the tip's own kept walk, the same rows
        List<LineageFactsRepository.Row> again = cachedWalk(tip);
        assertThat(again).isEqualTo(fromParent);
        assertThat(again.get(0)).isSameAs(fromParent.get(0));
    }

    @Test
    void aBatchsWalksAreMadeFromMemoryParentsFirstOrLeftToTheBatchWalk() {
        List<String> keys = chain("walk-memory-", 4);
        // an organization nobody walked for: nothing is kept for this view
        Viewer fresh = new Viewer(false, Set.of(Datasets.uniqueKey("org")));
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(cache.fromMemory(List.of(keys.get(3)), fresh, MAX_DEPTH, LIMIT))
                    .as("the tip's parent was walked by nobody for this view").doesNotContainKey(keys.get(3));
            Map<String, List<LineageFactsRepository.Row>> made = cache.fromMemory(keys, fresh, MAX_DEPTH, LIMIT);
            for (String key : keys) {
                // the source is its own one-deep walk; each link after it is made from the walk before it
                assertThat(made.get(key)).as(key).isEqualTo(repository.walk(key, fresh, MAX_DEPTH, LIMIT));
            }
            assertThat(made).containsOnlyKeys(keys);
        });
        // kept once that transaction committed: a later batch finds the tip's walk without a parent in it
        List<LineageFactsRepository.Row> kept = QuarkusTransaction.requiringNew().call(
                () -> cache.fromMemory(List.of(keys.get(3)), fresh, MAX_DEPTH, LIMIT).get(keys.get(3)));
        assertThat(kept).isNotNull().isEqualTo(QuarkusTransaction.requiringNew().call(
                () -> repository.walk(keys.get(3), fresh, MAX_DEPTH, LIMIT)));
    }

    @Test
    void aChainOfDerivedCreatesIsWalkedLinkByLinkFromEachParent() {
        long before = cache.derivedFromParent();
        List<String> keys = chain("walk-chain-", 5);
        // every link after the first two: its parent's walk was kept when the parent was created (same viewer)
        assertThat(cache.derivedFromParent() - before).isGreaterThanOrEqualTo(3);
        String tip = keys.get(4);
        JsonPath label = given().auth().oauth2(alice()).get(DATASETS + "/" + tip + "/label").then().statusCode(200)
                .extract().jsonPath();
        assertThat(label.getList("verdicts.find { it.task == 'segmentation' }.findings.rule", String.class))
                .doesNotContain(RETRACTED);
    }

    @Test
    void aRetractionThroughTheApiReachesTheNextDerivedCreatesWarningsAndTheLabel() {
        List<String> keys = chain("walk-retract-", 3);
        String root = keys.get(0);
        String tip = keys.get(2);
        Api.as(alice()).body("{\"reason\": \"labels were wrong\"}").post(DATASETS + "/" + root + "/retraction")
                .then().statusCode(200);

        String next = Datasets.uniqueKey("walk-retract-next");
        JsonPath created = Api.create(alice(), link(next, tip, "resampling")).then().statusCode(201).extract()
                .jsonPath();
        assertThat(created.getList("warnings.rule", String.class)).contains(RETRACTED);
        assertThat(labelRules(tip)).contains(RETRACTED);
        assertThat(databaseWalk(next)).isEqualTo(cachedWalk(next));
    }

    @Test
    void aChangeMadeStraightInTheDatabaseAsByAnotherReplicaIsSeenByTheNextWalk() {
        List<String> keys = chain("walk-replica-", 3);
        String tip = keys.get(2);
        assertThat(labelRules(tip)).doesNotContain(RETRACTED);
        List<LineageFactsRepository.Row> before = cachedWalk(tip);
        assertThat(before.get(2).status()).isEqualTo("active");

        // no code of this replica runs: only the revision the trigger bumps at commit tells the cache
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE dataset SET status = 'retracted' WHERE key = :key").setParameter("key", keys.get(0))
                .executeUpdate());

        List<LineageFactsRepository.Row> after = cachedWalk(tip);
        assertThat(after).extracting(LineageFactsRepository.Row::status).containsExactly("active", "active",
                "retracted");
        assertThat(after).isEqualTo(databaseWalk(tip));
        assertThat(labelRules(tip)).contains(RETRACTED);
        String next = Datasets.uniqueKey("walk-replica-next");
        JsonPath created = Api.create(alice(), link(next, tip, "resampling")).then().statusCode(201).extract()
                .jsonPath();
        assertThat(created.getList("warnings.rule", String.class)).contains(RETRACTED);
    }

    @Test
    void aWalkMadeInATransactionThatRollsBackIsNotKept() throws Exception {
        String key = chain("walk-rollback-", 1).get(0);
        List<LineageFactsRepository.Row> rolledBack;
        transaction.begin();
        try {
            rolledBack = cache.walk(key, ADMIN, MAX_DEPTH, LIMIT);
            assertThat(rolledBack).hasSize(1);
        } finally {
            transaction.rollback();
        }
        // compared by identity: the cache's counters are shared with the service's verdict workers
        List<LineageFactsRepository.Row> first = cachedWalk(key);
        assertThat(first).isEqualTo(rolledBack);
        assertThat(first.get(0)).as("walked again, not the rolled-back walk").isNotSameAs(rolledBack.get(0));
        assertThat(cachedWalk(key).get(0)).as("kept at the commit").isSameAs(first.get(0));
    }

    @Test
    void aDatasetAskedForBeforeItExistsIsWalkedOnceCreated() {
        String key = Datasets.uniqueKey("walk-later");
        assertThat(cachedWalk(key)).isEmpty();
        Api.create(alice(), link(key, null, null)).then().statusCode(201);
        assertThat(cachedWalk(key)).extracting(LineageFactsRepository.Row::key).containsExactly(key);
    }

    private static List<String> labelRules(String key) {
        return given().auth().oauth2(alice()).get(DATASETS + "/" + key + "/label").then().statusCode(200).extract()
                .jsonPath().getList("verdicts.find { it.task == 'segmentation' }.findings.rule", String.class);
    }
}
