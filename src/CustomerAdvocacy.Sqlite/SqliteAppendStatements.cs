using System;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CustomerAdvocacy.Sqlite;

/// <summary>
/// The append's statements on one connection, run through SQLitePCLRaw (the layer Microsoft.Data.Sqlite is built
/// on): bound by index and stepped directly, without the per-execution parameter lookup by name and data reader
/// that <see cref="SqliteCommand"/> costs. Transactions, timeouts and everything else still go through the
/// connection; a failed step throws the same <see cref="SqliteException"/> a command would.
/// </summary>
internal sealed class SqliteAppendStatements : IDisposable
{
    private readonly sqlite3 _database;

    private readonly sqlite3_stmt _begin;
    private readonly sqlite3_stmt _commit;
    private readonly sqlite3_stmt _rollback;

    internal SqliteAppendStatements(sqlite3 database)
    {
        _database = database;
        _begin = Prepare("BEGIN IMMEDIATE");
        _commit = Prepare("COMMIT");
        _rollback = Prepare("ROLLBACK");
        var scripts = SqliteSchema.Scripts;
        HeadInsert = Prepare(scripts["HeadInsert"]);
        HeadMove = Prepare(scripts["HeadMove"]);
        HeadMoveDue = Prepare(scripts["HeadMoveDue"]);
        HeadUpdate = Prepare(scripts["HeadUpdate"]);
        Claim = Prepare(scripts["Claim"]);
        InsertEvent = Prepare(scripts["InsertEvent"]);
    }

    internal sqlite3_stmt HeadInsert { get; }

    internal sqlite3_stmt HeadMove { get; }

    internal sqlite3_stmt HeadMoveDue { get; }

    internal sqlite3_stmt HeadUpdate { get; }

    internal sqlite3_stmt Claim { get; }

    internal sqlite3_stmt InsertEvent { get; }

    internal void BindText(sqlite3_stmt statement, int index, string value)
        => Check(raw.sqlite3_bind_text16(statement, index, value.AsSpan()));

    internal void BindInt64(sqlite3_stmt statement, int index, long value)
        => Check(raw.sqlite3_bind_int64(statement, index, value));

    internal void BindNull(sqlite3_stmt statement, int index)
        => Check(raw.sqlite3_bind_null(statement, index));

    /// <summary>Runs a bound statement to completion and resets it; returns the rows it changed.</summary>
    internal int Execute(sqlite3_stmt statement)
    {
        var rc = raw.sqlite3_step(statement);
        try
        {
            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, _database);
            }

            return raw.sqlite3_changes(_database);
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    /// <summary>Takes the write lock, or returns <see langword="false"/> at once when another connection holds it.</summary>
    internal bool TryBeginImmediate()
    {
        var rc = raw.sqlite3_step(_begin);
        raw.sqlite3_reset(_begin);
        if (rc == raw.SQLITE_DONE)
        {
            return true;
        }

        if (SqliteIncidentStore.IsBusy(rc))
        {
            return false;
        }

        SqliteException.ThrowExceptionForRC(rc, _database);
        return false;
    }

    internal void Commit() => Execute(_commit);

    /// <summary>Rolls back the transaction this connection is in, if any.</summary>
    internal void RollbackIfOpen()
    {
        if (raw.sqlite3_get_autocommit(_database) == 0)
        {
            Execute(_rollback);
        }
    }

    public void Dispose()
    {
        _begin.Dispose();
        _commit.Dispose();
        _rollback.Dispose();
        HeadInsert.Dispose();
        HeadMove.Dispose();
        HeadMoveDue.Dispose();
        HeadUpdate.Dispose();
        Claim.Dispose();
        InsertEvent.Dispose();
    }

    private sqlite3_stmt Prepare(string sql)
    {
        Check(raw.sqlite3_prepare_v3(_database, sql, raw.SQLITE_PREPARE_PERSISTENT, out var statement, out _));
        return statement;
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _database);
        }
    }
}
