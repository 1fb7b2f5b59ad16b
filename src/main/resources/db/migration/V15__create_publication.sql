-- Papers (by DOI) and their typed links to datasets. The DOI is stored normalised (lower case, no resolver prefix),
-- so that one paper has one row whichever spelling a client used.
CREATE TABLE publication (
    id          BIGSERIAL PRIMARY KEY,
    doi         TEXT        NOT NULL UNIQUE,
    title       TEXT        NOT NULL,
    journal     TEXT,
    year        INTEGER,
    type        TEXT        NOT NULL,
    authors     TEXT[]      NOT NULL DEFAULT '{}',
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    revision    BIGINT      NOT NULL DEFAULT 0
);

-- A link reads "the dataset <relation> the publication" (DataCite relation types, from the dataset's side), except
-- References, which reads "the publication references the dataset".
CREATE TABLE publication_link (
    id              BIGSERIAL PRIMARY KEY,
    publication_id  BIGINT NOT NULL REFERENCES publication (id) ON DELETE CASCADE,
    dataset_id      BIGINT NOT NULL REFERENCES dataset (id),
    relation        TEXT   NOT NULL,
    UNIQUE (publication_id, dataset_id, relation)
);

CREATE INDEX publication_link_dataset_idx ON publication_link (dataset_id);
