package org.onlabel.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onlabel.check.rules.Facts;

class InlineFactsTest {
    private static Facts.Node node(String key, List<String> path, List<String> parents) {
        return new Facts.Node(key, path, parents, true, "active", Facts.License.NONE, List.of(), List.of(), List.of(),
                List.of(), key + " title", List.of("MR"));
    }

    @Test
    void stacksTheInlineDatasetOnItsParentsWithShortestPathsAndEachAncestorsStepsOnce() {
        // source -> a -> (inline); source -> b -> (inline); a and b share the source
        Facts.Dataset a = new Facts.Dataset("a", null, List.of(),
                List.of(new Facts.HistoryStep("source", 0, "de-identification", Map.of(), List.of("a", "source")),
                        new Facts.HistoryStep("a", 0, "resampling", Map.of(), List.of("a"))),
                List.of(node("a", List.of("a"), List.of("source")), node("source", List.of("a", "source"), List.of())));
        Facts.Dataset b = new Facts.Dataset("b", null, List.of(),
                List.of(new Facts.HistoryStep("source", 0, "de-identification", Map.of(), List.of("b", "source"))),
                List.of(node("b", List.of("b"), List.of("source")), node("source", List.of("b", "source"), List.of())));
        InlineFacts.Own own = new InlineFacts.Own("inline:x", "X", new Facts.Representation("image", false, null, null, null),
                List.of("MR"), Facts.License.NONE, List.of(), List.of(), List.of("segmentation"), List.of("a", "b"),
                List.of(new InlineFacts.Step("skull-stripping", Map.of())));

        Facts.Dataset facts = InlineFacts.of(own, List.of(a, b));

        assertThat(facts.key()).isEqualTo("inline:x");
        assertThat(facts.lineage()).extracting(Facts.Node::key).containsExactly("inline:x", "a", "source", "b");
        assertThat(facts.self().orElseThrow().parents()).containsExactly("a", "b");
        assertThat(facts.lineage().get(2).path()).containsExactly("inline:x", "a", "source");
        assertThat(facts.history()).extracting(Facts.HistoryStep::step)
                .containsExactly("de-identification", "resampling", "skull-stripping");
        assertThat(facts.history().get(2).path()).containsExactly("inline:x");
        assertThat(facts.history().get(0).path()).containsExactly("inline:x", "a", "source");
        assertThat(facts.intendedUses()).containsExactly("segmentation");
        assertThat(facts.modalities()).containsExactly("MR");
    }
}
