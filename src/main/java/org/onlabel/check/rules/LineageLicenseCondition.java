package org.onlabel.check.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code lineageLicense: {attribute, equals}} — a registered node of the lineage has a license with this attribute
 * value; an attribute not known for a node is unknown. Unregistered nodes are left to {@code lineageUnregistered}.
 */
record LineageLicenseCondition(LicenseAttribute attribute, boolean expected) implements Condition {
    @Override
    public Outcome evaluate(EvaluationContext context) {
        List<Evidence> matches = new ArrayList<>();
        List<MissingFact> missing = new ArrayList<>();
        for (Facts.Node node : context.dataset().lineage()) {
            if (!node.registered()) {
                continue;
            }
            Boolean actual = attribute.valueOf(node.license());
            if (actual == null) {
                missing.add(attribute.missingAt(node));
            } else if (actual == expected) {
                matches.add(Evidence.atNode(node, attribute.describe(node, actual)));
            }
        }
        return Outcome.ofAny(matches, missing);
    }
}
