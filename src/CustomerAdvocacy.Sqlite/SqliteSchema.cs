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
