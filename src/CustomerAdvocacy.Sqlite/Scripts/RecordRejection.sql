-- ?1 command id, ?2 incident, ?3 rejection (JSON); no row for a recorded command id.
INSERT INTO commands (command_id, incident_id, first_version, event_count, rejection) VALUES (?1, ?2, 0, 0, ?3) ON CONFLICT (command_id) DO NOTHING
