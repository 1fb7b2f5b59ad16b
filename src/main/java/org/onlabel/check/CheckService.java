package org.onlabel.check;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onlabel.check.rules.CheckOutcome;
import org.onlabel.check.rules.Facts;
import org.onlabel.check.rules.Finding;
import org.onlabel.check.rules.RuleEngine;
import org.onlabel.check.rules.Ruleset;
import org.onlabel.common.config.OnLabelConfig;
import org.onlabel.common.error.ApiException;
import org.onlabel.common.error.FieldError;
import org.onlabel.common.security.AccessPolicy;
import org.onlabel.common.security.Caller;
import org.onlabel.common.security.Viewer;
import org.onlabel.dataset.DatasetService;
import org.onlabel.license.LicenseAttributeTable;
import org.onlabel.license.LicenseService;
import org.onlabel.vocabulary.NearestTerms;
import org.onlabel.vocabulary.Vocabularies;

/**
 * Evaluates proposed uses against the ruleset. Datasets are addressed by key or DOI and must be visible to the
 * caller; ancestors the caller may not see take no part (their facts would leak through the findings).
 */
@ApplicationScoped
public class CheckService {
    private static final String ROLES = "roles-in-check";

    private final RuleEngine engine;
    private final FactsAssembler facts;
    private final DatasetService datasets;
    private final LicenseService licenses;
    private final Vocabularies vocabularies;
    private final AccessPolicy policy;
    private final LeakageEvidenceLoader leakage;
    private final DeepEvaluations deep;

    public CheckService(RuleEngine engine, FactsAssembler facts, DatasetService datasets, LicenseService licenses,
            Vocabularies vocabularies, AccessPolicy policy, LeakageEvidenceLoader leakage, OnLabelConfig config) {
        this.leakage = leakage;
        this.deep = new DeepEvaluations(config.checks().maxConcurrentDeep(), config.checks().deepLineageNodes(),
                config.checks().deepWait());
        this.engine = engine;
        this.facts = facts;
        this.datasets = datasets;
        this.licenses = licenses;
        this.vocabularies = vocabularies;
        this.policy = policy;
    }

    public Ruleset ruleset() {
        return engine.ruleset();
    }

    public CheckOutcome check(Caller caller, CheckRequest request) {
        return check(caller, request, PathDetail.FULL);
    }

    /**
     * The facts are read in a transaction (joining the caller's, if any) and the engine runs after it, so that a
     * deep check does not hold a database connection while the rules are evaluated.
     */
    public CheckOutcome check(Caller caller, CheckRequest request, PathDetail paths) {
        policy.requireRead(caller);
        Prepared prepared = QuarkusTransaction.joiningExisting()
                .call(() -> prepare(caller, request, "", licenses.table(), Map.of()));
        return deep.run(prepared.lineageNodes(), () -> paths.apply(prepared.evaluate(engine)));
    }

    /**
     * A check in which some datasets are described by the caller instead of registered (a journal screening an
     * unregistered derivative): {@code supplied.get(i)} stands for {@code request.datasets().get(i)}, whose key and
     * doi are then not looked up. Everything else is judged as in {@link #check}; {@code prefix} starts the field
     * paths of validation errors.
     */
    @Transactional
    public CheckOutcome checkWithSupplied(Caller caller, CheckRequest request, Map<Integer, Facts.Dataset> supplied,
            String prefix) {
        policy.requireRead(caller);
        Prepared prepared = prepare(caller, request, prefix, licenses.table(), supplied);
        return deep.run(prepared.lineageNodes(), () -> prepared.evaluate(engine));
    }

    /** Checks in order; an invalid check fails the batch, with field paths naming it (checks[2].task). */
    public List<CheckOutcome> batch(Caller caller, List<CheckRequest> requests) {
        return batch(caller, requests, PathDetail.FULL);
    }

