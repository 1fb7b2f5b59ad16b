package org.onlabel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.onlabel.check.FactsAssembler;
import org.onlabel.support.TestVocabularies;
import org.onlabel.vocabulary.DiseaseOntology;

/**
 * DUO DS (DUO:0000007, disease specific research: use is allowed provided it is related to the specified disease,
 * named by an ontology term, MONDO being DUO's recommendation; https://github.com/EBISPOT/DUO) matched through the MONDO
 * is-a closure of the shipped disease vocabulary. That research on a subclass of the named disease is research on it
 * is OnLabel's reading (inference); the hierarchy is MONDO's (release 2026-08-04, e.g. glioblastoma MONDO:0018177
 * is-a high grade astrocytic tumor is-a astrocytic tumor is-a glioma MONDO:0021042).
 */
class DuoDiseaseCasesTest {
    private static final RuleEngine ENGINE = Lineages.shippedEngine();
    private static final DiseaseOntology DISEASES = TestVocabularies.shipped().diseases();

    record Case(String name, String dsDisease, String purposeDisease, boolean violation, String source) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case("DS glioma vs glioblastoma research: glioblastoma is a glioma", "glioma", "glioblastoma", false,
                        "MONDO:0018177 is-a high grade astrocytic tumor is-a astrocytic tumor is-a glioma (MONDO:0021042)"),
                new Case("DS MONDO:0018177 vs purpose 'glioblastoma': the same disease by id and by label",
                        "MONDO:0018177", "glioblastoma", false, "MONDO:0018177 label 'glioblastoma'"),
                new Case("DS MONDO:0018177 vs purpose 'GBM': a MONDO synonym", "MONDO:0018177", "GBM", false,
                        "MONDO synonym of MONDO:0018177"),
                new Case("DS lung cancer vs breast-cancer research: neither is a kind of the other", "lung cancer",
                        "breast cancer", true, "MONDO:0007254 breast cancer is not under MONDO:0008903 lung cancer"),
                new Case("DS glioblastoma vs glioma research: a parent is broader than the permission", "glioblastoma",
                        "glioma", true, "DS permits the named disease and its subclasses, not its superclasses"),
                new Case("DS neoplasm vs renal cell carcinoma research", "neoplasm", "renal cell carcinoma", false,
                        "MONDO:0005086 renal cell carcinoma is-a ... is-a neoplasm (MONDO:0005070)"),
                new Case("DS Alzheimer disease vs multiple sclerosis research", "Alzheimer disease",
                        "multiple sclerosis", true, "MONDO:0005301 is not under MONDO:0004975"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void dsMatchesTheDiseaseAndItsSubclasses(Case c) {
        Facts.DataUse ds = new Facts.DataUse("DS", DISEASES.find(c.dsDisease()).orElseThrow().id(),
                FactsAssembler.disease(c.dsDisease(), DISEASES));
        Facts.Purpose purpose = new Facts.Purpose(false, true, c.purposeDisease(),
                FactsAssembler.disease(c.purposeDisease(), DISEASES));

        List<Finding> findings = ENGINE.evaluate("segmentation", purpose, List.of(checked(ds))).findings().stream()
                .filter(f -> f.rule().equals("use.disease-specific")).toList();

        if (c.violation()) {
            assertThat(findings).as(c.source()).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.VIOLATION);
                assertThat(f.message()).contains(ds.term().display(), purpose.diseaseTerm().display());
            });
        } else {
            assertThat(findings).as(c.source()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aDsTermOutsideTheVocabularyIsUnknownNotAViolation(Case c) {
        Facts.DataUse ds = new Facts.DataUse("DS", "a disease no vocabulary knows", null);
        Facts.Purpose purpose = new Facts.Purpose(false, true, c.purposeDisease(),
                FactsAssembler.disease(c.purposeDisease(), DISEASES));

        assertThat(ENGINE.evaluate("segmentation", purpose, List.of(checked(ds))).findings().stream()
                .filter(f -> f.rule().equals("use.disease-specific")).map(Finding::severity))
                .containsExactly(Severity.UNKNOWN);
    }

    private static Facts.Roled checked(Facts.DataUse ds) {
        Facts.Node node = new Facts.Node("brain-set", List.of("brain-set"), List.of(), true, "active", Lineages.CC_BY,
                List.of(ds), List.of(), List.of("Siemens", "GE"), List.of("A", "B"));
        return new Facts.Roled("train", new Facts.Dataset("brain-set", Lineages.RAW_KSPACE, List.of("segmentation"),
                List.of(), List.of(node)));
    }
}
