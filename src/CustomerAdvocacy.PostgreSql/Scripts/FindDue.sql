-- $1 until (unix ticks), $2 limit.
SELECT incident_id, next_due FROM ca_incidents WHERE next_due IS NOT NULL AND next_due <= $1 ORDER BY next_due, incident_id LIMIT $2
