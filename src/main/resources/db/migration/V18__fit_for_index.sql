-- "Fit for" lists (GET /datasets?fitFor=<task>) read a page of the datasets whose stored verdict for the task is
-- ON_LABEL or CAUTION in key order. Walking the dataset key index and looking each dataset's verdict up costs the
-- unfit datasets before the page too (6,000 of them before the first fit one in the 100k benchmark catalog, and the
-- whole catalog for a task few datasets are fit for). With the dataset's key beside its verdict (keys never change),
-- a partial index gives each view's fit datasets in key order directly.
ALTER TABLE dataset_verdict ADD COLUMN dataset_key TEXT;
UPDATE dataset_verdict v SET dataset_key = d.key FROM dataset d WHERE d.id = v.dataset_id;
ALTER TABLE dataset_verdict ALTER COLUMN dataset_key SET NOT NULL;
CREATE INDEX dataset_verdict_fit_idx ON dataset_verdict (task, viewer, dataset_key)
    WHERE verdict IN ('ON_LABEL', 'CAUTION');

-- Every dataset has a state row, however it was written (a bulk COPY around the service included): a fit-for page
-- then finds the datasets whose verdicts are not computed yet among the stale rows of the partial stale index,
-- instead of looking for datasets without a row.
CREATE FUNCTION dataset_verdict_state_of_new_dataset() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO dataset_verdict_state (dataset_id, stale) VALUES (NEW.id, TRUE) ON CONFLICT (dataset_id) DO NOTHING;
    RETURN NULL;
END;
$$;

CREATE TRIGGER dataset_verdict_state_on_insert AFTER INSERT ON dataset
    FOR EACH ROW EXECUTE FUNCTION dataset_verdict_state_of_new_dataset();

INSERT INTO dataset_verdict_state (dataset_id, stale)
SELECT d.id, TRUE FROM dataset d
WHERE NOT EXISTS (SELECT 1 FROM dataset_verdict_state s WHERE s.dataset_id = d.id)
ON CONFLICT (dataset_id) DO NOTHING;
