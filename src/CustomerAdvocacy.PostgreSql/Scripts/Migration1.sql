CREATE TABLE IF NOT EXISTS ca_incidents (
    incident_id uuid NOT NULL PRIMARY KEY,
    version bigint NOT NULL,
    state integer NOT NULL
);
CREATE INDEX IF NOT EXISTS ca_incidents_by_state ON ca_incidents (state);
CREATE TABLE IF NOT EXISTS ca_events (
    incident_id uuid NOT NULL,
    version bigint NOT NULL,
    event_type text NOT NULL,
    schema_version integer NOT NULL,
    payload text NOT NULL,
    CONSTRAINT ca_events_stream_version UNIQUE (incident_id, version)
);
CREATE TABLE IF NOT EXISTS ca_commands (
    command_id uuid NOT NULL PRIMARY KEY,
    incident_id uuid NOT NULL,
    first_version bigint NOT NULL,
    event_count integer NOT NULL,
    rejection text NULL
);
