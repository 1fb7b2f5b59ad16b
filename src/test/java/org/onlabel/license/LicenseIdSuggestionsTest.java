package org.onlabel.license;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LicenseIdSuggestionsTest {

    private static final List<String> IDS = List.of("CC-BY-3.0", "CC-BY-4.0", "CC-BY-SA-4.0", "MIT", "MIT-0");

    @Test
    void suggestsIdsThatStartWithTheTypedText() {
        assertThat(LicenseIdSuggestions.closest("cc-by-4", IDS)).containsExactly("CC-BY-4.0");
    }

    @Test
    void suggestsIdsWithinTwoEdits() {
        assertThat(LicenseIdSuggestions.closest("CC-BY-4.1", IDS)).containsExactly("CC-BY-4.0", "CC-BY-3.0");
        assertThat(LicenseIdSuggestions.closest("MIT-1", IDS)).containsExactly("MIT-0");
    }

    @Test
    void suggestsNothingForUnrelatedText() {
        assertThat(LicenseIdSuggestions.closest("Hospital-Data-License", IDS)).isEmpty();
    }

    @Test
    void suggestsNothingForVeryShortWords() {
        assertThat(LicenseIdSuggestions.closest("M", IDS)).isEmpty();
        assertThat(LicenseIdSuggestions.closest("cc", IDS)).isEmpty();
    }
}
