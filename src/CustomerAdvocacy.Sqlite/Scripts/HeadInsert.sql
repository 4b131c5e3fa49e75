-- A new stream's head (?2, the expected version, is 0); no row when the stream exists, which is the conflict.
-- The append's statements share positions: ?1 incident, ?2 expected version, ?3 new version, ?4 state, ?5 next due.
INSERT INTO incidents (incident_id, version, state, next_due) SELECT ?1, ?3, ?4, ?5 WHERE ?2 = 0 ON CONFLICT (incident_id) DO NOTHING
