using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.Threading.Tasks;
using CustomerAdvocacy.Sql;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CustomerAdvocacy.Sqlite;

/// <summary>
/// An open connection with its commands: each SQL text is prepared once per connection and reused, which is most of
/// what a single small append costs otherwise. Kept in the store's pool; used by one operation at a time.
/// </summary>
internal sealed class SqliteSession : SqlSession, IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private SqliteAppendStatements? _append;
    private sqlite3_stmt? _readStream;

    internal SqliteSession(SqliteConnection connection) => Sqlite = connection;

    internal SqliteConnection Sqlite { get; }

    internal override DbConnection Connection => Sqlite;

    /// <summary>The append's statements on this connection, prepared on first use.</summary>
    internal SqliteAppendStatements Append() => _append ??= new SqliteAppendStatements(Sqlite.Handle!);

    /// <summary>
    /// The native stream read on this connection, prepared on first use; <see langword="null"/> when the database
    /// was busy while preparing it (the caller then reads through the command path, which waits as configured).
    /// </summary>
    internal sqlite3_stmt? ReadStream()
    {
        if (_readStream is null)
        {
            var db = Sqlite.Handle!;
            var rc = raw.sqlite3_prepare_v3(db, SqliteSchema.Scripts["ReadStream"], raw.SQLITE_PREPARE_PERSISTENT, out var statement, out _);
            if (rc != raw.SQLITE_OK)
            {
                statement.Dispose();
                if (SqliteIncidentStore.IsBusy(rc))
                {
                    return null;
                }

                SqliteException.ThrowExceptionForRC(rc, db);
            }

            _readStream = statement;
        }

        return _readStream;
    }

    /// <inheritdoc />
    /// <remarks>The scripts number their parameters (<c>?1</c>, <c>?2</c>, …); so are the command's parameters named.</remarks>
    internal override DbCommand Command(string sql, int parameterCount)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Sqlite.CreateCommand();
            command.CommandText = sql;
            for (var i = 1; i <= parameterCount; i++)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = "?" + i.ToString(CultureInfo.InvariantCulture) });
            }

            _commands.Add(sql, command);
        }

        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        // Finalized before the connection closes: a pooled handle must not carry statements of ours.
        _append?.Dispose();
        _readStream?.Dispose();
        Sqlite.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        Dispose();
        return default;
    }
}
