package org.onlabel.web.view;

import java.util.List;
import org.onlabel.web.lineage.LineageDiagram;

/** A dataset's page: its label, read like a drug label, and its lineage. */
public record DatasetView(
        String key, String title, String description, String status, String statusClass, String statusReason,
        String supersededBy, boolean embargoed, String owner, boolean registered, String doi, String homepage,
        List<Fact> facts,
        List<Indication> indications,
        List<ContraindicationView> contraindications,
        List<TaskVerdict> verdicts,
        String license, List<String> licenseWords, List<String> dataUse, List<String> standing, List<String> questions,
        List<HistoryItem> history, boolean historyTruncated, List<String> unregisteredAncestors,
        LineageDiagram.View diagram, List<Option> depths, List<Option> directions, String rulesetVersion,
        List<PublicationLinkView> publications) {

    public record Fact(String name, String value) {
    }

    public record Indication(String task, String note) {
    }

    public record ContraindicationView(String task, String reason, String origin, String originHref, boolean inherited,
            String path) {
    }

    public record TaskVerdict(String task, String taskLabel, VerdictBadge badge, List<String> reasons, String checkHref) {
    }

    public record HistoryItem(String dataset, String datasetHref, int index, String step, String details, boolean own) {
    }
}
