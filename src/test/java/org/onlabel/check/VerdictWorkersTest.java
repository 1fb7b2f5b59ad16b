package org.onlabel.check;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.onlabel.support.Api.DATASETS;
import static org.onlabel.support.Api.create;
import static org.onlabel.support.Api.derived;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.onlabel.check.fit.VerdictRecomputer;
import org.onlabel.support.Api;
import org.onlabel.support.Datasets;
import org.onlabel.support.Tokens;

/**
 * Several workers (four test threads next to the service's own worker threads) draining one stale set compute each
 * dataset exactly once, and the batch-written verdicts of every view equal the label its viewer reads: a public
 * chain, a public lineage below a retracted embargoed nyu dataset, an embargoed dataset alone, and a lineage mixing
 * embargoed datasets of two organizations (whose admin view differs from each organization's).
 */
@QuarkusTest
class VerdictWorkersTest {
    @Inject
    VerdictRecomputer recomputer;
    @Inject
    RecomputedLog log;
    @Inject
    EntityManager em;

    @Test
    void concurrentWorkersComputeEachDatasetOnceAndEveryViewEqualsItsViewersLabel() throws Exception {
        String alice = Tokens.user("alice");
        String bob = Tokens.user("bob");
        String carol = Tokens.user("carol");
        Map<String, List<String>> views = new LinkedHashMap<>(); // key -> the views stored for it

        String chain = Datasets.uniqueKey("workers-chain");
        create(alice, withOrganization(Datasets.valid(chain + "-0"), "nyu", false)).then().statusCode(201);
        views.put(chain + "-0", List.of(""));
        for (int i = 1; i < 8; i++) {
            create(alice, derived(chain + "-" + i, "nyu", List.of(chain + "-" + (i - 1)), List.of())).then().statusCode(201);
            views.put(chain + "-" + i, List.of(""));
        }
        String embargoed = Datasets.uniqueKey("workers-emb");
        create(alice, withOrganization(Datasets.valid(embargoed), "nyu", true)).then().statusCode(201);
        views.put(embargoed, List.of("org:nyu", "*"));
        String child = Datasets.uniqueKey("workers-emb-child");
        create(alice, derived(child, "nyu", List.of(embargoed), List.of())).then().statusCode(201);
        views.put(child, List.of("", "org:nyu", "*"));
        String grandchild = Datasets.uniqueKey("workers-emb-grandchild");
        create(alice, derived(grandchild, "nyu", List.of(child), List.of())).then().statusCode(201);
        views.put(grandchild, List.of("", "org:nyu", "*"));
        Api.as(alice).body(Map.of("reason", "consent withdrawn")).post(DATASETS + "/" + embargoed + "/retraction")
                .then().statusCode(200);
        String upenn = Datasets.uniqueKey("workers-upenn-emb");
        create(bob, withOrganization(Datasets.valid(upenn), "upenn", true)).then().statusCode(201);
        views.put(upenn, List.of("org:upenn", "*"));
        String mixed = Datasets.uniqueKey("workers-mixed");
        create(carol, derived(mixed, "nyu", List.of(child, upenn), List.of())).then().statusCode(201);
        views.put(mixed, List.of("", "org:nyu", "org:upenn", "*"));

        Map<String, Long> ids = new LinkedHashMap<>();
        views.keySet().forEach(k -> ids.put(k, idOf(k)));
        // The creates and the retraction made these stale, and the service's workers are computing them: let them
        // finish first, or a batch they claimed before the marking below commits after the mark and counts twice.
        awaitNoStale(ids.values());
        int mark = log.mark();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE dataset_verdict_state SET stale = TRUE WHERE dataset_id IN (:ids)")
                .setParameter("ids", List.copyOf(ids.values())).executeUpdate());

        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> drainers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                drainers.add(() -> {
                    int drained = 0;
                    for (int n; (n = recomputer.drain(3)) > 0; ) {
                        drained += n;
                    }
                    return drained;
                });
            }
            for (Future<Integer> f : threads.invokeAll(drainers, 2, TimeUnit.MINUTES)) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
        // the service's own workers may still be committing a batch they claimed: wait for no stale row of ours
        awaitNoStale(ids.values());

        Map<Long, Integer> computed = new HashMap<>();
        log.since(mark).stream().filter(ids::containsValue).forEach(id -> computed.merge(id, 1, Integer::sum));
        assertThat(computed.keySet()).as("every dataset recomputed").containsExactlyInAnyOrderElementsOf(ids.values());
        assertThat(computed.values()).as("and each exactly once").allMatch(n -> n == 1);

        Map<String, String> tokenOfView = new HashMap<>();
        tokenOfView.put("org:nyu", alice);
        tokenOfView.put("org:upenn", bob);
        tokenOfView.put("*", carol);
        Map<String, Map<String, Map<String, String>>> stored = stored(ids);
        for (Map.Entry<String, List<String>> dataset : views.entrySet()) {
            String key = dataset.getKey();
            assertThat(stored.get(key).keySet()).as("views of " + key).containsExactlyInAnyOrderElementsOf(dataset.getValue());
            for (String view : dataset.getValue()) {
                assertThat(stored.get(key).get(view)).as(key + " in view '" + view + "'")
                        .isEqualTo(label(tokenOfView.get(view), key));
            }
        }
        assertThat(stored.get(child).get("").get("segmentation")).as("the public view does not see the retraction")
                .isNotEqualTo("OFF_LABEL");
        assertThat(stored.get(mixed).get("org:upenn")).as("upenn does not see nyu's retracted dataset")
                .isNotEqualTo(stored.get(mixed).get("*"));
        assertThat(stored.get(mixed).get("*").values()).as("admins do").containsOnly("OFF_LABEL");
    }

    private void awaitNoStale(java.util.Collection<Long> ids) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (staleOf(ids) > 0) {
            assertThat(System.nanoTime()).as("the stale set drains").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static Map<String, Object> withOrganization(Map<String, Object> body, String organization, boolean embargoed) {
        body.put("organization", organization);
        if (embargoed) {
            body.put("visibility", "embargoed");
        }
        return body;
    }

    /** task -> verdict of the dataset's explained label as this caller (null: anonymous) reads it. */
    private static Map<String, String> label(String token, String key) {
        JsonPath label = (token == null ? given() : given().auth().oauth2(token)).get(DATASETS + "/" + key + "/label")
                .then().statusCode(200).extract().jsonPath();
        Map<String, String> verdicts = new HashMap<>();
        List<String> tasks = label.getList("verdicts.task");
        List<String> values = label.getList("verdicts.verdict");
        for (int i = 0; i < tasks.size(); i++) {
            verdicts.put(tasks.get(i), values.get(i));
        }
        return verdicts;
    }

    /** key -> view -> task -> stored verdict. */
    private Map<String, Map<String, Map<String, String>>> stored(Map<String, Long> ids) {
        Map<Long, String> keys = new HashMap<>();
        ids.forEach((k, id) -> keys.put(id, k));
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Map<String, Map<String, String>>> stored = new HashMap<>();
            for (Object o : em.createNativeQuery("SELECT dataset_id, viewer, task, verdict FROM dataset_verdict "
                    + "WHERE dataset_id IN (:ids)").setParameter("ids", List.copyOf(ids.values())).getResultList()) {
                Object[] r = (Object[]) o;
                stored.computeIfAbsent(keys.get(((Number) r[0]).longValue()), k -> new HashMap<>())
                        .computeIfAbsent((String) r[1], v -> new HashMap<>()).put((String) r[2], (String) r[3]);
            }
            return stored;
        });
    }

    private long staleOf(java.util.Collection<Long> ids) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM dataset_verdict_state WHERE stale AND dataset_id IN (:ids)")
                .setParameter("ids", List.copyOf(ids)).getSingleResult()).longValue());
    }

    private long idOf(String key) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT id FROM dataset WHERE key = :key").setParameter("key", key)
                .getSingleResult()).longValue());
    }
}