    public List<CheckOutcome> batch(Caller caller, List<CheckRequest> requests, PathDetail paths) {
        policy.requireRead(caller);
        List<Prepared> prepared = QuarkusTransaction.joiningExisting().call(() -> {
            LicenseAttributeTable table = licenses.table();
            List<Prepared> all = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                all.add(prepare(caller, requests.get(i), "checks[" + i + "].", table, Map.of()));
            }
            return all;
        });
        return prepared.stream().map(p -> deep.run(p.lineageNodes(), () -> paths.apply(p.evaluate(engine)))).toList();
    }

    @Transactional
    public Label label(Caller caller, String key) {
        String visible = datasets.visibleKey(caller, key)
                .orElseThrow(() -> ApiException.notFound("Dataset '" + key + "'"));
        Facts.Dataset subject = facts.assemble(visible, Viewer.of(caller), licenses.table());
        return deep.run(subject.lineage().size(), () -> label(caller, visible, subject));
    }

    private Label label(Caller caller, String visible, Facts.Dataset subject) {
        Set<String> standingRules = engine.ruleset().rules().stream().filter(r -> r.standing())
                .map(r -> r.id()).collect(java.util.stream.Collectors.toSet());
        List<Label.TaskVerdict> verdicts = new ArrayList<>();
        Map<String, Finding> standing = new LinkedHashMap<>();
        Map<String, Finding> questions = new LinkedHashMap<>();
        // every task at once, task-free conditions evaluated once; only the messages the label shows are written
        Map<String, CheckOutcome> outcomes = engine.outcomesAlone(vocabularies.require(Vocabularies.TASKS).ids(),
                subject, sorted -> sorted.stream().filter(f -> f.severity() != org.onlabel.check.rules.Severity.INFO
                        || standingRules.contains(f.rule())).toList());
        for (var entry : outcomes.entrySet()) {
            String task = entry.getKey();
            CheckOutcome outcome = entry.getValue();
            verdicts.add(new Label.TaskVerdict(task, outcome.verdict(), deciding(outcome.findings())));
            for (Finding f : outcome.findings()) {
                if (standingRules.contains(f.rule())) {
                    String where = f.rule() + "|" + (f.introducedBy() == null ? "" : f.introducedBy().dataset());
                    (f.severity() == org.onlabel.check.rules.Severity.INFO ? questions : standing).putIfAbsent(where, f);
                }
            }
        }
        List<Label.InheritedContraindication> contraindications = new ArrayList<>();
        for (Facts.Node node : subject.lineage()) {
            for (Facts.Contraindication c : node.contraindications()) {
                contraindications.add(new Label.InheritedContraindication(c.task(), c.reason(), node.key(), node.path()));
            }
        }
        var own = datasets.get(caller, visible).dataset().intendedUses();
        return new Label(visible, engine.ruleset().version(), own, contraindications,
                List.copyOf(standing.values()), List.copyOf(questions.values()), verdicts);
    }

    /** A validated check with its facts assembled: what the engine needs, nothing from the database. */
    private record Prepared(String task, Facts.Purpose purpose, List<Facts.Roled> roled) {
        CheckOutcome evaluate(RuleEngine engine) {
            return engine.evaluate(task, purpose, roled);
        }

        long lineageNodes() {
            return roled.stream().mapToLong(r -> r.dataset().lineage().size()).sum();
        }
    }

    private Prepared prepare(Caller caller, CheckRequest request, String prefix, LicenseAttributeTable table,
            Map<Integer, Facts.Dataset> supplied) {
        List<FieldError> errors = new ArrayList<>();
        if (vocabularies.require(Vocabularies.TASKS).find(request.task()).isEmpty()) {
            errors.add(new FieldError(prefix + "task",
                    NearestTerms.unknownValueMessage(request.task(), vocabularies.require(Vocabularies.TASKS))));
        }
        Facts.Purpose purpose = purposeOf(request.purpose(), prefix, errors);
        List<Facts.Roled> roled = new ArrayList<>();
        Viewer viewer = Viewer.of(caller);
        for (int i = 0; i < request.datasets().size(); i++) {
            CheckRequest.DatasetUse use = request.datasets().get(i);
            String field = prefix + "datasets[" + i + "]";
            String role = use.role() == null ? "any" : use.role().toLowerCase(java.util.Locale.ROOT);
            if (vocabularies.get(ROLES).flatMap(v -> v.find(role)).isEmpty()) {
                errors.add(new FieldError(field + ".role", "must be train, test, validation or any"));
            }
            if (supplied.containsKey(i)) {
                roled.add(new Facts.Roled(role, supplied.get(i)));
                continue;
            }
            var ref = use.key() != null ? datasets.visibleKey(caller, use.key())
                    : use.doi() != null ? datasets.resolveDoiOrUrl(caller, use.doi(), null).map(DatasetService.DatasetRef::key)
                    : java.util.Optional.<String>empty();
            if (use.key() == null && use.doi() == null) {
                errors.add(new FieldError(field + ".key", "name the dataset by key or doi"));
            } else if (ref.isEmpty()) {
                errors.add(new FieldError(field + (use.key() != null ? ".key" : ".doi"),
                        "no dataset '" + (use.key() != null ? use.key() : use.doi()) + "'"));
            } else if (errors.isEmpty()) {
                roled.add(new Facts.Roled(role, facts.assemble(ref.get(), viewer, table)));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        String task = vocabularies.require(Vocabularies.TASKS).find(request.task()).orElseThrow().id();
        return new Prepared(task, purpose, leakage.enrich(roled));
    }

    /** The purpose as the engine sees it; an unknown disease adds a field error. */
    private Facts.Purpose purposeOf(CheckRequest.Purpose p, String prefix, List<FieldError> errors) {
        Facts.Disease disease = null;
        if (p != null && p.disease() != null && !p.disease().isBlank()) {
            var lookup = vocabularies.diseases().lookup(p.disease());
            lookup.problem(p.disease()).ifPresent(problem -> errors.add(new FieldError(prefix + "purpose.disease", problem)));
            disease = FactsAssembler.disease(p.disease(), vocabularies.diseases());
        }
        return p == null ? Facts.Purpose.UNSTATED
                : new Facts.Purpose(p.commercial(), p.methodsDevelopment(), p.disease(), disease,
                        p.publishesDerivedData());
    }

    /**
     * Each candidate checked alone in the given role, best verdict first (then by key). Candidates are resolved
     * like the datasets of a check: one the caller may not see is "no dataset", exactly as in a check.
     */
    @Transactional
    public Compare.Response compare(Caller caller, Compare.Request request) {
        policy.requireRead(caller);
        List<FieldError> errors = new ArrayList<>();
        if (vocabularies.require(Vocabularies.TASKS).find(request.task()).isEmpty()) {
            errors.add(new FieldError("task",
                    NearestTerms.unknownValueMessage(request.task(), vocabularies.require(Vocabularies.TASKS))));
        }
        Facts.Purpose purpose = purposeOf(request.purpose(), "", errors);
        String role = request.role() == null ? "train" : request.role().toLowerCase(java.util.Locale.ROOT);
        if (vocabularies.get(ROLES).flatMap(v -> v.find(role)).isEmpty()) {
            errors.add(new FieldError("role", "must be train, test, validation or any"));
        }
        Map<String, Integer> seen = new java.util.HashMap<>();
        List<DatasetService.DatasetRef> refs = new ArrayList<>();
        for (int i = 0; i < request.candidates().size(); i++) {
            String key = request.candidates().get(i);
            Integer first = seen.putIfAbsent(key, i);
            if (first != null) {
                errors.add(new FieldError("candidates[" + i + "]", "duplicate of candidates[" + first + "]"));
                continue;
            }
            var ref = datasets.resolve(caller, key);
            if (ref.isEmpty()) {
                errors.add(new FieldError("candidates[" + i + "]", "no dataset '" + key + "'"));
            } else {
                refs.add(ref.get());
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        String task = vocabularies.require(Vocabularies.TASKS).find(request.task()).orElseThrow().id();
        LicenseAttributeTable table = licenses.table();
        Viewer viewer = Viewer.of(caller);
        List<Compare.Row> rows = new ArrayList<>();
        for (DatasetService.DatasetRef ref : refs) {
            Facts.Dataset candidate = facts.assemble(ref.key(), viewer, table);
            CheckOutcome outcome = deep.run(candidate.lineage().size(),
                    () -> engine.evaluate(task, purpose, leakage.enrich(List.of(new Facts.Roled(role, candidate)))));
            String title = candidate.lineage().stream().filter(n -> n.key().equals(ref.key())).map(Facts.Node::title)
                    .findFirst().orElse(null);
            rows.add(new Compare.Row(new Compare.Candidate(ref.key(), title), outcome.verdict(),
                    deciding(outcome.findings())));
        }
        rows.sort(java.util.Comparator.comparing((Compare.Row r) -> r.verdict().ordinal())
                .thenComparing(r -> r.dataset().key()));
        return new Compare.Response(task, rows);
    }

    /** The findings that can move a verdict: info findings never do, so they are left out. */
    static List<Finding> deciding(List<Finding> findings) {
        return findings.stream().filter(f -> f.severity() != org.onlabel.check.rules.Severity.INFO).toList();
    }
}
