package org.onlabel.web.view;

import java.util.List;
import org.onlabel.check.rules.Finding;

/** A finding in words: its rule and severity, what it says, and where in the lineage it comes from. */
public record FindingView(String rule, String severity, String cssClass, String dataset, String introducedBy,
        String path, String message, List<Reference> references) {

    public record Reference(String text, String href) {
    }

    public static FindingView of(Finding f) {
        String introduced = f.introducedBy() == null ? null
                : f.introducedBy().dataset() + (f.introducedBy().step() == null ? ""
                        : ", step " + f.introducedBy().index() + " (" + f.introducedBy().step() + ")");
        List<Reference> refs = f.references().stream().map(FindingView::reference).toList();
        return new FindingView(f.rule(), f.severity().id(), "severity severity-" + f.severity().id(), f.dataset(),
                introduced, String.join(" ← ", f.path()), f.message(), refs);
    }

    static Reference reference(String ref) {
        String doi = ref.startsWith("doi:") ? ref.substring(4) : ref.startsWith("10.") ? ref : null;
        if (doi != null) {
            return new Reference("doi:" + doi, "https://doi.org/" + doi);
        }
        return new Reference(ref, ref.startsWith("https://") ? ref : null);
    }
}
