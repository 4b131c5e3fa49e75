-- ?1 incident, ?2 version, ?3 event type, ?4 schema version, ?5 payload (JSON text).
INSERT INTO events (incident_id, version, event_type, schema_version, payload) VALUES (?1, ?2, ?3, ?4, ?5)
