-- ?1 incident id, ?2 first version wanted. Also run through SQLite's native API, which binds the same positions.
SELECT version, event_type, schema_version, payload FROM events WHERE incident_id = ?1 AND version >= ?2 ORDER BY version
