package org.onlabel.check.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Compiles a rule's condition tree (as written in the ruleset file) into {@link Condition}s, failing with a
 * {@link RulesetException} that names the rule, where in the condition, and what is wrong.
 */
final class ConditionParser {
    static final List<String> TYPES = List.of("anyOf", "allOf", "not", "historyHasAny", "historyStep",
            "historyStepUnknown", "representation", "purpose", "lineageContraindicates", "lineageStatus",
            "lineageUnregistered", "taskNotIntended", "cohortSingle", "lineageLicense", "lineageLicenseMissing",
            "lineageDataUse", "lineageDataUseDisease", "derivationEdge", "sharedAncestorBetweenRoles",
            "leakageBetweenRoles", "disjointBetweenRoles",
            "missingFacts", "modality");

    private final String ruleId;

    private ConditionParser(String ruleId) {
        this.ruleId = ruleId;
    }

    static Condition parse(String ruleId, JsonNode condition) {
        return new ConditionParser(ruleId).condition(condition, "condition");
    }

    private Condition condition(JsonNode node, String at) {
        if (node == null || !node.isObject() || node.size() != 1) {
            throw fail(at, "expected an object with exactly one condition type, e.g. { historyHasAny: [resampling] }");
        }
        String type = node.fieldNames().next();
        JsonNode args = node.get(type);
        String here = at + "." + type;
        switch (type) {
            case "anyOf":
                return new AnyOfCondition(parts(args, here));
            case "allOf":
                return new AllOfCondition(parts(args, here));
            case "not":
                return new NotCondition(condition(args, here));
            case "historyHasAny":
                return new HistoryHasAnyCondition(lowerCaseSet(args, here));
            case "historyStep":
                return historyStep(args, here);
            case "historyStepUnknown":
                requireTrue(args, here);
                return new UnknownStepCondition();
            case "representation":
                return representation(args, here);
            case "purpose":
                return purpose(args, here);
            case "lineageContraindicates":
                requireTrue(args, here);
                return new ContraindicationCondition();
            case "lineageStatus":
                return new LineageStatusCondition(text(args, here));
            case "lineageUnregistered":
                requireTrue(args, here);
                return new UnregisteredCondition();
            case "taskNotIntended":
                requireTrue(args, here);
                return new NotIntendedCondition();
            case "cohortSingle":
                return cohortSingle(args, here);
            case "lineageLicense":
                return lineageLicense(args, here);
            case "lineageLicenseMissing":
                if (args != null && args.isTextual() && args.asText().trim().equals("checked")) {
                    return new LicenseMissingCondition(true);
                }
                if (args == null || !args.isBoolean()) {
                    throw fail(here, "expected true (any dataset of the lineage) or checked (the checked dataset)");
                }
                requireTrue(args, here);
                return new LicenseMissingCondition(false);
            case "lineageDataUse":
                return new DataUseCondition(duoCodes(args, here));
            case "lineageDataUseDisease":
                return new DataUseDiseaseCondition(DuoCodes.normalise(text(args, here)));
            case "derivationEdge":
                return derivationEdge(args, here);
            case "sharedAncestorBetweenRoles":
            case "leakageBetweenRoles":
                return leakage(args, here, false);
            case "disjointBetweenRoles":
                return leakage(args, here, true);
            case "missingFacts":
                return missingFacts(args, here);
            case "modality":
                return modality(args, here);
            default:
                throw fail(at, "unknown condition type '" + type + "' (known: " + String.join(", ", TYPES) + ")");
        }
    }

