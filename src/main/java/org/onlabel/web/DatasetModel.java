package org.onlabel.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.onlabel.check.CheckService;
import org.onlabel.check.Label;
import org.onlabel.check.rules.Finding;
import org.onlabel.common.security.Caller;
import org.onlabel.dataset.Cohort;
import org.onlabel.dataset.DataUseCondition;
import org.onlabel.dataset.DatasetResponse;
import org.onlabel.dataset.DatasetService;
import org.onlabel.dataset.Representation;
import org.onlabel.license.LicenseService;
import org.onlabel.provenance.History;
import org.onlabel.provenance.HistoryEntry;
import org.onlabel.provenance.Lineage;
import org.onlabel.provenance.ProvenanceService;
import org.onlabel.vocabulary.Term;
import org.onlabel.vocabulary.Vocabularies;
import org.onlabel.vocabulary.Vocabulary;
import org.onlabel.web.lineage.LineageDiagram;
import org.onlabel.web.view.DatasetView;
import org.onlabel.web.view.FindingView;
import org.onlabel.web.view.Option;
import org.onlabel.web.view.VerdictBadge;

/**
 * A dataset page's content, from the services the API uses (so the page shows what the caller may see, no more):
 * the dataset, its label, its history, its lineage and, for every task, the check of using it for that task.
 */
@ApplicationScoped
public class DatasetModel {
    static final List<Integer> DEPTHS = List.of(1, 2, 3, 5, 10, 20);
    static final int DEFAULT_DEPTH = 10;

    private final DatasetService datasets;
    private final CheckService checks;
    private final ProvenanceService provenance;
    private final LicenseService licenses;
    private final Vocabularies vocabularies;
    private final PublicationModel publications;
    private final LineageDiagram diagrams = new LineageDiagram();

    public DatasetModel(DatasetService datasets, CheckService checks, ProvenanceService provenance, LicenseService licenses,
            Vocabularies vocabularies, PublicationModel publications) {
        this.datasets = datasets;
        this.publications = publications;
        this.checks = checks;
        this.provenance = provenance;
        this.licenses = licenses;
        this.vocabularies = vocabularies;
    }

    @Transactional
    public DatasetView page(Caller caller, String key, Integer depth, String direction) {
        DatasetResponse d = datasets.get(caller, key).dataset();
        Label label = checks.label(caller, key);
        History history = provenance.history(caller, key);
        String dir = "both".equals(direction) ? "both" : "upstream";
        int shownDepth = depth == null ? DEFAULT_DEPTH : depth;
        Lineage lineage = provenance.lineage(caller, key, dir, shownDepth, null);
        Vocabulary tasks = vocabularies.require(Vocabularies.TASKS);

        // the label already holds every task's verdict (one fact assembly, the engine once per task): the badges
        // and their reasons come from it rather than from a check per task
        List<DatasetView.TaskVerdict> verdicts = new ArrayList<>();
        for (Label.TaskVerdict v : label.verdicts()) {
            List<String> reasons = v.findings().stream().map(Finding::message).distinct().toList();
            verdicts.add(new DatasetView.TaskVerdict(v.task(), taskLabel(tasks, v.task()), VerdictBadge.of(v.verdict()),
                    reasons, "/check?task=" + v.task() + "&dataset=" + enc(key) + "&role=any"));
        }
        List<DatasetView.ContraindicationView> contraindications = label.contraindications().stream()
                .map(c -> new DatasetView.ContraindicationView(taskLabel(tasks, c.task()), c.reason(), c.origin(),
                        "/datasets/" + c.origin(), !c.origin().equals(key), String.join(" ← ", c.path())))
                .toList();
        List<DatasetView.Indication> indications = d.intendedUses().stream()
                .map(u -> new DatasetView.Indication(taskLabel(tasks, u.task()), u.note())).toList();
        List<String> standing = label.standingViolations().stream().map(f -> FindingView.of(f).message()).toList();
        List<String> questions = label.publisherQuestions().stream().map(Finding::message).toList();
        List<DatasetView.HistoryItem> timeline = history.steps().stream().map(h -> historyItem(h, key)).toList();
        return new DatasetView(d.key(), d.title(), d.description(), d.status(), "status status-" + d.status(),
                d.statusReason(), d.supersededBy(), "embargoed".equals(d.visibility()), d.organization(), d.registered(),
                d.doi(), d.homepage(), facts(d), indications, contraindications, verdicts, d.license(),
                LicenseWords.describe(d.license(), licenses.table()::find), dataUse(d.dataUse()), standing, questions,
                timeline, history.truncated(), history.unregisteredAncestors(),
                diagrams.draw(lineage, LineageDiagram.Highlight.NONE),
                DEPTHS.stream().map(n -> new Option(String.valueOf(n), n + (n == 1 ? " step" : " steps"), n == shownDepth)).toList(),
                List.of(new Option("upstream", "ancestors", dir.equals("upstream")),
                        new Option("both", "ancestors and descendants", dir.equals("both"))),
                label.rulesetVersion(), publications.ofDataset(caller, d.key()));
    }

