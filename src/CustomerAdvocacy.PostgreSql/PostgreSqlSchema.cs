using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Sql;
using Npgsql;

namespace CustomerAdvocacy.PostgreSql;

/// <summary>
/// The PostgreSQL store's scripts (<c>Scripts/*.sql</c>) and versioned schema. Migration <c>n</c> (1-based,
/// <c>Scripts/Migration{n}.sql</c>) takes the database from version <c>n - 1</c> to <c>n</c>. A transaction-scoped
/// advisory lock serializes concurrent first uses, so each migration is applied once; the applied versions are rows of
/// <c>ca_schema_migrations</c>. Released migrations never change: add one.
/// </summary>
internal static class PostgreSqlSchema
{
    internal static readonly SqlScripts Scripts = new(typeof(PostgreSqlSchema).Assembly);

    internal static readonly IReadOnlyList<string> Migrations = Scripts.Numbered("Migration");

    // An arbitrary constant naming this library's migration lock among the database's advisory locks.
    private const long MigrationLock = 0x43415F5354_4F5245;

    internal static async Task MigrateAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionScope = transaction.ConfigureAwait(false);
        var setUp = new NpgsqlCommand(Scripts["MigrationLock"], connection);
        await using (setUp.ConfigureAwait(false))
        {
            setUp.Parameters.Add(new NpgsqlParameter<long> { TypedValue = MigrationLock });
            await setUp.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var table = new NpgsqlCommand(Scripts["MigrationTable"], connection);
        await using (table.ConfigureAwait(false))
        {
            await table.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        int applied;
        var read = new NpgsqlCommand(Scripts["MigrationApplied"], connection);
        await using (read.ConfigureAwait(false))
        {
            applied = (int)(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        var markSql = Scripts["MigrationMark"];
        await SqlMigrations.ApplyAsync(
            connection,
            transaction,
            Migrations,
            applied,
            version => new NpgsqlCommand(markSql, connection) { Parameters = { new NpgsqlParameter<int> { TypedValue = version } } },
            message => new System.InvalidOperationException(message),
            cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
