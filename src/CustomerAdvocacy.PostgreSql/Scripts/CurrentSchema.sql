-- The schema the connection writes to, as append notifications name it.
SELECT coalesce(current_schema(), '')
