package org.onlabel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.onlabel.check.rules.RuleCasesTest.at;
import static org.onlabel.check.rules.RuleCasesTest.step;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Facts built by hand from src/main/resources/catalog/reference-datasets.json. */
class ReferenceCasesTest {
    private static final RuleEngine ENGINE = Lineages.shippedEngine();
    private static final String RECON = "mri-reconstruction";
    private static final Facts.License FASTMRI_DSA = new Facts.License("LicenseRef-fastMRI-DSA", null, null, null,
            null);

    @Test
    void brats2021IsOffLabelForReconstruction() {
        Lineages c = new Lineages();
        c.dataset("tcga-gbm").representation("image", false, null, null, null)
                .license(new Facts.License("LicenseRef-TCIA-Data-Usage-Policy", null, null, null, null))
                .intended("classification", "segmentation").step("de-identification", "codes", List.of("113100"));
        c.dataset("brats-2021").derivedFrom("tcga-gbm").representation("image", false, null, null, null)
                .license(new Facts.License("CC-BY-4.0", true, true, false, true))
                .intended("segmentation", "classification")
                .contraindication(RECON, "Magnitude-only images, resampled to 1 mm and skull-stripped after "
                        + "registration; no measured k-space.")
                .step("format-conversion", "from", "DICOM", "to", "NIfTI")
                .step("registration", "template", "SRI24", "type", "rigid")
                .step("resampling", "targetSpacingMm", 1.0)
                .step("skull-stripping");

        CheckOutcome outcome = ENGINE.evaluate(RECON, Lineages.NON_COMMERCIAL, List.of(c.roled("test",
                "brats-2021")));

        assertThat(outcome.verdict()).isEqualTo(Verdict.OFF_LABEL);
        assertThat(outcome.findings()).extracting(Finding::rule, Finding::severity, Finding::introducedBy,
                Finding::path).contains(
                        tuple("any.contraindicated", Severity.VIOLATION, at("brats-2021"), List.of("brats-2021")),
                        tuple("recon.requires-raw-kspace", Severity.VIOLATION, at("brats-2021"),
                                List.of("brats-2021")),
                        tuple("recon.zero-padding", Severity.VIOLATION, step("brats-2021", "resampling", 2),
                                List.of("brats-2021")),
                        tuple("recon.magnitude-only", Severity.VIOLATION, at("brats-2021"), List.of("brats-2021")),
                        tuple("any.not-intended", Severity.CAUTION, at("brats-2021"), List.of("brats-2021")));
        assertThat(outcome.findings()).filteredOn(f -> f.rule().equals("recon.zero-padding")).singleElement()
                .extracting(Finding::message).asString()
                .contains("'resampling' (targetSpacingMm: 1.0) applied by brats-2021");
    }

    @Test
    void fastmriKneeMulticoilIsOnLabelForReconstructionWithoutHistory() {
        Lineages c = new Lineages();
        fastmriKneeMulticoil(c);

        CheckOutcome outcome = ENGINE.evaluate(RECON, Lineages.NON_COMMERCIAL, List.of(c.roled("test",
                "fastmri-knee-multicoil")));

        assertThat(outcome.findings()).isEmpty();
        assertThat(outcome.verdict()).isEqualTo(Verdict.ON_LABEL);
    }

    @Test
    void fastmriKneeMulticoilWithItsUnconfirmedZeroPaddingIsUnknownNotOffLabel() {
        Lineages c = new Lineages();
        fastmriKneeMulticoil(c).step("kspace-zero-padding", "certainty", "uncertain");

        CheckOutcome outcome = ENGINE.evaluate(RECON, Lineages.NON_COMMERCIAL, List.of(c.roled("test",
                "fastmri-knee-multicoil")));

        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("recon.zero-padding");
            assertThat(f.severity()).isEqualTo(Severity.UNKNOWN);
            assertThat(f.introducedBy()).isEqualTo(step("fastmri-knee-multicoil", "kspace-zero-padding", 0));
            assertThat(f.message()).startsWith("Reported but unconfirmed: ");
        });
        assertThat(outcome.verdict()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void fastmriKneeMulticoilWithConfirmedZeroPaddingWouldBeOffLabel() {
        Lineages c = new Lineages();
        fastmriKneeMulticoil(c).step("kspace-zero-padding", "factor", 2);

        CheckOutcome outcome = ENGINE.evaluate(RECON, Lineages.NON_COMMERCIAL, List.of(c.roled("test",
                "fastmri-knee-multicoil")));

        assertThat(outcome.findings()).extracting(Finding::rule, Finding::severity)
                .containsExactly(tuple("recon.zero-padding", Severity.VIOLATION));
        assertThat(outcome.verdict()).isEqualTo(Verdict.OFF_LABEL);
    }

    /** The catalog records one vendor (Siemens) and one site (NYU): that alone is a generalisation caution. */
    @Test
    void fastmriKneeMulticoilWithItsRecordedCohortIsACaution() {
        Lineages c = new Lineages();
        fastmriKneeMulticoil(c).vendors("Siemens").sites("NYU Langone Health");

        CheckOutcome outcome = ENGINE.evaluate(RECON, Lineages.NON_COMMERCIAL, List.of(c.roled("test",
                "fastmri-knee-multicoil")));

        assertThat(outcome.findings()).extracting(Finding::rule, Finding::severity)
                .containsExactly(tuple("cohort.single-vendor", Severity.CAUTION));
        assertThat(outcome.findings().get(0).message()).contains("one vendor (Siemens)",
                "one site (NYU Langone Health)");
        assertThat(outcome.verdict()).isEqualTo(Verdict.CAUTION);
    }

    @Test
    void syntheticKspaceFromBratsInheritsBratsContraindication() {
        Lineages c = new Lineages();
        c.dataset("brats-2021").representation("image", false, null, null, null).intended("segmentation")
                .contraindication(RECON, "magnitude-only images").step("resampling", "targetSpacingMm", 1.0);
        c.dataset("brats-2021-synthetic-kspace").derivedFrom("brats-2021")
                .representation("kspace", true, "single", "none", null)
                .step("synthetic-kspace", "from", "magnitude image");

        CheckOutcome outcome = ENGINE.evaluate(RECON, Lineages.NON_COMMERCIAL, List.of(c.roled("test",
                "brats-2021-synthetic-kspace")));

        assertThat(outcome.findings()).extracting(Finding::rule, Finding::introducedBy, Finding::path).contains(
                tuple("any.contraindicated", at("brats-2021"), List.of("brats-2021-synthetic-kspace", "brats-2021")),
                tuple("recon.synthetic-kspace", step("brats-2021-synthetic-kspace", "synthetic-kspace", 0),
                        List.of("brats-2021-synthetic-kspace")),
                tuple("recon.zero-padding", step("brats-2021", "resampling", 0),
                        List.of("brats-2021-synthetic-kspace", "brats-2021")));
        assertThat(outcome.verdict()).isEqualTo(Verdict.OFF_LABEL);
    }

    private static Lineages.Spec fastmriKneeMulticoil(Lineages c) {
        return c.dataset("fastmri-knee-multicoil").representation("kspace", true, "multi", "none", null)
                .license(FASTMRI_DSA).intended(RECON, "kspace-sampling-design");
    }
}
