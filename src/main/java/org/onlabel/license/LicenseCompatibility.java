package org.onlabel.license;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The derivation rules of rules.md as pure functions of a parent's and a derived (child) dataset's license. A
 * {@code null} child means the derived dataset has no license recorded. A parent attribute that is unknown never
 * yields a conflict here; the rule engine reports unknowns on its own.
 */
public final class LicenseCompatibility {

    public static final String NO_DERIVATIVES = "license.no-derivatives";
    public static final String SHARE_ALIKE = "license.share-alike";
    public static final String NONCOMMERCIAL_DROPPED = "license.noncommercial-dropped";

    private LicenseCompatibility() {
    }

    /** All conflicts, in rules.md order. */
    public static List<LicenseConflict> conflicts(EvaluatedLicense parent, EvaluatedLicense child) {
        return Stream.of(noDerivatives(parent, child), shareAlikeBroken(parent, child),
                        nonCommercialDropped(parent, child))
                .flatMap(Optional::stream)
                .toList();
    }

    /** The parent forbids derivatives; whatever the child's license, deriving from it is the violation. */
    public static Optional<LicenseConflict> noDerivatives(EvaluatedLicense parent, EvaluatedLicense child) {
        if (!Boolean.FALSE.equals(parent.attributes().derivatives())) {
            return Optional.empty();
        }
        return Optional.of(new LicenseConflict(NO_DERIVATIVES,
                "The parent's license " + parent.expression() + " does not allow derivatives to be shared."));
    }

    /**
     * The parent is share-alike and the child does not carry the same license. The child keeps it when its canonical
     * expression equals the parent's, or when it contains every share-alike id of the parent and is not itself
     * known to be free of share-alike (so {@code CC-BY-SA-4.0 OR CC-BY-4.0}, which lets users pick CC-BY-4.0, breaks
     * it).
     */
    public static Optional<LicenseConflict> shareAlikeBroken(EvaluatedLicense parent, EvaluatedLicense child) {
        if (!Boolean.TRUE.equals(parent.attributes().shareAlike()) || keepsShareAlike(parent, child)) {
            return Optional.empty();
        }
        return Optional.of(new LicenseConflict(SHARE_ALIKE,
                "The parent's license " + parent.expression() + " is share-alike, so a derived dataset must carry "
                        + String.join(" and ", parent.shareAlikeIds().stream().sorted().toList())
                        + ", but the derived dataset " + describe(child) + "."));
    }

    /** The parent forbids commercial use and the child's license does not forbid it (or is not known to). */
    public static Optional<LicenseConflict> nonCommercialDropped(EvaluatedLicense parent, EvaluatedLicense child) {
        if (!Boolean.FALSE.equals(parent.attributes().commercialUse())
                || child != null && Boolean.FALSE.equals(child.attributes().commercialUse())) {
            return Optional.empty();
        }
        return Optional.of(new LicenseConflict(NONCOMMERCIAL_DROPPED,
                "The parent's license " + parent.expression() + " is non-commercial, but the derived dataset "
                        + describe(child) + ", which does not keep that restriction."));
    }

    /**
     * Questions for the publisher of a derived dataset: the derivation rules that cannot be decided because a
     * parent's attribute is not recorded (three-valued: a rule that is decided by the child alone, e.g. a child that
     * keeps the parent's very license under share-alike, asks nothing). They concern how the dataset was made, never
     * a user's verdict.
     */
    public static List<LicenseConflict> questions(EvaluatedLicense parent, EvaluatedLicense child) {
        List<LicenseConflict> questions = new java.util.ArrayList<>();
        LicenseAttributes p = parent.attributes();
        if (p.derivatives() == null) {
            questions.add(new LicenseConflict(NO_DERIVATIVES, "Whether the parent's license " + parent.expression()
                    + " allows derivatives to be shared is not recorded."));
        }
        if (p.shareAlike() == null && !keepsShareAlike(parent, child)) {
            questions.add(new LicenseConflict(SHARE_ALIKE, "Whether the parent's license " + parent.expression()
                    + " is share-alike is not recorded, and the derived dataset " + describe(child) + "."));
        }
        if (p.commercialUse() == null && !(child != null && Boolean.FALSE.equals(child.attributes().commercialUse()))) {
            questions.add(new LicenseConflict(NONCOMMERCIAL_DROPPED, "Whether the parent's license "
                    + parent.expression() + " allows commercial use is not recorded, and the derived dataset "
                    + describe(child) + ", which would not keep a non-commercial restriction."));
        }
        return questions;
    }

    private static boolean keepsShareAlike(EvaluatedLicense parent, EvaluatedLicense child) {
        if (child == null) {
            return false;
        }
        if (child.expression().canonical().equalsIgnoreCase(parent.expression().canonical())) {
            return true;
        }
        return !parent.shareAlikeIds().isEmpty()
                && containsIgnoringCase(child.expression().licenseIds(), parent.shareAlikeIds())
                && !Boolean.FALSE.equals(child.attributes().shareAlike());
    }

    private static boolean containsIgnoringCase(Set<String> ids, Set<String> required) {
        return required.stream().allMatch(needed -> ids.stream().anyMatch(needed::equalsIgnoreCase));
    }

    private static String describe(EvaluatedLicense child) {
        return child == null ? "has no license" : "is licensed under " + child.expression();
    }
}
