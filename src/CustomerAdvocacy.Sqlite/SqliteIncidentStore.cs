using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Sql;
using CustomerAdvocacy.Storage;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CustomerAdvocacy.Sqlite;

/// <summary>
/// An <see cref="IIncidentStore"/> in one SQLite database file. The schema is created or migrated on first use; the
/// database runs in WAL mode so readers never wait for the writer. Appends take SQLite's write lock
/// (<c>BEGIN IMMEDIATE</c>), check the stream's version and claim the command id in the same transaction; the
/// (incident id, version) primary key backs the check. Every statement is parameterized. Keeps snapshots and the due
/// index (<see cref="IIncidentSnapshotStore"/>, <see cref="IDueIncidentIndex"/>; due instants to the 100 ns tick).
/// Keeps a few connections open with their prepared statements; dispose the store to close them. Thread-safe.
/// </summary>
/// <remarks>
/// The algorithm is <see cref="SqlIncidentStore"/>'s, shared with the PostgreSQL store; this type adds what SQLite does
/// its own way: a small pool of open sessions with prepared statements, ids as text, the append under the write lock
/// through native prepared statements, the stream read straight from SQLite's rows, and its result codes.
/// </remarks>
public sealed class SqliteIncidentStore : SqlIncidentStore, IDisposable
{
    // SQLite's primary result codes for a database held by someone else, and for a broken constraint.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteConstraint = 19;
    private const int MaxPooledSessions = 8;

    private readonly string _connectionString;
    private readonly ConcurrentBag<SqliteSession> _sessions = new();
    private volatile bool _disposed;

    /// <summary>Creates a store over a database file; nothing is opened until first use.</summary>
    /// <param name="connectionString">
    /// A Microsoft.Data.Sqlite connection string, for example <c>Data Source=incidents.db</c>. <c>Default Timeout</c>
    /// (seconds) bounds how long a command waits for another writer's lock.
    /// </param>
    /// <param name="serializer">Reads and writes events; <see langword="null"/> for the default (current schema, no upcasters).</param>
    /// <exception cref="ArgumentException">The connection string is malformed or names no data source.</exception>
    public SqliteIncidentStore(string connectionString, IncidentEventSerializer? serializer = null)
        : base(DataSource(connectionString, out var normalized), serializer, SqliteSchema.Scripts)
        => _connectionString = normalized;

    private static string DataSource(string connectionString, out string normalized)
    {
        Preconditions.CheckNotNullOrWhiteSpace(connectionString);
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            throw new ArgumentException("The SQLite connection string is malformed: " + ex.Message, nameof(connectionString), ex);
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            throw new ArgumentException("The SQLite connection string names no data source.", nameof(connectionString));
        }

