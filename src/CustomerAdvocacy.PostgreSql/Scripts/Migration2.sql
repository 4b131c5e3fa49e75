ALTER TABLE ca_incidents ADD COLUMN IF NOT EXISTS next_due bigint NULL;
CREATE INDEX IF NOT EXISTS ca_incidents_by_due ON ca_incidents (next_due, incident_id) WHERE next_due IS NOT NULL;
CREATE TABLE IF NOT EXISTS ca_snapshots (
    incident_id uuid NOT NULL PRIMARY KEY,
    version bigint NOT NULL,
    fingerprint text NOT NULL,
    payload text NOT NULL
);
