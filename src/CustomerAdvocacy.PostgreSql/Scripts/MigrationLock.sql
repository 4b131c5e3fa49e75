-- $1 the library's advisory lock id: serializes concurrent first uses for the migration's transaction.
SELECT pg_advisory_xact_lock($1)
