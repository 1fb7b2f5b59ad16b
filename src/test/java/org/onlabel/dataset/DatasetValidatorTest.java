package org.onlabel.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.onlabel.common.error.FieldError;
import org.onlabel.support.TestVocabularies;

class DatasetValidatorTest {
    private final DatasetValidator validator = new DatasetValidator(TestVocabularies.shipped());

    private static DatasetRequest request(List<String> modalities, List<IntendedUse> uses,
            List<Contraindication> contra, List<DataUseCondition> dataUse, Representation representation, String doi) {
        return new DatasetRequest("k1", "Title", null, null, null, doi, null, modalities, List.of(), List.of(), null,
                null, representation, List.of(), null, dataUse, uses, contra, null, null, null, null, null, null);
    }

    private List<String> fields(DatasetRequest r) {
        return validator.validate(r).stream().map(FieldError::field).toList();
    }

    @Test
    void acceptsKnownValuesInAnyCaseAndDuoCuries() {
        DatasetRequest r = request(List.of("mr", "CT"), List.of(new IntendedUse("Segmentation", null)), List.of(),
                List.of(new DataUseCondition("DUO:0000015", null), new DataUseCondition("DS", "MONDO:0018177")),
                new Representation("image", false, "combined", "lossy", 8), "doi:10.1148/ryai.2020190007");
        assertThat(validator.validate(r)).isEmpty();
    }

    @Test
    void namesEachUnknownValueByItsPath() {
        DatasetRequest r = request(List.of("MR", "XRAY"), List.of(new IntendedUse("segmentaton", null)),
                List.of(new Contraindication("teleportation", null)), List.of(new DataUseCondition("XYZ", null)),
                new Representation("hologram", null, null, null, null), null);
        assertThat(fields(r)).containsExactly("modalities[1]", "representation.domain", "dataUse[0].code",
                "intendedUses[0].task", "contraindications[0].task");
    }

    @Test
    void diseaseSpecificUseNeedsADisease() {
        DatasetRequest r = request(List.of(), List.of(), List.of(), List.of(new DataUseCondition("DUO:0000007", " ")), null, null);
        assertThat(fields(r)).containsExactly("dataUse[0].disease");
    }

    @Test
    void refusesATaskThatIsBothIntendedAndContraindicatedOrListedTwice() {
        DatasetRequest r = request(List.of(), List.of(new IntendedUse("denoising", null), new IntendedUse("DENOISING", null)),
                List.of(new Contraindication("denoising", "why")), List.of(), null, null);
        assertThat(fields(r)).containsExactly("intendedUses[1].task", "contraindications[0].task");
    }

    @Test
    void refusesSomethingThatIsNotADoi() {
        assertThat(fields(request(List.of(), List.of(), List.of(), List.of(), null, "10.1/short"))).containsExactly("doi");
        assertThat(fields(request(List.of(), List.of(), List.of(), List.of(), null, "https://doi.org/10.13026/8360-t248"))).isEmpty();
    }

    @Test
    void filtersNamingUnknownTermsAreRefused() {
        DatasetQuery query = new DatasetQuery(Optional.empty(), Optional.of("PET"), Optional.empty(), Optional.of("segmentation"),
                Optional.empty(), Optional.of("gone"), Optional.empty(), Optional.empty(), 10);
        assertThat(validator.validate(query).stream().map(FieldError::field)).containsExactly("modality", "status");
    }
}
