package org.onlabel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CompactPathsTest {
    private static List<String> chain(int from, int to) {
        return IntStream.rangeClosed(0, to - from).mapToObj(i -> "d" + (to - i)).toList();
    }

    private static Finding finding(List<String> path) {
        return new Finding("r", Severity.VIOLATION, path.get(0), new IntroducedBy(path.get(path.size() - 1), null, null),
                path, "via " + Finding.spell(path) + ".", List.of());
    }

    private static CheckOutcome outcome(Finding... findings) {
        return new CheckOutcome(Verdict.OFF_LABEL, "t", "v", List.of(), List.of(findings));
    }

    @Test
    void shortPathsLeaveTheAnswerAsItIs() {
        CheckOutcome o = outcome(finding(chain(0, 9)), finding(List.of("d9")));
        assertThat(CompactPaths.of(o)).isSameAs(o);
        assertThat(o.paths()).isNull();
    }

    @Test
    void aLongPathIsCutAndRebuiltFromTheMap() {
        List<String> whole = chain(0, 30);
        CheckOutcome compact = CompactPaths.of(outcome(finding(whole), finding(chain(5, 30)), finding(chain(25, 30)),
                finding(whole), finding(whole)));
        Finding cut = compact.findings().get(0);
        assertThat(cut.path()).isEqualTo(whole.subList(0, CompactPaths.KEEP));
        assertThat(cut.pathLength()).isEqualTo(31);
        assertThat(cut.message()).isEqualTo("via d30 → d29 → d28 → d27 → d26 → d25 → d24 → d23 → d22 → d21 → … 20 more … → d0.");
        assertThat(compact.paths().get("d30")).hasSize(30).containsEntry("d0", "d1").containsEntry("d29", "d30");
        assertThat(CompactPaths.rebuild(cut, compact.paths())).isEqualTo(whole);
        assertThat(CompactPaths.rebuild(compact.findings().get(1), compact.paths())).isEqualTo(chain(5, 30));
        assertThat(compact.findings().get(2).pathLength()).isNull();
        assertThat(compact.findings().get(2).path()).isEqualTo(chain(25, 30));
    }

    @Test
    void aMessageSpellsAtMostElevenKeysOfAPath() {
        assertThat(Finding.spell(chain(0, 10))).isEqualTo(String.join(" → ", chain(0, 10)));
        assertThat(Finding.spell(chain(0, 1000)))
                .isEqualTo("d1000 → d999 → d998 → d997 → d996 → d995 → d994 → d993 → d992 → d991 → … 990 more … → d0");
        assertThat(Finding.spell(List.of("d0"))).isEqualTo("d0");
    }

    @Test
    void oneLongPathAloneIsNotWorthAMap() {
        CheckOutcome o = outcome(finding(chain(0, 30)));
        assertThat(CompactPaths.of(o)).isSameAs(o);
    }

    @Test
    void aPathThatDisagreesWithAnEarlierOneIsKeptWhole() {
        List<String> first = chain(0, 30);
        List<String> other = new java.util.ArrayList<>(chain(0, 30));
        other.set(15, "elsewhere");
        CheckOutcome compact = CompactPaths.of(outcome(finding(first), finding(other), finding(first), finding(first)));
        assertThat(compact.findings().get(0).pathLength()).isEqualTo(31);
        assertThat(compact.findings().get(1).pathLength()).isNull();
        assertThat(compact.findings().get(1).path()).isEqualTo(other);
    }
}
