package org.onlabel.check.fit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.onlabel.dataset.DatasetChanged;
import org.onlabel.license.LicenseRecordChanged;

/**
 * Marks stored verdicts stale inside the transaction of the write that invalidates them (synchronous observers
 * run in the writer's transaction): a committed write has marked them, a rolled-back one has marked nothing.
 */
@ApplicationScoped
public class StaleMarker {
    private final VerdictStore store;

    public StaleMarker(VerdictStore store) {
        this.store = store;
    }

    void datasetChanged(@Observes DatasetChanged change) {
        if (change.created()) {
            store.insertStale(change.datasetId());
        } else {
            store.markDownstreamStale(change.datasetId());
        }
    }

    void licenseChanged(@Observes LicenseRecordChanged change) {
        store.markLicenseStale(change.licenseId());
    }
}
