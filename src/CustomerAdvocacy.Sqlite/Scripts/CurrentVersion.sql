-- ?1 incident.
SELECT version FROM incidents WHERE incident_id = ?1
