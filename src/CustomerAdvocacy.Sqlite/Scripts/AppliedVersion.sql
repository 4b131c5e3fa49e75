-- The applied schema version.
PRAGMA user_version