    static String taskLabel(Vocabulary tasks, String id) {
        return tasks.find(id).map(t -> t.label() == null ? id : t.label()).orElse(id);
    }

    static DatasetView.HistoryItem historyItem(HistoryEntry h, String key) {
        List<String> details = new ArrayList<>();
        if (!h.parameters().isEmpty()) {
            details.add(h.parameters().entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                    .collect(Collectors.joining(", ")));
        }
        if (h.software() != null && h.software().name() != null) {
            details.add("software: " + h.software().name() + (h.software().version() == null ? "" : " " + h.software().version()));
        }
        if (h.description() != null) {
            details.add(h.description());
        }
        return new DatasetView.HistoryItem(h.dataset(), "/datasets/" + h.dataset(), h.index(), h.step(),
                details.isEmpty() ? null : String.join("; ", details), h.dataset().equals(key));
    }

    static List<DatasetView.Fact> facts(DatasetResponse d) {
        List<DatasetView.Fact> facts = new ArrayList<>();
        add(facts, "Publisher", d.publisher());
        add(facts, "Version", d.version());
        add(facts, "Modalities", String.join(", ", d.modalities()));
        add(facts, "Anatomy", String.join(", ", d.anatomy()));
        add(facts, "Formats", String.join(", ", d.formats()));
        add(facts, "Subjects", d.subjects() == null ? null : String.valueOf(d.subjects()));
        facts.add(new DatasetView.Fact("Representation", representation(d.representation())));
        Cohort c = d.cohort();
        if (c != null) {
            add(facts, "Sites", String.join(", ", c.sites()));
            add(facts, "Scanner vendors", String.join(", ", c.vendors()));
            add(facts, "Field strengths",
                    c.fieldStrengthsT().stream().map(t -> t + " T").collect(Collectors.joining(", ")));
            add(facts, "Population", c.population());
        }
        add(facts, "De-identification", String.join(", ", d.deidentification()));
        return facts;
    }

    static String representation(Representation r) {
        if (r == null) {
            return "not recorded";
        }
        List<String> parts = new ArrayList<>();
        parts.add(r.domain() == null ? "domain not recorded" : "kspace".equals(r.domain()) ? "raw k-space" : r.domain() + " domain");
        parts.add(r.complex() == null ? "complex or magnitude not recorded" : r.complex() ? "complex-valued (phase kept)" : "magnitude only");
        if (r.coils() != null) {
            parts.add(r.coils() + "-coil");
        }
        if (r.compression() != null) {
            parts.add(r.compression().equals("none") ? "uncompressed" : r.compression() + " compression");
        }
        if (r.bitDepth() != null) {
            parts.add(r.bitDepth() + "-bit");
        }
        return String.join(", ", parts);
    }

    List<String> dataUse(List<DataUseCondition> conditions) {
        Vocabulary duo = vocabularies.require(Vocabularies.DUO_CODES);
        return conditions.stream().map(c -> {
            String words = duo.find(c.code()).map(Term::label).orElse(c.code());
            return c.code() + ": " + words + (c.disease() == null ? "" : " (" + c.disease() + ")");
        }).toList();
    }

    private static void add(List<DatasetView.Fact> facts, String name, String value) {
        if (value != null && !value.isBlank()) {
            facts.add(new DatasetView.Fact(name, value));
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
