package org.onlabel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.onlabel.check.rules.Outcome.Truth;

/**
 * Property tests: the combinators and every condition type of the ruleset agree with Kleene's strong three-valued
 * logic (match = true, no match = false, unknown = unknown). Each property compares a condition with an oracle
 * written independently from its implementation.
 */
class ThreeValuedLogicProperties {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    // ------------------------------------------------------------------ the truth tables

    static Truth and(Truth a, Truth b) {
        if (a == Truth.NO_MATCH || b == Truth.NO_MATCH) {
            return Truth.NO_MATCH;
        }
        return a == Truth.UNKNOWN || b == Truth.UNKNOWN ? Truth.UNKNOWN : Truth.MATCH;
    }

    static Truth or(Truth a, Truth b) {
        if (a == Truth.MATCH || b == Truth.MATCH) {
            return Truth.MATCH;
        }
        return a == Truth.UNKNOWN || b == Truth.UNKNOWN ? Truth.UNKNOWN : Truth.NO_MATCH;
    }

    static Truth not(Truth a) {
        return a == Truth.MATCH ? Truth.NO_MATCH : a == Truth.NO_MATCH ? Truth.MATCH : Truth.UNKNOWN;
    }

    static Truth known(Boolean value) {
        return value == null ? Truth.UNKNOWN : value ? Truth.MATCH : Truth.NO_MATCH;
    }

    /** A condition with a fixed outcome, standing for any part of a combinator. */
    record Fixed(Truth truth) implements Condition {
        @Override
        public Outcome evaluate(EvaluationContext context) {
            Evidence here = Evidence.about(context.dataset(), "fixed");
            switch (truth) {
                case MATCH:
                    return Outcome.match(here);
                case UNKNOWN:
                    return Outcome.unknown(new MissingFact(FactKind.OTHER, "a fact", here));
                default:
                    return Outcome.NO_MATCH;
            }
        }
    }

    // ------------------------------------------------------------------ combinators

    @Property
    void allOfIsTheKleeneConjunction(@ForAll @Size(min = 1, max = 6) List<Truth> parts) {
        Truth expected = parts.stream().reduce(Truth.MATCH, ThreeValuedLogicProperties::and);
        assertThat(new AllOfCondition(fixed(parts)).evaluate(context()).truth()).isEqualTo(expected);
    }

    @Property
    void anyOfIsTheKleeneDisjunction(@ForAll @Size(min = 1, max = 6) List<Truth> parts) {
        Truth expected = parts.stream().reduce(Truth.NO_MATCH, ThreeValuedLogicProperties::or);
        assertThat(new AnyOfCondition(fixed(parts)).evaluate(context()).truth()).isEqualTo(expected);
    }

    @Property
    void notIsTheKleeneNegation(@ForAll Truth part) {
        assertThat(new NotCondition(new Fixed(part)).evaluate(context()).truth()).isEqualTo(not(part));
    }

    @Property
    void deMorganHoldsForTheCombinators(@ForAll Truth a, @ForAll Truth b) {
        Truth notAll = new NotCondition(new AllOfCondition(fixed(List.of(a, b)))).evaluate(context()).truth();
        Truth anyNot = new AnyOfCondition(List.of(new NotCondition(new Fixed(a)), new NotCondition(new Fixed(b))))
                .evaluate(context()).truth();
        assertThat(notAll).isEqualTo(anyNot);
    }

    @Property
    void unknownAndFalseIsFalseWhicheverComesFirst(@ForAll boolean unknownFirst) {
        List<Truth> parts = unknownFirst ? List.of(Truth.UNKNOWN, Truth.NO_MATCH) : List.of(Truth.NO_MATCH,
                Truth.UNKNOWN);
        assertThat(new AllOfCondition(fixed(parts)).evaluate(context()).truth()).isEqualTo(Truth.NO_MATCH);
        assertThat(new AnyOfCondition(fixed(List.of(Truth.UNKNOWN, Truth.MATCH))).evaluate(context()).truth())
                .isEqualTo(Truth.MATCH);
    }

    @Property
    void aMatchOnlyOnUnconfirmedStepsNegatesToUnknown(@ForAll boolean uncertain) {
        Lineages c = new Lineages();
        Lineages.Spec d = c.dataset("d");
        if (uncertain) {
            d.step("registration", "certainty", "uncertain");
        } else {
            d.step("registration");
        }
        Truth negated = condition("{ not: { historyHasAny: [registration] } }").evaluate(context(c, "d")).truth();
        assertThat(negated).isEqualTo(uncertain ? Truth.UNKNOWN : Truth.NO_MATCH);
    }

    // ------------------------------------------------------------------ derivationEdge

    enum ChildCheck {
        NONE, LICENSE_DIFFERS, ATTRIBUTE_NOT_FALSE, ATTRIBUTE_NOT_TRUE
    }

    enum ChildLicense {
        SAME, OTHER, MISSING
    }

