package org.onlabel.check.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code derivationEdge: {parentAttribute, equals, childLicenseDiffers?, childAttributeNot?}} — over every
 * parent → child edge inside the lineage: the parent's license attribute has the given value <em>and</em>, when
 * asked, the child's license expression differs from the parent's, or the child's same attribute is not the given
 * value. Each edge is a three-valued conjunction (Kleene): a part that is known to fail makes the edge fail even if
 * the other part is unknown, so an unknown parent attribute does not matter when the child keeps the parent's very
 * license. Evidence and missing facts name the child: the derived dataset that carries the conflict or the question.
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
                if (parent != null && parent.registered()) {
                    edge(parent, child, matches, missing);
                }
            }
        }
        return Outcome.ofAny(matches, missing);
    }

    private void edge(Facts.Node parent, Facts.Node child, List<Evidence> matches, List<MissingFact> missing) {
        Boolean parentValue = attribute.valueOf(parent.license());
        Outcome.Truth parentPart = parentValue == null ? Outcome.Truth.UNKNOWN
                : parentValue == expected ? Outcome.Truth.MATCH : Outcome.Truth.NO_MATCH;
        ChildPart childPart = childPart(parent, child);
        if (parentPart == Outcome.Truth.NO_MATCH || childPart.truth() == Outcome.Truth.NO_MATCH) {
            return;
        }
        if (parentPart == Outcome.Truth.MATCH && childPart.truth() == Outcome.Truth.MATCH) {
            String conflict = child.key() + " is derived from " + parent.key() + ", and "
                    + attribute.describe(parent, expected);
            matches.add(Evidence.atNode(child, conflict + childPart.phrase()));
            return;
        }
        Evidence where = Evidence.atNode(child, "");
        if (parentPart == Outcome.Truth.UNKNOWN) {
            missing.add(new MissingFact(FactKind.LICENSE, "whether " + LicenseAttribute.licenseOf(parent) + " "
                    + attribute.phrase(expected) + " (" + child.key() + " is derived from it)", where));
        }
        if (childPart.truth() == Outcome.Truth.UNKNOWN) {
            missing.add(new MissingFact(FactKind.LICENSE, childPart.phrase(), where));
        }
    }

    /** The child's side of the edge: its truth, and a phrase (the conflict's ending, or the missing fact). */
    private record ChildPart(Outcome.Truth truth, String phrase) {
    }

    private ChildPart childPart(Facts.Node parent, Facts.Node child) {
        if (childLicenseDiffers) {
            String childExpression = child.license().expression();
            if (childExpression == null || childExpression.isBlank()) {
                return new ChildPart(Outcome.Truth.UNKNOWN, "the license of " + child.key());
            }
            if (sameExpression(childExpression, parent.license().expression())) {
                return new ChildPart(Outcome.Truth.NO_MATCH, "");
            }
            return new ChildPart(Outcome.Truth.MATCH, ", but " + child.key() + " is licensed '"
                    + childExpression.trim() + "'");
        }
        if (childAttributeNot != null) {
            Boolean childValue = attribute.valueOf(child.license());
            if (childValue == null) {
                return new ChildPart(Outcome.Truth.UNKNOWN, "whether " + LicenseAttribute.licenseOf(child) + " "
                        + attribute.phrase(true));
            }
            if (childValue.equals(childAttributeNot)) {
                return new ChildPart(Outcome.Truth.NO_MATCH, "");
            }
            return new ChildPart(Outcome.Truth.MATCH, ", but " + attribute.describe(child, childValue));
        }
        return new ChildPart(Outcome.Truth.MATCH, "");
    }

    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    private static boolean sameExpression(String a, String b) {
        return b != null && normalized(a).equalsIgnoreCase(normalized(b));
    }

    /** Runs of whitespace as one space (compiled once: this runs for every edge of every lineage checked). */
    private static String normalized(String expression) {
        return WHITESPACE.matcher(expression.trim()).replaceAll(" ");
    }
}
