package org.onlabel.check.rules;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.onlabel.common.collect.SharedPrefixList;

/**
 * Where a condition found what it looked for. {@code generic} evidence points at the checked dataset as a whole
 * (its representation, the purpose, its intended uses); combinators drop it when more specific evidence (a step,
 * an ancestor) explains the same match.
 */
record Evidence(String dataset, String step, Integer index, List<String> path, String detail, boolean uncertain,
        boolean generic) {
    static final String CERTAINTY = "certainty";

    Evidence {
        path = SharedPrefixList.immutable(path);
        detail = detail == null ? "" : detail;
    }

    static Evidence about(Facts.Dataset checked, String detail) {
        return new Evidence(checked.key(), null, null, List.of(checked.key()), detail, false, true);
    }

    static Evidence atNode(Facts.Node node, String detail) {
        return new Evidence(node.key(), null, null, node.path(), detail, false, false);
    }

    static Evidence atStep(Facts.HistoryStep step) {
        return new Evidence(step.dataset(), step.step(), step.index(), step.path(), describe(step), isUncertain(step),
                false);
    }

    /** Steps recorded with parameter {@code certainty: uncertain} are reported but unconfirmed. */
    static boolean isUncertain(Facts.HistoryStep step) {
        Object certainty = step.parameters().get(CERTAINTY);
        return certainty != null && "uncertain".equalsIgnoreCase(String.valueOf(certainty).trim());
    }

    /** E.g. {@code 'resampling' (targetSpacingMm: 1.0) applied by brats-2021}. */
    static String describe(Facts.HistoryStep step) {
        String parameters = step.parameters().entrySet().stream()
                .filter(e -> !e.getKey().equals(CERTAINTY))
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", "));
        return "'" + step.step() + "'" + (parameters.isEmpty() ? "" : " (" + parameters + ")") + " applied by "
                + step.dataset();
    }
}
