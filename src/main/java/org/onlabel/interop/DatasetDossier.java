package org.onlabel.interop;

import java.util.List;
import org.onlabel.check.Label;
import org.onlabel.dataset.DatasetResponse;
import org.onlabel.provenance.History;
import org.onlabel.publication.PublicationService;

/**
 * Everything the exports (DataCite, Croissant, citation) say about one dataset, as the caller may see it: the
 * dataset, its registered parents, children and ancestors, its effective history and label, and the publications
 * linked to it.
 */
public record DatasetDossier(DatasetResponse dataset, List<DatasetResponse> parents, List<DatasetResponse> children,
        List<DatasetResponse> ancestors, History history, Label label,
        List<PublicationService.LinkedPublication> publications, List<Source> sources) {

    /**
     * A dataset to credit when this one is used: itself or a registered ancestor, with its license (and whether the
     * license requires attribution: null when unknown), its publisher's own acknowledgement text (BIDS
     * HowToAcknowledge) and its describing papers.
     */
    public record Source(DatasetResponse dataset, Boolean attributionRequired, String howToAcknowledge,
            List<PublicationService.LinkedPublication> publications) {
    }
}
