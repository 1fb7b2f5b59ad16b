-- A revision of everything a walk of lineage facts reads (LineageFactsRepository: dataset rows, derivations,
-- preprocessing steps), so that a replica may keep walked ancestries in memory and know, with one primary-key read
-- in the reading transaction, whether any replica changed one since. Creating a dataset does not bump it: a new
-- dataset is nobody's ancestor yet, so no walk read before its creation could have included it. Updates and deletes
-- do, on every replica. Drawn from a sequence, so that a rolled-back change never leaves a number a later change
-- could repeat.
CREATE SEQUENCE lineage_facts_revision_seq;

CREATE TABLE lineage_facts_revision (
    id       smallint PRIMARY KEY CHECK (id = 1),
    revision bigint   NOT NULL
);

INSERT INTO lineage_facts_revision (id, revision) VALUES (1, nextval('lineage_facts_revision_seq'));

CREATE FUNCTION bump_lineage_facts_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE lineage_facts_revision SET revision = nextval('lineage_facts_revision_seq') WHERE id = 1;
    RETURN NULL;
END;
$$;

-- Deferred to the commit: the revision row is then the last lock a writing transaction takes, and it holds it only
-- while committing, so two transactions that update datasets in different orders cannot deadlock on it, and the new
-- revision becomes visible together with the change it stands for.
CREATE CONSTRAINT TRIGGER dataset_facts_changed
    AFTER UPDATE OR DELETE ON dataset DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION bump_lineage_facts_revision();

CREATE CONSTRAINT TRIGGER derivation_facts_changed
    AFTER UPDATE OR DELETE ON derivation DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION bump_lineage_facts_revision();

CREATE CONSTRAINT TRIGGER preprocessing_step_facts_changed
    AFTER UPDATE OR DELETE ON preprocessing_step DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION bump_lineage_facts_revision();

-- The revision only moves at the commit, so a transaction that changed such a row must not trust it: this marks the
-- transaction (a transaction-local setting, no lock), and the cache walks in the database for it.
CREATE FUNCTION mark_lineage_facts_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM set_config('onlabel.lineage_facts_written', 'on', true);
    RETURN NULL;
END;
$$;

CREATE TRIGGER dataset_facts_written AFTER UPDATE OR DELETE ON dataset
    FOR EACH STATEMENT EXECUTE FUNCTION mark_lineage_facts_written();
CREATE TRIGGER derivation_facts_written AFTER UPDATE OR DELETE ON derivation
    FOR EACH STATEMENT EXECUTE FUNCTION mark_lineage_facts_written();
CREATE TRIGGER preprocessing_step_facts_written AFTER UPDATE OR DELETE ON preprocessing_step
    FOR EACH STATEMENT EXECUTE FUNCTION mark_lineage_facts_written();

CREATE TRIGGER dataset_facts_truncated AFTER TRUNCATE ON dataset
    FOR EACH STATEMENT EXECUTE FUNCTION bump_lineage_facts_revision();
CREATE TRIGGER derivation_facts_truncated AFTER TRUNCATE ON derivation
    FOR EACH STATEMENT EXECUTE FUNCTION bump_lineage_facts_revision();
CREATE TRIGGER preprocessing_step_facts_truncated AFTER TRUNCATE ON preprocessing_step
    FOR EACH STATEMENT EXECUTE FUNCTION bump_lineage_facts_revision();
