package org.onlabel.dataset;

import java.util.Optional;

/** The filters of a catalog list; absent fields do not filter. {@code after} is the key the page starts after. */
public record DatasetQuery(
        Optional<String> text,
        Optional<String> modality,
        Optional<String> anatomy,
        Optional<String> task,
        Optional<String> license,
        Optional<String> status,
        Optional<String> organization,
        Optional<String> after,
        int limit) {

    public DatasetQuery withLimit(int newLimit) {
        return new DatasetQuery(text, modality, anatomy, task, license, status, organization, after, newLimit);
    }
}
