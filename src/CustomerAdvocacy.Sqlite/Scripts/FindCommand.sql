-- ?1 command id.
SELECT incident_id, first_version, event_count, rejection FROM commands WHERE command_id = ?1
