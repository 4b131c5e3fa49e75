-- $1 incident id, $2 first version wanted.
SELECT version, event_type, schema_version, payload FROM ca_events WHERE incident_id = $1 AND version >= $2 ORDER BY version
