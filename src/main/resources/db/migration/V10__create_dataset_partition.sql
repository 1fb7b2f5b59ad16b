-- A derived dataset may be one part of a partition of one of its parents (e.g. the official train split of
-- fastMRI): parts of the same scheme of the same parent are disjoint at the declared level. Provenance, so it is
-- immutable once registered, like derivation and preprocessing_step.
CREATE TABLE dataset_partition (
    dataset_id  BIGINT PRIMARY KEY REFERENCES dataset (id),
    parent_id   BIGINT NOT NULL REFERENCES dataset (id),
    scheme      TEXT   NOT NULL,
    part        TEXT   NOT NULL,
    disjoint_by TEXT   NOT NULL,
    CONSTRAINT dataset_partition_level_known CHECK (disjoint_by IN ('subject', 'study', 'image')),
    CONSTRAINT dataset_partition_parent_is_a_parent FOREIGN KEY (dataset_id, parent_id)
        REFERENCES derivation (child_id, parent_id)
);
CREATE INDEX dataset_partition_parent_idx ON dataset_partition (parent_id, scheme);

CREATE TRIGGER dataset_partition_immutable BEFORE UPDATE OR DELETE ON dataset_partition
    FOR EACH ROW EXECUTE FUNCTION provenance_is_immutable();
