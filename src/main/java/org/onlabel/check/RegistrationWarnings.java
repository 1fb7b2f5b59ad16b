package org.onlabel.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.onlabel.check.rules.CheckOutcome;
import org.onlabel.check.rules.Finding;
import org.onlabel.check.rules.RepresentationFields;
import org.onlabel.check.rules.Severity;
import org.onlabel.check.rules.Verdict;
import org.onlabel.dataset.RegistrationWarning;

/**
 * Turns the label's verdicts of a just-written dataset into warnings for its writer: a declared intended use that
 * is OFF_LABEL (its deciding violations, an inherited contraindication on its own), and the missing facts that make
 * a declared use UNKNOWN, with the field to fill when the gap is in the dataset itself.
 */
final class RegistrationWarnings {
    static final String CONTRAINDICATED = "any.contraindicated";
    static final String LICENSE_UNKNOWN = "license.unknown";

    private RegistrationWarnings() {
    }

    /** {@code byTask}: the outcome of each declared intended use, checked as the label checks it. */
    static List<RegistrationWarning> forIntendedUses(String key, Map<String, CheckOutcome> byTask) {
        Map<List<String>, RegistrationWarning> warnings = new LinkedHashMap<>();
        byTask.forEach((task, outcome) -> {
            List<Finding> deciding = CheckService.deciding(outcome.findings());
            if (outcome.verdict() == Verdict.OFF_LABEL) {
                deciding.stream().filter(f -> f.severity() == Severity.VIOLATION)
                        .forEach(f -> add(warnings, offLabel(key, task, f)));
            } else if (outcome.verdict() == Verdict.UNKNOWN) {
                deciding.stream().filter(f -> f.severity() == Severity.UNKNOWN)
                        .forEach(f -> missing(key, task, f).forEach(w -> add(warnings, w)));
            }
        });
        return List.copyOf(warnings.values());
    }

    /**
     * A dataset that declares no intended use (every import starts so): one warning saying so, and the missing
     * facts that keep every task from ON_LABEL or CAUTION (an unknown finding in each task's check), task null.
     */
    static List<RegistrationWarning> withoutIntendedUses(String key, Map<String, CheckOutcome> everyTask) {
        List<RegistrationWarning> warnings = new ArrayList<>();
        warnings.add(new RegistrationWarning(RegistrationWarning.NO_INTENDED_USES, null, null, "intendedUses", key,
                "No intended use is declared, so a check of any task is CAUTION at best (any.not-intended). Declare "
                        + "intendedUses with an update so that checks and the label can say what the dataset is for."));
        Map<List<String>, RegistrationWarning> common = null;
        for (CheckOutcome outcome : everyTask.values()) {
            Map<List<String>, RegistrationWarning> ofTask = new LinkedHashMap<>();
            outcome.findings().stream().filter(f -> f.severity() == Severity.UNKNOWN)
                    .forEach(f -> missing(key, null, f).forEach(w -> add(ofTask, w)));
            if (common == null) {
                common = ofTask;
            } else {
                common.keySet().retainAll(ofTask.keySet());
            }
        }
        if (common != null) {
            warnings.addAll(common.values());
        }
        return List.copyOf(warnings);
    }

    private static RegistrationWarning offLabel(String key, String task, Finding f) {
        String origin = f.introducedBy() == null ? key : f.introducedBy().dataset();
        if (CONTRAINDICATED.equals(f.rule())) {
            String whose = key.equals(origin) ? "of this dataset" : "inherited from '" + origin + "'";
            return new RegistrationWarning(RegistrationWarning.CONTRAINDICATED_INTENDED_USE, task, f.rule(), null,
                    origin, "Declared intended use '" + task + "' contradicts a contraindication " + whose + ": "
                            + f.message());
        }
        return new RegistrationWarning(RegistrationWarning.OFF_LABEL_INTENDED_USE, task, f.rule(), null, origin,
                "Declared intended use '" + task + "' is OFF_LABEL for this dataset's own lineage (rule " + f.rule()
                        + "): " + f.message());
    }

    /** One warning per field of this dataset the unknown finding names, else one naming only the rule. */
    private static List<RegistrationWarning> missing(String key, String task, Finding f) {
        String where = f.introducedBy() == null ? key : f.introducedBy().dataset();
        String checks = task == null ? "No check of this dataset can be ON_LABEL or CAUTION"
                : "Checks of '" + task + "' will be UNKNOWN";
        List<String> fields = key.equals(where) ? fieldsNamedBy(key, f) : List.of();
        if (fields.isEmpty()) {
            return List.of(new RegistrationWarning(RegistrationWarning.MISSING_FACTS, task, f.rule(), null, where,
                    checks + ": " + f.message()));
        }
        return fields.stream().map(field -> new RegistrationWarning(RegistrationWarning.MISSING_FACTS, task, f.rule(),
                field, where, checks + " until " + field + " is recorded: " + f.message())).toList();
    }

    /** The fields of the checked dataset whose absence the finding reports: representation.*, license, modalities. */
    static List<String> fieldsNamedBy(String key, Finding f) {
        Set<String> fields = new LinkedHashSet<>();
        RepresentationFields.namedIn(f.message()).forEach(id -> fields.add("representation." + id));
        if (LICENSE_UNKNOWN.equals(f.rule())) {
            fields.add("license");
        }
        if (f.message() != null && f.message().contains("the modality of " + key + " is not recorded")) {
            fields.add("modalities");
        }
        return List.copyOf(fields);
    }

    private static void add(Map<List<String>, RegistrationWarning> warnings, RegistrationWarning w) {
        List<String> identity = java.util.Arrays.asList(w.code(), w.task(), w.rule(), w.field(), w.dataset());
        warnings.putIfAbsent(identity.stream().map(s -> Objects.toString(s, "")).toList(), w);
    }
}
