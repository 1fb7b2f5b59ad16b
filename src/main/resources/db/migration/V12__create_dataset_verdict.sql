-- Stored "fit for" verdicts: per dataset, per task and per view, the verdict of the explained label (role any, no
-- purpose). A view is whose eyes the verdict was computed for, because ancestors a caller may not see take no part:
--   ''         the public view (anonymous callers and members of organizations without embargoed data in the lineage)
--   'org:<o>'  members of organization <o>, stored only for datasets with an embargoed dataset of <o> in the lineage
--   '*'        admins, stored only for datasets with any embargoed dataset in the lineage
-- A query takes the caller's most specific view and falls back to the public one.
CREATE TABLE dataset_verdict (
    dataset_id      BIGINT NOT NULL REFERENCES dataset (id),
    task            TEXT   NOT NULL,
    viewer          TEXT   NOT NULL,
    verdict         TEXT   NOT NULL,
    ruleset_version TEXT   NOT NULL,
    PRIMARY KEY (dataset_id, task, viewer)
);

-- Freshness, one row per dataset: a write marks the dataset and every descendant stale in its own transaction; a
-- worker (any replica, FOR UPDATE SKIP LOCKED) recomputes the stale ones after commit, and a fit-for query
-- recomputes the stale candidates it would answer with before answering.
CREATE TABLE dataset_verdict_state (
    dataset_id    BIGINT      NOT NULL PRIMARY KEY REFERENCES dataset (id),
    stale         BOOLEAN     NOT NULL,
    computed_with TEXT,
    marked_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX dataset_verdict_state_stale_idx ON dataset_verdict_state (dataset_id) WHERE stale;

-- What the stored verdicts were computed with (ruleset version and vocabularies digest): a service starting with
-- another basis marks everything stale.
CREATE TABLE verdict_basis (
    id    INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    basis TEXT    NOT NULL
);

INSERT INTO dataset_verdict_state (dataset_id, stale) SELECT id, TRUE FROM dataset;
