package org.onlabel.web.view;

import java.util.List;

/** A screening report as a printable page. */
public record ScreeningView(String id, String rulesetVersion, String manuscriptDoi, String manuscriptDoiHref,
        String submissionId, String createdBy, List<String> organizations, String createdAt, VerdictBadge verdict,
        List<Use> uses) {

    public record Use(int number, String task, String purpose, VerdictBadge verdict, List<Dataset> datasets,
            List<FindingView> findings) {
    }

    /** A screened dataset: a registered one links to its page and names its revision; an inline one does not. */
    public record Dataset(String key, String href, String role, Long revision, boolean inline) {
    }
}
