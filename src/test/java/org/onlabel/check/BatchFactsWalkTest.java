package org.onlabel.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onlabel.support.Api.create;
import static org.onlabel.support.Api.derived;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onlabel.check.rules.Facts;
import org.onlabel.common.security.Viewer;
import org.onlabel.license.LicenseAttributeTable;
import org.onlabel.license.LicenseService;
import org.onlabel.support.Datasets;
import org.onlabel.support.Tokens;

/**
 * The batch walk of stored verdicts ({@link FactsAssembler#assembleAllWalked}, which reads each ancestor once for the
 * whole batch and computes each root's depths itself, and {@link FactsAssembler#assembleAll}, which first makes what
 * walks it can from memory) gives every dataset exactly the facts of its own walk
 * ({@link FactsAssembler#assemble}): over a chain deeper than the depth limit (30 in tests), a diamond with an
 * embargoed side, a dataset reached at two depths, an ancestry wider than the node limit (50 in tests), the
 * reference catalog, and for the public, an organization's and the admin view.
 */
@QuarkusTest
class BatchFactsWalkTest {
    @Inject
    FactsAssembler facts;
    @Inject
    LicenseService licenses;

    @Test
    void aBatchWalkGivesEachDatasetTheFactsOfItsOwnWalk() throws Exception {
        String alice = Tokens.user("alice");
        String p = Datasets.uniqueKey("bw");
        List<String> keys = new ArrayList<>(referenceKeys());

        List<String> chain = new ArrayList<>();
        create(alice, source(p + "-c0")).then().statusCode(201);
        chain.add(p + "-c0");
        for (int i = 1; i <= 33; i++) {
            create(alice, derived(p + "-c" + i, "nyu", List.of(chain.get(i - 1)), List.of())).then().statusCode(201);
            chain.add(p + "-c" + i);
        }
        keys.addAll(chain);

        String top = p + "-top";
        String left = p + "-left";
        String hidden = p + "-hidden";
        String bottom = p + "-bottom";
        String skip = p + "-skip";
        create(alice, derived(top, "nyu", List.of("fastmri-knee-multicoil", chain.get(2)), List.of())).then().statusCode(201);
        create(alice, derived(left, "nyu", List.of(top), List.of())).then().statusCode(201);
        Map<String, Object> embargoed = derived(hidden, "nyu", List.of(top), List.of());
        embargoed.put("visibility", "embargoed");
        create(alice, embargoed).then().statusCode(201);
        create(alice, derived(bottom, "nyu", List.of(left, hidden), List.of())).then().statusCode(201);
        // top is its parent and its grandparent's grandparent: reached at depth 1 and 3
        create(alice, derived(skip, "nyu", List.of(bottom, top), List.of())).then().statusCode(201);
        keys.addAll(List.of(top, left, hidden, bottom, skip));

        List<String> wideParents = new ArrayList<>(chain);
        for (int i = 0; i < 20; i++) {
            create(alice, source(p + "-s" + i)).then().statusCode(201);
            wideParents.add(p + "-s" + i);
        }
        String wide = p + "-wide";
        create(alice, derived(wide, "nyu", wideParents, List.of())).then().statusCode(201);
        keys.add(wide);

        List<Viewer> viewers = List.of(new Viewer(false, Set.of()), new Viewer(false, Set.of("nyu")),
                new Viewer(true, Set.of()));
        int compared = QuarkusTransaction.requiringNew().call(() -> {
            LicenseAttributeTable table = licenses.table();
            int n = 0;
            for (Viewer viewer : viewers) {
                Map<String, Facts.Dataset> batch = facts.assembleAllWalked(keys, viewer, table);
                for (String key : keys) {
                    if (key.equals(hidden) && !viewer.seesEverything() && viewer.organizations().isEmpty()) {
                        assertThat(batch).as("a dataset the viewer may not see").doesNotContainKey(key);
                        continue;
                    }
                    assertThat(batch.get(key)).as(key + " seen by " + viewer)
                            .isEqualTo(facts.assemble(key, viewer, table));
                    n++;
                }
            }
            // the worker's batches: walks made from memory where the cache can, the rest walked at once; the same
            for (Viewer viewer : viewers) {
                Map<String, Facts.Dataset> mixed = facts.assembleAll(keys, viewer, table);
                Map<String, Facts.Dataset> walked = facts.assembleAllWalked(keys, viewer, table);
                assertThat(mixed).as("seen by " + viewer).isEqualTo(walked);
            }
            // a batch small enough to be walked dataset by dataset (through the walk cache) answers the same
            List<String> few = List.of(chain.get(33), bottom, hidden, skip);
            assertThat(few).hasSizeLessThanOrEqualTo(FactsAssembler.WALKED_ONE_BY_ONE);
            for (Viewer viewer : viewers) {
                Map<String, Facts.Dataset> small = facts.assembleAll(few, viewer, table);
                Map<String, Facts.Dataset> large = facts.assembleAll(keys, viewer, table);
                for (String key : few) {
                    assertThat(small.get(key)).as(key + " in a small batch, seen by " + viewer).isEqualTo(large.get(key));
                }
            }
            Map<String, Facts.Dataset> admin = facts.assembleAll(keys, viewers.get(2), table);
            assertThat(admin.get(chain.get(33)).lineage()).as("the chain's tip is cut at the depth limit")
                    .anyMatch(node -> node.key().equals(FactsAssembler.BEYOND_LIMIT));
            assertThat(admin.get(wide).lineage()).as("the wide dataset is cut at the node limit")
                    .anyMatch(node -> node.key().equals(FactsAssembler.BEYOND_LIMIT));
            assertThat(admin.get(bottom).lineage()).as("the admin view walks through the embargoed side")
                    .anyMatch(node -> node.key().equals(hidden));
            assertThat(facts.assembleAll(keys, viewers.get(0), table).get(bottom).lineage())
                    .as("the public view does not").noneMatch(node -> node.key().equals(hidden));
            return n;
        });
        assertThat(compared).isEqualTo(3 * keys.size() - 1);
    }

    private static Map<String, Object> source(String key) {
        Map<String, Object> body = Datasets.valid(key);
        body.put("organization", "nyu");
        return body;
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
}
