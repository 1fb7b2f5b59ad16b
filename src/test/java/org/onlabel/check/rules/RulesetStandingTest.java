package org.onlabel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RulesetStandingTest {

    @Test
    void theShippedRulesetMarksLicenseConflictsAndRetractionAsStanding() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("rules/ruleset.yaml")) {
            Ruleset ruleset = RulesetLoader.load(in);
            assertThat(ruleset.rules().stream().filter(Rule::standing).map(Rule::id)).containsExactlyInAnyOrder(
                    "license.no-derivatives", "license.share-alike", "license.noncommercial-dropped", "any.retracted-ancestor");
        }
    }

    @Test
    void standingMustBeABoolean() {
        String yaml = """
                version: "t"
                rules:
                  - id: x.y
                    tasks: ["*"]
                    severity: caution
                    basis: policy
                    rationale: "test"
                    standing: "yes"
                    condition: {taskNotIntended: true}
                    message: "{task} is not intended"
                """;
        assertThatThrownBy(() -> RulesetLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(RulesetException.class).hasMessageContaining("x.y").hasMessageContaining("standing");
    }
}
