package org.onlabel.license;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * Attributes of a whole expression: under {@code AND} the user must comply with every operand, so commercial use and
 * derivatives need every operand to allow them while share-alike and attribution apply if any operand demands them,
 * and under {@code OR} the user may choose, so the dual holds. Values are three-valued with {@code null} as unknown
 * (true∨unknown = true, false∨unknown = unknown, false∧unknown = false, true∧unknown = unknown); an id missing from the
 * table is unknown, and {@code +} or {@code WITH exception} take the base license's attributes.
 */
public final class LicenseEvaluator {

    private LicenseEvaluator() {
    }

    public static LicenseAttributes attributes(LicenseExpression expression, LicenseAttributeTable table) {
        return attributes(expression.root(), table);
    }

    /** Ids in the expression whose own attributes say share-alike (what a derived dataset must keep). */
    public static Set<String> shareAlikeIds(LicenseExpression expression, LicenseAttributeTable table) {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : expression.licenseIds()) {
            if (table.find(id).map(attributes -> Boolean.TRUE.equals(attributes.shareAlike())).orElse(false)) {
                ids.add(id);
            }
        }
        return Set.copyOf(ids);
    }

    private static LicenseAttributes attributes(LicenseNode node, LicenseAttributeTable table) {
        if (node instanceof LicenseNode.Single single) {
            return table.find(single.id()).orElse(LicenseAttributes.UNKNOWN);
        }
        if (node instanceof LicenseNode.With with) {
            return attributes(with.license(), table);
        }
        if (node instanceof LicenseNode.And and) {
            return combine(and.operands(), table, LicenseEvaluator::and, LicenseEvaluator::or);
        }
        LicenseNode.Or or = (LicenseNode.Or) node;
        return combine(or.operands(), table, LicenseEvaluator::or, LicenseEvaluator::and);
    }

    /** {@code permissions} combines commercial use and derivatives, {@code duties} share-alike and attribution. */
    private static LicenseAttributes combine(List<LicenseNode> operands, LicenseAttributeTable table,
            BinaryOperator<Boolean> permissions, BinaryOperator<Boolean> duties) {
        List<LicenseAttributes> all = operands.stream().map(operand -> attributes(operand, table)).toList();
        return new LicenseAttributes(
                fold(all, LicenseAttributes::commercialUse, permissions),
                fold(all, LicenseAttributes::derivatives, permissions),
                fold(all, LicenseAttributes::shareAlike, duties),
                fold(all, LicenseAttributes::attribution, duties));
    }

    private static Boolean fold(List<LicenseAttributes> all, Function<LicenseAttributes, Boolean> attribute,
            BinaryOperator<Boolean> operator) {
        Boolean result = attribute.apply(all.get(0));
        for (int i = 1; i < all.size(); i++) {
            result = operator.apply(result, attribute.apply(all.get(i)));
        }
        return result;
    }

    static Boolean and(Boolean a, Boolean b) {
        if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
            return false;
        }
        return a == null || b == null ? null : true;
    }

    static Boolean or(Boolean a, Boolean b) {
        if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) {
            return true;
        }
        return a == null || b == null ? null : false;
    }
}
