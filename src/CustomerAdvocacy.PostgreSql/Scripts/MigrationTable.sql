CREATE TABLE IF NOT EXISTS ca_schema_migrations (version integer NOT NULL PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())
