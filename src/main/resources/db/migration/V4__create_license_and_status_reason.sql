-- License attributes the rules reason over. Seeded from the shipped vocabulary; admins add and edit rows
-- (e.g. a dataset's own data use agreement as LicenseRef-...). A null attribute is unknown.
CREATE TABLE license (
    id             TEXT        PRIMARY KEY,
    name           TEXT        NOT NULL,
    commercial_use BOOLEAN,
    derivatives    BOOLEAN,
    share_alike    BOOLEAN,
    attribution    BOOLEAN,
    note           TEXT,
    updated_at     TIMESTAMPTZ NOT NULL,
    revision       BIGINT      NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX license_id_ci_idx ON license (lower(id));

-- Why a dataset was retracted or deprecated, and what replaces it.
ALTER TABLE dataset ADD COLUMN status_reason TEXT;
ALTER TABLE dataset ADD COLUMN superseded_by TEXT;
