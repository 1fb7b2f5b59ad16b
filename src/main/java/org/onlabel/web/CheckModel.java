package org.onlabel.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.onlabel.check.CheckRequest;
import org.onlabel.check.CheckService;
import org.onlabel.check.rules.CheckOutcome;
import org.onlabel.check.rules.Finding;
import org.onlabel.check.rules.Severity;
import org.onlabel.common.error.ApiException;
import org.onlabel.common.security.Caller;
import org.onlabel.provenance.ProvenanceService;
import org.onlabel.vocabulary.Vocabularies;
import org.onlabel.web.lineage.LineageDiagram;
import org.onlabel.web.view.CheckView;
import org.onlabel.web.view.FindingView;
import org.onlabel.web.view.Option;
import org.onlabel.web.view.VerdictBadge;

/**
 * The check page: a proposed use read from the URL's query (so the URL reproduces the check), the check the API
 * runs for it, and each checked dataset's lineage with the paths that carry its violations highlighted.
 */
@ApplicationScoped
public class CheckModel {
    static final int MAX_ROWS = 10;
    static final List<String> ROLES = List.of("any", "train", "test", "validation");

    private final CheckService checks;
    private final ProvenanceService provenance;
    private final Vocabularies vocabularies;
    private final LineageDiagram diagrams = new LineageDiagram();

    public CheckModel(CheckService checks, ProvenanceService provenance, Vocabularies vocabularies) {
        this.checks = checks;
        this.provenance = provenance;
        this.vocabularies = vocabularies;
    }

    /** The proposed use as the form sends it; datasets and roles pair up by position. */
    public record Form(String task, List<String> datasets, List<String> roles, boolean commercial, String methods,
            String disease, boolean publishesDerivedData) {

        List<CheckRequest.DatasetUse> uses() {
            List<CheckRequest.DatasetUse> uses = new ArrayList<>();
            for (int i = 0; i < datasets.size() && uses.size() < MAX_ROWS; i++) {
                String key = datasets.get(i) == null ? "" : datasets.get(i).trim();
                if (!key.isEmpty()) {
                    uses.add(new CheckRequest.DatasetUse(key, null, role(i)));
                }
            }
            return uses;
        }

        String role(int i) {
            String r = i < roles.size() ? roles.get(i) : null;
            return r == null || r.isBlank() ? "any" : r;
        }

        Boolean methodsDevelopment() {
            return "yes".equals(methods) ? Boolean.TRUE : "no".equals(methods) ? Boolean.FALSE : null;
        }

        boolean ready() {
            return task != null && !task.isBlank() && !uses().isEmpty();
        }

        /** The canonical URL of this check. */
        String href() {
            StringBuilder href = new StringBuilder("/check?task=").append(enc(task));
            for (CheckRequest.DatasetUse use : uses()) {
                href.append("&dataset=").append(enc(use.key())).append("&role=").append(enc(use.role()));
            }
            if (commercial) {
                href.append("&commercial=true");
            }
            if (methodsDevelopment() != null) {
                href.append("&methods=").append(methods);
            }
            if (disease != null && !disease.isBlank()) {
                href.append("&disease=").append(enc(disease.trim()));
            }
            if (publishesDerivedData) {
                href.append("&publishesDerivedData=true");
            }
            return href.toString();
        }
    }

    @Transactional
    public CheckView page(Caller caller, Form form) {
        CheckView.Result result = null;
        List<String> errors = new ArrayList<>();
        if (form.ready()) {
            try {
                result = run(caller, form);
            } catch (ApiException e) {
                if (e.errors().isEmpty()) {
                    errors.add(e.getMessage());
                }
                e.errors().forEach(f -> errors.add(f.field() + ": " + f.message()));
            }
        }
        List<CheckRequest.DatasetUse> uses = form.uses();
        List<CheckView.Row> rows = new ArrayList<>();
        for (int i = 0; i < uses.size(); i++) {
            rows.add(row(i + 1, uses.get(i).key(), uses.get(i).role()));
        }
        rows.add(row(rows.size() + 1, "", "any"));
        String methods = form.methods() == null ? "" : form.methods();
        return new CheckView(Option.of(vocabularies.require(Vocabularies.TASKS), form.task()), rows, form.commercial(),
                List.of(new Option("", "not stated (inferred from the roles)", methods.isEmpty()),
                        new Option("yes", "yes", methods.equals("yes")), new Option("no", "no", methods.equals("no"))),
                form.disease(), form.publishesDerivedData(), result, errors);
    }

    private CheckView.Result run(Caller caller, Form form) {
        String disease = form.disease() == null || form.disease().isBlank() ? null : form.disease().trim();
        CheckRequest request = new CheckRequest(form.task().trim(), form.uses(), new CheckRequest.Purpose(form.commercial(),
                form.methodsDevelopment(), disease, form.publishesDerivedData()));
        CheckOutcome outcome = checks.check(caller, request);
        List<FindingView> findings = outcome.findings().stream().map(FindingView::of).toList();
        List<CheckView.DatasetAnswer> answers = outcome.datasets().stream()
                .map(d -> new CheckView.DatasetAnswer(d.key(), "/datasets/" + d.key(), d.role(), VerdictBadge.of(d.verdict())))
                .toList();
        Set<String> keys = new LinkedHashSet<>();
        outcome.datasets().forEach(d -> keys.add(d.key()));
        List<CheckView.Diagram> drawn = new ArrayList<>();
        for (String key : keys) {
            List<List<String>> paths = outcome.findings().stream()
                    .filter(f -> f.severity() == Severity.VIOLATION && key.equals(f.dataset()))
                    .map(Finding::path).toList();
            drawn.add(new CheckView.Diagram(key, diagrams.draw(provenance.lineage(caller, key, "upstream", null, null),
                    LineageDiagram.Highlight.ofPaths(paths))));
        }
        return new CheckView.Result(VerdictBadge.of(outcome.verdict()), outcome.task(), outcome.rulesetVersion(), answers,
                findings, drawn, form.href());
    }

    private static CheckView.Row row(int number, String key, String role) {
        return new CheckView.Row(number, key, ROLES.stream().map(r -> new Option(r, r, r.equals(role))).toList());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
