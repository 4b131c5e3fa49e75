-- SQLite rewrites an index whenever an UPDATE sets one of its columns, even to the value it holds (measured: a head
-- UPDATE that set state and next_due unchanged wrote 3.1 pages per commit, one that set only the version 1.0). So an
-- existing stream's head moves by the narrowest UPDATE that matches: this one, the version alone, when state and due
-- are unchanged (most commands), then HeadMoveDue, then HeadUpdate.
UPDATE incidents SET version = ?3 WHERE incident_id = ?1 AND version = ?2 AND state = ?4 AND next_due IS ?5
