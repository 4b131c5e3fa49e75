-- $1 command id.
SELECT incident_id, first_version, event_count, rejection FROM ca_commands WHERE command_id = $1
