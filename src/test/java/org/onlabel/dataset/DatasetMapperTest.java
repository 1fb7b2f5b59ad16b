package org.onlabel.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.onlabel.support.TestVocabularies;

class DatasetMapperTest {
    private final DatasetMapper mapper = new DatasetMapper(TestVocabularies.shipped());

    @Test
    void writesVocabularyValuesInTheirCanonicalSpelling() {
        DatasetRequest r = new DatasetRequest("k1", "  Title  ", null, null, null, "https://doi.org/10.5281/zenodo.7523691",
                null, List.of("mr"), List.of(" Brain "), List.of(" NIfTI "), 3, null,
                new Representation("KSPACE", true, "Multi", "NONE", 16), List.of("113100"), " CC-BY-4.0 ",
                List.of(new DataUseCondition("duo:0000046", null)), List.of(new IntendedUse("Denoising", "n")),
                List.of(new Contraindication("SEGMENTATION", "r")), null, "nyu", null, null, null, null);
        Dataset d = new Dataset();
        mapper.apply(r, d);
        assertThat(d.title).isEqualTo("Title");
        assertThat(d.doi).isEqualTo("10.5281/zenodo.7523691");
        assertThat(d.modalities).containsExactly("MR");
        assertThat(d.anatomy).containsExactly("brain");
        assertThat(d.formats).containsExactly("NIfTI");
        assertThat(d.representation).isEqualTo(new Representation("kspace", true, "multi", "none", 16));
        assertThat(d.license).isEqualTo("CC-BY-4.0");
        assertThat(d.dataUse).containsExactly(new DataUseCondition("NCU", null));
        assertThat(d.intendedUses).containsExactly(new IntendedUse("denoising", "n"));
        assertThat(d.contraindications).containsExactly(new Contraindication("segmentation", "r"));
        assertThat(d.status).isEqualTo("active");
        assertThat(d.visibility).isEqualTo("public");
    }

    @Test
    void stripsEveryDoiPrefix() {
        for (String doi : List.of("10.1/x", "doi:10.1/x", "DOI:10.1/x", "http://dx.doi.org/10.1/x", "https://doi.org/10.1/x")) {
            assertThat(DatasetMapper.normalizeDoi(doi)).isEqualTo("10.1/x");
        }
        assertThat(DatasetMapper.normalizeDoi(" ")).isNull();
    }
}
