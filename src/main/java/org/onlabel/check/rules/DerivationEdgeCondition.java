package org.onlabel.check.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code derivationEdge: {parentAttribute, equals, childLicenseDiffers?, childAttributeNot?}} — over every
 * parent → child edge inside the lineage: the parent's license attribute has the given value and, when asked, the
 * child's license expression differs from the parent's, or the child's same attribute is not the given value.
 * Evidence is the child: the derived dataset carrying the conflict. Unknown attributes make the edge unknown.
 */
record DerivationEdgeCondition(LicenseAttribute attribute, boolean expected, boolean childLicenseDiffers,
        Boolean childAttributeNot) implements Condition {
    @Override
    public Outcome evaluate(EvaluationContext context) {
        Map<String, Facts.Node> nodes = EvaluationContext.lineageByKey(context.dataset());
        List<Evidence> matches = new ArrayList<>();
        List<MissingFact> missing = new ArrayList<>();
        for (Facts.Node child : nodes.values()) {
            for (String parentKey : child.parents()) {
                Facts.Node parent = nodes.get(parentKey);
                if (parent == null || !parent.registered()) {
                    continue;
                }
                Boolean parentValue = attribute.valueOf(parent.license());
                if (parentValue == null) {
                    missing.add(attribute.missingAt(parent));
                } else if (parentValue == expected) {
                    checkChild(child, parent, matches, missing);
                }
            }
        }
        return Outcome.ofAny(matches, missing);
    }

    private void checkChild(Facts.Node child, Facts.Node parent, List<Evidence> matches, List<MissingFact> missing) {
        String conflict = child.key() + " is derived from " + parent.key() + ", and "
                + attribute.describe(parent, expected);
        if (childLicenseDiffers) {
            String childExpression = child.license().expression();
            if (childExpression == null || childExpression.isBlank()) {
                missing.add(new MissingFact(FactKind.LICENSE, "the license of " + child.key(),
                        Evidence.atNode(child, "")));
            } else if (!sameExpression(childExpression, parent.license().expression())) {
                matches.add(Evidence.atNode(child, conflict + ", but " + child.key() + " is licensed '"
                        + childExpression.trim() + "'"));
            }
        } else if (childAttributeNot != null) {
            Boolean childValue = attribute.valueOf(child.license());
            if (childValue == null) {
                missing.add(attribute.missingAt(child));
            } else if (!childValue.equals(childAttributeNot)) {
                matches.add(Evidence.atNode(child, conflict + ", but " + attribute.describe(child, childValue)));
            }
        } else {
            matches.add(Evidence.atNode(child, conflict));
        }
    }

    private static boolean sameExpression(String a, String b) {
        return b != null && a.trim().replaceAll("\\s+", " ").equalsIgnoreCase(b.trim().replaceAll("\\s+", " "));
    }
}
