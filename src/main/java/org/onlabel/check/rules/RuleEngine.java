package org.onlabel.check.rules;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies a ruleset to the datasets of a check. Each applicable rule (its tasks contain the check's task or "*") is
 * evaluated for each checked dataset; check-level conditions report on the dataset of their second role.
 *
 * <p>
 * A matching rule yields one finding per piece of evidence. Evidence from a step recorded as uncertain downgrades
 * a violation or caution to {@code unknown} ("reported but unconfirmed"). A rule whose condition is unknown yields an
 * {@code unknown} finding: under the rule that collects that kind of missing fact ({@code missingFacts:
 * representation} / {@code license} in the ruleset), else under its own id. Unknowns of info rules are dropped: they
 * could not change a verdict.
 */
public final class RuleEngine {
    static final String UNCONFIRMED = "Reported but unconfirmed: ";

    private final Ruleset ruleset;
    private final List<CompiledRule> rules;
    private final Set<String> knownSteps;

    /** {@code knownSteps}: the preprocessing vocabulary; empty means steps are not checked against it. */
    public RuleEngine(Ruleset ruleset, Set<String> knownSteps) {
        this.ruleset = Objects.requireNonNull(ruleset, "ruleset");
        this.rules = ruleset.rules().stream().map(CompiledRule::of).toList();
        this.knownSteps = knownSteps == null ? Set.of()
                : knownSteps.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    public Ruleset ruleset() {
        return ruleset;
    }

    public CheckOutcome evaluate(String task, Facts.Purpose purpose, List<Facts.Roled> datasets) {
        Objects.requireNonNull(task, "task");
        Facts.Purpose stated = purpose == null ? Facts.Purpose.UNSTATED : purpose;
        List<Facts.Roled> checked = datasets == null ? List.of() : List.copyOf(datasets);
        List<CompiledRule> applicable = rules.stream().filter(r -> r.rule().appliesTo(task)).toList();
        Map<FactKind, CompiledRule> reporters = reportersOfMissingFacts(applicable);

        FindingCollector findings = new FindingCollector(checked);
        for (Facts.Roled roled : checked) {
            EvaluationContext context = new EvaluationContext(task, stated, roled, checked, knownSteps);
            UnknownReport unknowns = new UnknownReport();
            for (CompiledRule rule : applicable) {
                Outcome outcome = rule.condition().evaluate(context);
                if (outcome.matched()) {
                    outcome.evidence().forEach(evidence -> findings.add(
                            finding(rule, rule.rule().severity(), context, evidence)));
                } else if (outcome.truth() == Outcome.Truth.UNKNOWN && rule.rule().severity() != Severity.INFO) {
                    for (MissingFact missing : outcome.missing()) {
                        CompiledRule reporter = reporters.get(missing.kind());
                        if (reporter != null && reporter != rule) {
                            unknowns.add(reporter, missing, rule.id());
                        } else {
                            findings.add(undecided(rule, context, missing));
                        }
                    }
                }
            }
            unknowns.forEach((reporter, evidence) -> findings.add(
                    finding(reporter, Severity.UNKNOWN, context, evidence)));
        }
        List<Finding> sorted = findings.sorted();
        return new CheckOutcome(verdictOf(sorted), task, ruleset.version(), datasetVerdicts(checked, sorted), sorted);
    }

    private static Map<FactKind, CompiledRule> reportersOfMissingFacts(List<CompiledRule> applicable) {
        Map<FactKind, CompiledRule> reporters = new EnumMap<>(FactKind.class);
        for (CompiledRule rule : applicable) {
            rule.collects().forEach(kind -> reporters.putIfAbsent(kind, rule));
        }
        return reporters;
    }

    private static Finding finding(CompiledRule compiled, Severity ruleSeverity, EvaluationContext context,
            Evidence evidence) {
        Rule rule = compiled.rule();
        Severity severity = ruleSeverity;
        String message = MessageTemplate.render(rule.message(), placeholders(context, evidence));
        if (evidence.uncertain() && (severity == Severity.VIOLATION || severity == Severity.CAUTION)) {
            severity = Severity.UNKNOWN;
            message = UNCONFIRMED + message;
        }
        return new Finding(rule.id(), severity, context.dataset().key(),
                new IntroducedBy(evidence.dataset(), evidence.step(), evidence.index()), evidence.path(), message,
                rule.references());
    }

    /** A rule that could not be decided and has no reporter for the missing fact: unknown under its own id. */
    private static Finding undecided(CompiledRule compiled, EvaluationContext context, MissingFact missing) {
        Evidence where = missing.where();
        String message = "Rule " + compiled.id() + " cannot be decided for " + context.dataset().key() + " and "
                + context.task() + ": " + missing.fact() + " is not recorded.";
        return new Finding(compiled.id(), Severity.UNKNOWN, context.dataset().key(),
                new IntroducedBy(where.dataset(), where.step(), where.index()), where.path(), message,
                compiled.rule().references());
    }

    private static Map<String, String> placeholders(EvaluationContext context, Evidence evidence) {
        Map<String, String> values = new HashMap<>();
        values.put("task", context.task());
        values.put("dataset", evidence.dataset());
        values.put("checked", context.dataset().key());
        values.put("step", evidence.step() == null ? "" : evidence.step());
        values.put("index", evidence.index() == null ? "" : String.valueOf(evidence.index() + 1));
        values.put("path", String.join(" → ", evidence.path()));
        values.put("detail", evidence.detail());
        return values;
    }

    private static Verdict verdictOf(List<Finding> findings) {
        return Verdict.of(findings.stream().map(Finding::severity).collect(Collectors.toSet()));
    }

    private static List<DatasetVerdict> datasetVerdicts(List<Facts.Roled> checked, List<Finding> findings) {
        List<DatasetVerdict> verdicts = new ArrayList<>();
        for (Facts.Roled roled : checked) {
            String key = roled.dataset().key();
            verdicts.add(new DatasetVerdict(key, roled.role(),
                    verdictOf(findings.stream().filter(f -> f.dataset().equals(key)).toList())));
        }
        return verdicts;
    }
}
