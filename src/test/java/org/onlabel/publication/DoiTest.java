package org.onlabel.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DoiTest {

    @ParameterizedTest
    @ValueSource(strings = {"10.1148/ryai.2020190007", "10.1148/RYAI.2020190007", "https://doi.org/10.1148/ryai.2020190007",
            "HTTPS://DOI.ORG/10.1148/ryai.2020190007", "http://dx.doi.org/10.1148/ryai.2020190007", "doi:10.1148/ryai.2020190007",
            "DOI:10.1148/Ryai.2020190007", "10.1148%2Fryai.2020190007", "10.1148%2fryai.2020190007",
            "https%3A%2F%2Fdoi.org%2F10.1148%2Fryai.2020190007", "  10.1148/ryai.2020190007  "})
    void everyAcceptedSpellingNormalisesToTheSameDoi(String spelling) {
        assertThat(Doi.parse(spelling)).isEqualTo(new Doi("10.1148/ryai.2020190007"));
        assertThat(Doi.parse(spelling).url()).isEqualTo("https://doi.org/10.1148/ryai.2020190007");
    }

    @Test
    void keepsSlashesInsideTheSuffixAndSubRegistrants() {
        assertThat(Doi.parse("10.7937/K9/TCIA.2016.7O02S9CY").value()).isEqualTo("10.7937/k9/tcia.2016.7o02s9cy");
        assertThat(Doi.parse("10.1000.10/abc").value()).isEqualTo("10.1000.10/abc");
        assertThat(Doi.parse("10.48550/arXiv.1811.08839").value()).isEqualTo("10.48550/arxiv.1811.08839");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "ryai.2020190007", "11.1148/ryai", "10.11/short-registrant", "10.1148/",
            "10.1148", "https://example.org/10.1148/ryai", "10.1148/has space", "10.1148/tab\there", "arXiv:1811.08839",
            "10.1148%2", "10.1148%zzryai", "doi:", "10.abcd/x"})
    void invalidSyntaxIsRefusedWithAReason(String input) {
        assertThatThrownBy(() -> Doi.parse(input)).isInstanceOf(Doi.InvalidDoiException.class)
                .hasMessageNotContaining("Exception");
    }

    @Test
    void refusesOverlongInput() {
        assertThatThrownBy(() -> Doi.parse("10.1148/" + "a".repeat(400))).isInstanceOf(Doi.InvalidDoiException.class)
                .hasMessageContaining("at most");
    }

    @Test
    void theConstructorTakesOnlyTheNormalForm() {
        assertThatThrownBy(() -> new Doi("10.1148/RYAI")).isInstanceOf(Doi.InvalidDoiException.class);
        assertThatThrownBy(() -> new Doi("doi:10.1148/ryai")).isInstanceOf(Doi.InvalidDoiException.class);
    }

    @Test
    void relationsAreCaseInsensitiveAndReadFromTheDatasetsSide() {
        assertThat(Relation.of("isdescribedby")).contains(Relation.IS_DESCRIBED_BY);
        assertThat(Relation.of("References").orElseThrow().dataciteFromDataset()).isEqualTo("IsReferencedBy");
        assertThat(Relation.of("IsCitedBy").orElseThrow().dataciteFromDataset()).isEqualTo("IsCitedBy");
        assertThat(Relation.of("Cites")).isEmpty();
    }
}
