package org.onlabel.dataset;

import java.time.Instant;
import java.util.Map;

/**
 * A dataset as read for an answer, without the entity: what the API shows (provenance included, license findings
 * not yet assessed), the licenses of its registered parents (key → license, null when none is recorded), and what
 * the service decides with (id, revision, removal). Decoded from one JSON document that PostgreSQL builds
 * ({@link DatasetRows}).
 */
public record StoredDataset(long id, long revision, Instant removedAt, DatasetResponse dataset,
        Map<String, String> parentLicenses) {

    public StoredDataset {
        parentLicenses = parentLicenses == null ? Map.of() : parentLicenses;
    }

    public String key() {
        return dataset.key();
    }
}