    private List<Condition> parts(JsonNode args, String at) {
        if (args == null || !args.isArray() || args.isEmpty()) {
            throw fail(at, "expected a non-empty list of conditions");
        }
        List<Condition> parts = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            parts.add(condition(args.get(i), at + "[" + i + "]"));
        }
        return parts;
    }

    private Condition historyStep(JsonNode args, String at) {
        requireFields(args, at, Set.of("step"), Set.of("parameter", "equals", "notEquals", "ifMissing"));
        String step = text(args.get("step"), at + ".step").toLowerCase(Locale.ROOT);
        if (!args.has("parameter")) {
            if (args.has("equals") || args.has("notEquals") || args.has("ifMissing")) {
                throw fail(at, "'equals', 'notEquals' and 'ifMissing' need a 'parameter'");
            }
            return new HistoryStepCondition(step, null, null, false, Outcome.Truth.UNKNOWN);
        }
        String parameter = text(args.get("parameter"), at + ".parameter");
        boolean negate = comparison(args, at);
        String value = scalar(args.get(negate ? "notEquals" : "equals"), at);
        return new HistoryStepCondition(step, parameter, value, negate, ifMissing(args.get("ifMissing"), at));
    }

    private Outcome.Truth ifMissing(JsonNode node, String at) {
        String value = node == null ? "unknown" : text(node, at + ".ifMissing");
        switch (value) {
            case "unknown":
                return Outcome.Truth.UNKNOWN;
            case "match":
                return Outcome.Truth.MATCH;
            case "noMatch":
                return Outcome.Truth.NO_MATCH;
            default:
                throw fail(at + ".ifMissing", "expected unknown, match or noMatch, got '" + value + "'");
        }
    }

    private Condition representation(JsonNode args, String at) {
        requireFields(args, at, Set.of("field"), Set.of("equals", "notEquals"));
        String name = text(args.get("field"), at + ".field");
        RepresentationField field = RepresentationField.fromId(name);
        if (field == null) {
            throw fail(at + ".field", "unknown representation field '" + name
                    + "' (known: domain, complex, coils, compression, bitDepth)");
        }
        boolean negate = comparison(args, at);
        return new RepresentationCondition(field, scalar(args.get(negate ? "notEquals" : "equals"), at), negate);
    }

    /** True for notEquals, false for equals; exactly one must be present. */
    private boolean comparison(JsonNode args, String at) {
        if (args.has("equals") == args.has("notEquals")) {
            throw fail(at, "expected exactly one of 'equals' or 'notEquals'");
        }
        return args.has("notEquals");
    }

    private Condition purpose(JsonNode args, String at) {
        PurposeCondition.Flag flag = args == null || !args.isObject() || args.size() != 1 ? null
                : PurposeCondition.Flag.of(args.fieldNames().next());
        if (flag == null) {
            throw fail(at, "expected exactly one of { commercial | methodsDevelopment | publishesDerivedData: true|false }");
        }
        return new PurposeCondition(flag, bool(args.get(flag.field), at + "." + flag.field));
    }

    private Condition cohortSingle(JsonNode args, String at) {
        Set<String> fields = stringSet(args, at);
        for (String field : fields) {
            if (!field.equals(CohortSingleCondition.VENDORS) && !field.equals(CohortSingleCondition.SITES)) {
                throw fail(at, "expected vendors and/or sites, got '" + field + "'");
            }
        }
        return new CohortSingleCondition(List.copyOf(fields));
    }

    private Condition lineageLicense(JsonNode args, String at) {
        requireFields(args, at, Set.of("attribute", "equals"), Set.of());
        return new LineageLicenseCondition(licenseAttribute(args.get("attribute"), at + ".attribute"),
                bool(args.get("equals"), at + ".equals"));
    }

    private Condition derivationEdge(JsonNode args, String at) {
        requireFields(args, at, Set.of("parentAttribute", "equals"), Set.of("childLicenseDiffers", "childAttributeNot"));
        if (args.has("childLicenseDiffers") && args.has("childAttributeNot")) {
            throw fail(at, "use either 'childLicenseDiffers' or 'childAttributeNot', not both");
        }
        if (args.has("childLicenseDiffers")) {
            requireTrue(args.get("childLicenseDiffers"), at + ".childLicenseDiffers");
        }
        Boolean childAttributeNot = args.has("childAttributeNot")
                ? bool(args.get("childAttributeNot"), at + ".childAttributeNot") : null;
        return new DerivationEdgeCondition(licenseAttribute(args.get("parentAttribute"), at + ".parentAttribute"),
                bool(args.get("equals"), at + ".equals"), args.has("childLicenseDiffers"), childAttributeNot);
    }

    private LicenseAttribute licenseAttribute(JsonNode node, String at) {
        String name = text(node, at);
        LicenseAttribute attribute = LicenseAttribute.fromId(name);
        if (attribute == null) {
            throw fail(at, "unknown license attribute '" + name
                    + "' (known: commercialUse, derivatives, shareAlike, attribution)");
        }
        return attribute;
    }

    private Condition leakage(JsonNode args, String at, boolean reportDisjoint) {
        List<String> roles = new ArrayList<>(stringSet(args, at));
        if (roles.size() != 2) {
            throw fail(at, "expected two different roles, e.g. [train, test]");
        }
        return new LeakageCondition(roles.get(0), roles.get(1), reportDisjoint);
    }

    private Condition missingFacts(JsonNode args, String at) {
        String kind = text(args, at);
        if (kind.equals(FactKind.REPRESENTATION.id())) {
            return new MissingFactsCondition(FactKind.REPRESENTATION);
        }
        if (kind.equals(FactKind.LICENSE.id())) {
            return new MissingFactsCondition(FactKind.LICENSE);
        }
        throw fail(at, "expected representation or license, got '" + kind + "'");
    }

    private Condition modality(JsonNode args, String at) {
        if (args != null && args.isArray()) {
            return new ModalityCondition(upperCaseSet(args, at), false, Outcome.Truth.UNKNOWN);
        }
        requireFields(args, at, Set.of(), Set.of("anyOf", "noneOf", "ifMissing"));
        if (args.has("anyOf") == args.has("noneOf")) {
            throw fail(at, "expected exactly one of 'anyOf' or 'noneOf'");
        }
        boolean none = args.has("noneOf");
        return new ModalityCondition(upperCaseSet(args.get(none ? "noneOf" : "anyOf"), at + (none ? ".noneOf"
                : ".anyOf")), none, ifMissing(args.get("ifMissing"), at));
    }

    private Set<String> upperCaseSet(JsonNode args, String at) {
        Set<String> codes = new LinkedHashSet<>();
        stringSet(args, at).forEach(code -> codes.add(code.toUpperCase(Locale.ROOT)));
        return codes;
    }

    private Set<String> duoCodes(JsonNode args, String at) {
        Set<String> codes = new LinkedHashSet<>();
        stringSet(args, at).forEach(code -> codes.add(DuoCodes.normalise(code)));
        return codes;
    }

    private Set<String> lowerCaseSet(JsonNode args, String at) {
        Set<String> values = new LinkedHashSet<>();
        stringSet(args, at).forEach(value -> values.add(value.toLowerCase(Locale.ROOT)));
        return values;
    }

    private Set<String> stringSet(JsonNode args, String at) {
        if (args == null || !args.isArray() || args.isEmpty()) {
            throw fail(at, "expected a non-empty list");
        }
        Set<String> values = new LinkedHashSet<>();
        for (int i = 0; i < args.size(); i++) {
            values.add(text(args.get(i), at + "[" + i + "]"));
        }
        return values;
    }

    private void requireFields(JsonNode args, String at, Set<String> required, Set<String> optional) {
        if (args == null || !args.isObject()) {
            throw fail(at, "expected an object with " + String.join(", ", required));
        }
        for (String field : required) {
            if (!args.has(field)) {
                throw fail(at, "missing '" + field + "'");
            }
        }
        for (Iterator<String> names = args.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!required.contains(name) && !optional.contains(name)) {
                throw fail(at, "unexpected '" + name + "'");
            }
        }
    }

    private String text(JsonNode node, String at) {
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw fail(at, "expected a non-empty text");
        }
        return node.asText().trim();
    }

    private String scalar(JsonNode node, String at) {
        if (node == null || !node.isValueNode() || node.isNull()) {
            throw fail(at, "expected a value (text, number or true/false) to compare with");
        }
        return node.asText().trim();
    }

    private boolean bool(JsonNode node, String at) {
        if (node == null || !node.isBoolean()) {
            throw fail(at, "expected true or false");
        }
        return node.asBoolean();
    }

    private void requireTrue(JsonNode node, String at) {
        if (!bool(node, at)) {
            throw fail(at, "expected true (to drop the condition, remove it)");
        }
    }

    private RulesetException fail(String at, String problem) {
        return new RulesetException("rule '" + ruleId + "': " + at + ": " + problem);
    }
}
