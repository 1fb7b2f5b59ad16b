package org.onlabel.web.view;

import java.util.List;

/** A publication's page: the paper's record and the datasets linked to it that the caller may see. */
public record PublicationView(String doi, String doiHref, String title, String journal, Integer year, String type,
        List<String> authors, List<LinkedDataset> datasets) {

    /** A linked dataset with the gist of its label: how many tasks get each verdict. */
    public record LinkedDataset(String key, String href, String title, String relation, String status, String statusClass,
            String license, List<VerdictCount> verdicts) {
    }

    public record VerdictCount(VerdictBadge badge, int tasks) {
    }
}
