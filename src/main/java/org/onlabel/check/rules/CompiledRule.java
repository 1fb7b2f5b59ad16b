package org.onlabel.check.rules;

import java.util.EnumSet;
import java.util.Set;

/** A rule with its condition compiled, and the kinds of missing facts it reports for other rules. */
record CompiledRule(Rule rule, Condition condition, Set<FactKind> collects) {
    static CompiledRule of(Rule rule) {
        Condition condition = ConditionParser.parse(rule.id(), rule.condition());
        Set<FactKind> collects = EnumSet.noneOf(FactKind.class);
        collectKinds(condition, collects);
        return new CompiledRule(rule, condition, collects);
    }

    private static void collectKinds(Condition condition, Set<FactKind> kinds) {
        if (condition instanceof MissingFactsCondition missing) {
            kinds.add(missing.kind());
        } else if (condition instanceof AnyOfCondition anyOf) {
            anyOf.parts().forEach(part -> collectKinds(part, kinds));
        } else if (condition instanceof AllOfCondition allOf) {
            allOf.parts().forEach(part -> collectKinds(part, kinds));
        }
    }

    String id() {
        return rule.id();
    }
}
