package org.onlabel.check.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a condition sees: the check (task, purpose, every dataset with its role) and the dataset being checked. */
record EvaluationContext(String task, Facts.Purpose purpose, Facts.Roled checked, List<Facts.Roled> all,
        Set<String> knownSteps, Map<String, String> titles) {

    EvaluationContext(String task, Facts.Purpose purpose, Facts.Roled checked, List<Facts.Roled> all,
            Set<String> knownSteps) {
        this(task, purpose, checked, all, knownSteps, titlesOf(all));
    }

    /**
     * {@code key -> key ("title")} for every dataset of the check that has a title: the first node with that key and
     * a title wins. Built once per check, because every finding's message names datasets by title and a deep
     * lineage has as many findings as nodes (a scan per finding made messages quadratic in the depth).
     */
    static Map<String, String> titlesOf(List<Facts.Roled> all) {
        Map<String, String> titles = new java.util.HashMap<>();
        for (Facts.Roled roled : all) {
            for (Facts.Node node : roled.dataset().lineage()) {
                if (node.title() != null && !node.title().isBlank()) {
                    titles.putIfAbsent(node.key(), node.key() + " (\u201c" + node.title().trim() + "\u201d)");
                }
            }
        }
        return titles;
    }

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
