package org.onlabel.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.onlabel.check.CheckService;
import org.onlabel.check.Label;
import org.onlabel.check.rules.Verdict;
import org.onlabel.common.security.Caller;
import org.onlabel.dataset.DatasetResponse;
import org.onlabel.dataset.DatasetService;
import org.onlabel.publication.PublicationRequest;
import org.onlabel.publication.PublicationResponse;
import org.onlabel.publication.PublicationService;
import org.onlabel.web.view.PublicationLinkView;
import org.onlabel.web.view.PublicationView;
import org.onlabel.web.view.VerdictBadge;

/**
 * A publication's page and a dataset's publications, through {@link PublicationService}, which leaves out the
 * datasets the caller may not see.
 */
@ApplicationScoped
public class PublicationModel {
    static final int MAX_LISTED = 100;

    private final PublicationService publications;
    private final DatasetService datasets;
    private final CheckService checks;

    public PublicationModel(PublicationService publications, DatasetService datasets, CheckService checks) {
        this.publications = publications;
        this.datasets = datasets;
        this.checks = checks;
    }

    @Transactional
    public PublicationView page(Caller caller, String doi) {
        PublicationResponse p = publications.get(caller, doi).publication();
        List<PublicationView.LinkedDataset> linked = new ArrayList<>();
        for (PublicationRequest.Link link : p.datasets()) {
            DatasetResponse d = datasets.get(caller, link.key()).dataset();
            Label label = checks.label(caller, link.key());
            linked.add(new PublicationView.LinkedDataset(d.key(), "/datasets/" + d.key(), d.title(), link.relation(),
                    d.status(), "status status-" + d.status(), d.license(), verdictCounts(label)));
        }
        return new PublicationView(p.doi(), p.url(), p.title(), p.journal(), p.year(), p.type(), p.authors(), linked);
    }

    /** The publications linked to a dataset, one line per link (a paper may be linked twice, by two relations). */
    @Transactional
    public List<PublicationLinkView> ofDataset(Caller caller, String key) {
        List<PublicationLinkView> out = new ArrayList<>();
        for (PublicationResponse p : publications.list(caller, key, null, MAX_LISTED).items()) {
            p.datasets().stream().filter(l -> l.key().equals(key)).forEach(l -> out.add(new PublicationLinkView(p.doi(),
                    p.url(), pageHref(p.doi()), p.title(), p.year(), l.relation())));
        }
        return out;
    }

    /** A DOI as a page path: its slashes stay, anything else a path may not hold is percent-encoded. */
    static String pageHref(String doi) {
        return org.onlabel.common.http.DoiPaths.PAGE + "/" + URLEncoder.encode(doi, StandardCharsets.UTF_8).replace("%2F", "/").replace("+", "%20");
    }

    static List<PublicationView.VerdictCount> verdictCounts(Label label) {
        List<PublicationView.VerdictCount> counts = new ArrayList<>();
        List<Verdict> worstFirst = new ArrayList<>(List.of(Verdict.values()));
        java.util.Collections.reverse(worstFirst);
        for (Verdict verdict : worstFirst) {
            int n = (int) label.verdicts().stream().filter(v -> v.verdict() == verdict).count();
            if (n > 0) {
                counts.add(new PublicationView.VerdictCount(VerdictBadge.of(verdict), n));
            }
        }
        return counts;
    }
}
