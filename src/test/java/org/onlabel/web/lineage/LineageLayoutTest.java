package org.onlabel.web.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineageLayoutTest {
    private final LineageLayout layout = new LineageLayout();

    @Test
    void theLongestShownTitleFitsInsideItsBox() {
        // titles were drawn past their boxes at 7.0 px a character; the width must hold the longest shown title
        LineageLayout.Node widest = new LineageLayout.Node("k", "W".repeat(80));
        assertThat(LineageLayout.TITLE_CHAR).isGreaterThanOrEqualTo(7.6);
        assertThat(LineageLayout.nodeWidth(widest))
                .isGreaterThanOrEqualTo(LineageLayout.MAX_TITLE_CHARS * LineageLayout.TITLE_CHAR + 20);
    }

    @Test
    void bratsLineageHasSourcesLeftOfChildrenAndStepsOnTheEdge() {
        List<LineageLayout.Node> nodes = List.of(
                new LineageLayout.Node("brats-2021-synthetic-kspace", "BraTS 2021 with synthetic k-space"),
                new LineageLayout.Node("brats-2021", "BraTS 2021"),
                new LineageLayout.Node("tcga-gbm", "TCGA-GBM"),
                new LineageLayout.Node("msd-brain-tumour", "Medical Segmentation Decathlon, brain tumour"));
        List<LineageLayout.Edge> edges = List.of(
                new LineageLayout.Edge("tcga-gbm", "brats-2021", List.of("skull-stripping", "co-registration", "resampling")),
                new LineageLayout.Edge("brats-2021", "brats-2021-synthetic-kspace", List.of("synthetic-kspace")),
                new LineageLayout.Edge("brats-2021", "msd-brain-tumour", List.of("format-conversion")));

        LineageLayout.Result result = layout.layout(nodes, edges);

        assertNoOverlap(result);
        assertSourcesLeftOfChildren(result);
        assertThat(result.node("tcga-gbm").x()).isLessThan(result.node("brats-2021").x());
        LineageLayout.PlacedEdge first = result.edges().stream().filter(e -> e.to().equals("brats-2021")).findFirst().orElseThrow();
        assertThat(first.labels()).extracting(LineageLayout.PlacedLabel::text)
                .containsExactly("skull-stripping", "co-registration", "resampling");
        assertThat(first.points()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(result.width()).isGreaterThan(result.node("brats-2021-synthetic-kspace").x());
    }

    @Test
    void aHundredAndFiftyNodeDagStaysReadable() {
        Random random = new Random(14);
        List<LineageLayout.Node> nodes = new ArrayList<>();
        List<LineageLayout.Edge> edges = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            nodes.add(new LineageLayout.Node("ds-" + i, "Dataset number " + i));
            // each dataset derives from one or two earlier ones: a DAG by construction
            for (int p = 0; i > 0 && p < 1 + random.nextInt(2); p++) {
                int parent = random.nextInt(i);
                edges.add(new LineageLayout.Edge("ds-" + parent, "ds-" + i, List.of("resampling")));
            }
        }

        LineageLayout.Result result = layout.layout(nodes, edges);

        assertThat(result.nodes()).hasSize(150);
        assertNoOverlap(result);
        assertSourcesLeftOfChildren(result);
    }

    @Test
    void longStepListsAreShortenedOnTheEdgeAndLongTitlesCut() {
        assertThat(LineageLayout.edgeLabels(List.of("a", "b", "c", "d", "e", "f")))
                .containsExactly("a", "b", "c", "+ 3 more steps");
        assertThat(LineageLayout.edgeLabels(List.of("a", "b", "c", "d"))).containsExactly("a", "b", "c", "d");
        assertThat(LineageLayout.shortTitle("x".repeat(80))).hasSize(LineageLayout.MAX_TITLE_CHARS).endsWith("…");
    }

    private static void assertNoOverlap(LineageLayout.Result result) {
        List<LineageLayout.PlacedNode> placed = result.nodes();
        for (int i = 0; i < placed.size(); i++) {
            for (int j = i + 1; j < placed.size(); j++) {
                assertThat(placed.get(i).overlaps(placed.get(j)))
                        .as("%s overlaps %s", placed.get(i), placed.get(j)).isFalse();
            }
        }
    }

    private static void assertSourcesLeftOfChildren(LineageLayout.Result result) {
        for (LineageLayout.PlacedEdge e : result.edges()) {
            LineageLayout.PlacedNode parent = result.node(e.from());
            LineageLayout.PlacedNode child = result.node(e.to());
            assertThat(parent.x() + parent.width()).as("%s left of %s", e.from(), e.to()).isLessThan(child.x());
        }
    }
}
