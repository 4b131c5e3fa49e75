-- $1 state.
SELECT incident_id FROM ca_incidents WHERE state = $1