    @Property
    void aDerivationEdgeIsTheKleeneConjunctionOfItsParentAndChildParts(@ForAll("attributes") Boolean parentValue,
            @ForAll boolean expected, @ForAll ChildCheck check, @ForAll ChildLicense childLicense,
            @ForAll("attributes") Boolean childValue) {
        Lineages c = new Lineages();
        c.dataset("parent").license(new Facts.License("LicenseRef-parent", null, null, parentValue, null));
        String childExpression = switch (childLicense) {
            case SAME -> "LicenseRef-parent";
            case OTHER -> "LicenseRef-child";
            case MISSING -> null;
        };
        c.dataset("child").derivedFrom("parent").license(new Facts.License(childExpression, null, null,
                childLicense == ChildLicense.MISSING ? null : childValue, null));
        String extra = switch (check) {
            case NONE -> "";
            case LICENSE_DIFFERS -> ", childLicenseDiffers: true";
            case ATTRIBUTE_NOT_FALSE -> ", childAttributeNot: false";
            case ATTRIBUTE_NOT_TRUE -> ", childAttributeNot: true";
        };
        Condition edge = condition("{ derivationEdge: { parentAttribute: shareAlike, equals: " + expected + extra
                + " } }");

        Truth parentPart = parentValue == null ? Truth.UNKNOWN : known(parentValue == expected);
        Boolean recordedChild = childLicense == ChildLicense.MISSING ? null : childValue;
        Truth childPart = switch (check) {
            case NONE -> Truth.MATCH;
            case LICENSE_DIFFERS -> childLicense == ChildLicense.MISSING ? Truth.UNKNOWN
                    : known(childLicense == ChildLicense.OTHER);
            case ATTRIBUTE_NOT_FALSE -> recordedChild == null ? Truth.UNKNOWN : known(recordedChild);
            case ATTRIBUTE_NOT_TRUE -> recordedChild == null ? Truth.UNKNOWN : known(!recordedChild);
        };
        Outcome outcome = edge.evaluate(context(c, "child"));

        assertThat(outcome.truth()).isEqualTo(and(parentPart, childPart));
        if (outcome.matched()) {
            assertThat(outcome.evidence()).extracting(Evidence::dataset).containsOnly("child");
        }
    }

    // ------------------------------------------------------------------ conditions over the lineage

    @Property
    void lineageLicenseIsTheKleeneDisjunctionOverRegisteredNodes(
            @ForAll @Size(min = 1, max = 4) List<@From("attributes") Boolean> values, @ForAll boolean expected) {
        Lineages c = chain(values.size());
        for (int i = 0; i < values.size(); i++) {
            c.spec("n" + i).license(new Facts.License("LicenseRef-" + i, values.get(i), null, null, null));
        }
        Truth expectedTruth = values.stream().map(v -> v == null ? Truth.UNKNOWN : known(v == expected))
                .reduce(Truth.NO_MATCH, ThreeValuedLogicProperties::or);
        Condition condition = condition("{ lineageLicense: { attribute: commercialUse, equals: " + expected + " } }");
        assertThat(condition.evaluate(context(c, "n0")).truth()).isEqualTo(expectedTruth);
    }

    @Property
    void historyStepIsTheKleeneDisjunctionOverStepsWithIfMissingForAbsentParameters(
            @ForAll @Size(min = 0, max = 4) List<@From("methods") String> methods, @ForAll Truth ifMissing,
            @ForAll boolean negate) {
        Lineages c = new Lineages();
        Lineages.Spec d = c.dataset("d");
        methods.forEach(m -> {
            if (m == null) {
                d.step("label-generation");
            } else {
                d.step("label-generation", "method", m);
            }
        });
        String missing = switch (ifMissing) {
            case MATCH -> "match";
            case NO_MATCH -> "noMatch";
            case UNKNOWN -> "unknown";
        };
        Condition condition = condition("{ historyStep: { step: label-generation, parameter: method, "
                + (negate ? "notEquals" : "equals") + ": nlp, ifMissing: " + missing + " } }");
        Truth expected = methods.stream().map(m -> m == null ? ifMissing : known(m.equalsIgnoreCase("nlp") != negate))
                .reduce(Truth.NO_MATCH, ThreeValuedLogicProperties::or);
        assertThat(condition.evaluate(context(c, "d")).truth()).isEqualTo(expected);
    }

    @Property
    void representationIsUnknownExactlyWhenTheFieldIsNotRecorded(@ForAll("domains") String domain,
            @ForAll boolean negate) {
        Lineages c = new Lineages();
        c.dataset("d").representation(domain, true, "multi", "none", 16);
        Condition condition = condition("{ representation: { field: domain, " + (negate ? "notEquals" : "equals")
                + ": kspace } }");
        Truth expected = domain == null ? Truth.UNKNOWN : known(domain.equals("kspace") != negate);
        assertThat(condition.evaluate(context(c, "d")).truth()).isEqualTo(expected);
    }

