package org.onlabel.check.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a condition sees: the check (task, purpose, every dataset with its role) and the dataset being checked. */
record EvaluationContext(String task, Facts.Purpose purpose, Facts.Roled checked, List<Facts.Roled> all,
        Set<String> knownSteps) {

    Facts.Dataset dataset() {
        return checked.dataset();
    }

    static Map<String, Facts.Node> lineageByKey(Facts.Dataset dataset) {
        Map<String, Facts.Node> nodes = new LinkedHashMap<>();
        for (Facts.Node node : dataset.lineage()) {
            nodes.putIfAbsent(node.key(), node);
        }
        return nodes;
    }
}
