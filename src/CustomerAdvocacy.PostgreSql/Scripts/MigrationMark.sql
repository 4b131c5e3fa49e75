-- $1 the version reached.
INSERT INTO ca_schema_migrations (version) VALUES ($1)
