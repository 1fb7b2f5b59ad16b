-- A revision of the license table as a whole, so that a replica can keep the attribute table the rules read in
-- memory and know, with one primary-key read, whether any replica changed it. Drawn from a sequence, because a
-- rolled-back change must never leave a revision number that a later, committed change could repeat.
CREATE SEQUENCE license_table_revision_seq;

CREATE TABLE license_table_revision (
    id       smallint PRIMARY KEY CHECK (id = 1),
    revision bigint   NOT NULL
);

INSERT INTO license_table_revision (id, revision) VALUES (1, nextval('license_table_revision_seq'));

CREATE FUNCTION bump_license_table_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE license_table_revision SET revision = nextval('license_table_revision_seq') WHERE id = 1;
    RETURN NULL;
END;
$$;

CREATE TRIGGER license_table_changed
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON license
    FOR EACH STATEMENT EXECUTE FUNCTION bump_license_table_revision();
