-- The head moves with its due instant, the state unchanged (see HeadMove.sql).
UPDATE incidents SET version = ?3, next_due = ?5 WHERE incident_id = ?1 AND version = ?2 AND state = ?4
