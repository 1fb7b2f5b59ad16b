package org.onlabel.license;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The license rules of a derivation (no-derivatives, share-alike, non-commercial dropped), applied to a derived
 * dataset's license and its parents' with the current license table.
 */
@ApplicationScoped
public class DerivationLicenseCheck {
    /** A conflict with one parent. */
    public record ParentConflict(String parent, LicenseConflict conflict) {
    }

    private final LicenseService licenses;

    public DerivationLicenseCheck(LicenseService licenses) {
        this.licenses = licenses;
    }

    /** Conflicts of a child's license with each parent's, parents given as key → license expression (null if none). */
    @Transactional
    public List<ParentConflict> conflicts(String childLicense, Map<String, String> parentLicenses) {
        return perParent(childLicense, parentLicenses, (parent, evaluated, child) -> evaluated == null ? List.of()
                : LicenseCompatibility.conflicts(evaluated, child));
    }

    /**
     * Questions for the publisher: derivation rules that the recorded license terms cannot decide (a parent without
     * license, or with attributes not recorded). Parents given as key → license expression (null if none).
     */
    @Transactional
    public List<ParentConflict> questions(String childLicense, Map<String, String> parentLicenses) {
        return perParent(childLicense, parentLicenses, (parent, evaluated, child) -> evaluated == null
                ? List.of(new LicenseConflict(LicenseCompatibility.NO_DERIVATIVES, "No license is recorded for the parent "
                        + parent + ", so whether it allowed this derived dataset is not known."))
                : LicenseCompatibility.questions(evaluated, child));
    }

    /** What one parent's license (null when none is recorded or it does not parse) says about the child's. */
    private interface ParentRule {
        List<LicenseConflict> apply(String parent, EvaluatedLicense parentLicense, EvaluatedLicense childLicense);
    }

    private List<ParentConflict> perParent(String childLicense, Map<String, String> parentLicenses, ParentRule rule) {
        if (parentLicenses.isEmpty()) {
            return List.of();
        }
        LicenseAttributeTable table = licenses.table();
        EvaluatedLicense child = evaluated(childLicense, table);
        List<ParentConflict> out = new ArrayList<>();
        parentLicenses.forEach((parent, license) -> rule.apply(parent, evaluated(license, table), child)
                .forEach(c -> out.add(new ParentConflict(parent, c))));
        return out;
    }

    private static EvaluatedLicense evaluated(String expression, LicenseAttributeTable table) {
        if (expression == null) {
            return null;
        }
        try {
            return EvaluatedLicense.of(LicenseExpression.parse(expression), table);
        } catch (InvalidLicenseExpressionException storedBeforeValidation) {
            return null;
        }
    }
}
