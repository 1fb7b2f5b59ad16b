-- Manifests: pseudonymous identifiers (SHA-256 of salt + id, never the id) of a dataset's subjects, studies or
-- files. One manifest per dataset and level; replacing it replaces its entries. Overlap between two manifests of
-- the same level and salt is a join on hash.
CREATE TABLE manifest (
    id            BIGSERIAL PRIMARY KEY,
    dataset_id    BIGINT      NOT NULL REFERENCES dataset (id),
    level         TEXT        NOT NULL,
    salt          TEXT        NOT NULL,
    id_count      BIGINT      NOT NULL,
    registered_at TIMESTAMPTZ NOT NULL,
    registered_by TEXT        NOT NULL,
    CONSTRAINT manifest_level_known CHECK (level IN ('subject', 'study', 'image')),
    CONSTRAINT manifest_one_per_level UNIQUE (dataset_id, level)
);
CREATE INDEX manifest_salt_idx ON manifest (level, salt);

-- A 32-byte hash per identifier; the primary key lists a manifest's entries, the hash index finds the manifests
-- that share one.
CREATE TABLE manifest_entry (
    manifest_id BIGINT NOT NULL REFERENCES manifest (id) ON DELETE CASCADE,
    hash        BYTEA  NOT NULL,
    PRIMARY KEY (manifest_id, hash),
    CONSTRAINT manifest_entry_is_sha256 CHECK (octet_length(hash) = 32)
);
CREATE INDEX manifest_entry_hash_idx ON manifest_entry (hash);
