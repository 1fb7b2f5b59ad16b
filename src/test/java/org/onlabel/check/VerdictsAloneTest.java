package org.onlabel.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onlabel.check.rules.Facts;
import org.onlabel.check.rules.Finding;
import org.onlabel.check.rules.RuleEngine;
import org.onlabel.check.rules.RulesetLoader;
import org.onlabel.check.rules.Verdict;

/**
 * {@link RuleEngine#verdictsAlone} (every task of a dataset at once, task-free conditions evaluated once) equals
 * asking task by task, and the explained label, for every reference dataset and every task.
 */
class VerdictsAloneTest {
    private static final List<String> TASKS = List.copyOf(ids("tasks"));
    private static final RuleEngine ENGINE = engine();

    @Test
    void everyTaskAtOnceEqualsTaskByTask() {
        CatalogFacts catalog = CatalogFacts.shipped();
        Set<Verdict> seen = new java.util.HashSet<>();
        boolean contraindicated = false;
        for (var entry : catalog.entries()) {
            String key = entry.get("key").asText();
            Facts.Dataset facts = catalog.facts(key);
            contraindicated |= facts.lineage().stream().anyMatch(n -> !n.contraindications().isEmpty());
            List<Verdict> atOnce = ENGINE.verdictsAlone(TASKS, facts);
            assertThat(atOnce).hasSize(TASKS.size());
            for (int t = 0; t < TASKS.size(); t++) {
                String task = TASKS.get(t);
                assertThat(atOnce.get(t)).as(key + ", " + task).isEqualTo(ENGINE.verdictAlone(task, facts))
                        .isEqualTo(ENGINE.evaluateAlone(task, facts).verdict());
            }
            seen.addAll(atOnce);
        }
        assertThat(seen).as("the catalog exercises every verdict").containsExactlyInAnyOrder(Verdict.values());
        assertThat(contraindicated).as("and a task-reading rule (contraindications)").isTrue();
    }

    /**
     * {@link RuleEngine#outcomesAlone} equals {@code evaluateAlone} task by task: the same verdicts and findings in the
     * same order, the picked findings with the same messages, every other one with none.
     */
    @Test
    void outcomesAloneWriteOnlyThePickedMessagesAndOtherwiseEqualTheLabel() {
        CatalogFacts catalog = CatalogFacts.shipped();
        int picked = 0;
        int unwritten = 0;
        for (var entry : catalog.entries()) {
            String key = entry.get("key").asText();
            Facts.Dataset facts = catalog.facts(key);
            var outcomes = ENGINE.outcomesAlone(TASKS, facts, RegistrationWarnings::quoted);
            assertThat(outcomes.keySet()).containsExactlyElementsOf(TASKS);
            for (String task : TASKS) {
                var full = ENGINE.evaluateAlone(task, facts);
                var lazy = outcomes.get(task);
                assertThat(lazy.verdict()).as(key + ", " + task).isEqualTo(full.verdict());
                assertThat(lazy.findings()).extracting(Finding::rule, Finding::severity, Finding::introducedBy,
                        Finding::path).as(key + ", " + task).containsExactlyElementsOf(full.findings().stream()
                                .map(f -> org.assertj.core.groups.Tuple.tuple(f.rule(), f.severity(), f.introducedBy(),
                                        f.path())).toList());
                var quoted = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<Finding, Boolean>());
                quoted.addAll(RegistrationWarnings.quoted(full.findings()));
                for (int i = 0; i < full.findings().size(); i++) {
                    Finding f = full.findings().get(i);
                    if (quoted.contains(f)) {
                        assertThat(lazy.findings().get(i).message()).isEqualTo(f.message());
                        picked++;
                    } else if (lazy.findings().get(i).message() == null) {
                        unwritten++;
                    } else {
                        // findings written eagerly (a publisher's question, an undecided rule) keep their message
                        assertThat(lazy.findings().get(i).message()).isEqualTo(f.message());
                    }
                }
            }
        }
        assertThat(picked).as("messages written").isPositive();
        assertThat(unwritten).as("messages left out").isPositive();
    }

    private static RuleEngine engine() {
        try (InputStream in = VerdictsAloneTest.class.getClassLoader().getResourceAsStream("rules/ruleset.yaml")) {
            return new RuleEngine(RulesetLoader.load(in), ids("preprocessing-steps"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Set<String> ids(String vocabulary) {
        Set<String> ids = new LinkedHashSet<>();
        CatalogFacts.read("vocabularies/vocabularies.json").get(vocabulary).get("terms")
                .forEach(t -> ids.add(t.get("id").asText()));
        return ids;
    }
}
