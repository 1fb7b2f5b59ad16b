-- Admin removal: a dataset registered by mistake (or whose fields carry personal data) becomes a tombstone. Its
-- content columns are cleared, its key stays taken, its place in the lineage (derivation edges, steps) stays, and
-- its status says 'removed'.
ALTER TABLE dataset DROP CONSTRAINT dataset_status_known;
ALTER TABLE dataset ADD CONSTRAINT dataset_status_known
    CHECK (status IN ('active', 'deprecated', 'retracted', 'removed'));
ALTER TABLE dataset ADD COLUMN removed_at TIMESTAMPTZ;
ALTER TABLE dataset ADD COLUMN removed_by TEXT;

-- The earlier audit events of a removed dataset must stop carrying its content, while the trail keeps every event
-- (who, when, what action, which fields) and stays append-only. A redaction is itself recorded, once per subject,
-- in an append-only table; after that, and only for events older than it, the one change the trigger allows is
-- replacing an event's patch by the same patch without its values.
CREATE TABLE audit_redaction (
    subject_type TEXT        NOT NULL,
    subject_key  TEXT        NOT NULL,
    redacted_at  TIMESTAMPTZ NOT NULL,
    redacted_by  TEXT        NOT NULL,
    reason       TEXT        NOT NULL,
    PRIMARY KEY (subject_type, subject_key)
);

CREATE FUNCTION audit_redaction_is_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_redaction is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_redaction_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_redaction
    FOR EACH ROW EXECUTE FUNCTION audit_redaction_is_append_only();
CREATE TRIGGER audit_redaction_no_truncate
    BEFORE TRUNCATE ON audit_redaction
    FOR EACH STATEMENT EXECUTE FUNCTION audit_redaction_is_append_only();

-- A JSON Patch without its values: each operation keeps op, path (and from), gains "redacted": true.
CREATE FUNCTION audit_redacted(changes JSONB) RETURNS JSONB
    LANGUAGE sql IMMUTABLE AS
$$
SELECT CASE WHEN jsonb_typeof(changes) <> 'array' THEN '{"redacted": true}'::jsonb
            ELSE coalesce((SELECT jsonb_agg((op - 'value') || '{"redacted": true}'::jsonb ORDER BY ord)
                           FROM jsonb_array_elements(changes) WITH ORDINALITY AS t(op, ord)), '[]'::jsonb)
       END
$$;

CREATE OR REPLACE FUNCTION audit_event_is_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'UPDATE'
       AND (NEW.id, NEW.occurred_at, NEW.actor, NEW.actor_orgs, NEW.action, NEW.subject_type, NEW.subject_key,
            NEW.organization)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.occurred_at, OLD.actor, OLD.actor_orgs, OLD.action, OLD.subject_type, OLD.subject_key,
            OLD.organization)
       AND NEW.changes = audit_redacted(OLD.changes)
       AND EXISTS (SELECT 1 FROM audit_redaction r
                   WHERE r.subject_type = OLD.subject_type AND r.subject_key = OLD.subject_key
                     AND r.redacted_at >= OLD.occurred_at) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
