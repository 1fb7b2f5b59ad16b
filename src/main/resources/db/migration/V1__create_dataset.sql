-- The catalog of datasets. Scalar facts that lists filter on are columns; structured facts that are read whole
-- (cohort, representation, intended uses, contraindications, data-use conditions) are JSONB.
CREATE TABLE dataset (
    id                 BIGSERIAL PRIMARY KEY,
    key                TEXT        NOT NULL,
    title              TEXT        NOT NULL,
    description        TEXT,
    version            TEXT,
    publisher          TEXT,
    doi                TEXT,
    homepage           TEXT,
    modalities         TEXT[]      NOT NULL DEFAULT '{}',
    anatomy            TEXT[]      NOT NULL DEFAULT '{}',
    formats            TEXT[]      NOT NULL DEFAULT '{}',
    subjects           INTEGER,
    cohort             JSONB,
    representation     JSONB,
    deidentification   TEXT[]      NOT NULL DEFAULT '{}',
    license            TEXT,
    data_use           JSONB       NOT NULL DEFAULT '[]',
    intended_uses      JSONB       NOT NULL DEFAULT '[]',
    contraindications  JSONB       NOT NULL DEFAULT '[]',
    status             TEXT        NOT NULL DEFAULT 'active',
    organization       TEXT,
    visibility         TEXT        NOT NULL DEFAULT 'public',
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    revision           BIGINT      NOT NULL DEFAULT 0,
    search             TSVECTOR GENERATED ALWAYS AS (
                           setweight(to_tsvector('english', coalesce(key, '') || ' ' || coalesce(title, '')), 'A') ||
                           setweight(to_tsvector('english', coalesce(publisher, '')), 'B') ||
                           setweight(to_tsvector('english', coalesce(description, '')), 'C')
                       ) STORED,
    CONSTRAINT dataset_key_unique UNIQUE (key),
    CONSTRAINT dataset_key_format CHECK (key ~ '^[a-z0-9][a-z0-9._-]{1,127}$'),
    CONSTRAINT dataset_status_known CHECK (status IN ('active', 'deprecated', 'retracted')),
    CONSTRAINT dataset_visibility_known CHECK (visibility IN ('public', 'embargoed'))
);

CREATE INDEX dataset_search_idx ON dataset USING GIN (search);
CREATE INDEX dataset_modalities_idx ON dataset USING GIN (modalities);
CREATE INDEX dataset_anatomy_idx ON dataset USING GIN (anatomy);
CREATE INDEX dataset_intended_uses_idx ON dataset USING GIN (intended_uses jsonb_path_ops);
CREATE INDEX dataset_license_idx ON dataset (lower(license));
CREATE INDEX dataset_status_idx ON dataset (status);
CREATE INDEX dataset_organization_idx ON dataset (organization);
CREATE INDEX dataset_doi_idx ON dataset (lower(doi));
