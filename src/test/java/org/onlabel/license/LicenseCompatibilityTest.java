package org.onlabel.license;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LicenseCompatibilityTest {

    private static final LicenseAttributeTable VOCABULARY = VocabularyLicenses.table();

    @Test
    void noDerivativesParentConflictsWhateverTheChildsLicense() {
        assertThat(LicenseCompatibility.noDerivatives(license("CC-BY-ND-4.0"), license("CC-BY-4.0")))
                .hasValueSatisfying(conflict -> {
                    assertThat(conflict.ruleId()).isEqualTo("license.no-derivatives");
                    assertThat(conflict.message()).contains("CC-BY-ND-4.0", "does not allow derivatives");
                });
        assertThat(LicenseCompatibility.noDerivatives(license("CC-BY-ND-4.0"), license("CC-BY-ND-4.0"))).isPresent();
        assertThat(LicenseCompatibility.noDerivatives(license("CC-BY-ND-4.0"), null)).isPresent();
    }

    @Test
    void parentAllowingDerivativesHasNoNoDerivativesConflict() {
        assertThat(LicenseCompatibility.noDerivatives(license("CC-BY-4.0"), license("CC-BY-ND-4.0"))).isEmpty();
    }

    @Test
    void shareAlikeParentWithAttributionOnlyChildConflicts() {
        assertThat(LicenseCompatibility.shareAlikeBroken(license("CC-BY-SA-4.0"), license("CC-BY-4.0")))
                .hasValueSatisfying(conflict -> {
                    assertThat(conflict.ruleId()).isEqualTo("license.share-alike");
                    assertThat(conflict.message()).contains("must carry CC-BY-SA-4.0", "licensed under CC-BY-4.0");
                });
    }

    @Test
    void shareAlikeParentWithTheSameLicenseOnTheChildIsCompatible() {
        assertThat(LicenseCompatibility.shareAlikeBroken(license("CC-BY-SA-4.0"), license("CC-BY-SA-4.0"))).isEmpty();
        assertThat(LicenseCompatibility.shareAlikeBroken(license("CC-BY-SA-4.0"), license("cc-by-sa-4.0"))).isEmpty();
    }

    @Test
    void childThatAddsTermsToTheShareAlikeLicenseIsCompatible() {
        assertThat(LicenseCompatibility.shareAlikeBroken(
                license("CC-BY-SA-4.0"), license("CC-BY-SA-4.0 AND LicenseRef-fastMRI-DSA"))).isEmpty();
        assertThat(LicenseCompatibility.shareAlikeBroken(
                license("CC-BY-SA-4.0 AND CC-BY-4.0"), license("CC-BY-SA-4.0"))).isEmpty();
    }

    @Test
    void childThatOffersAWayOutOfShareAlikeConflicts() {
        assertThat(LicenseCompatibility.shareAlikeBroken(
                license("CC-BY-SA-4.0"), license("CC-BY-SA-4.0 OR CC-BY-4.0"))).isPresent();
    }

    @Test
    void childMustKeepEveryShareAlikeLicenseOfTheParent() {
        assertThat(LicenseCompatibility.shareAlikeBroken(license("CC-BY-SA-4.0 AND ODbL-1.0"), license("ODbL-1.0")))
                .hasValueSatisfying(conflict -> assertThat(conflict.message()).contains("CC-BY-SA-4.0 and ODbL-1.0"));
    }

    @Test
    void shareAlikeParentWithUnlicensedChildConflicts() {
        assertThat(LicenseCompatibility.shareAlikeBroken(license("ODbL-1.0"), null))
                .hasValueSatisfying(conflict -> assertThat(conflict.message()).contains("has no license"));
    }

    @Test
    void nonCommercialParentWithCommercialChildConflicts() {
        assertThat(LicenseCompatibility.nonCommercialDropped(license("CC-BY-NC-4.0"), license("CC-BY-4.0")))
                .hasValueSatisfying(conflict -> {
                    assertThat(conflict.ruleId()).isEqualTo("license.noncommercial-dropped");
                    assertThat(conflict.message()).contains("CC-BY-NC-4.0", "non-commercial", "CC-BY-4.0");
                });
    }

    @Test
    void nonCommercialParentWithNonCommercialChildIsCompatible() {
        assertThat(LicenseCompatibility.nonCommercialDropped(license("CC-BY-NC-4.0"), license("CC-BY-NC-SA-4.0")))
                .isEmpty();
    }

    @Test
    void nonCommercialParentWithChildOfUnknownCommercialTermsConflicts() {
        assertThat(LicenseCompatibility.nonCommercialDropped(license("CC-BY-NC-4.0"), license("LicenseRef-fastMRI-DSA")))
                .isPresent();
        assertThat(LicenseCompatibility.nonCommercialDropped(license("CC-BY-NC-4.0"), null)).isPresent();
    }

    @Test
    void unknownParentAttributesNeverConflict() {
        assertThat(LicenseCompatibility.conflicts(license("LicenseRef-fastMRI-DSA"), license("CC0-1.0"))).isEmpty();
        assertThat(LicenseCompatibility.conflicts(license("MIT"), null)).isEmpty();
    }

    @Test
    void conflictsAreReportedInRuleOrder() {
        assertThat(LicenseCompatibility.conflicts(license("CC-BY-NC-SA-4.0"), license("CC-BY-4.0")))
                .extracting(LicenseConflict::ruleId)
                .containsExactly("license.share-alike", "license.noncommercial-dropped");
        assertThat(LicenseCompatibility.conflicts(license("CC-BY-NC-ND-4.0"), license("CC-BY-NC-ND-4.0")))
                .extracting(LicenseConflict::ruleId)
                .containsExactly("license.no-derivatives");
        assertThat(LicenseCompatibility.conflicts(license("CC-BY-4.0"), license("CC-BY-SA-4.0"))).isEmpty();
    }

    private static EvaluatedLicense license(String expression) {
        return EvaluatedLicense.of(LicenseExpression.parse(expression), VOCABULARY);
    }
}
