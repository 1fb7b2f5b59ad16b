package org.onlabel.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onlabel.check.rules.Facts;
import org.onlabel.check.rules.Rule;
import org.onlabel.check.rules.RuleEngine;
import org.onlabel.check.rules.Ruleset;
import org.onlabel.check.rules.RulesetLoader;
import org.onlabel.check.rules.Verdict;

/**
 * The stored verdicts' shortcut below a retraction ({@link RuleEngine#offLabelForEveryTask}) gives what the full
 * evaluation of every task gives: exhaustively, every reference dataset with each dataset of its lineage retracted
 * in turn, and a synthetic 15-link chain retracted at each link; and it never fires where the full evaluation could
 * say anything but OFF_LABEL.
 */
class RetractionShortcutTest {
    private static final Set<String> STEPS = vocabularyIds("preprocessing-steps");
    private static final List<String> TASKS = List.copyOf(vocabularyIds("tasks"));
    private static final RuleEngine ENGINE = new RuleEngine(shippedRuleset(), STEPS);

    @Test
    void everyReferenceDatasetWithAnyDatasetOfItsLineageRetracted() {
        int compared = 0;
        for (var entry : CatalogFacts.shipped().entries()) {
            String key = entry.get("key").asText();
            Facts.Dataset asShipped = CatalogFacts.shipped().facts(key);
            assertThat(ENGINE.offLabelForEveryTask(asShipped)).as(key + " as shipped: nothing retracted")
                    .isEqualTo(asShipped.lineage().stream().anyMatch(n -> "retracted".equals(n.status())));
            for (Facts.Node node : asShipped.lineage()) {
                if (!node.registered()) {
                    continue;
                }
                CatalogFacts catalog = CatalogFacts.shipped();
                catalog.add(((ObjectNode) catalog.entry(node.key()).deepCopy()).put("status", "retracted"));
                Facts.Dataset retracted = catalog.facts(key);
                assertThat(ENGINE.offLabelForEveryTask(retracted)).as(key + " below retracted " + node.key()).isTrue();
                assertEveryTaskOffLabel(retracted, key + " below retracted " + node.key());
                compared++;
            }
        }
        assertThat(compared).as("lineage nodes of the reference catalog").isGreaterThan(20);
    }

    @Test
    void aChainRetractedAtEachLinkAndNeverAboveIt() {
        int length = 15;
        for (int retractedAt = 0; retractedAt < length; retractedAt++) {
            CatalogFacts catalog = chain(length, retractedAt);
            for (int link = 0; link < length; link++) {
                Facts.Dataset facts = catalog.facts("chain-" + link);
                boolean below = link >= retractedAt;
                assertThat(ENGINE.offLabelForEveryTask(facts)).as("chain-%d, retracted at %d", link, retractedAt)
                        .isEqualTo(below);
                if (below) {
                    assertEveryTaskOffLabel(facts, "chain-" + link);
                }
            }
        }
    }

    @Test
    void aRetractionRuleLimitedToSomeTasksOrModalitiesIsNoShortcut() {
        Ruleset shipped = shippedRuleset();
        CatalogFacts catalog = chain(3, 0);
        Facts.Dataset below = catalog.facts("chain-2");
        for (boolean limitTasks : List.of(true, false)) {
            List<Rule> rules = new ArrayList<>();
            for (Rule r : shipped.rules()) {
                boolean retraction = r.id().equals("any.retracted-ancestor");
                rules.add(!retraction ? r : new Rule(r.id(), limitTasks ? List.of("segmentation") : r.tasks(),
                        limitTasks ? r.modalities() : List.of("CT"), r.severity(), r.basis(), r.condition(),
                        r.message(), r.rationale(), r.references(), r.standing()));
            }
            RuleEngine engine = new RuleEngine(new Ruleset(shipped.version(), rules), STEPS);
            assertThat(engine.offLabelForEveryTask(below)).as(limitTasks ? "tasks limited" : "modalities limited")
                    .isFalse();
        }
    }

    private static void assertEveryTaskOffLabel(Facts.Dataset facts, String what) {
        for (String task : TASKS) {
            assertThat(ENGINE.verdictAlone(task, facts)).as(what + ", " + task).isEqualTo(Verdict.OFF_LABEL);
        }
    }

    /** chain-0 derived from the multi-coil fastMRI knee data, each link from the one before; one link retracted. */
    private static CatalogFacts chain(int length, int retractedAt) {
        CatalogFacts catalog = CatalogFacts.shipped();
        String parent = "fastmri-knee-multicoil";
        for (int i = 0; i < length; i++) {
            ObjectNode link = ((ObjectNode) catalog.entry(parent).deepCopy()).put("key", "chain-" + i)
                    .put("status", i == retractedAt ? "retracted" : "active");
            link.putArray("derivedFrom").add(parent);
            link.putArray("preprocessing").addObject().put("step", i % 2 == 0 ? "resampling" : "intensity-normalization");
            catalog.add(link);
            parent = "chain-" + i;
        }
        return catalog;
    }

    private static Ruleset shippedRuleset() {
        try (InputStream in = RetractionShortcutTest.class.getClassLoader().getResourceAsStream("rules/ruleset.yaml")) {
            return RulesetLoader.load(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Set<String> vocabularyIds(String vocabulary) {
        Set<String> ids = new LinkedHashSet<>();
        CatalogFacts.read("vocabularies/vocabularies.json").get(vocabulary).get("terms")
                .forEach(t -> ids.add(t.get("id").asText()));
        return ids;
    }
}
