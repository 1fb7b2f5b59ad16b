package org.onlabel.check;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.onlabel.check.rules.CheckOutcome;
import org.onlabel.check.rules.Finding;
import org.onlabel.check.rules.RepresentationFields;
import org.onlabel.check.rules.RuleEngine;
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

    /**
     * The findings whose messages a warning quotes: of each rule and severity that can decide a verdict, the nearest
     * (findings are sorted by path length within a rule). {@link RuleEngine#outcomesAlone} writes only these.
     */
    static Collection<Finding> quoted(List<Finding> sorted) {
        Map<List<Object>, Finding> nearest = new LinkedHashMap<>();
        for (Finding f : sorted) {
            if (f.severity() != Severity.INFO) {
                nearest.putIfAbsent(List.of(f.rule(), f.severity()), f);
            }
        }
        return nearest.values();
    }

    /**
     * {@code byTask}: the outcome of each declared intended use, checked as the label checks it, with the messages of
     * {@link #quoted} findings written. One warning per rule (and field): the nearest dataset it comes from, and how
     * many more upstream the same rule found, rather than one per ancestor of a deep lineage.
     */
    static List<RegistrationWarning> forIntendedUses(String key, Map<String, CheckOutcome> byTask) {
        Map<List<String>, RegistrationWarning> warnings = new LinkedHashMap<>();
        byTask.forEach((task, outcome) -> {
            if (outcome.verdict() == Verdict.OFF_LABEL) {
                nearestOfEachRule(outcome, Severity.VIOLATION).forEach(f -> add(warnings, offLabel(key, task, f,
                        othersOf(outcome, f))));
            } else if (outcome.verdict() == Verdict.UNKNOWN) {
                nearestOfEachRule(outcome, Severity.UNKNOWN).forEach(f -> missing(key, task, f, othersOf(outcome, f))
                        .forEach(w -> add(warnings, w)));
            }
        });
        return List.copyOf(warnings.values());
    }

    /** The {@link #quoted} findings of this severity: the ones whose messages were written. */
    private static List<Finding> nearestOfEachRule(CheckOutcome outcome, Severity severity) {
        return quoted(outcome.findings()).stream().filter(f -> f.severity() == severity).toList();
    }

    /** The other datasets in which the finding's rule found the same, at the same severity. */
    private static int othersOf(CheckOutcome outcome, Finding quoted) {
        Set<String> origins = new LinkedHashSet<>();
        outcome.findings().stream().filter(f -> f.rule().equals(quoted.rule()) && f.severity() == quoted.severity())
                .forEach(f -> origins.add(origin(f)));
        origins.remove(origin(quoted));
        return origins.size();
    }

    private static String origin(Finding f) {
        return f.introducedBy() == null || f.introducedBy().dataset() == null ? f.dataset() : f.introducedBy().dataset();
    }

    private static String alsoUpstream(int others) {
        return others == 0 ? "" : " The same rule applies to " + others + " more dataset" + (others == 1 ? "" : "s")
                + " upstream; the label lists them all.";
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
            nearestOfEachRule(outcome, Severity.UNKNOWN)
                    .forEach(f -> missing(key, null, f, othersOf(outcome, f)).forEach(w -> add(ofTask, w)));
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

    private static RegistrationWarning offLabel(String key, String task, Finding f, int others) {
        String origin = f.introducedBy() == null ? key : f.introducedBy().dataset();
        if (CONTRAINDICATED.equals(f.rule())) {
            String whose = key.equals(origin) ? "of this dataset" : "inherited from '" + origin + "'";
            return new RegistrationWarning(RegistrationWarning.CONTRAINDICATED_INTENDED_USE, task, f.rule(), null,
                    origin, "Declared intended use '" + task + "' contradicts a contraindication " + whose + ": "
                            + f.message() + alsoUpstream(others));
        }
        return new RegistrationWarning(RegistrationWarning.OFF_LABEL_INTENDED_USE, task, f.rule(), null, origin,
                "Declared intended use '" + task + "' is OFF_LABEL for this dataset's own lineage (rule " + f.rule()
                        + "): " + f.message() + alsoUpstream(others));
    }

    /** One warning per field of this dataset the unknown finding names, else one naming only the rule. */
    private static List<RegistrationWarning> missing(String key, String task, Finding f, int others) {
        String where = f.introducedBy() == null ? key : f.introducedBy().dataset();
        String checks = task == null ? "No check of this dataset can be ON_LABEL or CAUTION"
                : "Checks of '" + task + "' will be UNKNOWN";
        List<String> fields = key.equals(where) ? fieldsNamedBy(key, f) : List.of();
        if (fields.isEmpty()) {
            return List.of(new RegistrationWarning(RegistrationWarning.MISSING_FACTS, task, f.rule(), null, where,
                    checks + ": " + f.message() + alsoUpstream(others)));
        }
        return fields.stream().map(field -> new RegistrationWarning(RegistrationWarning.MISSING_FACTS, task, f.rule(),
                field, where, checks + " until " + field + " is recorded: " + f.message() + alsoUpstream(others)))
                .toList();
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
