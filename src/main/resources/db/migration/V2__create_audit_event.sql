-- Who created a dataset is recorded by the server from the caller's token.
ALTER TABLE dataset ADD COLUMN created_by TEXT;

-- The audit trail: one row per mutation of a dataset (or of another audited subject, such as a license), written in
-- the mutation's transaction, never changed afterwards.
CREATE TABLE audit_event (
    id            BIGSERIAL PRIMARY KEY,
    occurred_at   TIMESTAMPTZ NOT NULL,
    actor         TEXT        NOT NULL,
    actor_orgs    TEXT[]      NOT NULL DEFAULT '{}',
    action        TEXT        NOT NULL,
    subject_type  TEXT        NOT NULL,
    subject_key   TEXT        NOT NULL,
    organization  TEXT,
    changes       JSONB       NOT NULL
);

CREATE INDEX audit_event_subject_idx ON audit_event (subject_type, subject_key, id);

-- Even a bug (or a hand-typed statement) cannot rewrite history: the database refuses it.
CREATE FUNCTION audit_event_is_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_event_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();

CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
