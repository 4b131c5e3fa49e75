-- $1 incident.
SELECT version, fingerprint, payload FROM ca_snapshots WHERE incident_id = $1
