-- ?1 command id, ?2 incident, ?3 first version, ?4 event count; no row for a recorded command id.
INSERT INTO commands (command_id, incident_id, first_version, event_count, rejection) VALUES (?1, ?2, ?3, ?4, NULL) ON CONFLICT (command_id) DO NOTHING
