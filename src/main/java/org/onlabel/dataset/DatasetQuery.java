package org.onlabel.dataset;

import java.util.Optional;

/**
 * The filters of a catalog list; absent fields do not filter. {@code after} is the key the page starts after.
 * {@code doi} is the dataset's own DOI and {@code publication} the DOI of a paper linked to it, both normalised.
 */
public record DatasetQuery(
        Optional<String> text,
        Optional<String> modality,
        Optional<String> anatomy,
        Optional<String> task,
        Optional<String> license,
        Optional<String> status,
        Optional<String> organization,
        Optional<String> after,
        int limit,
        Optional<String> doi,
        Optional<String> publication) {

    public DatasetQuery(Optional<String> text, Optional<String> modality, Optional<String> anatomy, Optional<String> task,
            Optional<String> license, Optional<String> status, Optional<String> organization, Optional<String> after,
            int limit) {
        this(text, modality, anatomy, task, license, status, organization, after, limit, Optional.empty(), Optional.empty());
    }

    public DatasetQuery withLimit(int newLimit) {
        return new DatasetQuery(text, modality, anatomy, task, license, status, organization, after, newLimit, doi,
                publication);
    }

    /** The same query, also filtered by the dataset's own DOI and by a linked publication's DOI. */
    public DatasetQuery withDois(Optional<String> ownDoi, Optional<String> publicationDoi) {
        return new DatasetQuery(text, modality, anatomy, task, license, status, organization, after, limit, ownDoi,
                publicationDoi);
    }
}
