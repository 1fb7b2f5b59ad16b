-- Provenance: which datasets a dataset was derived from, and the ordered preprocessing steps that made it.
-- Both are immutable once registered: corrections are new datasets or versions.

-- A stub is a dataset seen only by name (an OpenLineage input, a BIDS source) and not registered by anyone.
ALTER TABLE dataset ADD COLUMN registered BOOLEAN NOT NULL DEFAULT TRUE;
-- OpenLineage identity (namespace + name) of a dataset registered or seen through lineage events.
ALTER TABLE dataset ADD COLUMN lineage_namespace TEXT;
ALTER TABLE dataset ADD COLUMN lineage_name TEXT;
-- Facts from imports (e.g. BIDS fields) that have no column of their own: kept, never dropped.
ALTER TABLE dataset ADD COLUMN extras JSONB;
CREATE UNIQUE INDEX dataset_lineage_identity_idx ON dataset (lineage_namespace, lineage_name)
    WHERE lineage_namespace IS NOT NULL;

-- Search also finds datasets by their OpenLineage name. Slashes and colons become spaces so that a path such as
-- "derived/knee-rss" is searched by its words rather than read as one file-name token.
DROP INDEX dataset_search_idx;
ALTER TABLE dataset DROP COLUMN search;
ALTER TABLE dataset ADD COLUMN search TSVECTOR GENERATED ALWAYS AS (
    setweight(to_tsvector('english', regexp_replace(coalesce(key, '') || ' ' || coalesce(title, ''), '[/:]+', ' ', 'g')), 'A') ||
    setweight(to_tsvector('english', regexp_replace(coalesce(lineage_namespace, '') || ' ' || coalesce(lineage_name, ''),
                                                    '[/:]+', ' ', 'g')), 'A') ||
    setweight(to_tsvector('english', coalesce(publisher, '')), 'B') ||
    setweight(to_tsvector('english', coalesce(description, '')), 'C')
) STORED;
CREATE INDEX dataset_search_idx ON dataset USING GIN (search);

CREATE TABLE derivation (
    child_id       BIGINT  NOT NULL REFERENCES dataset (id),
    parent_id      BIGINT  NOT NULL REFERENCES dataset (id),
    parent_version TEXT,
    ordinal        INTEGER NOT NULL,
    PRIMARY KEY (child_id, parent_id),
    CONSTRAINT derivation_not_self CHECK (child_id <> parent_id)
);
-- Walking downstream needs the parent side indexed too; upstream uses the primary key.
CREATE INDEX derivation_parent_idx ON derivation (parent_id, child_id);

CREATE TABLE preprocessing_step (
    dataset_id  BIGINT  NOT NULL REFERENCES dataset (id),
    ordinal     INTEGER NOT NULL,
    step        TEXT    NOT NULL,
    parameters  JSONB   NOT NULL DEFAULT '{}',
    software    JSONB,
    description TEXT,
    run_id      TEXT,
    PRIMARY KEY (dataset_id, ordinal)
);

CREATE FUNCTION provenance_is_immutable() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION '% is immutable: register a new dataset or version instead', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER derivation_immutable BEFORE UPDATE OR DELETE ON derivation
    FOR EACH ROW EXECUTE FUNCTION provenance_is_immutable();
CREATE TRIGGER preprocessing_step_immutable BEFORE UPDATE OR DELETE ON preprocessing_step
    FOR EACH ROW EXECUTE FUNCTION provenance_is_immutable();

-- Retried writes from pipelines: the first response to a key is replayed, for every replica.
CREATE TABLE idempotency_record (
    caller          TEXT        NOT NULL,
    idempotency_key TEXT        NOT NULL,
    request_hash    TEXT        NOT NULL,
    response_status INTEGER,
    response_body   TEXT,
    response_etag   TEXT,
    response_location TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    expires_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (caller, idempotency_key)
);
CREATE INDEX idempotency_record_expiry_idx ON idempotency_record (expires_at);

-- Every OpenLineage event received, verbatim; replaying the same event is recognised by its hash.
CREATE TABLE lineage_event (
    id            BIGSERIAL PRIMARY KEY,
    payload_hash  TEXT        NOT NULL UNIQUE,
    event_type    TEXT        NOT NULL,
    event_time    TIMESTAMPTZ,
    run_id        TEXT,
    job_namespace TEXT,
    job_name      TEXT,
    received_at   TIMESTAMPTZ NOT NULL,
    received_from TEXT        NOT NULL,
    payload       JSONB       NOT NULL
);
CREATE INDEX lineage_event_run_idx ON lineage_event (run_id);
