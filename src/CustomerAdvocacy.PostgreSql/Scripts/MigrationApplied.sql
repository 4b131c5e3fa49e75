SELECT coalesce(max(version), 0) FROM ca_schema_migrations
