package org.onlabel.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.onlabel.license.LicenseNode.And;
import org.onlabel.license.LicenseNode.Or;
import org.onlabel.license.LicenseNode.Single;
import org.onlabel.license.LicenseNode.With;

class LicenseExpressionTest {

    static List<String> vocabularyLicenseIds() {
        return VocabularyLicenses.ids();
    }

    @ParameterizedTest
    @MethodSource("vocabularyLicenseIds")
    void parsesEveryLicenseOfTheVocabulary(String id) {
        LicenseExpression expression = LicenseExpression.parse(id);

        assertThat(expression.root()).isEqualTo(new Single(id, false));
        assertThat(expression.canonical()).isEqualTo(id);
        assertThat(expression.licenseIds()).containsExactly(id);
    }

    @Test
    void vocabularyHasLicenses() {
        assertThat(vocabularyLicenseIds()).hasSizeGreaterThanOrEqualTo(20).contains("CC-BY-NC-4.0", "C-UDA-1.0");
    }

    @Test
    void listedIdsAreMatchedIgnoringCaseAndSpelledTheSpdxWay() {
        assertThat(LicenseExpression.parse("cc-by-nc-sa-4.0").canonical()).isEqualTo("CC-BY-NC-SA-4.0");
        assertThat(LicenseExpression.parse("odc-by-1.0").canonical()).isEqualTo("ODC-By-1.0");
    }

    @Test
    void parsesNestedAndOrIntoTheTree() {
        LicenseExpression expression = LicenseExpression.parse("CC-BY-4.0 AND (CC0-1.0 OR PDDL-1.0)");

        assertThat(expression.root()).isEqualTo(new And(List.of(
                new Single("CC-BY-4.0", false),
                new Or(List.of(new Single("CC0-1.0", false), new Single("PDDL-1.0", false))))));
        assertThat(expression.canonical()).isEqualTo("CC-BY-4.0 AND (CC0-1.0 OR PDDL-1.0)");
        assertThat(expression.licenseIds()).containsExactly("CC-BY-4.0", "CC0-1.0", "PDDL-1.0");
    }

