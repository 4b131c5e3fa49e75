-- WAL is a property of the file: set once, it holds for every later connection.
PRAGMA journal_mode = WAL
