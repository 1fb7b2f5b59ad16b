package org.onlabel.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.onlabel.check.rules.CheckOutcome;
import org.onlabel.check.rules.Finding;
import org.onlabel.check.rules.IntroducedBy;
import org.onlabel.check.rules.Severity;
import org.onlabel.check.rules.Verdict;

class PathDetailTest {
    private static CheckOutcome outcomeWithPathsOf(int findings, int keys) {
        List<String> path = IntStream.range(0, keys).mapToObj(i -> "d" + (keys - 1 - i)).toList();
        List<Finding> all = Collections.nCopies(findings, new Finding("r", Severity.VIOLATION, path.get(0),
                new IntroducedBy(path.get(keys - 1), null, null), path, "via " + Finding.spell(path), List.of()));
        return new CheckOutcome(Verdict.OFF_LABEL, "t", "v", List.of(), all);
    }

    @Test
    void absentMeansAuto() {
        assertThat(PathDetail.parse(null)).isEqualTo(PathDetail.AUTO);
        assertThat(PathDetail.parse(" ")).isEqualTo(PathDetail.AUTO);
        assertThat(PathDetail.parse("FULL")).isEqualTo(PathDetail.FULL);
    }

    @Test
    void autoKeepsPathsWholeUpToTheBound() {
        CheckOutcome small = outcomeWithPathsOf(PathDetail.AUTO_FULL_PATH_KEYS / 40, 40);
        assertThat(PathDetail.AUTO.apply(small)).isSameAs(small);
    }

    @Test
    void autoIsCompactAboveTheBoundAndFullStaysWhole() {
        CheckOutcome deep = outcomeWithPathsOf(100, 1001);
        CheckOutcome auto = PathDetail.AUTO.apply(deep);
        assertThat(auto.paths()).containsKey("d1000");
        assertThat(auto.findings()).allSatisfy(f -> {
            assertThat(f.path()).hasSize(10);
            assertThat(f.pathLength()).isEqualTo(1001);
        });
        assertThat(auto).isEqualTo(PathDetail.COMPACT.apply(deep));
        assertThat(PathDetail.FULL.apply(deep)).isSameAs(deep);
    }
}
