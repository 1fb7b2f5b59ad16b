package org.onlabel.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.onlabel.support.TestVocabularies;

class NearestTermsTest {
    private static final Vocabulary TASKS = TestVocabularies.shipped().require(Vocabularies.TASKS);

    private static List<String> nearest(String typed) {
        return NearestTerms.closest(typed, NearestTerms.of(TASKS), 5);
    }

    @Test
    void aTypoSuggestsTheTerm() {
        assertThat(nearest("segmentaton")).first().isEqualTo("segmentation");
        assertThat(nearest("denosing")).first().isEqualTo("denoising");
    }

    @Test
    void spellingOfSeparatorsAndCaseDoNotMatter() {
        assertThat(nearest("Motion_Correction")).first().isEqualTo("motion-correction");
        assertThat(nearest("image quality assessment")).first().isEqualTo("image-quality-assessment");
    }

    @Test
    void synonymsAndPrefixesLeadToTheTerm() {
        assertThat(nearest("MR fingerprinting")).first().isEqualTo("quantitative-mapping");
        assertThat(nearest("self-supervised")).first().isEqualTo("self-supervised-pretraining");
        assertThat(nearest("harmonisation")).first().isEqualTo("harmonization");
    }

    @Test
    void somethingFarFromEveryTermSuggestsNothing() {
        assertThat(nearest("zzzz")).isEmpty();
        assertThat(nearest("")).isEmpty();
    }

    @Test
    void theMessageNamesTheNearestTermsAndWhereToLook() {
        assertThat(NearestTerms.unknownValueMessage("segmentaton", TASKS))
                .isEqualTo("'segmentaton' is not in vocabulary tasks; nearest terms: segmentation "
                        + "(see GET /api/v1/vocabularies/tasks)");
    }

    @Test
    void shipsTheTasksResearchersAskFor() {
        assertThat(TASKS.ids()).contains("motion-correction", "artefact-reduction", "quantitative-mapping",
                "harmonization", "image-quality-assessment", "self-supervised-pretraining");
    }
}
