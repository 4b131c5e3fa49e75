using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace CustomerAdvocacy.PostgreSql;

/// <summary>
/// The versioned schema. Migration <c>n</c> (1-based) takes the database from version <c>n - 1</c> to <c>n</c>. A
/// transaction-scoped advisory lock serializes concurrent first uses, so each migration is applied once; the applied
/// versions are rows of <c>ca_schema_migrations</c>. Released migrations never change: add one.
/// </summary>
internal static class PostgreSqlSchema
{
    // An arbitrary constant naming this library's migration lock among the database's advisory locks.
    private const long MigrationLock = 0x43415F5354_4F5245;

    internal static readonly IReadOnlyList<string> Migrations = new[]
    {
        """
        CREATE TABLE IF NOT EXISTS ca_incidents (
            incident_id uuid NOT NULL PRIMARY KEY,
            version bigint NOT NULL,
            state integer NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ca_incidents_by_state ON ca_incidents (state);
        CREATE TABLE IF NOT EXISTS ca_events (
            incident_id uuid NOT NULL,
            version bigint NOT NULL,
            event_type text NOT NULL,
            schema_version integer NOT NULL,
            payload text NOT NULL,
            CONSTRAINT ca_events_stream_version UNIQUE (incident_id, version)
        );
        CREATE TABLE IF NOT EXISTS ca_commands (
            command_id uuid NOT NULL PRIMARY KEY,
            incident_id uuid NOT NULL,
            first_version bigint NOT NULL,
            event_count integer NOT NULL,
            rejection text NULL
        );
        """,
        """
        ALTER TABLE ca_incidents ADD COLUMN IF NOT EXISTS next_due bigint NULL;
        CREATE INDEX IF NOT EXISTS ca_incidents_by_due ON ca_incidents (next_due, incident_id) WHERE next_due IS NOT NULL;
        CREATE TABLE IF NOT EXISTS ca_snapshots (
            incident_id uuid NOT NULL PRIMARY KEY,
            version bigint NOT NULL,
            fingerprint text NOT NULL,
            payload text NOT NULL
        );
        """,
    };

    internal static async Task MigrateAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionScope = transaction.ConfigureAwait(false);
        var setUp = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection);
        await using (setUp.ConfigureAwait(false))
        {
            setUp.Parameters.Add(new NpgsqlParameter<long> { TypedValue = MigrationLock });
            await setUp.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var table = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS ca_schema_migrations (version integer NOT NULL PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())", connection);
        await using (table.ConfigureAwait(false))
        {
            await table.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        int applied;
        var read = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM ca_schema_migrations", connection);
        await using (read.ConfigureAwait(false))
        {
            applied = (int)(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        if (applied > Migrations.Count)
        {
            throw new System.InvalidOperationException($"The database is at schema version {applied}, newer than this library's {Migrations.Count}; upgrade the library.");
        }

        for (var version = applied + 1; version <= Migrations.Count; version++)
        {
            var migrate = new NpgsqlCommand(Migrations[version - 1], connection);
            await using (migrate.ConfigureAwait(false))
            {
                await migrate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            var mark = new NpgsqlCommand("INSERT INTO ca_schema_migrations (version) VALUES ($1)", connection);

            await using var markScope = mark.ConfigureAwait(false);
            mark.Parameters.Add(new NpgsqlParameter<int> { TypedValue = version });
            await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
