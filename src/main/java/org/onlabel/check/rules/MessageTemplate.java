package org.onlabel.check.rules;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a rule's message: {task}, {dataset} (where the finding comes from) and {checked} (the checked dataset), both
 * as key with title, {datasetKey} and {checkedKey} (the bare keys), {step}, {index} (the step's position in that
 * dataset's pipeline, 0-based like {@code introducedBy.index}), {path} (keys joined with " → ") and {detail} (what
 * the condition found, as a phrase).
 */
final class MessageTemplate {
    static final Set<String> PLACEHOLDERS = Set.of("task", "dataset", "checked", "datasetKey", "checkedKey", "step",
            "index", "path", "detail");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private MessageTemplate() {
    }

    /** The unknown placeholder names used by the template, or empty when all are known. */
    static Set<String> unknownPlaceholders(String template) {
        Set<String> unknown = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            if (!PLACEHOLDERS.contains(matcher.group(1))) {
                unknown.add(matcher.group(1));
            }
        }
        return unknown;
    }

    static String render(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.getOrDefault(matcher.group(1), matcher.group());
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        matcher.appendTail(out);
        return WHITESPACE.matcher(out).replaceAll(" ").trim();
    }
}
