-- Where each license attribute was read: {"commercialUse": {"url", "asOf", "statement"}, ...}. A statement on a null
-- attribute says why it is unknown.
ALTER TABLE license ADD COLUMN sources JSONB;

-- Rows the service ships (and refreshes when a newer curation ships) until an admin edits them.
ALTER TABLE license ADD COLUMN shipped BOOLEAN NOT NULL DEFAULT false;
UPDATE license SET shipped = true WHERE revision = 0;
