-- The whole append in one statement. The head moves from the expected version or the statement divides by zero: a new
-- stream (expected 0) inserts its head unless one exists, an existing stream updates it only at the expected version;
-- anything else changes no row. The command claim's primary key fails it for a recorded command id, the events' unique
-- (incident_id, version) backs the version check, and the notification is delivered on commit. Data-modifying CTEs
-- all run to completion, and any error undoes all of them.
-- $1 incident, $2 expected version, $3 new version, $4 state, $5 next due, $6 command id, $7 event count,
-- $8..$11 the events' versions, types, schema versions and payloads, $12 the channel, $13 the incident as text.
WITH created AS (
    INSERT INTO ca_incidents (incident_id, version, state, next_due)
    SELECT $1, $3, $4, $5 WHERE $2 = 0
    ON CONFLICT (incident_id) DO NOTHING
    RETURNING 1),
moved AS (
    UPDATE ca_incidents SET version = $3, state = $4, next_due = $5
    WHERE incident_id = $1 AND version = $2 AND $2 > 0
    RETURNING 1),
claimed AS (
    INSERT INTO ca_commands (command_id, incident_id, first_version, event_count, rejection)
    VALUES ($6, $1, $2 + 1, $7, NULL)
    RETURNING 1),
appended AS (
    INSERT INTO ca_events (incident_id, version, event_type, schema_version, payload)
    SELECT $1, v, t, s, p FROM unnest($8, $9, $10, $11) AS e(v, t, s, p)
    RETURNING 1)
SELECT 1 / ((SELECT count(*) FROM created) + (SELECT count(*) FROM moved)), pg_notify($12, coalesce(current_schema(), '') || ':' || $13)