    @Property
    void modalityUsesTheDatasetsOwnElseItsAncestorsElseIfMissing(@ForAll("modalities") List<String> own,
            @ForAll("modalities") List<String> ancestor, @ForAll Truth ifMissing, @ForAll boolean none) {
        Lineages c = new Lineages();
        c.dataset("a").modalities(ancestor.toArray(String[]::new));
        c.dataset("d").derivedFrom("a").modalities(own.toArray(String[]::new));
        String missing = switch (ifMissing) {
            case MATCH -> "match";
            case NO_MATCH -> "noMatch";
            case UNKNOWN -> "unknown";
        };
        Condition condition = condition("{ modality: { " + (none ? "noneOf" : "anyOf") + ": [MR], ifMissing: "
                + missing + " } }");
        List<String> effective = !own.isEmpty() ? own : ancestor;
        Truth expected = effective.isEmpty() ? ifMissing : known(effective.contains("MR") != none);
        assertThat(condition.evaluate(context(c, "d")).truth()).isEqualTo(expected);
    }

    /**
     * The remaining condition types test recorded facts that are present or absent, never unknown: whatever the
     * lineage, they answer match or no match (their unknowns, if any, come only from the parts above).
     */
    @Property
    void twoValuedConditionsNeverAnswerUnknown(@ForAll("twoValued") String condition, @ForAll("lineages") Lineages c,
            @ForAll boolean commercial) {
        EvaluationContext context = new EvaluationContext("segmentation", new Facts.Purpose(commercial, null, null),
                c.roled("test", "n0"), List.of(c.roled("test", "n0"), c.roled("train", "n0")),
                Lineages.KNOWN_STEPS);
        assertThat(condition(condition).evaluate(context).truth()).isNotEqualTo(Truth.UNKNOWN);
    }

    // ------------------------------------------------------------------ generators and helpers

    @Provide
    Arbitrary<Boolean> attributes() {
        return Arbitraries.of(true, false).injectNull(0.34);
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of("nlp", "NLP", "manual", "model").injectNull(0.3);
    }

    @Provide
    Arbitrary<String> domains() {
        return Arbitraries.of("kspace", "image").injectNull(0.34);
    }

    @Provide
    Arbitrary<List<String>> modalities() {
        return Arbitraries.of("MR", "CT", "CR", "DX", "MG").list().ofMaxSize(2).uniqueElements();
    }

    @Provide
    Arbitrary<String> twoValued() {
        return Arbitraries.of("{ historyHasAny: [resampling, lossy-compression] }", "{ historyStepUnknown: true }",
                "{ purpose: { commercial: true } }", "{ purpose: { methodsDevelopment: true } }",
                "{ lineageContraindicates: true }", "{ lineageStatus: retracted }", "{ lineageUnregistered: true }",
                "{ taskNotIntended: true }", "{ cohortSingle: [vendors, sites] }", "{ lineageLicenseMissing: true }",
                "{ lineageLicenseMissing: checked }", "{ lineageDataUse: [NCU, NMDS] }",
                "{ sharedAncestorBetweenRoles: [train, test] }", "{ missingFacts: license }",
                "{ historyStep: { step: registration } }");
    }

    @Provide
    Arbitrary<Lineages> lineages() {
        Arbitrary<Integer> length = Arbitraries.integers().between(1, 3);
        Arbitrary<List<String>> steps = Arbitraries.of("resampling", "lossy-compression", "registration",
                "vendor-magic").list().ofMaxSize(3);
        Arbitrary<Boolean> flags = Arbitraries.of(true, false);
        return Combinators.combine(length, steps, flags, flags).as((n, stepIds, unregistered, licensed) -> {
            Lineages c = chain(n);
            Lineages.Spec first = c.spec("n0");
            stepIds.forEach(first::step);
            first.contraindication(licensed ? "segmentation" : "denoising", "test").dataUse(licensed ? "NCU" : "IRB")
                    .vendors(licensed ? new String[] { "GE" } : new String[] { "GE", "Siemens" });
            if (!licensed) {
                c.spec("n" + (n - 1)).license(Facts.License.NONE).status("retracted");
            }
            if (unregistered && n > 1) {
                c.spec("n" + (n - 1)).unregistered();
            }
            return c;
        });
    }

    /** n0 derived from n1 derived from ... n(k-1). */
    private static Lineages chain(int length) {
        Lineages c = new Lineages();
        for (int i = length - 1; i >= 0; i--) {
            Lineages.Spec spec = c.dataset("n" + i);
            if (i < length - 1) {
                spec.derivedFrom("n" + (i + 1));
            }
        }
        return c;
    }

    private static List<Condition> fixed(List<Truth> truths) {
        List<Condition> parts = new ArrayList<>();
        truths.forEach(t -> parts.add(new Fixed(t)));
        return parts;
    }

    private static Condition condition(String yaml) {
        try {
            return ConditionParser.parse("property", YAML.readTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EvaluationContext context() {
        Lineages c = new Lineages();
        c.dataset("d");
        return context(c, "d");
    }

    private static EvaluationContext context(Lineages c, String key) {
        Facts.Roled roled = c.roled("any", key);
        return new EvaluationContext("segmentation", Lineages.NON_COMMERCIAL, roled, List.of(roled), Set.of());
    }
}
