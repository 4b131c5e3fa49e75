-- ?1 incident.
SELECT version, fingerprint, payload FROM snapshots WHERE incident_id = ?1
