package org.onlabel.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onlabel.check.rules.CheckOutcome;
import org.onlabel.check.rules.Finding;
import org.onlabel.check.rules.IntroducedBy;
import org.onlabel.check.rules.RepresentationFields;
import org.onlabel.check.rules.Severity;
import org.onlabel.check.rules.Verdict;
import org.onlabel.dataset.RegistrationWarning;

class RegistrationWarningsTest {
    private static final String KEY = "knee-new";
    private static final String RECON = "mri-reconstruction";

    private static Finding finding(String rule, Severity severity, String origin, String message) {
        return new Finding(rule, severity, KEY, new IntroducedBy(origin, null, null), List.of(KEY), message, List.of());
    }

    private static CheckOutcome outcome(String task, Verdict verdict, Finding... findings) {
        return new CheckOutcome(verdict, task, "test", List.of(), List.of(findings));
    }

    private static String missingRepresentation(String... ids) {
        StringBuilder detail = new StringBuilder();
        for (String id : ids) {
            detail.append(detail.length() == 0 ? "" : "; ").append(RepresentationFields.phraseOf(id))
                    .append(" (needed by recon.requires-raw-kspace)");
        }
        return "The representation of knee-new does not record " + detail + "; rules for x cannot decide without it.";
    }

    @Test
    void anOffLabelUseNamesEachDecidingViolationAndAContraindicationItsOrigin() {
        Map<String, CheckOutcome> byTask = new LinkedHashMap<>();
        byTask.put(RECON, outcome(RECON, Verdict.OFF_LABEL,
                finding("recon.synthetic-kspace", Severity.VIOLATION, "knee-new", "simulated"),
                finding("cohort.single-vendor", Severity.CAUTION, "knee-new", "one vendor"),
                finding("license.unknown", Severity.UNKNOWN, "knee-new", "no license")));
        byTask.put("segmentation", outcome("segmentation", Verdict.OFF_LABEL,
                finding("any.contraindicated", Severity.VIOLATION, "parent-x", "no masks")));

        List<RegistrationWarning> warnings = RegistrationWarnings.forIntendedUses(KEY, byTask);

        assertThat(warnings).extracting(RegistrationWarning::code, RegistrationWarning::task, RegistrationWarning::rule,
                RegistrationWarning::field, RegistrationWarning::dataset).containsExactly(
                tuple("off-label-intended-use", RECON, "recon.synthetic-kspace", null, KEY),
                tuple("contraindicated-intended-use", "segmentation", "any.contraindicated", null, "parent-x"));
        assertThat(warnings.get(0).message()).contains("'" + RECON + "'", "OFF_LABEL", "simulated");
        assertThat(warnings.get(1).message()).contains("inherited from 'parent-x'", "no masks");
    }

