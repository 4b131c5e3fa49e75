using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Sql;
using Microsoft.Data.Sqlite;

namespace CustomerAdvocacy.Sqlite;

/// <summary>
/// The SQLite store's scripts (<c>Scripts/*.sql</c>) and versioned schema. Migration <c>n</c> (1-based,
/// <c>Scripts/Migration{n}.sql</c>) takes the database from version <c>n - 1</c> to <c>n</c>; the applied version is
/// SQLite's <c>user_version</c>, checked and raised inside the same write transaction, so concurrent first uses
/// (threads or processes) apply each migration once. Released migrations never change: add one.
/// </summary>
internal static class SqliteSchema
{
    internal static readonly SqlScripts Scripts = new(typeof(SqliteSchema).Assembly);

    internal static readonly IReadOnlyList<string> Migrations = Scripts.Numbered("Migration");

    internal static async Task MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using (var wal = connection.CreateCommand())
        {
            wal.CommandText = Scripts["WalMode"];
            await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = Scripts["AppliedVersion"];
        var applied = System.Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        await SqlMigrations.ApplyAsync(connection, transaction, Migrations, applied, MarkVersion, message => new SqliteException(message, 1), cancellationToken).ConfigureAwait(false);
        transaction.Commit();

        // PRAGMA takes no parameters; the value is an integer this code produced, never input.
        SqliteCommand MarkVersion(int version)
        {
            var mark = connection.CreateCommand();
            mark.CommandText = "PRAGMA user_version = " + version.ToString(CultureInfo.InvariantCulture);
            return mark;
        }
    }
}
