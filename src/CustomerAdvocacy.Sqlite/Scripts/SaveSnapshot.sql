-- ?1 incident, ?2 version, ?3 fingerprint, ?4 payload; an older snapshot never replaces a newer one.
INSERT INTO snapshots (incident_id, version, fingerprint, payload) VALUES (?1, ?2, ?3, ?4)
ON CONFLICT (incident_id) DO UPDATE SET version = excluded.version, fingerprint = excluded.fingerprint, payload = excluded.payload WHERE excluded.version > snapshots.version
