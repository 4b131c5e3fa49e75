-- The incident heads and command records become keyed by their ids (WITHOUT ROWID): each append writes one b-tree
-- fewer for each instead of a rowid table plus its primary-key index, and a lookup by id is one search. Rebuilt and
-- copied in the migration's transaction; the indexes go with the old table and are made again.
DROP TABLE IF EXISTS incidents_keyed;
CREATE TABLE incidents_keyed (
    incident_id TEXT NOT NULL PRIMARY KEY,
    version INTEGER NOT NULL,
    state INTEGER NOT NULL,
    next_due INTEGER NULL
) WITHOUT ROWID;
INSERT INTO incidents_keyed (incident_id, version, state, next_due) SELECT incident_id, version, state, next_due FROM incidents;
DROP TABLE incidents;
ALTER TABLE incidents_keyed RENAME TO incidents;
CREATE INDEX IF NOT EXISTS incidents_by_state ON incidents (state);
CREATE INDEX IF NOT EXISTS incidents_by_due ON incidents (next_due, incident_id) WHERE next_due IS NOT NULL;
DROP TABLE IF EXISTS commands_keyed;
CREATE TABLE commands_keyed (
    command_id TEXT NOT NULL PRIMARY KEY,
    incident_id TEXT NOT NULL,
    first_version INTEGER NOT NULL,
    event_count INTEGER NOT NULL,
    rejection TEXT NULL
) WITHOUT ROWID;
INSERT INTO commands_keyed (command_id, incident_id, first_version, event_count, rejection) SELECT command_id, incident_id, first_version, event_count, rejection FROM commands;
DROP TABLE commands;
ALTER TABLE commands_keyed RENAME TO commands;
