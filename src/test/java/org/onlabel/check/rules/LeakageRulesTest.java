package org.onlabel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Leakage between evaluation roles, judged on manifests, then declared partitions, then shared ancestry. */
class LeakageRulesTest {
    private static final RuleEngine ENGINE = Lineages.shippedEngine();
    private static final String SEG = "segmentation";
    private static final String TRAIN_TEST = "any.train-test-overlap";
    private static final String VAL_TEST = "any.validation-test-overlap";
    private static final String TRAIN_VAL = "any.train-validation-overlap";
    private static final String DISJOINT = "any.disjoint-split";

    private static Lineages officialSplit(String disjointBy) {
        Lineages c = new Lineages();
        c.dataset("cohort").intended(SEG);
        c.dataset("cohort-train").derivedFrom("cohort").intended(SEG)
                .partitionOf("cohort", "official", "train", disjointBy);
        c.dataset("cohort-val").derivedFrom("cohort").intended(SEG)
                .partitionOf("cohort", "official", "val", disjointBy);
        c.dataset("cohort-test").derivedFrom("cohort").intended(SEG)
                .partitionOf("cohort", "official", "test", disjointBy);
        return c;
    }

    private static CheckOutcome check(Lineages c, String... roleAndKey) {
        List<Facts.Roled> roled = new java.util.ArrayList<>();
        for (int i = 0; i < roleAndKey.length; i += 2) {
            roled.add(c.roled(roleAndKey[i], roleAndKey[i + 1]));
        }
        return ENGINE.evaluate(SEG, Lineages.NON_COMMERCIAL, roled);
    }

