package org.onlabel.check.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code lineageDataUse: [DUO codes]} — a registered node of the lineage carries one of these DUO codes. */
record DataUseCondition(Set<String> codes) implements Condition {
    @Override
    public Outcome evaluate(EvaluationContext context) {
        List<Evidence> matches = new ArrayList<>();
        for (Facts.Node node : context.dataset().lineage()) {
            if (!node.registered()) {
                continue;
            }
            List<String> found = node.dataUse().stream().map(Facts.DataUse::code).map(DuoCodes::normalise)
                    .filter(codes::contains).distinct().map(DuoCodes::label).collect(Collectors.toList());
            if (!found.isEmpty()) {
                matches.add(Evidence.atNode(node, "DUO " + String.join(", ", found) + " on " + node.key()));
            }
        }
        return Outcome.ofAny(matches, List.of());
    }
}
