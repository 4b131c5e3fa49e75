ALTER TABLE incidents ADD COLUMN next_due INTEGER NULL;
CREATE INDEX IF NOT EXISTS incidents_by_due ON incidents (next_due, incident_id) WHERE next_due IS NOT NULL;
CREATE TABLE IF NOT EXISTS snapshots (
    incident_id TEXT NOT NULL PRIMARY KEY,
    version INTEGER NOT NULL,
    fingerprint TEXT NOT NULL,
    payload TEXT NOT NULL
);
