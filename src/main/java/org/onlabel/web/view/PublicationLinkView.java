package org.onlabel.web.view;

/** A publication linked to a dataset, as the dataset's page lists it. */
public record PublicationLinkView(String doi, String doiHref, String pageHref, String title, Integer year,
        String relation) {
}