        normalized = builder.ConnectionString;
        return builder.DataSource;
    }

    /// <summary>The schema version this store creates and expects.</summary>
    public static int SchemaVersion => SqliteSchema.Migrations.Count;

    /// <summary>Test seam: runs inside the append transaction just before it commits.</summary>
    internal Func<Task>? BeforeCommit { get; set; }

    // Extended result codes keep the primary code in their low byte.
    internal static bool IsBusy(int rc) => (rc & 0xFF) is SqliteBusy or SqliteLocked;

    /// <summary>Closes the connections the store keeps open.</summary>
    public void Dispose()
    {
        _disposed = true;
        while (_sessions.TryTake(out var session))
        {
            session.Dispose();
        }
    }

    internal override async Task MigrateAsync(CancellationToken cancellationToken)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await SqliteSchema.MigrateAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    internal override async ValueTask<SqlSession> OpenSessionAsync(CancellationToken cancellationToken)
        => _sessions.TryTake(out var session) ? session : new SqliteSession(await OpenConnectionAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Puts a session back for reuse, or closes it when it failed mid-operation (its state is unknown), when the pool is
    /// full or when the store is disposed.
    /// </summary>
    internal override ValueTask ReturnAsync(SqlSession session, bool healthy)
    {
        var sqlite = (SqliteSession)session;
        if (healthy && !_disposed && _sessions.Count < MaxPooledSessions)
        {
            _sessions.Add(sqlite);
            if (_disposed)
            {
                // Disposed meanwhile: drain what may have been added after Dispose emptied the pool.
                Dispose();
            }

            return default;
        }

        sqlite.Dispose();
        return default;
    }

    internal override async Task<SqlFailure?> AppendCoreAsync(SqlSession session, IncidentAppend append, SerializedEvent[] events, CancellationToken cancellationToken)
    {
        var sqlite = (SqliteSession)session;
        var statements = sqlite.Append();

        // BEGIN IMMEDIATE on the prepared statement; only when another writer holds the lock does the append wait for
        // it through the driver's transaction, which retries up to the connection string's Default Timeout.
        var transaction = statements.TryBeginImmediate() ? null : sqlite.Sqlite.BeginTransaction(deferred: false);
        try
        {
            var key = Key(append.IncidentId.Value);

            // The head row is the stream's version: moving it from the expected version is the concurrency check,
            // under the write lock BEGIN IMMEDIATE took, so no separate read is needed.
            if (!MoveHead(statements, key, append))
            {
                return SqlFailure.Conflict;
            }

            var claim = statements.Claim;
            statements.BindText(claim, 1, Key(append.CommandId.Value));
            statements.BindText(claim, 2, key);
            statements.BindInt64(claim, 3, append.ExpectedVersion + 1);
            statements.BindInt64(claim, 4, events.Length);
            if (statements.Execute(claim) == 0)
            {
                return SqlFailure.DuplicateCommand;
            }

            var insert = statements.InsertEvent;
            statements.BindText(insert, 1, key);
            for (var i = 0; i < events.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                statements.BindInt64(insert, 2, append.ExpectedVersion + i + 1);
                statements.BindText(insert, 3, events[i].EventType);
                statements.BindInt64(insert, 4, events[i].SchemaVersion);
                statements.BindText(insert, 5, events[i].Payload);
                statements.Execute(insert);
            }

            if (BeforeCommit is { } beforeCommit)
            {
                await beforeCommit().ConfigureAwait(false);
            }

            if (transaction is null)
            {
                statements.Commit();
            }
            else
            {
                transaction.Commit();
            }

            return null;
        }
        finally
        {
            // Nothing of a failed append stays: its transaction ends here, so the connection never goes back to a pool
            // holding the write lock.
            if (transaction is null)
            {
                statements.RollbackIfOpen();
            }
            else
            {
                transaction.Dispose();
            }
        }
    }

    /// <summary>The native read first; the command path when the database was busy before the first row.</summary>
    internal override async Task<IReadOnlyList<IncidentEvent>> ReadStreamCoreAsync(SqlSession session, IncidentId incidentId, long fromVersion, CancellationToken cancellationToken)
        => ReadStreamNative((SqliteSession)session, incidentId, fromVersion)
            ?? await base.ReadStreamCoreAsync(session, incidentId, fromVersion, cancellationToken).ConfigureAwait(false);

    internal override SqlFailure Classify(DbException exception, bool opening) => exception switch
    {
        // A file that cannot be opened, is locked or is not a database, and any migration failure.
        SqliteException when opening => SqlFailure.Unavailable,
        SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked } => SqlFailure.Unavailable,

        // The version moved under the write lock, so a key violation means the file was written by a process that
        // does not take it; reported as the conflict it is.
        SqliteException { SqliteErrorCode: SqliteConstraint } => SqlFailure.Conflict,
        _ => SqlFailure.Other,
    };

    internal override IncidentStoreUnavailableException Unavailable(DbException exception)
        => new(Target, exception is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked } ? "the database is locked by another connection or process" : exception.Message, exception);

    internal override object IdValue(Guid id) => Key(id);

    internal override Guid ReadId(DbDataReader reader, int ordinal) => Guid.ParseExact(reader.GetString(ordinal), "D");

    private static string Key(Guid value) => value.ToString("D", CultureInfo.InvariantCulture);

    /// <summary>
    /// Creates the stream's head or moves it from the expected version, with the state and due instant the append
    /// leaves; <see langword="false"/> when the head is not at the expected version.
    /// </summary>
    private static bool MoveHead(SqliteAppendStatements statements, string key, IncidentAppend append)
    {
        if (append.ExpectedVersion == 0)
        {
            return statements.Execute(BindHead(statements, statements.HeadInsert, key, append)) == 1;
        }

        return statements.Execute(BindHead(statements, statements.HeadMove, key, append)) == 1
            || statements.Execute(BindHead(statements, statements.HeadMoveDue, key, append)) == 1
            || statements.Execute(BindHead(statements, statements.HeadUpdate, key, append)) == 1;
    }

    private static sqlite3_stmt BindHead(SqliteAppendStatements statements, sqlite3_stmt head, string key, IncidentAppend append)
    {
        statements.BindText(head, 1, key);
        statements.BindInt64(head, 2, append.ExpectedVersion);
        statements.BindInt64(head, 3, append.ExpectedVersion + append.Events.Count);
        statements.BindInt64(head, 4, (int)append.ResultingState);
        if (append.NextDueAt is { } due)
        {
            statements.BindInt64(head, 5, due.ToUnixTimeTicks());
        }
        else
        {
            statements.BindNull(head, 5);
        }

        return head;
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads a stream through the connection's native handle: Microsoft.Data.Sqlite copies every TEXT value it returns
    /// into a new string or array (GetBytes and GetStream included), which cost more than the rest of the read. Here the
    /// type name and payload go to the serializer as UTF-8 straight from SQLite's row (the payload through one reused
    /// buffer), so a row allocates only its event.
    /// </summary>
    /// <returns>The events, or null when the database was busy before the first row (the command path then waits it out as configured).</returns>
    private List<IncidentEvent>? ReadStreamNative(SqliteSession session, IncidentId incidentId, long fromVersion)
    {
        var statement = session.ReadStream();
        if (statement is null)
        {
            return null;
        }

        var db = session.Sqlite.Handle!;
        try
        {
            SqliteException.ThrowExceptionForRC(raw.sqlite3_bind_text(statement, 1, Key(incidentId.Value)), db);
            SqliteException.ThrowExceptionForRC(raw.sqlite3_bind_int64(statement, 2, fromVersion), db);
            var events = new List<IncidentEvent>();
            var payload = session.PayloadBuffer;
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                var text = raw.sqlite3_column_blob(statement, 3);
                if (text.Length > payload.Length)
                {
                    payload = session.PayloadBuffer = new byte[Math.Max(text.Length, payload.Length * 2)];
                }

                text.CopyTo(payload);
                events.Add(Serializer.Deserialize(
                    incidentId,
                    raw.sqlite3_column_int64(statement, 0),
                    raw.sqlite3_column_blob(statement, 1),
                    raw.sqlite3_column_int(statement, 2),
                    payload.AsMemory(0, text.Length)));
            }

            if (IsBusy(rc) && events.Count == 0)
            {
                return null;
            }

            SqliteException.ThrowExceptionForRC(rc == raw.SQLITE_DONE ? raw.SQLITE_OK : rc, db);
            return events;
        }
        finally
        {
            // Ends the read (and its read transaction) so the statement can run again on this connection.
            raw.sqlite3_reset(statement);
        }
    }
}
