package org.onlabel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every rule of rules.md: a case where it triggers (rule, severity, introducedBy, path) and a near miss where
 * it does not. The checked dataset is "d" unless the case says otherwise.
 */
class RuleCasesTest {
    private static final RuleEngine ENGINE = Lineages.shippedEngine();
    private static final String RECON = "mri-reconstruction";

    record Case(String rule, String task, Facts.Purpose purpose, Consumer<Lineages> catalog,
            Function<Lineages, List<Facts.Roled>> roles, Severity severity, IntroducedBy by, List<String> path) {
        List<Finding> findings() {
            Lineages lineages = new Lineages();
            catalog.accept(lineages);
            CheckOutcome outcome = ENGINE.evaluate(task, purpose, roles.apply(lineages));
            // the verdict without messages (stored verdicts) must be the verdict of the full evaluation
            assertThat(ENGINE.verdict(task, purpose, roles.apply(lineages))).as(rule).isEqualTo(outcome.verdict());
            return outcome.findings().stream().filter(f -> f.rule().equals(rule)).toList();
        }
    }

    static Stream<Arguments> triggers() {
        return Stream.of(
                hit("recon.requires-raw-kspace", RECON,
                        c -> c.dataset("d").representation("image", false, "combined", "none", 16),
                        Severity.VIOLATION, at("d"), "d"),
                hit("recon.synthetic-kspace", "kspace-sampling-design", c -> {
                    c.dataset("p").step("synthetic-kspace", "from", "magnitude image");
                    c.dataset("d").derivedFrom("p");
                }, Severity.VIOLATION, step("p", "synthetic-kspace", 0), "d", "p"),
                hit("recon.zero-padding", RECON,
                        c -> c.dataset("d").step("format-conversion").step("resampling", "targetSpacingMm", 1.0),
                        Severity.VIOLATION, step("d", "resampling", 1), "d"),
                hit("recon.lossy-compression", RECON, c -> {
                    c.dataset("p").step("lossy-compression", "codec", "JPEG", "quality", 20);
                    c.dataset("d").derivedFrom("p");
                }, Severity.VIOLATION, step("p", "lossy-compression", 0), "d", "p"),
                hit("recon.lossy-compression", RECON, c -> c.dataset("d").representation("kspace", true, "multi",
                        "lossy", 16), Severity.VIOLATION, at("d"), "d"),
                hit("recon.magnitude-only", RECON, c -> {
                    c.dataset("g").step("magnitude-extraction");
                    c.dataset("p").derivedFrom("g");
                    c.dataset("d").derivedFrom("p");
                }, Severity.VIOLATION, step("g", "magnitude-extraction", 0), "d", "p", "g"),
                hit("recon.pi-filled-reference", RECON, c -> c.dataset("d").step("parallel-imaging-fill", "method",
                        "GRAPPA"), Severity.CAUTION, step("d", "parallel-imaging-fill", 0), "d"),
                hit("recon.coil-processing", RECON, c -> c.dataset("d").step("emulated-single-coil"),
                        Severity.CAUTION, step("d", "emulated-single-coil", 0), "d"),
                hit("recon.partial-fourier-fill", RECON, c -> c.dataset("d").step("partial-fourier-fill"),
                        Severity.CAUTION, step("d", "partial-fourier-fill", 0), "d"),
                hit("sr.lossy-compression", "super-resolution", c -> c.dataset("d").step("lossy-compression"),
                        Severity.VIOLATION, step("d", "lossy-compression", 0), "d"),
                hit("sr.zero-padding", "super-resolution", c -> c.dataset("d").step("kspace-zero-padding", "factor",
                        2), Severity.VIOLATION, step("d", "kspace-zero-padding", 0), "d"),
                hit("sr.synthetic-lowres", "super-resolution", c -> c.dataset("d").step("downsampling", "factor", 4),
                        Severity.CAUTION, step("d", "downsampling", 0), "d"),
                hit("denoise.lossy-compression", "denoising", c -> c.dataset("d").step("bit-depth-reduction", "bits",
                        8), Severity.VIOLATION, step("d", "bit-depth-reduction", 0), "d"),
                hit("denoise.already-denoised", "denoising", c -> c.dataset("d").step("denoising"),
                        Severity.CAUTION, step("d", "denoising", 0), "d"),
                hit("denoise.magnitude-noise", "denoising", c -> c.dataset("d").representation("image", false,
                        "combined", "none", 12), Severity.CAUTION, at("d"), "d"),
                hit("seg.preprocessed-inputs", "segmentation", c -> c.dataset("d").step("defacing")
                        .step("skull-stripping"), Severity.CAUTION, step("d", "skull-stripping", 1), "d"),
                hit("seg.derived-labels", "classification", c -> c.dataset("d").step("label-generation", "method",
                        "NLP"), Severity.CAUTION, step("d", "label-generation", 0), "d"),
                hit("cls.degraded-images", "detection", c -> c.dataset("d").step("downsampling", "factor", 2),
                        Severity.CAUTION, step("d", "downsampling", 0), "d"),
                hit("reg.already-registered", "registration", c -> c.dataset("d").step("registration", "template",
                        "MNI152"), Severity.CAUTION, step("d", "registration", 0), "d"),
                hit("syn.processed-pairs", "synthesis", c -> c.dataset("d").step("registration", "type", "affine"),
                        Severity.CAUTION, step("d", "registration", 0), "d"),
                hit("any.contraindicated", "segmentation", c -> {
                    c.dataset("p").contraindication("segmentation", "labels are unreliable");
                    c.dataset("d").derivedFrom("p");
                }, Severity.VIOLATION, at("p"), "d", "p"),
                hit("any.retracted-ancestor", RECON, c -> {
                    c.dataset("p").status("retracted");
                    c.dataset("d").derivedFrom("p");
                }, Severity.VIOLATION, at("p"), "d", "p"),
                new Case("any.train-test-overlap", RECON, Lineages.NON_COMMERCIAL, c -> {
                    c.dataset("s");
                    c.dataset("t").derivedFrom("s");
                    c.dataset("d").derivedFrom("s");
                }, c -> List.of(c.roled("train", "t"), c.roled("test", "d")), Severity.VIOLATION, at("s"),
                        List.of("d", "s", "t")),
                hit("any.not-intended", RECON, c -> c.dataset("d").intended("segmentation"), Severity.CAUTION,
                        at("d"), "d"),
                hit("any.deprecated", RECON, c -> {
                    c.dataset("p").status("deprecated");
                    c.dataset("d").derivedFrom("p");
                }, Severity.CAUTION, at("p"), "d", "p"),
                hit("any.unregistered-ancestor", RECON, c -> {
                    c.dataset("openlineage-input").unregistered();
                    c.dataset("d").derivedFrom("openlineage-input");
                }, Severity.UNKNOWN, at("openlineage-input"), "d", "openlineage-input"),
                hit("any.unknown-representation", RECON, c -> c.dataset("d").representation(null, true, "multi",
                        "none", 16), Severity.UNKNOWN, at("d"), "d"),
                hit("any.unknown-step", RECON, c -> c.dataset("d").step("renaming"), Severity.INFO,
                        step("d", "renaming", 0), "d"),
                hit("cohort.single-vendor", RECON, c -> {
                    c.dataset("p").vendors("Siemens");
                    c.dataset("d").derivedFrom("p").vendors("siemens ");
                }, Severity.CAUTION, at("d"), "d"),
                new Case("license.noncommercial", RECON, new Facts.Purpose(true, null, null), c -> {
                    c.dataset("p").license(Lineages.CC_BY_NC);
                    c.dataset("d").derivedFrom("p");
                }, RuleCasesTest::checkedAlone, Severity.VIOLATION, at("p"), List.of("d", "p")),
                new Case("use.methods-research-prohibited", RECON, Lineages.NON_COMMERCIAL, c -> {
                    c.dataset("p").dataUse("NMDS");
                    c.dataset("d").derivedFrom("p");
                }, c -> List.of(c.roled("train", "d")), Severity.VIOLATION, at("p"), List.of("d", "p")),
                new Case("use.disease-specific", RECON, new Facts.Purpose(false, null, "asthma"), c -> {
                    c.dataset("p").dataUse("DS", "glioma");
                    c.dataset("d").derivedFrom("p");
                }, RuleCasesTest::checkedAlone, Severity.VIOLATION, at("p"), List.of("d", "p")),
                hit("use.requires-approval", RECON, c -> c.dataset("d").dataUse("IRB").dataUse("GRU"), Severity.INFO,
                        at("d"), "d"),
                hit("license.no-derivatives", RECON, c -> {
                    c.dataset("p").license(Lineages.CC_BY_ND);
                    c.dataset("m").derivedFrom("p");
                    c.dataset("d").derivedFrom("m");
                }, Severity.VIOLATION, at("m"), "d", "m"),
                hit("license.share-alike", RECON, c -> {
                    c.dataset("p").license(Lineages.CC_BY_SA);
                    c.dataset("d").derivedFrom("p");
                }, Severity.VIOLATION, at("d"), "d"),
                hit("license.noncommercial-dropped", RECON, c -> {
                    c.dataset("p").license(Lineages.CC_BY_NC);
                    c.dataset("d").derivedFrom("p");
                }, Severity.VIOLATION, at("d"), "d"),
                hit("license.unknown", RECON, c -> c.dataset("d").license(null), Severity.UNKNOWN, at("d"), "d"))
                .map(c -> Arguments.of(c.rule() + " (" + c.by() + ")", c));
    }

