package org.onlabel.check.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Applies a ruleset to the datasets of a check. Each applicable rule (its tasks contain the check's task or "*") is
 * evaluated for each checked dataset; check-level conditions report on the dataset of their second role.
 *
 * <p>
 * A matching rule yields one finding per piece of evidence. Evidence from a step recorded as uncertain downgrades
 * a violation to {@code unknown} and keeps a caution a caution, both marked "reported but unconfirmed". A rule whose condition is unknown yields an
 * {@code unknown} finding: under the rule that collects that kind of missing fact ({@code missingFacts:
 * representation} / {@code license} in the ruleset), else under its own id. Unknowns of info rules are dropped: they
 * could not change a verdict.
 *
 * <p>
 * Derivation compliance versus use compliance: a {@link Rule#standing() standing} rule states a fact about how a
 * dataset was made (e.g. whether its publisher was allowed to derive it). Its match is a violation for every use,
 * but what it cannot decide is a question for the publisher, reported as an {@code info} finding — it never makes
 * the user's verdict UNKNOWN. Only the other rules (what the user's task and purpose need) can.
 *
 * <p>
 * Rules that name {@code modalities} are evaluated only for data of those modalities.
 */
public final class RuleEngine {
    static final String UNCONFIRMED = "Reported but unconfirmed: ";

    private final Ruleset ruleset;
    private final List<CompiledRule> rules;
    private final Set<String> knownSteps;
    private final List<CompiledRule> everyTaskViolations;
    /** Rules whose condition's outcome does not depend on the task (see {@link #verdictsAlone}). */
    private final Set<CompiledRule> taskFree;
    /** The task an {@link #offLabelForEveryTask} context names; the conditions it evaluates never read it. */
    private static final String EVERY_TASK_CONTEXT = "*";

    /** {@code knownSteps}: the preprocessing vocabulary; empty means steps are not checked against it. */
    public RuleEngine(Ruleset ruleset, Set<String> knownSteps) {
        this.ruleset = Objects.requireNonNull(ruleset, "ruleset");
        this.rules = ruleset.rules().stream().map(CompiledRule::of).toList();
        this.knownSteps = knownSteps == null ? Set.of()
                : knownSteps.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.everyTaskViolations = rules.stream().filter(RuleEngine::decidesEveryTask).toList();
        Set<CompiledRule> free = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        rules.stream().filter(r -> !readsTask(r.condition())).forEach(free::add);
        this.taskFree = free;
    }

    public Ruleset ruleset() {
        return ruleset;
    }

    public CheckOutcome evaluate(String task, Facts.Purpose purpose, List<Facts.Roled> datasets) {
        return evaluate(task, purpose, datasets, true);
    }

    /** What a label says for a task: the dataset alone, in role {@code any}, purpose unstated. */
    public CheckOutcome evaluateAlone(String task, Facts.Dataset dataset) {
        return evaluate(task, Facts.Purpose.UNSTATED, List.of(new Facts.Roled("any", dataset)));
    }

    /** The verdict of {@link #evaluateAlone}, without writing messages (see {@link #verdict}). */
    public Verdict verdictAlone(String task, Facts.Dataset dataset) {
        return verdict(task, Facts.Purpose.UNSTATED, List.of(new Facts.Roled("any", dataset)));
    }

    /**
     * True when the dataset's own lineage alone makes every task OFF_LABEL, whatever the task, purpose or role: a
     * rule for every task ({@code "*"}), of no particular modality, of severity violation, whose condition reads
     * only the lineage's statuses (a retracted ancestor) matches with confirmed evidence. A violation decides a
     * verdict whatever else is found ({@link Verdict#of}), so the full evaluation of any task gives OFF_LABEL too;
     * stored verdicts use it to skip evaluating each task of a dataset below a retraction.
     */
    public boolean offLabelForEveryTask(Facts.Dataset dataset) {
        if (everyTaskViolations.isEmpty()) {
            return false;
        }
        Facts.Roled alone = new Facts.Roled("any", dataset);
        EvaluationContext context = new EvaluationContext(EVERY_TASK_CONTEXT, Facts.Purpose.UNSTATED, alone,
                List.of(alone), knownSteps, Map.of());
        for (CompiledRule rule : everyTaskViolations) {
            Outcome outcome = rule.condition().evaluate(context);
            if (outcome.matched() && outcome.evidence().stream().anyMatch(e -> !e.uncertain())) {
                return true;
            }
        }
        return false;
    }

    /** Rules {@link #offLabelForEveryTask} may rely on: their condition does not read the task or the purpose. */
    private static boolean decidesEveryTask(CompiledRule compiled) {
        Rule rule = compiled.rule();
        return rule.tasks().contains(Rule.EVERY_TASK) && rule.modalities().isEmpty()
                && rule.severity() == Severity.VIOLATION && compiled.condition() instanceof LineageStatusCondition;
    }

    /**
     * The verdict alone, equal to {@code evaluate(...).verdict()}, without writing the findings' messages (which
     * spell out paths and titles: most of the work on a deep lineage). For stored verdicts, which keep no findings.
     */
    public Verdict verdict(String task, Facts.Purpose purpose, List<Facts.Roled> datasets) {
        return evaluate(task, purpose, datasets, false, null, null, null).verdict();
    }

    /**
     * {@link #verdictAlone} of each of these tasks, in their order, equal to asking task by task: a rule whose
     * condition does not read the task (most of them: licenses, history, cohort, lineage) is evaluated once for
     * all the tasks it applies to instead of once per task. For stored verdicts, every task of a dataset at once.
     */
    public List<Verdict> verdictsAlone(List<String> tasks, Facts.Dataset dataset) {
        Map<String, CheckOutcome> byTask = eachTaskAlone(tasks, dataset, null);
        return tasks.stream().map(task -> byTask.get(task).verdict()).toList();
    }

    /**
     * {@link #evaluateAlone} of each of these tasks, evaluated as {@link #verdictsAlone} is (a task-free condition once
     * for all the tasks), with messages written only for the findings {@code describe} picks from each task's sorted
     * findings: the other findings carry a null message. Verdicts, findings and their order are those of
     * {@code evaluateAlone}. For answers that show a few findings of many (registration warnings), since writing a
     * message (titles and paths) is most of the work on a deep lineage.
     */
    public Map<String, CheckOutcome> outcomesAlone(List<String> tasks, Facts.Dataset dataset,
            Function<List<Finding>, Collection<Finding>> describe) {
        return eachTaskAlone(tasks, dataset, Objects.requireNonNull(describe, "describe"));
    }

    /** Each task once, in order, sharing task-free outcomes and titles; {@code describeOnly} null writes no message. */
    private Map<String, CheckOutcome> eachTaskAlone(List<String> tasks, Facts.Dataset dataset,
            Function<List<Finding>, Collection<Finding>> describeOnly) {
        List<Facts.Roled> alone = List.of(new Facts.Roled("any", dataset));
        Map<CompiledRule, Outcome> outcomes = new java.util.IdentityHashMap<>();
        // the titles depend on the datasets only: once for every task, not once per task (a string per node)
        Map<String, String> titles = EvaluationContext.titlesOf(alone);
        Map<String, CheckOutcome> byTask = new java.util.LinkedHashMap<>();
        for (String task : tasks) {
            byTask.computeIfAbsent(task,
                    t -> evaluate(t, Facts.Purpose.UNSTATED, alone, false, outcomes, titles, describeOnly));
        }
        return byTask;
    }

    /** Leaf conditions that read the checked task; any other condition's outcome is the same for every task. */
    private static final Set<Class<? extends Condition>> TASK_READING = Set.of(ContraindicationCondition.class,
            NotIntendedCondition.class);
    /** Leaf conditions known not to read the task (a condition type added later is taken to read it). */
    private static final Set<Class<? extends Condition>> TASK_FREE = Set.of(CohortSingleCondition.class,
            DataUseCondition.class, DataUseDiseaseCondition.class, DerivationEdgeCondition.class,
            HistoryHasAnyCondition.class, HistoryStepCondition.class, LeakageCondition.class,
            LicenseMissingCondition.class, LineageLicenseCondition.class, LineageStatusCondition.class,
            MissingFactsCondition.class, ModalityCondition.class, PurposeCondition.class,
            RepresentationCondition.class, UnknownStepCondition.class, UnregisteredCondition.class);

    private static boolean readsTask(Condition condition) {
        if (condition instanceof AllOfCondition allOf) {
            return allOf.parts().stream().anyMatch(RuleEngine::readsTask);
        }
        if (condition instanceof AnyOfCondition anyOf) {
            return anyOf.parts().stream().anyMatch(RuleEngine::readsTask);
        }
        if (condition instanceof NotCondition not) {
            return readsTask(not.inner());
        }
        return TASK_READING.contains(condition.getClass()) || !TASK_FREE.contains(condition.getClass());
    }

    private CheckOutcome evaluate(String task, Facts.Purpose purpose, List<Facts.Roled> datasets, boolean describe) {
        return evaluate(task, purpose, datasets, describe, null, null, null);
    }

    /**
     * @param sharedOutcomes when not null, outcomes of task-free conditions kept across calls for the same checked
     *                       datasets, purpose and roles (only {@link #verdictsAlone} passes one)
     * @param sharedTitles   when not null, {@link EvaluationContext#titlesOf} of these datasets, computed by the caller
     * @param describeOnly   when not null, picks the sorted findings whose messages are written (see
     *                       {@link #outcomesAlone}); {@code describe} is then ignored
     */
    private CheckOutcome evaluate(String task, Facts.Purpose purpose, List<Facts.Roled> datasets, boolean describe,
            Map<CompiledRule, Outcome> sharedOutcomes, Map<String, String> sharedTitles,
            Function<List<Finding>, Collection<Finding>> describeOnly) {
        Objects.requireNonNull(task, "task");
        Facts.Purpose stated = purpose == null ? Facts.Purpose.UNSTATED : purpose;
        List<Facts.Roled> checked = datasets == null ? List.of() : List.copyOf(datasets);
        List<CompiledRule> applicable = rules.stream().filter(r -> r.rule().appliesTo(task)).toList();
        Map<FactKind, CompiledRule> reporters = reportersOfMissingFacts(applicable);

        FindingCollector findings = new FindingCollector(checked);
        Map<Finding, Supplier<String>> messages = describeOnly == null ? null : new java.util.IdentityHashMap<>();
        Map<String, String> titles = sharedTitles != null ? sharedTitles : EvaluationContext.titlesOf(checked);
        for (Facts.Roled roled : checked) {
            EvaluationContext context = new EvaluationContext(task, stated, roled, checked, knownSteps, titles);
            Set<String> modalities = roled.dataset().modalities();
            UnknownReport unknowns = new UnknownReport();
            for (CompiledRule rule : applicable) {
                if (!rule.rule().appliesToModalities(modalities)) {
                    continue;
                }
                Outcome outcome = sharedOutcomes != null && taskFree.contains(rule)
                        ? sharedOutcomes.computeIfAbsent(rule, r -> r.condition().evaluate(context))
                        : rule.condition().evaluate(context);
                if (outcome.matched()) {
                    outcome.evidence().forEach(evidence -> findings.add(
                            finding(rule, rule.rule().severity(), context, evidence, describe, messages)));
                } else if (outcome.truth() == Outcome.Truth.UNKNOWN && rule.rule().standing()) {
                    publisherQuestions(rule, context, outcome.missing()).forEach(findings::add);
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
                    finding(reporter, Severity.UNKNOWN, context, evidence, describe, messages)));
        }
        List<Finding> sorted = findings.sorted();
        if (messages != null) {
            sorted = describeOnly(sorted, messages, describeOnly.apply(sorted));
        }
        return new CheckOutcome(verdictOf(sorted), task, ruleset.version(), datasetVerdicts(checked, sorted), sorted);
    }

    private static Map<FactKind, CompiledRule> reportersOfMissingFacts(List<CompiledRule> applicable) {
        Map<FactKind, CompiledRule> reporters = new EnumMap<>(FactKind.class);
        for (CompiledRule rule : applicable) {
            rule.collects().forEach(kind -> reporters.putIfAbsent(kind, rule));
        }
        return reporters;
    }

    /**
     * @param messages when not null, the message is not written now: the finding gets an empty one and its writer
     *                 is kept here, to be called only if the finding is picked ({@link #describeOnly})
     */
    private static Finding finding(CompiledRule compiled, Severity ruleSeverity, EvaluationContext context,
            Evidence evidence, boolean describe, Map<Finding, Supplier<String>> messages) {
        Rule rule = compiled.rule();
        Severity severity = ruleSeverity;
        // An unconfirmed step may hide a violation (unknown); a caution about it stays a caution: saying less than
        // a caution would claim more certainty than there is, saying unknown would overstate the risk.
        boolean unconfirmed = evidence.uncertain() && (severity == Severity.VIOLATION || severity == Severity.CAUTION);
        if (unconfirmed) {
            severity = severity == Severity.VIOLATION ? Severity.UNKNOWN : Severity.CAUTION;
        }
        Supplier<String> message = () -> (unconfirmed ? UNCONFIRMED : "")
                + MessageTemplate.render(rule.message(), placeholders(context, evidence));
        Finding finding = new Finding(rule.id(), severity, context.dataset().key(),
                new IntroducedBy(evidence.dataset(), evidence.step(), evidence.index()), evidence.path(),
                messages == null && describe ? message.get() : (unconfirmed ? UNCONFIRMED : ""), rule.references());
        if (messages != null) {
            messages.put(finding, message);
        }
        return finding;
    }

    /** The picked findings with their messages written, the others with a null message; the order is kept. */
    private static List<Finding> describeOnly(List<Finding> sorted, Map<Finding, Supplier<String>> messages,
            Collection<Finding> picked) {
        Set<Finding> chosen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        chosen.addAll(picked);
        List<Finding> out = new ArrayList<>(sorted.size());
        for (Finding f : sorted) {
            Supplier<String> message = messages.get(f);
            if (message == null) {
                out.add(chosen.contains(f) ? f : f.withMessage(null));
            } else {
                out.add(f.withMessage(chosen.contains(f) ? message.get() : null));
            }
        }
        return out;
    }

    /**
     * A standing rule that could not be decided: one info finding per dataset it concerns, asking its publisher for
     * the missing facts. It is about how that dataset was made, so it does not change the verdict of the use.
     */
    private static List<Finding> publisherQuestions(CompiledRule compiled, EvaluationContext context,
            List<MissingFact> missing) {
        Map<String, List<MissingFact>> byDataset = new java.util.LinkedHashMap<>();
        missing.forEach(m -> byDataset.computeIfAbsent(m.where().dataset(), k -> new ArrayList<>()).add(m));
        List<Finding> questions = new ArrayList<>();
        byDataset.forEach((dataset, facts) -> {
            Evidence where = facts.stream().min(java.util.Comparator.comparingInt(m -> m.where().path().size()))
                    .orElseThrow().where();
            String asked = facts.stream().map(MissingFact::fact).distinct().collect(Collectors.joining("; "));
            String message = "Question for the publisher of " + titled(context, dataset) + " (rule " + compiled.id()
                    + "): " + asked + " is not recorded. This concerns how " + dataset
                    + " was made, not your use, and does not change the verdict.";
            questions.add(new Finding(compiled.id(), Severity.INFO, context.dataset().key(),
                    new IntroducedBy(where.dataset(), where.step(), where.index()), where.path(), message,
                    compiled.rule().references()));
        });
        return questions;
    }

    /** A rule that could not be decided and has no reporter for the missing fact: unknown under its own id. */
    private static Finding undecided(CompiledRule compiled, EvaluationContext context, MissingFact missing) {
        Evidence where = missing.where();
        String message = "Rule " + compiled.id() + " cannot be decided for " + titled(context, context.dataset().key())
                + " and " + context.task() + ": " + missing.fact() + " is not recorded.";
        return new Finding(compiled.id(), Severity.UNKNOWN, context.dataset().key(),
                new IntroducedBy(where.dataset(), where.step(), where.index()), where.path(), message,
                compiled.rule().references());
    }

    private static Map<String, String> placeholders(EvaluationContext context, Evidence evidence) {
        Map<String, String> values = new HashMap<>();
        values.put("task", context.task());
        values.put("dataset", titled(context, evidence.dataset()));
        values.put("checked", titled(context, context.dataset().key()));
        values.put("datasetKey", evidence.dataset());
        values.put("checkedKey", context.dataset().key());
        values.put("step", evidence.step() == null ? "" : evidence.step());
        values.put("index", evidence.index() == null ? "" : String.valueOf(evidence.index()));
        values.put("path", Finding.spell(evidence.path()));
        values.put("detail", evidence.detail());
        return values;
    }

    /** {@code brats-2021 ("RSNA-ASNR-MICCAI ... 2021")}: a key with its title, when the title is known. */
    static String titled(EvaluationContext context, String key) {
        return key == null ? "" : context.titles().getOrDefault(key, key);
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
