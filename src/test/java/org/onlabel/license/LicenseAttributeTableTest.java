package org.onlabel.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LicenseAttributeTableTest {

    private static final LicenseAttributes BY = new LicenseAttributes(true, true, false, true);

    @Test
    void findsIdsIgnoringCase() {
        LicenseAttributeTable table = new LicenseAttributeTable(Map.of("CC-BY-4.0", BY));

        assertThat(table.find("cc-by-4.0")).contains(BY);
        assertThat(table.find("CC-BY-4.0")).contains(BY);
        assertThat(table.find("CC-BY-3.0")).isEmpty();
        assertThat(table.find(null)).isEmpty();
    }

    @Test
    void isACopyOfTheGivenMap() {
        Map<String, LicenseAttributes> source = new HashMap<>(Map.of("CC-BY-4.0", BY));
        LicenseAttributeTable table = new LicenseAttributeTable(source);

        source.put("CC0-1.0", BY);

        assertThat(table.find("CC0-1.0")).isEmpty();
        assertThat(table.size()).isEqualTo(1);
    }

    @Test
    void rejectsIdsThatDifferOnlyInCase() {
        Map<String, LicenseAttributes> source = Map.of("LicenseRef-a", BY, "licenseref-A", LicenseAttributes.UNKNOWN);

        assertThatThrownBy(() -> new LicenseAttributeTable(source))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("listed twice");
    }

    @Test
    void vocabularyTableHasEveryLicenseTerm() {
        LicenseAttributeTable table = VocabularyLicenses.table();

        assertThat(table.size()).isEqualTo(VocabularyLicenses.ids().size());
        assertThat(table.find("CC-BY-ND-4.0")).contains(new LicenseAttributes(true, false, false, true));
        assertThat(table.find("LicenseRef-Stanford-AIMI-RUA")).contains(new LicenseAttributes(false, false, false, false));
        assertThat(table.find("LicenseRef-fastMRI-DSA")).contains(new LicenseAttributes(null, null, null, true));
    }
}