    static Stream<Arguments> nearMisses() {
        return Stream.of(
                miss("recon.requires-raw-kspace", RECON, c -> c.dataset("d")),
                miss("recon.synthetic-kspace", RECON, c -> c.dataset("d").step("retrospective-undersampling")),
                miss("recon.zero-padding", RECON, c -> c.dataset("d").step("cropping").step("padding")),
                miss("recon.lossy-compression", RECON, c -> c.dataset("d").step("lossless-compression")),
                miss("recon.magnitude-only", RECON, c -> c.dataset("d").step("coil-combination")),
                miss("recon.pi-filled-reference", RECON, c -> c.dataset("d").step("retrospective-undersampling")),
                miss("recon.coil-processing", RECON, c -> c.dataset("d").step("parallel-imaging-fill")),
                miss("recon.partial-fourier-fill", RECON, c -> c.dataset("d").step("parallel-imaging-fill")),
                miss("recon.zero-padding", "segmentation", c -> c.dataset("d").step("resampling")),
                miss("sr.lossy-compression", "super-resolution", c -> c.dataset("d").step("lossless-compression")),
                miss("sr.zero-padding", "super-resolution", c -> c.dataset("d").step("resampling")),
                miss("sr.synthetic-lowres", "super-resolution", c -> c.dataset("d").step("downsampling",
                        "pairedAcquisition", true)),
                miss("denoise.lossy-compression", "denoising", c -> c.dataset("d").step("lossless-compression")),
                miss("denoise.already-denoised", "denoising", c -> c.dataset("d").step("bias-field-correction")),
                miss("denoise.magnitude-noise", "denoising", c -> c.dataset("d")),
                miss("seg.preprocessed-inputs", "segmentation", c -> c.dataset("d").step("defacing")),
                miss("seg.derived-labels", "classification", c -> c.dataset("d").step("label-generation", "method",
                        "manual")),
                miss("cls.degraded-images", "detection", c -> c.dataset("d").step("format-conversion")),
                miss("reg.already-registered", "registration", c -> c.dataset("d").step("bias-field-correction")),
                miss("syn.processed-pairs", "synthesis", c -> c.dataset("d").step("registration", "interpolation",
                        "none")),
                miss("any.contraindicated", RECON, c -> {
                    c.dataset("p").contraindication("segmentation", "labels are unreliable");
                    c.dataset("d").derivedFrom("p");
                }),
                miss("any.retracted-ancestor", RECON, c -> {
                    c.dataset("p").status("deprecated");
                    c.dataset("d").derivedFrom("p");
                }),
                new Case("any.train-test-overlap", RECON, Lineages.NON_COMMERCIAL, c -> {
                    c.dataset("s1");
                    c.dataset("s2");
                    c.dataset("t").derivedFrom("s1");
                    c.dataset("d").derivedFrom("s2");
                }, c -> List.of(c.roled("train", "t"), c.roled("test", "d")), null, null, List.of()),
                miss("any.not-intended", RECON, c -> c.dataset("d").intended("segmentation", RECON)),
                miss("any.deprecated", RECON, c -> {
                    c.dataset("p").status("active");
                    c.dataset("d").derivedFrom("p");
                }),
                miss("any.unregistered-ancestor", RECON, c -> {
                    c.dataset("p");
                    c.dataset("d").derivedFrom("p");
                }),
                miss("any.unknown-representation", RECON, c -> c.dataset("d")),
                miss("any.unknown-representation", "segmentation", c -> c.dataset("d").representation(null, null,
                        null, null, null)),
                miss("any.unknown-step", RECON, c -> c.dataset("d").step("defacing")),
                miss("cohort.single-vendor", RECON, c -> {
                    c.dataset("p").vendors("GE").sites("A");
                    c.dataset("d").derivedFrom("p").vendors("Siemens").sites("B");
                }),
                miss("cohort.single-vendor", RECON, c -> c.dataset("d")),
                miss("license.noncommercial", RECON, c -> {
                    c.dataset("p").license(Lineages.CC_BY_NC).dataUse("NCU");
                    c.dataset("d").derivedFrom("p").license(Lineages.CC_BY_NC);
                }),
                new Case("use.methods-research-prohibited", RECON, Lineages.NON_COMMERCIAL,
                        c -> c.dataset("d").dataUse("NMDS"), RuleCasesTest::checkedAlone, null, null, List.of()),
                new Case("use.disease-specific", RECON, new Facts.Purpose(false, null, "Glioma"),
                        c -> c.dataset("d").dataUse("DS", "glioma"), RuleCasesTest::checkedAlone, null, null,
                        List.of()),
                miss("use.requires-approval", RECON, c -> c.dataset("d").dataUse("GRU")),
                miss("license.no-derivatives", RECON, c -> {
                    c.dataset("p").license(Lineages.CC_BY);
                    c.dataset("d").derivedFrom("p").license(Lineages.CC_BY_ND);
                }),
                miss("license.share-alike", RECON, c -> {
                    c.dataset("p").license(Lineages.CC_BY_SA);
                    c.dataset("d").derivedFrom("p").license(Lineages.CC_BY_SA);
                }),
                miss("license.noncommercial-dropped", RECON, c -> {
                    c.dataset("p").license(Lineages.CC_BY_NC);
                    c.dataset("d").derivedFrom("p").license(new Facts.License("CC-BY-NC-SA-4.0", false, true, true,
                            true));
                }),
                miss("license.unknown", RECON, c -> c.dataset("d")))
                .map(c -> Arguments.of(c.rule() + " near miss", c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("triggers")
    void ruleTriggers(String name, Case rule) {
        List<Finding> findings = rule.findings();

        assertThat(findings).extracting(Finding::rule, Finding::severity, Finding::introducedBy, Finding::path)
                .containsExactly(tuple(rule.rule(), rule.severity(), rule.by(), rule.path()));
        assertThat(findings.get(0).message()).isNotBlank().doesNotContain("{", "}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nearMisses")
    void ruleDoesNotTrigger(String name, Case rule) {
        assertThat(rule.findings()).isEmpty();
    }

    @Test
    void everyRuleOfRulesMdHasATriggerAndANearMiss() {
        Set<String> triggered = triggers().map(a -> ((Case) a.get()[1]).rule()).collect(Collectors.toSet());
        Set<String> missed = nearMisses().map(a -> ((Case) a.get()[1]).rule()).collect(Collectors.toSet());

        assertThat(triggered).containsAll(RulesMd.IDS);
        assertThat(missed).containsAll(RulesMd.IDS);
    }

    private static Case hit(String rule, String task, Consumer<Lineages> catalog, Severity severity, IntroducedBy by,
            String... path) {
        return new Case(rule, task, Lineages.NON_COMMERCIAL, catalog, RuleCasesTest::checkedAlone, severity, by,
                Arrays.asList(path));
    }

    private static Case miss(String rule, String task, Consumer<Lineages> catalog) {
        return new Case(rule, task, Lineages.NON_COMMERCIAL, catalog, RuleCasesTest::checkedAlone, null, null,
                List.of());
    }

    private static List<Facts.Roled> checkedAlone(Lineages lineages) {
        return List.of(lineages.roled("any", "d"));
    }

    static IntroducedBy at(String dataset) {
        return new IntroducedBy(dataset, null, null);
    }

    static IntroducedBy step(String dataset, String step, int index) {
        return new IntroducedBy(dataset, step, index);
    }
}