    @Test
    void partsOfOneSubjectDisjointSchemeDoNotLeakAndTheInfoNamesTheScheme() {
        CheckOutcome outcome = check(officialSplit("subject"), "train", "cohort-train", "validation", "cohort-val",
                "test", "cohort-test");

        assertThat(outcome.findings()).extracting(Finding::rule).doesNotContain(TRAIN_TEST, VAL_TEST, TRAIN_VAL);
        assertThat(outcome.findings()).filteredOn(f -> f.rule().equals(DISJOINT)).isNotEmpty()
                .allSatisfy(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.INFO);
                    assertThat(f.message()).contains("partition 'official' of cohort", "disjoint by subject",
                            "evidence: declared partition");
                });
        assertThat(outcome.verdict()).isEqualTo(Verdict.ON_LABEL);
    }

    @Test
    void everyRolePairIsJudgedWithItsSeverityOnSharedAncestry() {
        Lineages c = new Lineages();
        c.dataset("cohort").intended(SEG);
        c.dataset("a").derivedFrom("cohort").intended(SEG);
        c.dataset("b").derivedFrom("cohort").intended(SEG);
        c.dataset("d").derivedFrom("cohort").intended(SEG);

        CheckOutcome outcome = check(c, "train", "a", "validation", "b", "test", "d");

        assertThat(outcome.findings()).extracting(Finding::rule, Finding::severity, Finding::dataset)
                .contains(tuple(TRAIN_TEST, Severity.VIOLATION, "d"), tuple(VAL_TEST, Severity.VIOLATION, "d"),
                        tuple(TRAIN_VAL, Severity.CAUTION, "b"));
        assertThat(outcome.findings()).filteredOn(f -> f.rule().equals(TRAIN_VAL)).singleElement()
                .extracting(Finding::message).asString()
                .contains("may share subjects", "evidence: shared ancestry", "cohort");
        assertThat(outcome.verdict()).isEqualTo(Verdict.OFF_LABEL);
    }

    @Test
    void trainWithValidationAloneIsACaution() {
        Lineages c = new Lineages();
        c.dataset("cohort").intended(SEG);
        c.dataset("a").derivedFrom("cohort").intended(SEG);

        CheckOutcome outcome = check(c, "train", "cohort", "validation", "a");

        assertThat(outcome.findings()).extracting(Finding::rule, Finding::severity)
                .containsExactly(tuple(TRAIN_VAL, Severity.CAUTION));
        assertThat(outcome.verdict()).isEqualTo(Verdict.CAUTION);
    }

    @Test
    void partsOfDifferentSchemesStillOverlap() {
        Lineages c = officialSplit("subject");
        c.dataset("cohort-fold1").derivedFrom("cohort").intended(SEG).partitionOf("cohort", "five-fold", "fold-1",
                "subject");

        CheckOutcome outcome = check(c, "train", "cohort-fold1", "test", "cohort-test");

        assertThat(outcome.findings()).extracting(Finding::rule).containsExactly(TRAIN_TEST);
        assertThat(outcome.verdict()).isEqualTo(Verdict.OFF_LABEL);
    }

    @Test
    void aPartAndItsParentOverlap() {
        CheckOutcome outcome = check(officialSplit("subject"), "train", "cohort", "test", "cohort-test");

        assertThat(outcome.findings()).extracting(Finding::rule, Finding::introducedBy)
                .containsExactly(tuple(TRAIN_TEST, RuleCasesTest.at("cohort")));
    }

    @Test
    void aDatasetThatAlsoReachesTheSourceOutsideItsPartIsNotDisjoint() {
        Lineages c = officialSplit("subject");
        c.dataset("train-plus").derivedFrom("cohort-train", "cohort").intended(SEG);

        CheckOutcome outcome = check(c, "train", "train-plus", "test", "cohort-test");

        assertThat(outcome.findings()).extracting(Finding::rule).containsExactly(TRAIN_TEST);
    }

    @Test
    void descendantsOfDifferentPartsAreDisjointToo() {
        Lineages c = officialSplit("subject");
        c.dataset("train-cropped").derivedFrom("cohort-train").intended(SEG).step("cropping");

        CheckOutcome outcome = check(c, "train", "train-cropped", "test", "cohort-test");

        assertThat(outcome.findings()).extracting(Finding::rule).containsExactly(DISJOINT);
    }

    @Test
    void anImageDisjointSplitMayStillShareSubjects() {
        CheckOutcome outcome = check(officialSplit("image"), "train", "cohort-train", "test", "cohort-test");

        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(TRAIN_TEST);
            assertThat(f.message()).contains("may share subjects", "separates them by image only");
        });
    }

    @Test
    void subjectManifestsDecideOverAncestryWithTheSharedCountAndFractions() {
        Lineages c = new Lineages();
        c.dataset("cohort").intended(SEG);
        c.dataset("a").derivedFrom("cohort").intended(SEG).manifest("subject", "salt-1", "s1", "s2", "s3", "s4");
        c.dataset("b").derivedFrom("cohort").intended(SEG).manifest("subject", "salt-1", "s4", "s5");

        CheckOutcome outcome = check(c, "train", "a", "test", "b");

        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(TRAIN_TEST);
            assertThat(f.introducedBy()).isEqualTo(RuleCasesTest.at("a"));
            assertThat(f.message()).contains("share 1 subjects", "salt salt-1", "50.0% of b", "25.0% of a",
                    "evidence: manifests");
        });
    }

    @Test
    void disjointSubjectManifestsOverruleSharedAncestry() {
        Lineages c = new Lineages();
        c.dataset("cohort").intended(SEG);
        c.dataset("a").derivedFrom("cohort").intended(SEG).manifest("subject", "salt-1", "s1", "s2");
        c.dataset("b").derivedFrom("cohort").intended(SEG).manifest("subject", "salt-1", "s3");

        CheckOutcome outcome = check(c, "train", "a", "test", "b");

        assertThat(outcome.findings()).extracting(Finding::rule).containsExactly(DISJOINT);
        assertThat(outcome.findings().get(0).message()).contains("share 0 subjects", "evidence: manifests");
        assertThat(outcome.verdict()).isEqualTo(Verdict.ON_LABEL);
    }

    @Test
    void manifestsMadeWithDifferentSaltsAreNotComparedAndAncestryDecides() {
        Lineages c = new Lineages();
        c.dataset("cohort").intended(SEG);
        c.dataset("a").derivedFrom("cohort").intended(SEG).manifest("subject", "salt-1", "s1");
        c.dataset("b").derivedFrom("cohort").intended(SEG).manifest("subject", "salt-2", "s1");

        CheckOutcome outcome = check(c, "train", "a", "test", "b");

        assertThat(outcome.findings()).singleElement().extracting(Finding::message).asString()
                .contains("evidence: shared ancestry");
    }

    @Test
    void anUndeclaredCopyIsFoundByItsManifest() {
        Lineages c = new Lineages();
        c.dataset("original").intended(SEG).manifest("subject", "tcia", "p1", "p2", "p3");
        c.dataset("rehosted").intended(SEG).manifest("subject", "tcia", "p1", "p2", "p3");

        CheckOutcome outcome = check(c, "train", "original", "test", "rehosted");

        assertThat(outcome.findings()).extracting(Finding::rule).containsExactly(TRAIN_TEST);
        assertThat(outcome.findings().get(0).message()).contains("share 3 subjects", "100.0% of rehosted",
                "100.0% of original");
    }

    @Test
    void theSameDatasetInTwoRolesOverlapsWhateverItsPartition() {
        CheckOutcome outcome = check(officialSplit("subject"), "validation", "cohort-val", "test", "cohort-val");

        assertThat(outcome.findings()).extracting(Finding::rule).containsExactly(VAL_TEST);
        assertThat(outcome.findings().get(0).message()).contains("are the same dataset");
    }
}
