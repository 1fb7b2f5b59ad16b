package org.onlabel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.onlabel.check.rules.RuleCasesTest.at;
import static org.onlabel.check.rules.RuleCasesTest.step;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleEngineTest {
    private static final RuleEngine ENGINE = Lineages.shippedEngine();
    private static final String RECON = "mri-reconstruction";

    @Test
    void verdictPrecedenceIsViolationThenUnknownThenCaution() {
        assertThat(Verdict.of(Set.of(Severity.CAUTION, Severity.UNKNOWN, Severity.VIOLATION)))
                .isEqualTo(Verdict.OFF_LABEL);
        assertThat(Verdict.of(Set.of(Severity.CAUTION, Severity.UNKNOWN))).isEqualTo(Verdict.UNKNOWN);
        assertThat(Verdict.of(Set.of(Severity.CAUTION, Severity.INFO))).isEqualTo(Verdict.CAUTION);
        assertThat(Verdict.of(Set.of(Severity.INFO))).isEqualTo(Verdict.ON_LABEL);
        assertThat(Verdict.of(Set.of())).isEqualTo(Verdict.ON_LABEL);
    }

    @Test
    void verdictsPerDatasetAndOverallFollowThePrecedence() {
        Lineages c = new Lineages();
        c.dataset("clean").intended(RECON);
        c.dataset("cautious").intended(RECON).step("parallel-imaging-fill");
        c.dataset("unknown").intended(RECON).step("parallel-imaging-fill").representation(null, true, "multi",
                "none", 16);

        CheckOutcome outcome = ENGINE.evaluate(RECON, Lineages.NON_COMMERCIAL,
                List.of(c.roled("any", "clean"), c.roled("any", "cautious"), c.roled("any", "unknown")));

        assertThat(outcome.datasets()).extracting(DatasetVerdict::key, DatasetVerdict::verdict).containsExactly(
                tuple("clean", Verdict.ON_LABEL), tuple("cautious", Verdict.CAUTION),
                tuple("unknown", Verdict.UNKNOWN));
        assertThat(outcome.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(outcome.task()).isEqualTo(RECON);
        assertThat(outcome.rulesetVersion()).isEqualTo("2026.12.2");
    }

    @Test
    void infoFindingsDoNotChangeTheVerdict() {
        Lineages c = new Lineages();
        c.dataset("d").intended(RECON).step("renaming").dataUse("IRB");

        CheckOutcome outcome = ENGINE.evaluate(RECON, Lineages.NON_COMMERCIAL, List.of(c.roled("any", "d")));

        assertThat(outcome.findings()).extracting(Finding::rule, Finding::severity).containsExactly(
                tuple("any.unknown-step", Severity.INFO), tuple("use.requires-approval", Severity.INFO));
        assertThat(outcome.findings().get(0).message()).contains("'renaming'", "kept verbatim");
        assertThat(outcome.findings().get(1).message()).contains("IRB (DUO:0000021)");
        assertThat(outcome.verdict()).isEqualTo(Verdict.ON_LABEL);
    }

    @Test
    void unknownStepsAreNotCheckedWithoutAVocabulary() {
        Lineages c = new Lineages();
        c.dataset("d").intended(RECON).step("renaming");

        CheckOutcome outcome = new RuleEngine(Lineages.shippedRuleset(), Set.of()).evaluate(RECON,
                Lineages.NON_COMMERCIAL, List.of(c.roled("any", "d")));

        assertThat(outcome.findings()).isEmpty();
    }

    @Test
    void diamondReportsTheDirtyBranchOnce() {
        Lineages c = new Lineages();
        c.dataset("a").contraindication(RECON, "magnitude images only");
        c.dataset("b").derivedFrom("a").step("resampling", "targetSpacingMm", 1.0);
        c.dataset("c").derivedFrom("a");
        c.dataset("d").derivedFrom("c", "b").intended(RECON);

        CheckOutcome outcome = ENGINE.evaluate(RECON, Lineages.NON_COMMERCIAL, List.of(c.roled("any", "d")));

        assertThat(outcome.findings()).extracting(Finding::rule, Finding::introducedBy, Finding::path)
                .containsExactly(tuple("any.contraindicated", at("a"), List.of("d", "c", "a")),
                        tuple("recon.zero-padding", step("b", "resampling", 0), List.of("d", "b")));
        assertThat(outcome.verdict()).isEqualTo(Verdict.OFF_LABEL);
    }

    @Test
    void sameAncestorStepReachedTwiceIsReportedOnceWithTheShortestPath() {
        Facts.HistoryStep viaLongBranch = new Facts.HistoryStep("a", 0, "kspace-zero-padding", null,
                List.of("d", "c", "x", "a"));
        Facts.HistoryStep viaShortBranch = new Facts.HistoryStep("a", 0, "kspace-zero-padding", null,
                List.of("d", "b", "a"));
        Facts.Dataset d = new Facts.Dataset("d", Lineages.RAW_KSPACE, List.of(RECON),
                List.of(viaLongBranch, viaShortBranch),
                List.of(new Facts.Node("d", List.of("d"), List.of("b", "c"), true, "active", Lineages.CC_BY, null,
                        null, null, null)));

        CheckOutcome outcome = ENGINE.evaluate(RECON, Lineages.NON_COMMERCIAL, List.of(new Facts.Roled("any", d)));

        assertThat(outcome.findings()).extracting(Finding::rule, Finding::path)
                .containsExactly(tuple("recon.zero-padding", List.of("d", "b", "a")));
    }

    @Test
    void contraindicationOfAnAncestorTravelsDownstream() {
        Lineages c = new Lineages();
        c.dataset("source").contraindication("segmentation", "no expert labels");
        c.dataset("cleaned").derivedFrom("source").step("defacing");
        c.dataset("d").derivedFrom("cleaned").intended("segmentation");

        CheckOutcome outcome = ENGINE.evaluate("segmentation", Lineages.NON_COMMERCIAL, List.of(c.roled("any", "d")));

        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("any.contraindicated");
            assertThat(f.severity()).isEqualTo(Severity.VIOLATION);
            assertThat(f.dataset()).isEqualTo("d");
            assertThat(f.introducedBy()).isEqualTo(at("source"));
            assertThat(f.path()).containsExactly("d", "cleaned", "source");
            assertThat(f.message()).contains("segmentation", "source", "no expert labels", "d → cleaned → source");
        });
        assertThat(outcome.verdict()).isEqualTo(Verdict.OFF_LABEL);
    }

    @Test
    void retractionTravelsThroughAChainOfTen() {
        Lineages c = new Lineages();
        c.dataset("d9").status("retracted");
        for (int i = 8; i >= 0; i--) {
            c.dataset("d" + i).derivedFrom("d" + (i + 1)).intended(RECON);
        }

        CheckOutcome outcome = ENGINE.evaluate(RECON, Lineages.NON_COMMERCIAL, List.of(c.roled("any", "d0")));

        List<String> chain = new ArrayList<>();
        for (int i = 0; i <= 9; i++) {
            chain.add("d" + i);
        }
        assertThat(outcome.findings()).extracting(Finding::rule, Finding::introducedBy, Finding::path)
                .containsExactly(tuple("any.retracted-ancestor", at("d9"), chain));
        assertThat(outcome.verdict()).isEqualTo(Verdict.OFF_LABEL);
    }

    @Test
    void trainTestOverlapThroughADistantCommonAncestorNamesTheNearestSharedSource() {
        Lineages c = new Lineages();
        c.dataset("root");
        c.dataset("shared").derivedFrom("root");
        c.dataset("t2").derivedFrom("shared");
        c.dataset("t1").derivedFrom("t2");
        c.dataset("train").derivedFrom("t1").intended(RECON);
        c.dataset("e1").derivedFrom("shared");
        c.dataset("test").derivedFrom("e1").intended(RECON);

        CheckOutcome outcome = ENGINE.evaluate(RECON, Lineages.NON_COMMERCIAL,
                List.of(c.roled("train", "train"), c.roled("test", "test")));

        assertThat(outcome.findings()).extracting(Finding::rule, Finding::dataset, Finding::introducedBy,
                Finding::path).containsExactly(tuple("any.train-test-overlap", "test", at("shared"),
                        List.of("test", "e1", "shared", "t2", "t1", "train")));
        assertThat(outcome.findings().get(0).message()).contains("'test' dataset test", "'train' dataset train",
                "shared");
        assertThat(outcome.datasets()).extracting(DatasetVerdict::role, DatasetVerdict::verdict)
                .containsExactly(tuple("train", Verdict.ON_LABEL), tuple("test", Verdict.OFF_LABEL));
        assertThat(outcome.verdict()).isEqualTo(Verdict.OFF_LABEL);
    }

    @Test
    void sameDatasetInTrainAndTestOverlaps() {
        Lineages c = new Lineages();
        c.dataset("p");
        c.dataset("d").derivedFrom("p").intended(RECON);

        CheckOutcome outcome = ENGINE.evaluate(RECON, Lineages.NON_COMMERCIAL,
                List.of(c.roled("train", "d"), c.roled("test", "d")));

        assertThat(outcome.findings()).extracting(Finding::rule, Finding::introducedBy, Finding::path)
                .containsExactly(tuple("any.train-test-overlap", at("d"), List.of("d")));
    }

    @Test
    void disjointLineagesDoNotOverlap() {
        Lineages c = new Lineages();
        c.dataset("a-root");
        c.dataset("b-root");
        c.dataset("c-root");
        c.dataset("train").derivedFrom("a-root").intended(RECON);
        c.dataset("validation").derivedFrom("c-root").intended(RECON);
        c.dataset("test").derivedFrom("b-root").intended(RECON);

        CheckOutcome outcome = ENGINE.evaluate(RECON, Lineages.NON_COMMERCIAL, List.of(c.roled("train", "train"),
                c.roled("validation", "validation"), c.roled("test", "test")));

        assertThat(outcome.findings()).isEmpty();
        assertThat(outcome.verdict()).isEqualTo(Verdict.ON_LABEL);
    }

    @Test
    void unknownRepresentationMakesTheVerdictUnknownAndNamesTheRulesThatNeededIt() {
        Lineages c = new Lineages();
        c.dataset("d").intended(RECON).representation(null, null, "multi", "none", 16);

        CheckOutcome outcome = ENGINE.evaluate(RECON, Lineages.NON_COMMERCIAL, List.of(c.roled("any", "d")));

        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("any.unknown-representation");
            assertThat(f.severity()).isEqualTo(Severity.UNKNOWN);
            assertThat(f.introducedBy()).isEqualTo(at("d"));
            assertThat(f.message()).contains("domain", "recon.requires-raw-kspace", "complex",
                    "recon.magnitude-only");
        });
        assertThat(outcome.verdict()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void aMatchOnAnotherPartWinsOverAnUnknownRepresentation() {
        Lineages c = new Lineages();
        c.dataset("d").intended(RECON).representation("kspace", true, "multi", null, 16)
                .step("lossy-compression", "codec", "JPEG");

        CheckOutcome outcome = ENGINE.evaluate(RECON, Lineages.NON_COMMERCIAL, List.of(c.roled("any", "d")));

        assertThat(outcome.findings()).extracting(Finding::rule, Finding::severity)
                .containsExactly(tuple("recon.lossy-compression", Severity.VIOLATION));
    }

    @Test
    void nonCommercialDataUseForbidsOnlyCommercialPurposes() {
        Lineages c = new Lineages();
        c.dataset("d").intended(RECON).dataUse("NCU");

        assertThat(rules(ENGINE.evaluate(RECON, new Facts.Purpose(true, null, null), List.of(c.roled("any", "d")))))
                .containsExactly("license.noncommercial");
        assertThat(rules(ENGINE.evaluate(RECON, new Facts.Purpose(false, null, null), List.of(c.roled("any",
                "d"))))).isEmpty();
        assertThat(rules(ENGINE.evaluate(RECON, Facts.Purpose.UNSTATED, List.of(c.roled("any", "d"))))).isEmpty();
    }

    @Test
    void commercialPurposeWithUnknownLicenseTermsIsUnknown() {
        Lineages c = new Lineages();
        c.dataset("d").intended(RECON).license(new Facts.License("LicenseRef-DSA", null, null, null, null));

        CheckOutcome outcome = ENGINE.evaluate(RECON, new Facts.Purpose(true, null, null),
                List.of(c.roled("any", "d")));

        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("license.unknown");
            assertThat(f.severity()).isEqualTo(Severity.UNKNOWN);
            assertThat(f.message()).contains("LicenseRef-DSA", "commercial use", "license.noncommercial");
        });
        assertThat(outcome.verdict()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void methodsResearchProhibitionAppliesWhenATrainingRoleImpliesMethodsDevelopment() {
        Lineages c = new Lineages();
        c.dataset("d").intended(RECON).dataUse("NMDS");

        assertThat(rules(ENGINE.evaluate(RECON, Facts.Purpose.UNSTATED, List.of(c.roled("train", "d")))))
                .containsExactly("use.methods-research-prohibited");
        assertThat(rules(ENGINE.evaluate(RECON, Facts.Purpose.UNSTATED, List.of(c.roled("any", "d"))))).isEmpty();
        assertThat(rules(ENGINE.evaluate(RECON, new Facts.Purpose(null, false, null),
                List.of(c.roled("train", "d"))))).isEmpty();
        assertThat(rules(ENGINE.evaluate(RECON, new Facts.Purpose(null, true, null),
                List.of(c.roled("any", "d"))))).containsExactly("use.methods-research-prohibited");
    }

    @Test
    void diseaseSpecificUseComparesTheDiseaseOfThePurpose() {
        Lineages c = new Lineages();
        c.dataset("p").dataUse("DS", "glioma");
        c.dataset("d").derivedFrom("p").intended("segmentation");
        List<Facts.Roled> check = List.of(c.roled("any", "d"));

        assertThat(ENGINE.evaluate("segmentation", new Facts.Purpose(false, null, "GLIOMA"), check).findings())
                .isEmpty();
        CheckOutcome different = ENGINE.evaluate("segmentation", new Facts.Purpose(false, null, "asthma"), check);
        assertThat(different.findings()).extracting(Finding::rule, Finding::severity, Finding::introducedBy)
                .containsExactly(tuple("use.disease-specific", Severity.VIOLATION, at("p")));
        assertThat(different.findings().get(0).message()).contains("glioma", "asthma");
        CheckOutcome absent = ENGINE.evaluate("segmentation", Facts.Purpose.UNSTATED, check);
        assertThat(absent.findings()).extracting(Finding::rule, Finding::severity, Finding::introducedBy)
                .containsExactly(tuple("use.disease-specific", Severity.UNKNOWN, at("p")));
        assertThat(absent.findings().get(0).message()).contains("use.disease-specific", "disease", "not recorded");
        assertThat(absent.verdict()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void approvalConditionsAreInfoNamingTheCodes() {
        Lineages c = new Lineages();
        c.dataset("p").dataUse("COL").dataUse("PUB");
        c.dataset("d").derivedFrom("p").intended(RECON);

        CheckOutcome outcome = ENGINE.evaluate(RECON, Lineages.NON_COMMERCIAL, List.of(c.roled("any", "d")));

        assertThat(outcome.findings()).extracting(Finding::rule, Finding::severity, Finding::introducedBy)
                .containsExactly(tuple("use.requires-approval", Severity.INFO, at("p")));
        assertThat(outcome.findings().get(0).message()).contains("COL (DUO:0000020)", "PUB (DUO:0000019)");
        assertThat(outcome.verdict()).isEqualTo(Verdict.ON_LABEL);
    }

    @Test
    void licenseConflictsOnAnEdgeNameTheDerivedDataset() {
        Lineages c = new Lineages();
        c.dataset("nd").license(Lineages.CC_BY_ND);
        c.dataset("sa").license(Lineages.CC_BY_SA);
        c.dataset("nc").license(Lineages.CC_BY_NC);
        c.dataset("mix").derivedFrom("nd", "sa", "nc").license(Lineages.CC_BY);
        c.dataset("d").derivedFrom("mix").license(Lineages.CC_BY).intended(RECON);

        CheckOutcome outcome = ENGINE.evaluate(RECON, Lineages.NON_COMMERCIAL, List.of(c.roled("any", "d")));

        assertThat(outcome.findings()).extracting(Finding::rule, Finding::dataset, Finding::introducedBy,
                Finding::path).containsExactly(
                        tuple("license.no-derivatives", "d", at("mix"), List.of("d", "mix")),
                        tuple("license.noncommercial-dropped", "d", at("mix"), List.of("d", "mix")),
                        tuple("license.share-alike", "d", at("mix"), List.of("d", "mix")));
        assertThat(outcome.findings()).extracting(Finding::message).allSatisfy(m -> assertThat(m).contains("mix"));
    }

    @Test
    void unknownParentLicenseTermsAreQuestionsForThePublisherNotUnknownsForTheUser() {
        Lineages c = new Lineages();
        c.dataset("p").license(new Facts.License("LicenseRef-TCIA", null, null, null, null));
        c.dataset("d").derivedFrom("p").intended("segmentation");

        CheckOutcome outcome = ENGINE.evaluate("segmentation", Lineages.NON_COMMERCIAL, List.of(c.roled("any", "d")));

        assertThat(outcome.findings()).extracting(Finding::rule, Finding::severity, Finding::introducedBy)
                .containsExactly(tuple("license.no-derivatives", Severity.INFO, at("d")),
                        tuple("license.noncommercial-dropped", Severity.INFO, at("d")),
                        tuple("license.share-alike", Severity.INFO, at("d")));
        assertThat(outcome.findings()).extracting(Finding::message).allSatisfy(m -> assertThat(m)
                .startsWith("Question for the publisher of d").contains("'LicenseRef-TCIA' of p")
                .contains("does not change the verdict"));
        assertThat(outcome.verdict()).isEqualTo(Verdict.ON_LABEL);
    }

    @Test
    void unknownParentLicenseTermsStillMatterWhenThePurposeIsCommercial() {
        Lineages c = new Lineages();
        c.dataset("p").license(new Facts.License("LicenseRef-TCIA", null, null, null, null));
        c.dataset("d").derivedFrom("p").intended("segmentation");

        CheckOutcome outcome = ENGINE.evaluate("segmentation", new Facts.Purpose(true, null, null),
                List.of(c.roled("any", "d")));

        assertThat(outcome.findings()).filteredOn(f -> f.severity() == Severity.UNKNOWN).singleElement()
                .satisfies(f -> {
                    assertThat(f.rule()).isEqualTo("license.unknown");
                    assertThat(f.introducedBy()).isEqualTo(at("p"));
                    assertThat(f.message()).contains("LicenseRef-TCIA", "allows commercial use",
                            "license.noncommercial");
                });
        assertThat(outcome.verdict()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void uncertainStepsDowngradeViolationsToUnknownAndKeepCautionsAndSayUnconfirmed() {
        Lineages c = new Lineages();
        c.dataset("d").intended(RECON).step("kspace-zero-padding", "certainty", "uncertain")
                .step("parallel-imaging-fill", "method", "ARC", "certainty", "Uncertain");

        CheckOutcome outcome = ENGINE.evaluate(RECON, Lineages.NON_COMMERCIAL, List.of(c.roled("any", "d")));

        assertThat(outcome.findings()).extracting(Finding::rule, Finding::severity).containsExactly(
                tuple("recon.zero-padding", Severity.UNKNOWN), tuple("recon.pi-filled-reference", Severity.CAUTION));
        assertThat(outcome.findings()).extracting(Finding::message)
                .allSatisfy(m -> assertThat(m).startsWith("Reported but unconfirmed: ").doesNotContain("certainty"));
        assertThat(outcome.verdict()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void aNegatedConditionOnAnUnconfirmedStepIsUnknown() {
        String yaml = """
                version: "t"
                rules:
                  - id: test.needs-registration
                    tasks: ["*"]
                    severity: caution
                    basis: inference
                    rationale: "Inference, for the test."
                    condition: { not: { historyHasAny: [registration] } }
                    message: "{checked} is not registered"
                """;
        RuleEngine engine = new RuleEngine(RulesetLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))),
                Set.of());
        Lineages c = new Lineages();
        c.dataset("confirmed").step("registration");
        c.dataset("unconfirmed").step("registration", "certainty", "uncertain");
        c.dataset("none");

        CheckOutcome outcome = engine.evaluate("registration", null, List.of(c.roled("any", "confirmed"),
                c.roled("any", "unconfirmed"), c.roled("any", "none")));

        assertThat(outcome.findings()).extracting(Finding::dataset, Finding::severity).containsExactly(
                tuple("unconfirmed", Severity.UNKNOWN), tuple("none", Severity.CAUTION));
    }

    @Test
    void findingsAreOrderedByDatasetSeverityRuleAndPathLength() {
        Lineages c = new Lineages();
        c.dataset("g").step("resampling");
        c.dataset("p").derivedFrom("g").step("parallel-imaging-fill").step("resampling");
        c.dataset("second").derivedFrom("p").intended(RECON);
        c.dataset("first").representation("image", null, null, null, null).step("renaming");

        CheckOutcome outcome = ENGINE.evaluate(RECON, Lineages.NON_COMMERCIAL,
                List.of(c.roled("any", "first"), c.roled("any", "second")));

        assertThat(outcome.findings()).extracting(Finding::dataset, Finding::rule, Finding::path).containsExactly(
                tuple("first", "recon.requires-raw-kspace", List.of("first")),
                tuple("first", "any.unknown-representation", List.of("first")),
                tuple("first", "any.not-intended", List.of("first")),
                tuple("first", "any.unknown-step", List.of("first")),
                tuple("second", "recon.zero-padding", List.of("second", "p")),
                tuple("second", "recon.zero-padding", List.of("second", "p", "g")),
                tuple("second", "recon.pi-filled-reference", List.of("second", "p")));
        CheckOutcome again = ENGINE.evaluate(RECON, Lineages.NON_COMMERCIAL,
                List.of(c.roled("any", "first"), c.roled("any", "second")));
        assertThat(again).isEqualTo(outcome);
    }

    @Test
    void outcomeSerialisesWithLowerCaseSeveritiesAndVerdictNames() {
        Lineages c = new Lineages();
        c.dataset("d").step("resampling");

        JsonNode json = new ObjectMapper().valueToTree(ENGINE.evaluate(RECON, Lineages.NON_COMMERCIAL,
                List.of(c.roled("test", "d"))));

        assertThat(json.get("verdict").asText()).isEqualTo("OFF_LABEL");
        assertThat(json.get("rulesetVersion").asText()).isEqualTo("2026.12.2");
        assertThat(json.get("datasets").get(0).get("role").asText()).isEqualTo("test");
        JsonNode finding = json.get("findings").get(0);
        assertThat(finding.get("severity").asText()).isEqualTo("violation");
        assertThat(finding.get("introducedBy").get("step").asText()).isEqualTo("resampling");
        assertThat(finding.get("introducedBy").get("index").asInt()).isZero();
        assertThat(finding.get("references").get(0).asText()).isEqualTo("doi:10.1073/pnas.2117203119");
    }

    private static List<String> rules(CheckOutcome outcome) {
        return outcome.findings().stream().filter(f -> !f.rule().equals("any.not-intended")).map(Finding::rule)
                .toList();
    }
}
