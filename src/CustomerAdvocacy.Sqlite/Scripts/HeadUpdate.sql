-- The head moves with its state and due instant (see HeadMove.sql); no row when it is not at the expected version.
UPDATE incidents SET version = ?3, state = ?4, next_due = ?5 WHERE incident_id = ?1 AND version = ?2
