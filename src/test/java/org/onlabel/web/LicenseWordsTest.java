package org.onlabel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.onlabel.license.LicenseAttributes;

class LicenseWordsTest {
    private static final Map<String, LicenseAttributes> TABLE = Map.of(
            "CC-BY-NC-SA-4.0", new LicenseAttributes(false, true, true, true),
            "CC-BY-4.0", new LicenseAttributes(true, true, false, true));

    @Test
    void namesEachTermOfEachLicense() {
        assertThat(LicenseWords.describe("CC-BY-NC-SA-4.0", id -> Optional.ofNullable(TABLE.get(id))))
                .containsExactly("CC-BY-NC-SA-4.0: no commercial use; derived data may be shared; derived data must keep "
                        + "the same license; credit the source.");
    }

    @Test
    void saysWhatAChoiceMeansAndWhatIsNotRecorded() {
        assertThat(LicenseWords.describe("(CC-BY-4.0 OR LicenseRef-Custom)", id -> Optional.ofNullable(TABLE.get(id))))
                .containsExactly("You may choose among the licenses joined by OR; those joined by AND all apply.",
                        "CC-BY-4.0: commercial use allowed; derived data may be shared; credit the source.",
                        "LicenseRef-Custom: commercial use: not recorded; derived data: not recorded; attribution: not recorded.");
    }

    @Test
    void noLicenseMeansAsk() {
        assertThat(LicenseWords.describe(null, id -> Optional.empty())).singleElement().asString().startsWith("No license");
    }
}