    @Test
    void andBindsTighterThanOr() {
        LicenseExpression expression = LicenseExpression.parse("MIT OR Apache-2.0 AND CC0-1.0");

        assertThat(expression.root()).isInstanceOf(Or.class);
        assertThat(expression.canonical()).isEqualTo("(Apache-2.0 AND CC0-1.0) OR MIT");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            CC-BY-4.0 AND (CC0-1.0 AND PDDL-1.0)    | CC-BY-4.0 AND CC0-1.0 AND PDDL-1.0
            ((CC-BY-4.0))                           | CC-BY-4.0
            CC-BY-4.0 AND CC-BY-4.0                 | CC-BY-4.0
            PDDL-1.0 OR CC0-1.0                     | CC0-1.0 OR PDDL-1.0
            (CC0-1.0 OR PDDL-1.0) AND CC-BY-SA-4.0  | CC-BY-SA-4.0 AND (CC0-1.0 OR PDDL-1.0)
            MIT   AND    Apache-2.0                 | Apache-2.0 AND MIT
            """)
    void canonicalFormIsFlattenedDeduplicatedAndSorted(String text, String canonical) {
        assertThat(LicenseExpression.parse(text).canonical()).isEqualTo(canonical);
    }

    @Test
    void expressionsWithTheSameCanonicalFormAreEqual() {
        assertThat(LicenseExpression.parse("CC-BY-4.0 AND ODbL-1.0"))
                .isEqualTo(LicenseExpression.parse("odbl-1.0 and cc-by-4.0"))
                .hasSameHashCodeAs(LicenseExpression.parse("ODbL-1.0 AND CC-BY-4.0"));
    }

    @Test
    void acceptsLowerCaseOperators() {
        LicenseExpression expression = LicenseExpression.parse("cc-by-4.0 and (cc0-1.0 or pddl-1.0)");

        assertThat(expression.canonical()).isEqualTo("CC-BY-4.0 AND (CC0-1.0 OR PDDL-1.0)");
        assertThat(LicenseExpression.parse("GPL-2.0-only with Classpath-exception-2.0").canonical())
                .isEqualTo("GPL-2.0-only WITH Classpath-exception-2.0");
    }

    @Test
    void parsesWithException() {
        LicenseExpression expression = LicenseExpression.parse("GPL-2.0-or-later WITH classpath-exception-2.0");

        assertThat(expression.root()).isEqualTo(
                new With(new Single("GPL-2.0-or-later", false), "Classpath-exception-2.0"));
        assertThat(expression.canonical()).isEqualTo("GPL-2.0-or-later WITH Classpath-exception-2.0");
        assertThat(expression.licenseIds()).containsExactly("GPL-2.0-or-later");
    }

    @Test
    void parsesWithInsideCompoundExpressions() {
        LicenseExpression expression = LicenseExpression.parse(
                "CC-BY-4.0 OR GPL-2.0-only WITH Classpath-exception-2.0 AND MIT");

        assertThat(expression.canonical()).isEqualTo("CC-BY-4.0 OR (GPL-2.0-only WITH Classpath-exception-2.0 AND MIT)");
        assertThat(expression.licenseIds()).containsExactlyInAnyOrder("CC-BY-4.0", "GPL-2.0-only", "MIT");
    }

    @Test
    void parsesOrLater() {
        assertThat(LicenseExpression.parse("GPL-2.0+").root()).isEqualTo(new Single("GPL-2.0", true));
        assertThat(LicenseExpression.parse("GPL-2.0+").canonical()).isEqualTo("GPL-2.0+");
        assertThat(LicenseExpression.parse("GPL-2.0+").licenseIds()).containsExactly("GPL-2.0");
        assertThat(LicenseExpression.parse("LGPL-2.1+ WITH Classpath-exception-2.0").root())
                .isEqualTo(new With(new Single("LGPL-2.1", true), "Classpath-exception-2.0"));
        assertThat(LicenseExpression.parse("CC-BY-4.0 AND (GPL-2.0+)").canonical()).isEqualTo("CC-BY-4.0 AND GPL-2.0+");
    }

    @Test
    void acceptsUnknownButWellFormedLicenseRefs() {
        LicenseExpression expression = LicenseExpression.parse("LicenseRef-My-Hospital-DUA.v2 AND CC-BY-4.0");

        assertThat(expression.licenseIds()).containsExactlyInAnyOrder("LicenseRef-My-Hospital-DUA.v2", "CC-BY-4.0");
        assertThat(LicenseExpression.parse("licenseref-local-terms").canonical()).isEqualTo("LicenseRef-local-terms");
        assertThat(LicenseExpression.parse("LicenseRef-local WITH Classpath-exception-2.0").root())
                .isEqualTo(new With(new Single("LicenseRef-local", false), "Classpath-exception-2.0"));
    }

    @Test
    void acceptsLicenseRefsOfOtherDocuments() {
        LicenseExpression expression = LicenseExpression.parse(
                "DocumentRef-tcia-collection:LicenseRef-Collection-Terms OR (CC-BY-4.0 AND DocumentRef-b.1:LicenseRef-x)");

        assertThat(expression.licenseIds()).containsExactlyInAnyOrder(
                "DocumentRef-tcia-collection:LicenseRef-Collection-Terms", "CC-BY-4.0", "DocumentRef-b.1:LicenseRef-x");
        assertThat(LicenseExpression.parse(expression.canonical())).isEqualTo(expression);
    }

    @Test
    void acceptsAdditionRefExceptions() {
        assertThat(LicenseExpression.parse("CC-BY-4.0 WITH AdditionRef-Registry-Waiver").root())
                .isEqualTo(new With(new Single("CC-BY-4.0", false), "AdditionRef-Registry-Waiver"));
    }

    @ParameterizedTest
    @MethodSource("vocabularyLicenseIds")
    void canonicalTextParsesBackToTheSameExpression(String id) {
        LicenseExpression expression = LicenseExpression.parse(id + " OR (CC-BY-4.0 AND LicenseRef-x)");

        assertThat(LicenseExpression.parse(expression.canonical())).isEqualTo(expression);
    }

    @Test
    void parsesConcurrently() {
        List<String> canonical = IntStream.range(0, 400).parallel()
                .mapToObj(i -> LicenseExpression.parse("LicenseRef-x" + (i % 4) + " OR (cc-by-4.0 and odbl-1.0)"))
                .map(LicenseExpression::canonical)
                .distinct()
                .toList();

        assertThat(canonical).hasSize(4).allMatch(text -> text.startsWith("(CC-BY-4.0 AND ODbL-1.0) OR LicenseRef-x"));
    }

    @Test
    void treeAndIdsAreImmutable() {
        LicenseExpression expression = LicenseExpression.parse("CC-BY-4.0 AND CC0-1.0");

        assertThatThrownBy(() -> expression.licenseIds().add("MIT")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((And) expression.root()).operands().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t"})
    void rejectsEmptyText(String text) {
        assertThatThrownBy(() -> LicenseExpression.parse(text))
                .isInstanceOf(InvalidLicenseExpressionException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void rejectsATypoAndSuggestsTheListedId() {
        assertThatThrownBy(() -> LicenseExpression.parse("CC-BY-4"))
                .isInstanceOf(InvalidLicenseExpressionException.class)
                .hasMessageStartingWith("'CC-BY-4' is not an SPDX license id; did you mean CC-BY-4.0")
                .hasMessageContaining("LicenseRef-");
        assertThatThrownBy(() -> LicenseExpression.parse("CC-BY-NC-4.0 AND CC-BY-SA-4"))
                .hasMessageContaining("'CC-BY-SA-4' is not an SPDX license id; did you mean CC-BY-SA-4.0");
    }

    /** A syntactically valid id that is not on the SPDX list is an error: it would otherwise lose its attributes. */
    @Test
    void rejectsIdsThatAreNotOnTheSpdxList() {
        assertThatThrownBy(() -> LicenseExpression.parse("Hospital-Data-License-1.0 OR CC0-1.0"))
                .isInstanceOf(InvalidLicenseExpressionException.class)
                .hasMessageStartingWith("'Hospital-Data-License-1.0' is not an SPDX license id.")
                .hasMessageContaining("use a LicenseRef-… id");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            MIT AND                                            | check that every operator (e.g. AND and OR) has operators
            AND MIT                                            | check that every operator
            MIT OR                                             | check that every operator
            (MIT                                               | Parentheses in '(MIT' do not match: 1 '(' but 0 ')'
            MIT AND (Apache-2.0                                | do not match
            MIT)                                               | do not match
            MIT Apache-2.0                                     | join licenses with AND, OR or WITH
            MIT OR OR Apache-2.0                               | check that every operator
            GPL-2.0 ++                                         | Missing license for the '+' or later operator
            MIT WITH                                           | Missing exception clause
            MIT And Apache-2.0                                 | Write the operator 'And' as AND
            MIT WITH Foo-exception-1.0                         | 'Foo-exception-1.0' is not an SPDX license exception id
            MIT WITH classpath-exception                       | did you mean Classpath-exception-2.0?
            MIT WITH LicenseRef-x                              | WITH takes a license exception
            MIT WITH Apache-2.0                                | 'Apache-2.0' follows WITH, but WITH takes a license exception
            (MIT AND Apache-2.0) WITH Classpath-exception-2.0  | WITH applies to a single license
            MIT WITH Classpath-exception-2.0 WITH LLVM-exception | WITH applies to a single license
            Classpath-exception-2.0                            | 'Classpath-exception-2.0' is a license exception; attach it to a license with WITH
            LicenseRef-                                        | 'LicenseRef-' is not a well-formed reference
            LicenseRef-x+                                      | '+' (or later) applies only to SPDX license ids
            NONE                                               | 'NONE' is not a license
            NOASSERTION                                        | 'NOASSERTION' is not a license
            MIT AND NONE                                       | 'NONE' is not a license
            """)
    void rejectsInvalidExpressionsWithAnActionableMessage(String text, String message) {
        assertThatThrownBy(() -> LicenseExpression.parse(text))
                .isInstanceOf(InvalidLicenseExpressionException.class)
                .hasMessageContaining(message);
    }
}
