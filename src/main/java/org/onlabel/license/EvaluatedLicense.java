package org.onlabel.license;

import java.util.Objects;
import java.util.Set;

/**
 * A dataset's license expression together with what the attribute table says about it: the input of the
 * {@link LicenseCompatibility} rules.
 *
 * @param shareAlikeIds ids in the expression that are share-alike on their own
 */
public record EvaluatedLicense(LicenseExpression expression, LicenseAttributes attributes, Set<String> shareAlikeIds) {

    public EvaluatedLicense {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(attributes, "attributes");
        shareAlikeIds = Set.copyOf(shareAlikeIds);
    }

    public static EvaluatedLicense of(LicenseExpression expression, LicenseAttributeTable table) {
        return new EvaluatedLicense(expression, LicenseEvaluator.attributes(expression, table),
                LicenseEvaluator.shareAlikeIds(expression, table));
    }
}
