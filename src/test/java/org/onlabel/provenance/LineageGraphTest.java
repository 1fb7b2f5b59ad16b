package org.onlabel.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.onlabel.provenance.LineageGraph.Edge;

class LineageGraphTest {

    @Test
    void chainIsOrderedFromTheSourceToTheRoot() {
        LineageGraph g = new LineageGraph("c", List.of("a", "b", "c"), List.of(new Edge("a", "b"), new Edge("b", "c")));
        assertThat(g.sourcesToRoot()).containsExactly("a", "b", "c");
        assertThat(g.upstreamPaths().get("a")).containsExactly("c", "b", "a");
    }

    @Test
    void diamondListsEachAncestorOnceAfterAllOfItsParents() {
        //      r
        //     / \
        //    l   m
        //     \ / \
        //      d   n (n is not an ancestor of d)
        LineageGraph g = new LineageGraph("d", List.of("r", "l", "m", "d", "n"),
                List.of(new Edge("r", "l"), new Edge("r", "m"), new Edge("l", "d"), new Edge("m", "d"), new Edge("m", "n")));
        assertThat(g.sourcesToRoot()).containsExactly("r", "l", "m", "d");
        assertThat(g.upstreamPaths()).containsOnlyKeys("d", "l", "m", "r");
        assertThat(g.upstreamPaths().get("r")).containsExactly("d", "l", "r");
        assertThat(g.parentsOf("d")).containsExactly("l", "m");
    }

    @Test
    void aLongerBranchStillPutsEveryParentBeforeItsChild() {
        // r → a → b → d and r → d: r must come before a, b and d even though it is also a direct parent of d
        LineageGraph g = new LineageGraph("d", List.of("r", "a", "b", "d"),
                List.of(new Edge("r", "a"), new Edge("a", "b"), new Edge("b", "d"), new Edge("r", "d")));
        assertThat(g.sourcesToRoot()).containsExactly("r", "a", "b", "d");
        assertThat(g.upstreamPaths().get("r")).containsExactly("d", "r");
    }

    @Test
    void downstreamPathsFollowChildren() {
        LineageGraph g = new LineageGraph("r", List.of("r", "x", "y"), List.of(new Edge("r", "x"), new Edge("x", "y")));
        assertThat(g.downstreamPaths().get("y")).containsExactly("r", "x", "y");
        assertThat(g.upstreamPaths()).containsOnlyKeys("r");
    }
}
