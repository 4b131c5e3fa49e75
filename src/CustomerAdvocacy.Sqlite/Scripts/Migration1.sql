CREATE TABLE IF NOT EXISTS incidents (
    incident_id TEXT NOT NULL PRIMARY KEY,
    version INTEGER NOT NULL,
    state INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS incidents_by_state ON incidents (state);
CREATE TABLE IF NOT EXISTS events (
    incident_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    event_type TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    payload TEXT NOT NULL,
    CONSTRAINT events_stream_version UNIQUE (incident_id, version)
);
CREATE TABLE IF NOT EXISTS commands (
    command_id TEXT NOT NULL PRIMARY KEY,
    incident_id TEXT NOT NULL,
    first_version INTEGER NOT NULL,
    event_count INTEGER NOT NULL,
    rejection TEXT NULL
);
