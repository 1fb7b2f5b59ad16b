package org.onlabel.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.onlabel.check.CheckRequest;
import org.onlabel.check.rules.Finding;
import org.onlabel.common.security.Caller;
import org.onlabel.publication.ScreeningReport;
import org.onlabel.publication.ScreeningService;
import org.onlabel.web.view.FindingView;
import org.onlabel.web.view.ScreeningView;
import org.onlabel.web.view.VerdictBadge;

/** A screening report's page, read through {@link ScreeningService} with the API's access rule. */
@ApplicationScoped
public class ScreeningModel {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final ScreeningService screenings;
    private final ObjectMapper json;

    public ScreeningModel(ScreeningService screenings, ObjectMapper json) {
        this.screenings = screenings;
        // reports stored by older versions may carry fields this one no longer knows
        this.json = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    public ScreeningView page(Caller caller, String id, String access) {
        ScreeningReport r = json.convertValue(screenings.read(caller, id, access), ScreeningReport.class);
        List<ScreeningView.Use> uses = new ArrayList<>();
        for (int u = 0; u < r.uses().size(); u++) {
            ScreeningReport.UseResult use = r.uses().get(u);
            List<ScreeningView.Dataset> datasets = use.datasets().stream().map(d -> new ScreeningView.Dataset(d.key(),
                    d.inline() ? null : "/datasets/" + d.key(), d.role(), d.revision(), d.inline())).toList();
            List<FindingView> findings = use.outcome().findings().stream()
                    .sorted(Comparator.comparingInt((Finding f) -> f.severity().listingRank()))
                    .map(FindingView::of).toList();
            uses.add(new ScreeningView.Use(u + 1, use.task(), purpose(use.purpose()), VerdictBadge.of(use.outcome().verdict()),
                    datasets, findings));
        }
        String doi = r.manuscript() == null ? null : r.manuscript().doi();
        return new ScreeningView(r.id(), r.rulesetVersion(), doi, doi == null ? null : "https://doi.org/" + doi,
                r.manuscript() == null ? null : r.manuscript().submissionId(), r.createdBy(), r.createdByOrganizations(),
                WHEN.format(r.createdAt()), VerdictBadge.of(r.verdict()), uses);
    }

    static String purpose(CheckRequest.Purpose p) {
        if (p == null) {
            return "not stated";
        }
        List<String> parts = new ArrayList<>();
        if (p.commercial() != null) {
            parts.add(p.commercial() ? "commercial" : "non-commercial");
        }
        if (p.methodsDevelopment() != null) {
            parts.add(p.methodsDevelopment() ? "methods development" : "not methods development");
        }
        if (p.disease() != null) {
            parts.add("disease: " + p.disease());
        }
        if (p.publishesDerivedData() != null) {
            parts.add(p.publishesDerivedData() ? "publishes derived data" : "does not publish derived data");
        }
        return parts.isEmpty() ? "not stated" : String.join(", ", parts);
    }
}
