-- ?1 state.
SELECT incident_id FROM incidents WHERE state = ?1
