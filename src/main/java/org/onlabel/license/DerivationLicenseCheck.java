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

    /**
     * What the license rules of a derivation say about each parent → child edge: known conflicts (standing
     * violations) and questions for the publisher (rules the recorded terms cannot decide: a parent without license,
     * or with attributes not recorded).
     */
    public record Assessment(List<ParentConflict> conflicts, List<ParentConflict> questions) {
        public static final Assessment NONE = new Assessment(List.of(), List.of());
    }

    /**
     * Assesses a child's license against each parent's (key → license expression, null if none), with one read of
     * the license table and one parse per expression.
     */
    @Transactional
    public Assessment assess(String childLicense, Map<String, String> parentLicenses) {
        return parentLicenses.isEmpty() ? Assessment.NONE : assess(childLicense, parentLicenses, licenses.table());
    }

    /** The license table as stored now, for callers that assess many derivations with one read of it. */
    @Transactional
    public LicenseAttributeTable table() {
        return licenses.table();
    }

    /** The same with a table the caller read (e.g. once for a page of datasets). */
    public Assessment assess(String childLicense, Map<String, String> parentLicenses, LicenseAttributeTable table) {
        if (parentLicenses.isEmpty()) {
            return Assessment.NONE;
        }
        EvaluatedLicense child = evaluated(childLicense, table);
        List<ParentConflict> conflicts = new ArrayList<>();
        List<ParentConflict> questions = new ArrayList<>();
        parentLicenses.forEach((parent, license) -> {
            EvaluatedLicense evaluated = evaluated(license, table);
            if (evaluated == null) {
                questions.add(new ParentConflict(parent, new LicenseConflict(LicenseCompatibility.NO_DERIVATIVES,
                        "No license is recorded for the parent " + parent
                                + ", so whether it allowed this derived dataset is not known.")));
                return;
            }
            LicenseCompatibility.conflicts(evaluated, child).forEach(c -> conflicts.add(new ParentConflict(parent, c)));
            LicenseCompatibility.questions(evaluated, child).forEach(q -> questions.add(new ParentConflict(parent, q)));
        });
        return new Assessment(List.copyOf(conflicts), List.copyOf(questions));
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
