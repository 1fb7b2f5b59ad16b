package org.onlabel.dataset;

import java.util.Optional;

/**
 * The filters of a catalog list; absent fields do not filter. {@code after} is the key the page starts after.
 * {@code doi} is the dataset's own DOI and {@code publication} the DOI of a paper linked to it, both normalised.
 * {@code fitFor} is a task id: only datasets whose stored verdict for it is ON_LABEL or CAUTION.
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
        Optional<String> publication,
        Optional<String> fitFor) {

    public DatasetQuery(Optional<String> text, Optional<String> modality, Optional<String> anatomy, Optional<String> task,
            Optional<String> license, Optional<String> status, Optional<String> organization, Optional<String> after,
            int limit) {
        this(text, modality, anatomy, task, license, status, organization, after, limit, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    public DatasetQuery withLimit(int newLimit) {
        return new DatasetQuery(text, modality, anatomy, task, license, status, organization, after, newLimit, doi,
                publication, fitFor);
    }

    /** The same query, also filtered by the dataset's own DOI and by a linked publication's DOI. */
    public DatasetQuery withDois(Optional<String> ownDoi, Optional<String> publicationDoi) {
        return new DatasetQuery(text, modality, anatomy, task, license, status, organization, after, limit, ownDoi,
                publicationDoi, fitFor);
    }

    /** The same query, keeping only datasets whose effective verdict for this task is ON_LABEL or CAUTION. */
    public DatasetQuery withFitFor(Optional<String> fitForTask) {
        return new DatasetQuery(text, modality, anatomy, task, license, status, organization, after, limit, doi,
                publication, fitForTask);
    }

    /** The task whose stored verdict each listed item carries: fitFor's, else the declared-use filter's. */
    public Optional<String> verdictTask() {
        return fitFor.or(() -> task);
    }
}
