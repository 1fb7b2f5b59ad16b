-- Screening reports: what a journal attaches to a review. A report is written once and never changed: the database
-- refuses UPDATE, DELETE and TRUNCATE, as it does for the audit trail. Inline (unregistered) datasets exist only
-- inside the report document.
CREATE TABLE screening (
    id                 TEXT        PRIMARY KEY,
    created_by         TEXT        NOT NULL,
    created_orgs       TEXT[]      NOT NULL DEFAULT '{}',
    created_at         TIMESTAMPTZ NOT NULL,
    ruleset_version    TEXT        NOT NULL,
    verdict            TEXT        NOT NULL,
    share_token_sha256 TEXT        NOT NULL,
    report             JSONB       NOT NULL
);

CREATE FUNCTION screening_is_immutable() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'screening reports are immutable: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER screening_no_update_or_delete
    BEFORE UPDATE OR DELETE ON screening
    FOR EACH ROW EXECUTE FUNCTION screening_is_immutable();

CREATE TRIGGER screening_no_truncate
    BEFORE TRUNCATE ON screening
    FOR EACH STATEMENT EXECUTE FUNCTION screening_is_immutable();
