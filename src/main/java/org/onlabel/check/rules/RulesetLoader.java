package org.onlabel.check.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads and validates the ruleset file. Every problem is reported with the rule it concerns, so domain experts can
 * fix the file without reading Java.
 */
public final class RulesetLoader {
    private static final Set<String> RULE_FIELDS = Set.of("id", "tasks", "modalities", "severity", "basis",
            "condition", "message", "rationale", "references", "standing");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private RulesetLoader() {
    }

    public static Ruleset load(InputStream yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new RulesetException("the ruleset is not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new RulesetException("the ruleset must be a mapping with 'version' and 'rules'");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isValueNode() || version.asText().isBlank()) {
            throw new RulesetException("the ruleset has no 'version'");
        }
        JsonNode rules = root.get("rules");
        if (rules == null || !rules.isArray() || rules.isEmpty()) {
            throw new RulesetException("the ruleset has no 'rules' list");
        }
        List<Rule> parsed = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rule(rules.get(i), i);
            if (!ids.add(rule.id())) {
                throw new RulesetException("rule '" + rule.id() + "': duplicate id (rule #" + (i + 1) + ")");
            }
            parsed.add(rule);
        }
        return new Ruleset(version.asText().trim(), parsed);
    }

    private static Rule rule(JsonNode node, int position) {
        if (node == null || !node.isObject()) {
            throw new RulesetException("rule #" + (position + 1) + ": expected a mapping with id, tasks, severity, "
                    + "condition and message");
        }
        JsonNode idNode = node.get("id");
        if (idNode == null || !idNode.isTextual() || idNode.asText().isBlank()) {
            throw new RulesetException("rule #" + (position + 1) + ": missing 'id'");
        }
        String id = idNode.asText().trim();
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!RULE_FIELDS.contains(name)) {
                throw problem(id, "unexpected field '" + name + "' (known: " + String.join(", ", RULE_FIELDS.stream()
                        .sorted().toList()) + ")");
            }
        }
        List<String> tasks = texts(node.get("tasks"), id, "tasks", true);
        List<String> modalities = node.has("modalities") ? texts(node.get("modalities"), id, "modalities", true)
                : List.of();
        Severity severity = severity(node.get("severity"), id);
        Basis basis = basis(node.get("basis"), id);
        JsonNode condition = node.get("condition");
        if (condition == null || condition.isNull()) {
            throw problem(id, "missing 'condition'");
        }
        ConditionParser.parse(id, condition);
        String message = requiredText(node.get("message"), id, "message");
        Set<String> unknown = MessageTemplate.unknownPlaceholders(message);
        if (!unknown.isEmpty()) {
            throw problem(id, "message uses unknown placeholder(s) " + unknown + " (known: "
                    + MessageTemplate.PLACEHOLDERS.stream().sorted().toList() + ")");
        }
        String rationale = requiredText(node.get("rationale"), id, "rationale");
        List<String> references = node.has("references") ? texts(node.get("references"), id, "references", false)
                : List.of();
        JsonNode standing = node.path("standing");
        if (!standing.isMissingNode() && !standing.isBoolean()) {
            throw problem(id, "standing must be true or false");
        }
        return new Rule(id, tasks, modalities, severity, basis, condition, message, rationale, references,
                standing.asBoolean(false));
    }

    private static Severity severity(JsonNode node, String id) {
        String text = requiredText(node, id, "severity");
        Severity severity = Severity.fromId(text);
        if (severity == null) {
            throw problem(id, "unknown severity '" + text + "' (known: violation, caution, unknown, info)");
        }
        return severity;
    }

    /** Every rule names its basis, so that a reader can tell evidence from inference from policy. */
    private static Basis basis(JsonNode node, String id) {
        String text = requiredText(node, id, "basis");
        Basis basis = Basis.fromId(text);
        if (basis == null) {
            throw problem(id, "unknown basis '" + text + "' (known: literature, inference, policy)");
        }
        return basis;
    }

    private static List<String> texts(JsonNode node, String id, String field, boolean required) {
        if (node == null || node.isNull()) {
            throw problem(id, "missing '" + field + "'");
        }
        if (!node.isArray()) {
            throw problem(id, "'" + field + "' must be a list");
        }
        if (required && node.isEmpty()) {
            throw problem(id, "'" + field + "' is empty; " + (field.equals("tasks")
                    ? "list at least one task, or \"*\" for every task" : "list at least one, or leave it out"));
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : node) {
            if (!value.isTextual() || value.asText().isBlank()) {
                throw problem(id, "'" + field + "' must contain non-empty texts only");
            }
            values.add(value.asText().trim());
        }
        return values;
    }

    private static String requiredText(JsonNode node, String id, String field) {
        if (node == null || node.isNull()) {
            throw problem(id, "missing '" + field + "'");
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw problem(id, "'" + field + "' must be a non-empty text");
        }
        return node.asText().trim();
    }

    private static RulesetException problem(String id, String problem) {
        return new RulesetException("rule '" + id + "': " + problem);
    }
}
