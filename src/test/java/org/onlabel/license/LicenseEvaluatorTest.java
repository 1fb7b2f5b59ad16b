package org.onlabel.license;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LicenseEvaluatorTest {

    private static final LicenseAttributeTable VOCABULARY = VocabularyLicenses.table();

    /** T allows everything and demands everything, F the opposite, U is missing from the table (unknown). */
    private static final LicenseAttributeTable TFU = new LicenseAttributeTable(Map.of(
            "LicenseRef-T", new LicenseAttributes(true, true, true, true),
            "LicenseRef-F", new LicenseAttributes(false, false, false, false)));

    @ParameterizedTest(name = "{0} AND {1} = {2}, {0} OR {1} = {3}")
    @CsvSource(nullValues = "null", textBlock = """
            true,  true,  true,  true
            true,  false, false, true
            true,  null,  null,  true
            false, true,  false, true
            false, false, false, false
            false, null,  false, null
            null,  true,  null,  true
            null,  false, false, null
            null,  null,  null,  null
            """)
    void threeValuedLogic(Boolean a, Boolean b, Boolean and, Boolean or) {
        assertThat(LicenseEvaluator.and(a, b)).isEqualTo(and);
        assertThat(LicenseEvaluator.or(a, b)).isEqualTo(or);
    }

    /** AND: commercial use and derivatives combine with ∧, share-alike and attribution with ∨. */
    @ParameterizedTest(name = "{0} AND {1}")
    @CsvSource(nullValues = "null", textBlock = """
            T, T, true,  true
            T, F, false, true
            T, U, null,  true
            F, F, false, false
            F, U, false, null
            U, U, null,  null
            """)
    void andTruthTable(String a, String b, Boolean permissions, Boolean duties) {
        LicenseAttributes attributes = evaluate("LicenseRef-" + a + " AND LicenseRef-" + b, TFU);

        assertThat(attributes).isEqualTo(new LicenseAttributes(permissions, permissions, duties, duties));
        assertThat(evaluate("LicenseRef-" + b + " AND LicenseRef-" + a, TFU)).isEqualTo(attributes);
    }

    /** OR: commercial use and derivatives combine with ∨, share-alike and attribution with ∧. */
    @ParameterizedTest(name = "{0} OR {1}")
    @CsvSource(nullValues = "null", textBlock = """
            T, T, true,  true
            T, F, true,  false
            T, U, true,  null
            F, F, false, false
            F, U, null,  false
            U, U, null,  null
            """)
    void orTruthTable(String a, String b, Boolean permissions, Boolean duties) {
        LicenseAttributes attributes = evaluate("LicenseRef-" + a + " OR LicenseRef-" + b, TFU);

        assertThat(attributes).isEqualTo(new LicenseAttributes(permissions, permissions, duties, duties));
        assertThat(evaluate("LicenseRef-" + b + " OR LicenseRef-" + a, TFU)).isEqualTo(attributes);
    }

    @Test
    void andOverThreeOperandsAndNestedGroups() {
        assertThat(evaluate("LicenseRef-T AND LicenseRef-T AND LicenseRef-F", TFU))
                .isEqualTo(new LicenseAttributes(false, false, true, true));
        assertThat(evaluate("LicenseRef-T AND (LicenseRef-F OR LicenseRef-U)", TFU))
                .isEqualTo(new LicenseAttributes(null, null, true, true));
    }

    @Test
    void singleLicenseHasItsTableEntry() {
        assertThat(evaluate("CC-BY-NC-SA-4.0", VOCABULARY)).isEqualTo(new LicenseAttributes(false, true, true, true));
    }

    @Test
    void idMissingFromTheTableIsUnknown() {
        assertThat(evaluate("MIT", VOCABULARY)).isEqualTo(LicenseAttributes.UNKNOWN);
        assertThat(evaluate("LicenseRef-not-in-the-vocabulary", VOCABULARY)).isEqualTo(LicenseAttributes.UNKNOWN);
    }

    /** The shipped table plus a LicenseRef whose attributes are all unrecorded. */
    private static final LicenseAttributeTable WITH_UNRECORDED = withUnrecorded();

    private static LicenseAttributeTable withUnrecorded() {
        Map<String, LicenseAttributes> byId = new java.util.HashMap<>();
        VocabularyLicenses.ids().forEach(id -> byId.put(id, VOCABULARY.find(id).orElseThrow()));
        byId.put("LicenseRef-unrecorded", LicenseAttributes.UNKNOWN);
        return new LicenseAttributeTable(byId);
    }

    @Test
    void licenseRefWithUnrecordedAttributesIsUnknown() {
        assertThat(evaluate("LicenseRef-unrecorded", WITH_UNRECORDED)).isEqualTo(LicenseAttributes.UNKNOWN);
        assertThat(evaluate("LicenseRef-HCP-Open-Access", VOCABULARY))
                .isEqualTo(new LicenseAttributes(null, true, true, true));
    }

    @Test
    void orLaterAndExceptionTakeTheBaseLicensesAttributes() {
        LicenseAttributes gpl = new LicenseAttributes(true, true, true, true);
        LicenseAttributeTable table = new LicenseAttributeTable(Map.of("GPL-2.0", gpl));

        assertThat(evaluate("GPL-2.0+", table)).isEqualTo(gpl);
        assertThat(evaluate("GPL-2.0 WITH Classpath-exception-2.0", table)).isEqualTo(gpl);
        assertThat(evaluate("GPL-2.0+ WITH Classpath-exception-2.0", table)).isEqualTo(gpl);
    }

    @Test
    void nonCommercialAndAttributionIsNonCommercial() {
        assertThat(evaluate("CC-BY-NC-4.0 AND CC-BY-4.0", VOCABULARY))
                .isEqualTo(new LicenseAttributes(false, true, false, true));
    }

    @Test
    void nonCommercialOrPublicDomainAllowsCommercialUse() {
        assertThat(evaluate("CC-BY-NC-4.0 OR CC0-1.0", VOCABULARY))
                .isEqualTo(new LicenseAttributes(true, true, false, false));
    }

    @Test
    void knownRestrictionWinsOverAnUnknownLicense() {
        assertThat(evaluate("CC-BY-NC-ND-4.0 AND LicenseRef-unrecorded", WITH_UNRECORDED))
                .isEqualTo(new LicenseAttributes(false, false, null, true));
        assertThat(evaluate("CC0-1.0 OR LicenseRef-unrecorded", WITH_UNRECORDED))
                .isEqualTo(new LicenseAttributes(true, true, false, false));
        assertThat(evaluate("CC-BY-4.0 OR LicenseRef-unrecorded", WITH_UNRECORDED))
                .isEqualTo(new LicenseAttributes(true, true, false, null));
    }

    @Test
    void shareAlikeIdsAreTheIdsThatAreShareAlikeOnTheirOwn() {
        assertThat(LicenseEvaluator.shareAlikeIds(
                LicenseExpression.parse("CC-BY-SA-4.0 AND ODbL-1.0 AND CC-BY-4.0 AND LicenseRef-fastMRI-DSA"),
                VOCABULARY)).containsExactlyInAnyOrder("CC-BY-SA-4.0", "ODbL-1.0");
    }

    private static LicenseAttributes evaluate(String expression, LicenseAttributeTable table) {
        return LicenseEvaluator.attributes(LicenseExpression.parse(expression), table);
    }
}
