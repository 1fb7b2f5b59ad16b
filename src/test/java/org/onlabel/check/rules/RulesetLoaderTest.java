package org.onlabel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RulesetLoaderTest {
    private static final String VALID_RULE = """
              - id: recon.zero-padding
                tasks: [mri-reconstruction]
                severity: violation
                basis: literature
                condition: { historyHasAny: [resampling] }
                message: "{step} by {dataset}"
                rationale: "Zero-padding inflates reconstruction quality."
            """;

    @Test
    void shippedRulesetLoadsWithEveryRulesMdId() {
        Ruleset ruleset = Lineages.shippedRuleset();

        assertThat(ruleset.version()).isEqualTo("2026.12.2");
        assertThat(ruleset.rules()).extracting(Rule::id).containsAll(RulesMd.IDS).doesNotHaveDuplicates();
        assertThat(ruleset.rules()).allSatisfy(rule -> {
            assertThat(rule.rationale()).as(rule.id()).isNotBlank();
            assertThat(rule.tasks()).as(rule.id()).isNotEmpty();
            assertThat(rule.basis()).as(rule.id()).isNotNull();
        });
        assertThat(new RuleEngine(ruleset, Set.of())).isNotNull();
    }

    @Test
    void inferenceRulesSayInferenceInTheirRationale() {
        assertThat(Lineages.shippedRuleset().rules()).filteredOn(rule -> rule.basis() == Basis.INFERENCE)
                .allSatisfy(rule -> assertThat(rule.rationale()).as(rule.id()).containsIgnoringCase("inference"));
    }

    @Test
    void rulesSerialiseForTheRulesEndpointWithTheOriginalCondition() throws Exception {
        Ruleset ruleset = load(VALID_RULE.replace("{ historyHasAny: [resampling] }",
                "{ anyOf: [ { historyHasAny: [resampling] }, { representation: { field: complex, equals: false } } ] }"));

        JsonNode json = new ObjectMapper().valueToTree(ruleset);

        assertThat(json.get("version").asText()).isEqualTo("2026.12.1");
        JsonNode rule = json.get("rules").get(0);
        assertThat(rule.get("id").asText()).isEqualTo("recon.zero-padding");
        assertThat(rule.get("severity").asText()).isEqualTo("violation");
        assertThat(rule.get("basis").asText()).isEqualTo("literature");
        assertThat(rule.get("tasks").get(0).asText()).isEqualTo("mri-reconstruction");
        assertThat(rule.get("condition").get("anyOf").get(1).get("representation").get("equals").asBoolean())
                .isFalse();
        assertThat(rule.has("message")).isTrue();
        assertThat(rule.has("rationale")).isTrue();
        assertThat(rule.get("references").isArray()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "unknown condition type | condition: { historyHasAny: [resampling] } | condition: { historyHas: [resampling] } | unknown condition type 'historyHas'",
            "missing tasks | tasks: [mri-reconstruction] | `` | missing 'tasks'",
            "empty task list | tasks: [mri-reconstruction] | tasks: [] | 'tasks' is empty",
            "missing severity | severity: violation | `` | missing 'severity'",
            "unknown severity | severity: violation | severity: fatal | unknown severity 'fatal'",
            "missing condition | condition: { historyHasAny: [resampling] } | `` | missing 'condition'",
            "missing message | message: \"{step} by {dataset}\" | `` | missing 'message'",
            "unknown placeholder | {step} by {dataset} | {stepp} by {dataset} | unknown placeholder(s) [stepp]",
            "unknown basis | basis: literature | basis: folklore | unknown basis 'folklore'",
            "typo in a field | basis: literature | basys: literature | unexpected field 'basys'",
            "missing basis | basis: literature | `` | missing 'basis'",
            "missing rationale | rationale: \"Zero-padding inflates reconstruction quality.\" | `` | missing 'rationale'",
            "empty modalities | tasks: [mri-reconstruction] | `tasks: [mri-reconstruction]\n    modalities: []` | 'modalities' is empty",
            "modality anyOf and noneOf | { historyHasAny: [resampling] } | { modality: { anyOf: [MR], noneOf: [CT] } } | exactly one of 'anyOf' or 'noneOf'",
            "license missing scope | { historyHasAny: [resampling] } | { lineageLicenseMissing: parents } | expected true (any dataset of the lineage) or checked",
            "step list is text | [resampling] | resampling | condition.historyHasAny: expected a non-empty list",
            "empty anyOf | { historyHasAny: [resampling] } | { anyOf: [] } | condition.anyOf: expected a non-empty list of conditions",
            "nested bad field | { historyHasAny: [resampling] } | { allOf: [ { historyHasAny: [a] }, { representation: { field: colour, equals: x } } ] } | condition.allOf[1].representation.field: unknown representation field 'colour'",
            "two condition types | { historyHasAny: [resampling] } | { historyHasAny: [a], taskNotIntended: true } | expected an object with exactly one condition type",
            "equals and notEquals | { historyHasAny: [resampling] } | { representation: { field: domain, equals: a, notEquals: b } } | exactly one of 'equals' or 'notEquals'",
            "flag not true | { historyHasAny: [resampling] } | { lineageContraindicates: yes please } | condition.lineageContraindicates: expected true or false",
            "bad license attribute | { historyHasAny: [resampling] } | { lineageLicense: { attribute: free, equals: false } } | unknown license attribute 'free'",
            "bad edge | { historyHasAny: [resampling] } | { derivationEdge: { parentAttribute: shareAlike } } | condition.derivationEdge: missing 'equals'",
            "one role | { historyHasAny: [resampling] } | { sharedAncestorBetweenRoles: [train] } | expected two different roles",
            "bad ifMissing | { historyHasAny: [resampling] } | { historyStep: { step: a, parameter: b, equals: c, ifMissing: maybe } } | ifMissing: expected unknown, match or noMatch" })
    void badRuleFailsNamingTheRuleAndTheProblem(String problem, String replace, String with, String expected) {
        String yaml = VALID_RULE.replace(replace, with);

        assertThatThrownBy(() -> load(yaml)).isInstanceOf(RulesetException.class)
                .hasMessageStartingWith("rule 'recon.zero-padding': ").hasMessageContaining(expected);
    }

    @Test
    void missingIdNamesThePosition() {
        assertThatThrownBy(() -> load(VALID_RULE + VALID_RULE.replace("id: recon.zero-padding", "name: x")))
                .isInstanceOf(RulesetException.class).hasMessage("rule #2: missing 'id'");
    }

    @Test
    void duplicateIdIsRejected() {
        assertThatThrownBy(() -> load(VALID_RULE + VALID_RULE)).isInstanceOf(RulesetException.class)
                .hasMessage("rule 'recon.zero-padding': duplicate id (rule #2)");
    }

    @Test
    void rulesetWithoutVersionOrRulesOrValidYamlIsRejected() {
        assertThatThrownBy(() -> loadRaw("rules: []\n")).hasMessage("the ruleset has no 'version'");
        assertThatThrownBy(() -> loadRaw("version: \"1\"\nrules: []\n")).hasMessage("the ruleset has no 'rules' list");
        assertThatThrownBy(() -> loadRaw("version: [\n")).isInstanceOf(RulesetException.class)
                .hasMessageStartingWith("the ruleset is not valid YAML");
    }

    private static Ruleset load(String rules) {
        return loadRaw("version: \"2026.12.1\"\nrules:\n" + rules);
    }

    private static Ruleset loadRaw(String yaml) {
        return RulesetLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }
}
