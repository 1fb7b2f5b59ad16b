package org.onlabel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RepresentationFieldsTest {
    @Test
    void theFieldsAMissingRepresentationFindingNamesAreReadBackFromTheEnginesOwnMessage() {
        Lineages c = new Lineages();
        c.dataset("d").intended("mri-reconstruction").representation(null, true, "multi", "none", 16);
        CheckOutcome outcome = Lineages.shippedEngine().evaluate("mri-reconstruction", Lineages.NON_COMMERCIAL,
                List.of(c.roled("any", "d")));
        Finding missing = outcome.findings().stream().filter(f -> f.rule().equals("any.unknown-representation"))
                .findFirst().orElseThrow();
        assertThat(RepresentationFields.namedIn(missing.message())).containsExactly("domain");
    }

    @Test
    void aMessageWithoutThePhrasesNamesNoField() {
        assertThat(RepresentationFields.namedIn("The domain is fine; coils are multi")).isEmpty();
        assertThat(RepresentationFields.namedIn(null)).isEmpty();
        assertThat(RepresentationFields.namedIn(RepresentationFields.phraseOf("bitDepth") + " (needed by x)"))
                .containsExactly("bitDepth");
        assertThatThrownBy(() -> RepresentationFields.phraseOf("colour")).isInstanceOf(IllegalArgumentException.class);
    }
}
