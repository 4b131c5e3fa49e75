using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace CustomerAdvocacy.Sqlite;

/// <summary>
/// The versioned schema. Migration <c>n</c> (1-based) takes the database from version <c>n - 1</c> to <c>n</c>;
/// the applied version is SQLite's <c>user_version</c>, checked and raised inside the same write transaction, so
/// concurrent first uses (threads or processes) apply each migration once. Released migrations never change: add one.
/// </summary>
internal static class SqliteSchema
{
    internal static readonly IReadOnlyList<string> Migrations = new[]
    {
        """
        CREATE TABLE IF NOT EXISTS incidents (
            incident_id TEXT NOT NULL PRIMARY KEY,
            version INTEGER NOT NULL,
            state INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS incidents_by_state ON incidents (state);
        CREATE TABLE IF NOT EXISTS events (
            incident_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            event_type TEXT NOT NULL,
            schema_version INTEGER NOT NULL,
            payload TEXT NOT NULL,
            CONSTRAINT events_stream_version UNIQUE (incident_id, version)
        );
        CREATE TABLE IF NOT EXISTS commands (
            command_id TEXT NOT NULL PRIMARY KEY,
            incident_id TEXT NOT NULL,
            first_version INTEGER NOT NULL,
            event_count INTEGER NOT NULL,
            rejection TEXT NULL
        );
        """,
        """
        ALTER TABLE incidents ADD COLUMN next_due INTEGER NULL;
        CREATE INDEX IF NOT EXISTS incidents_by_due ON incidents (next_due, incident_id) WHERE next_due IS NOT NULL;
        CREATE TABLE IF NOT EXISTS snapshots (
            incident_id TEXT NOT NULL PRIMARY KEY,
            version INTEGER NOT NULL,
            fingerprint TEXT NOT NULL,
            payload TEXT NOT NULL
        );
        """,

        // The incident heads and command records become keyed by their ids (WITHOUT ROWID): each append writes one
        // b-tree fewer for each instead of a rowid table plus its primary-key index, and a lookup by id is one search.
        // Rebuilt and copied in the migration's transaction; the indexes go with the old table and are made again.
        """
        DROP TABLE IF EXISTS incidents_keyed;
        CREATE TABLE incidents_keyed (
            incident_id TEXT NOT NULL PRIMARY KEY,
            version INTEGER NOT NULL,
            state INTEGER NOT NULL,
            next_due INTEGER NULL
        ) WITHOUT ROWID;
        INSERT INTO incidents_keyed (incident_id, version, state, next_due) SELECT incident_id, version, state, next_due FROM incidents;
        DROP TABLE incidents;
        ALTER TABLE incidents_keyed RENAME TO incidents;
        CREATE INDEX IF NOT EXISTS incidents_by_state ON incidents (state);
        CREATE INDEX IF NOT EXISTS incidents_by_due ON incidents (next_due, incident_id) WHERE next_due IS NOT NULL;
        DROP TABLE IF EXISTS commands_keyed;
        CREATE TABLE commands_keyed (
            command_id TEXT NOT NULL PRIMARY KEY,
            incident_id TEXT NOT NULL,
            first_version INTEGER NOT NULL,
            event_count INTEGER NOT NULL,
            rejection TEXT NULL
        ) WITHOUT ROWID;
        INSERT INTO commands_keyed (command_id, incident_id, first_version, event_count, rejection) SELECT command_id, incident_id, first_version, event_count, rejection FROM commands;
        DROP TABLE commands;
        ALTER TABLE commands_keyed RENAME TO commands;
        """,
    };

    internal static async Task MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // WAL is a property of the file: set once, it holds for every later connection.
        using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL";
            await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "PRAGMA user_version";
        var applied = System.Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        if (applied > Migrations.Count)
        {
            throw new SqliteException($"The database is at schema version {applied}, newer than this library's {Migrations.Count}; upgrade the library.", 1);
        }

        for (var version = applied + 1; version <= Migrations.Count; version++)
        {
            using var migrate = connection.CreateCommand();
            migrate.Transaction = transaction;
            migrate.CommandText = Migrations[version - 1];
            await migrate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

            // PRAGMA takes no parameters; the value is an integer this code produced, never input.
            using var mark = connection.CreateCommand();
            mark.Transaction = transaction;
            mark.CommandText = "PRAGMA user_version = " + version.ToString(CultureInfo.InvariantCulture);
            await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        transaction.Commit();
    }
}
