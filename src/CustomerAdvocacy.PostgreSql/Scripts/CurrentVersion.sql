-- $1 incident.
SELECT version FROM ca_incidents WHERE incident_id = $1