    @Test
    void aRuleFoundAtManyAncestorsWarnsOnceNamingTheNearestAndCountingTheOthers() {
        Finding nearest = new Finding("recon.zero-padding", Severity.VIOLATION, KEY, new IntroducedBy("parent", "resampling", 0),
                List.of(KEY, "parent"), "zero-filled by parent", List.of());
        Finding far = new Finding("recon.zero-padding", Severity.VIOLATION, KEY,
                new IntroducedBy("grandparent", "resampling", 0), List.of(KEY, "parent", "grandparent"), null, List.of());
        Finding farther = new Finding("recon.zero-padding", Severity.VIOLATION, KEY,
                new IntroducedBy("root", "resampling", 1), List.of(KEY, "parent", "grandparent", "root"), null, List.of());
        CheckOutcome recon = outcome(RECON, Verdict.OFF_LABEL, nearest, far, farther);

        assertThat(RegistrationWarnings.quoted(recon.findings())).containsExactly(nearest);
        List<RegistrationWarning> warnings = RegistrationWarnings.forIntendedUses(KEY, Map.of(RECON, recon));

        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.dataset()).isEqualTo("parent");
            assertThat(w.message()).contains("zero-filled by parent").contains("2 more datasets upstream");
        });
    }

    @Test
    void anUnknownUseNamesTheFieldsOfTheDatasetToFillAndUpstreamGapsOnlyByRule() {
        Map<String, CheckOutcome> byTask = Map.of(RECON, outcome(RECON, Verdict.UNKNOWN,
                finding("any.unknown-representation", Severity.UNKNOWN, KEY, missingRepresentation("domain", "coils")),
                finding("license.unknown", Severity.UNKNOWN, KEY, "License facts your purpose needs are missing"),
                finding("any.unregistered-ancestor", Severity.UNKNOWN, "doi-stub", "known only by name"),
                finding("recon.not-mr", Severity.UNKNOWN, KEY, "Rule recon.not-mr cannot be decided for x and y: "
                        + "the modality of " + KEY + " is not recorded."),
                finding("cohort.single-vendor", Severity.CAUTION, KEY, "one vendor")));

        List<RegistrationWarning> warnings = RegistrationWarnings.forIntendedUses(KEY, byTask);

        assertThat(warnings).extracting(RegistrationWarning::code, RegistrationWarning::rule, RegistrationWarning::field,
                RegistrationWarning::dataset).containsExactly(
                tuple("missing-facts", "any.unknown-representation", "representation.domain", KEY),
                tuple("missing-facts", "any.unknown-representation", "representation.coils", KEY),
                tuple("missing-facts", "license.unknown", "license", KEY),
                tuple("missing-facts", "any.unregistered-ancestor", null, "doi-stub"),
                tuple("missing-facts", "recon.not-mr", "modalities", KEY));
        assertThat(warnings).allSatisfy(w -> assertThat(w.task()).isEqualTo(RECON));
        assertThat(warnings.get(0).message()).startsWith("Checks of '" + RECON + "' will be UNKNOWN until representation.domain");
    }

    @Test
    void usesThatPassOrAreOnlyCautionAnswerNothingAndAnOffLabelUseIgnoresItsUnknowns() {
        Map<String, CheckOutcome> byTask = new LinkedHashMap<>();
        byTask.put(RECON, outcome(RECON, Verdict.CAUTION, finding("cohort.single-vendor", Severity.CAUTION, KEY, "x")));
        byTask.put("denoising", outcome("denoising", Verdict.ON_LABEL,
                finding("use.requires-approval", Severity.INFO, KEY, "IRB")));
        assertThat(RegistrationWarnings.forIntendedUses(KEY, byTask)).isEmpty();

        Map<String, CheckOutcome> offLabel = Map.of(RECON, outcome(RECON, Verdict.OFF_LABEL,
                finding("recon.requires-raw-kspace", Severity.VIOLATION, KEY, "image"),
                finding("license.unknown", Severity.UNKNOWN, KEY, "no license")));
        assertThat(RegistrationWarnings.forIntendedUses(KEY, offLabel)).extracting(RegistrationWarning::code)
                .containsExactly("off-label-intended-use");
    }

    @Test
    void withoutIntendedUsesOnlyTheGapsOfEveryTaskAreNamedWithoutATask() {
        Map<String, CheckOutcome> everyTask = new LinkedHashMap<>();
        everyTask.put(RECON, outcome(RECON, Verdict.UNKNOWN,
                finding("license.unknown", Severity.UNKNOWN, KEY, "no license"),
                finding("any.unknown-representation", Severity.UNKNOWN, KEY, missingRepresentation("domain"))));
        everyTask.put("segmentation", outcome("segmentation", Verdict.OFF_LABEL,
                finding("seg.x", Severity.VIOLATION, KEY, "bad"),
                finding("license.unknown", Severity.UNKNOWN, KEY, "no license (segmentation)")));

        List<RegistrationWarning> warnings = RegistrationWarnings.withoutIntendedUses(KEY, everyTask);

        assertThat(warnings).extracting(RegistrationWarning::code, RegistrationWarning::task, RegistrationWarning::field)
                .containsExactly(tuple("no-intended-uses", null, "intendedUses"), tuple("missing-facts", null, "license"));
        assertThat(warnings.get(1).message()).startsWith("No check of this dataset can be ON_LABEL or CAUTION until license");
    }
}
