package org.onlabel.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onlabel.support.TestVocabularies;

class DiseaseOntologyTest {
    private static final DiseaseOntology SHIPPED = TestVocabularies.shipped().diseases();
    private static final String DISEASE = "MONDO:0000001";
    private static final String NEOPLASM = "MONDO:0005070";
    private static final String GLIOMA = "MONDO:0021042";
    private static final String GLIOBLASTOMA = "MONDO:0018177";
    private static final String BREAST_CANCER = "MONDO:0007254";
    private static final String LUNG_CANCER = "MONDO:0008903";

    private static DiseaseTerm term(String id, String label, String... parents) {
        return new DiseaseTerm(id, label, List.of(), List.of(), List.of(parents), List.of());
    }

    @Test
    void shippedSubsetRecordsItsReleaseAndLicense() {
        assertThat(SHIPPED.size()).isGreaterThan(200);
        assertThat(SHIPPED.source()).containsEntry("license", "CC-BY-4.0").containsEntry("release", "2026-08-04")
                .containsKey("repository");
    }

    @Test
    void everyShippedTermReachesDiseaseAndImagingDiseasesArePresent() {
        for (DiseaseTerm t : SHIPPED.terms()) {
            if (!t.id().equals(DISEASE)) {
                assertThat(SHIPPED.ancestorsOf(t.id())).as(t.display()).contains(DISEASE);
            }
        }
        for (String name : List.of("glioma", "glioblastoma", "lower-grade glioma", "brain neoplasm", "lung neoplasm",
                "breast cancer", "kidney neoplasm", "renal cell carcinoma", "cutaneous melanoma", "melanocytic nevus",
                "basal cell carcinoma", "actinic keratosis", "dermatofibroma", "prostate cancer", "liver tumour",
                "hepatocellular carcinoma", "pneumonia", "COVID-19", "osteoarthritis", "Alzheimer disease",
                "multiple sclerosis", "stroke")) {
            assertThat(SHIPPED.find(name)).as(name).isPresent();
        }
    }

    @Test
    void closureFollowsIsAThroughEveryPath() {
        assertThat(SHIPPED.isA(GLIOBLASTOMA, GLIOMA)).isTrue();
        assertThat(SHIPPED.isA(GLIOBLASTOMA, NEOPLASM)).isTrue();
        assertThat(SHIPPED.isA(GLIOBLASTOMA, GLIOBLASTOMA)).isTrue();
        assertThat(SHIPPED.isA(GLIOMA, GLIOBLASTOMA)).as("a parent is not a kind of its child").isFalse();
        assertThat(SHIPPED.isA(BREAST_CANCER, LUNG_CANCER)).isFalse();
        assertThat(SHIPPED.isA("MONDO:0005005", "MONDO:0005086")).as("clear cell RCC is an RCC").isTrue();
    }

    @Test
    void closureOfASmallDiamond() {
        DiseaseOntology o = new DiseaseOntology("t", Map.of(), List.of(term("MONDO:0000001", "disease"),
                term("MONDO:0000002", "a", "MONDO:0000001"), term("MONDO:0000003", "b", "MONDO:0000001"),
                term("MONDO:0000004", "c", "MONDO:0000002", "MONDO:0000003")));

        assertThat(o.ancestorsOf("MONDO:0000004")).containsExactly("MONDO:0000002", "MONDO:0000003", "MONDO:0000001");
        assertThat(o.ancestorsOf("MONDO:0000001")).isEmpty();
    }

    @Test
    void findsByIdInEverySpellingByLabelSynonymAndAlias() {
        for (String name : List.of("MONDO:0018177", "mondo:0018177", "MONDO_0018177",
                "http://purl.obolibrary.org/obo/MONDO_0018177", "Glioblastoma", " glioblastoma ", "GBM",
                "glioblastoma multiforme")) {
            assertThat(SHIPPED.find(name)).as(name).get().extracting(DiseaseTerm::id).isEqualTo(GLIOBLASTOMA);
        }
        assertThat(SHIPPED.find("lower-grade glioma")).get().extracting(DiseaseTerm::id).isEqualTo("MONDO:0021637");
    }

    @Test
    void aLabelBeatsASynonymAndASharedSynonymIsAmbiguous() {
        assertThat(SHIPPED.find("glioma")).get().extracting(DiseaseTerm::id).isEqualTo(GLIOMA);

        DiseaseOntology.Lookup colon = SHIPPED.lookup("colon cancer");
        assertThat(colon.term()).isEmpty();
        assertThat(colon.ambiguous()).extracting(DiseaseTerm::id).hasSizeGreaterThan(1).contains("MONDO:0002032");
        assertThat(colon.problem("colon cancer")).get().asString().contains("names several diseases", "MONDO:0002032");
    }

    @Test
    void anUnknownNameGetsTheNearestTerms() {
        DiseaseOntology.Lookup typo = SHIPPED.lookup("glioblastma");
        assertThat(typo.term()).isEmpty();
        assertThat(typo.nearest()).extracting(DiseaseTerm::id).first().isEqualTo(GLIOBLASTOMA);
        assertThat(typo.problem("glioblastma")).get().asString()
                .contains("'glioblastma' is not in vocabulary diseases", "glioblastoma (MONDO:0018177)");

        assertThat(SHIPPED.lookup("lung nodule").nearest()).extracting(DiseaseTerm::label).contains("lung neoplasm");
        assertThat(SHIPPED.lookup("MONDO:9999999").term()).isEmpty();
        assertThat(SHIPPED.lookup("xqzv").nearest()).isEmpty();
    }

    @Test
    void refusesDanglingParentsCyclesDuplicatesAndNonMondoIds() {
        assertThatThrownBy(() -> new DiseaseOntology("t", Map.of(), List.of(term("MONDO:0000002", "a", "MONDO:0000001"))))
                .hasMessageContaining("not a term");
        assertThatThrownBy(() -> new DiseaseOntology("t", Map.of(), List.of(term("MONDO:0000002", "a", "MONDO:0000003"),
                term("MONDO:0000003", "b", "MONDO:0000002")))).hasMessageContaining("cycle");
        assertThatThrownBy(() -> new DiseaseOntology("t", Map.of(), List.of(term("MONDO:0000002", "a"),
                term("MONDO:0000002", "b")))).hasMessageContaining("twice");
        assertThatThrownBy(() -> new DiseaseOntology("t", Map.of(), List.of(term("DOID:1612", "breast cancer"))))
                .hasMessageContaining("not a MONDO id");
    }
}
