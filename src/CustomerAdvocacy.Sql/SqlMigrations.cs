using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;

namespace CustomerAdvocacy.Sql;

/// <summary>
/// Applies the migrations a database lacks, inside the caller's transaction (which holds the provider's migration
/// lock), each followed by the provider's mark of the version it reached, and refuses a database newer than the
/// library. Released migrations never change: add one.
/// </summary>
internal static class SqlMigrations
{
    internal static async Task ApplyAsync(
        DbConnection connection,
        DbTransaction transaction,
        IReadOnlyList<string> migrations,
        int applied,
        Func<int, DbCommand> mark,
        Func<string, Exception> newer,
        CancellationToken cancellationToken)
    {
        if (applied > migrations.Count)
        {
            throw newer($"The database is at schema version {applied}, newer than this library's {migrations.Count}; upgrade the library.");
        }

        for (var version = applied + 1; version <= migrations.Count; version++)
        {
            using (var migrate = connection.CreateCommand())
            {
                migrate.Transaction = transaction;
                migrate.CommandText = migrations[version - 1];
                await migrate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            using var marked = mark(version);
            marked.Transaction = transaction;
            await marked.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
