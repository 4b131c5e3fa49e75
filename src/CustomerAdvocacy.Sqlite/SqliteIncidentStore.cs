using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Storage;
using Microsoft.Data.Sqlite;
using NodaTime;
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
public sealed class SqliteIncidentStore : IIncidentStore, IIncidentSnapshotStore, IDueIncidentIndex, IDisposable
{
    // SQLite's primary result codes for a database held by someone else.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteConstraint = 19;

    private readonly string _connectionString;
    private readonly IncidentEventSerializer _serializer;
    private const int MaxPooledSessions = 8;

    // SQLite numbers named parameters in order of appearance: the native read binds $incident as 1 and $from as 2.
    private const string ReadStreamSql = "SELECT version, event_type, schema_version, payload FROM events WHERE incident_id = $incident AND version >= $from ORDER BY version";

    // Appends in three statements: head (the version check), command claim, events. Positional parameters: the
    // append binds them by index on statements prepared once per connection.
    private const string HeadInsertSql = "INSERT INTO incidents (incident_id, version, state, next_due) SELECT ?1, ?3, ?4, ?5 WHERE ?2 = 0 ON CONFLICT (incident_id) DO NOTHING";
    // SQLite rewrites an index whenever the UPDATE sets one of its columns, even to the value it holds (measured: a head
    // UPDATE that set state and next_due unchanged wrote 3.1 pages per commit, one that set only the version 1.0).
    // So an existing stream's head moves by the narrowest UPDATE that matches: the version alone when state and due
    // are unchanged (most commands), then version and due, then all three.
    private const string HeadMoveSql = "UPDATE incidents SET version = ?3 WHERE incident_id = ?1 AND version = ?2 AND state = ?4 AND next_due IS ?5";
    private const string HeadMoveDueSql = "UPDATE incidents SET version = ?3, next_due = ?5 WHERE incident_id = ?1 AND version = ?2 AND state = ?4";
    private const string HeadUpdateSql = "UPDATE incidents SET version = ?3, state = ?4, next_due = ?5 WHERE incident_id = ?1 AND version = ?2";
    private const string ClaimSql = "INSERT INTO commands (command_id, incident_id, first_version, event_count, rejection) VALUES (?1, ?2, ?3, ?4, NULL) ON CONFLICT (command_id) DO NOTHING";
    private const string InsertEventSql = "INSERT INTO events (incident_id, version, event_type, schema_version, payload) VALUES (?1, ?2, ?3, ?4, ?5)";

    private readonly SemaphoreSlim _initialization = new(1, 1);
    private readonly ConcurrentBag<Session> _sessions = new();
    private volatile bool _initialized;
    private volatile bool _disposed;

    /// <summary>Creates a store over a database file; nothing is opened until first use.</summary>
    /// <param name="connectionString">
    /// A Microsoft.Data.Sqlite connection string, for example <c>Data Source=incidents.db</c>. <c>Default Timeout</c>
    /// (seconds) bounds how long a command waits for another writer's lock.
    /// </param>
    /// <param name="serializer">Reads and writes events; <see langword="null"/> for the default (current schema, no upcasters).</param>
    /// <exception cref="ArgumentException">The connection string is malformed or names no data source.</exception>
    public SqliteIncidentStore(string connectionString, IncidentEventSerializer? serializer = null)
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

        _connectionString = builder.ConnectionString;
        Target = builder.DataSource;
        _serializer = serializer ?? new IncidentEventSerializer();
    }

    /// <summary>The database file (the connection string's data source), as named in error messages.</summary>
    public string Target { get; }

    /// <summary>The schema version this store creates and expects.</summary>
    public static int SchemaVersion => SqliteSchema.Migrations.Count;

    /// <summary>Test seam: runs inside the append transaction just before it commits.</summary>
    internal Func<Task>? BeforeCommit { get; set; }

    /// <summary>Test seam: runs after the append transaction committed, before the append returns.</summary>
    internal Func<Task>? AfterCommit { get; set; }

    /// <summary>
    /// Creates or migrates the schema now instead of on first use, so that a host fails at start-up when the database
    /// is unusable. Safe to call more than once and from several processes.
    /// </summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the schema is current.</returns>
    /// <exception cref="IncidentStoreUnavailableException">The file cannot be opened, is locked, or is not a database.</exception>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (_initialized)
        {
            return;
        }

        await _initialization.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_initialized)
            {
                return;
            }

            using var connection = await OpenCoreAsync(cancellationToken).ConfigureAwait(false);
            await SqliteSchema.MigrateAsync(connection, cancellationToken).ConfigureAwait(false);
            _initialized = true;
        }
        catch (SqliteException ex)
        {
            throw Unavailable(ex);
        }
        finally
        {
            _initialization.Release();
        }
    }

    /// <inheritdoc />
    public async Task AppendAsync(IncidentAppend append, CancellationToken cancellationToken)
    {
        IncidentAppendValidator.Validate(append);
        cancellationToken.ThrowIfCancellationRequested();
        var serialized = new SerializedEvent[append.Events.Count];
        for (var i = 0; i < serialized.Length; i++)
        {
            serialized[i] = _serializer.Serialize(append.Events[i]);
        }

        var session = await RentAsync(cancellationToken).ConfigureAwait(false);
        var healthy = false;
        try
        {
            var statements = session.Append();

            // BEGIN IMMEDIATE on the prepared statement; only when another writer holds the lock does the append wait
            // for it through the driver's transaction, which retries up to the connection string's Default Timeout.
            var transaction = statements.TryBeginImmediate() ? null : session.Connection.BeginTransaction(deferred: false);
            try
            {
                var key = Key(append.IncidentId.Value);

                // The head row is the stream's version: moving it from the expected version is the concurrency check,
                // under the write lock BEGIN IMMEDIATE took, so no separate read is needed.
                if (!MoveHead(statements, key, append))
                {
                    var actual = await CurrentVersionAsync(session, transaction, append.IncidentId, cancellationToken).ConfigureAwait(false);
                    throw new IncidentConcurrencyException(append.IncidentId, append.ExpectedVersion, actual);
                }

                var claim = statements.Claim;
                statements.BindText(claim, 1, Key(append.CommandId.Value));
                statements.BindText(claim, 2, key);
                statements.BindInt64(claim, 3, append.ExpectedVersion + 1);
                statements.BindInt64(claim, 4, append.Events.Count);
                if (statements.Execute(claim) == 0)
                {
                    throw new DuplicateCommandException(append.CommandId);
                }

                var insert = statements.InsertEvent;
                statements.BindText(insert, 1, key);
                for (var i = 0; i < serialized.Length; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    statements.BindInt64(insert, 2, append.ExpectedVersion + i + 1);
                    statements.BindText(insert, 3, serialized[i].EventType);
                    statements.BindInt64(insert, 4, serialized[i].SchemaVersion);
                    statements.BindText(insert, 5, serialized[i].Payload);
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
            }
            finally
            {
                // Nothing of a failed append stays: its transaction ends here, so the connection never goes back to a
                // pool holding the write lock.
                if (transaction is null)
                {
                    statements.RollbackIfOpen();
                }
                else
                {
                    transaction.Dispose();
                }
            }

            healthy = true;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
        {
            // The version moved under the write lock, so a key violation means the file was written by a process
            // that does not take it; report it as the conflict it is.
            var actual = await ReadVersionAsync(append.IncidentId, CancellationToken.None).ConfigureAwait(false);
            throw new IncidentConcurrencyException(append.IncidentId, append.ExpectedVersion, actual);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteBusy or SqliteLocked)
        {
            throw Unavailable(ex);
        }
        catch (Exception ex) when (ex is IncidentConcurrencyException or DuplicateCommandException)
        {
            // Rolled back by the transaction's dispose; the connection is fine to reuse.
            healthy = true;
            throw;
        }
        finally
        {
            Return(session, healthy);
        }

        if (AfterCommit is { } afterCommit)
        {
            await afterCommit().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Creates the stream's head or moves it from the expected version, with the state and due instant the append
    /// leaves; <see langword="false"/> when the head is not at the expected version.
    /// </summary>
    private static bool MoveHead(AppendStatements statements, string key, IncidentAppend append)
    {
        if (append.ExpectedVersion == 0)
        {
            return statements.Execute(BindHead(statements, statements.HeadInsert, key, append)) == 1;
        }

        return statements.Execute(BindHead(statements, statements.HeadMove, key, append)) == 1
            || statements.Execute(BindHead(statements, statements.HeadMoveDue, key, append)) == 1
            || statements.Execute(BindHead(statements, statements.HeadUpdate, key, append)) == 1;
    }

    private static sqlite3_stmt BindHead(AppendStatements statements, sqlite3_stmt head, string key, IncidentAppend append)
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

    /// <inheritdoc />
    public async Task<bool> RecordRejectionAsync(CommandRecord record, CancellationToken cancellationToken)
    {
        var rejection = IncidentStoreValidator.ValidateRejection(record);

        cancellationToken.ThrowIfCancellationRequested();
        var json = _serializer.SerializeRejection(rejection);
        return await RunAsync(
            async (session, ct) =>
            {
                var insert = session.Command("INSERT INTO commands (command_id, incident_id, first_version, event_count, rejection) VALUES ($command, $incident, 0, 0, $rejection) ON CONFLICT (command_id) DO NOTHING", null, "$command", "$incident", "$rejection");
                insert.Parameters[0].Value = Key(record.CommandId.Value);
                insert.Parameters[1].Value = Key(record.IncidentId.Value);
                insert.Parameters[2].Value = json;
                return await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IncidentEvent>> ReadStreamAsync(IncidentId incidentId, long fromVersion, CancellationToken cancellationToken)
    {
        IncidentStoreValidator.ValidateFromVersion(fromVersion);

        cancellationToken.ThrowIfCancellationRequested();
        return await RunAsync<IReadOnlyList<IncidentEvent>>(
            async (session, ct) => ReadStreamNative(session, incidentId, fromVersion)
                ?? await ReadStreamCommandAsync(session, incidentId, fromVersion, ct).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads a stream through the connection's native handle: Microsoft.Data.Sqlite copies every TEXT value it returns
    /// into a new string or array (GetBytes and GetStream included), which cost more than the rest of the read. Here the
    /// type name and payload go to the serializer as UTF-8 straight from SQLite's row (the payload through one reused
    /// buffer), so a row allocates only its event.
    /// </summary>
    /// <returns>The events, or null when the database was busy before the first row (the command path then waits it out as configured).</returns>
    private List<IncidentEvent>? ReadStreamNative(Session session, IncidentId incidentId, long fromVersion)
    {
        var statement = session.ReadStream();
        if (statement is null)
        {
            return null;
        }

        var db = session.Connection.Handle!;
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
                events.Add(_serializer.Deserialize(
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

    // Extended result codes keep the primary code in their low byte.
    private static bool IsBusy(int rc) => (rc & 0xFF) is SqliteBusy or SqliteLocked;

    private async Task<List<IncidentEvent>> ReadStreamCommandAsync(Session session, IncidentId incidentId, long fromVersion, CancellationToken cancellationToken)
    {
        var select = session.Command(ReadStreamSql, null, "$incident", "$from");
        select.Parameters[0].Value = Key(incidentId.Value);
        select.Parameters[1].Value = fromVersion;
        var events = new List<IncidentEvent>();
        using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (reader.Read())
        {
            // The payload column holds UTF-8 text: its bytes go to the JSON reader as they are, never through a string.
            events.Add(_serializer.Deserialize(incidentId, reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetFieldValue<byte[]>(3)));
        }

        return events;
    }

    /// <inheritdoc />
    public async Task<CommandRecord?> FindCommandAsync(CommandId commandId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await RunAsync(
            async (session, ct) =>
            {
                var select = session.Command("SELECT incident_id, first_version, event_count, rejection FROM commands WHERE command_id = $command", null, "$command");
                select.Parameters[0].Value = Key(commandId.Value);
                using var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
                if (!reader.Read())
                {
                    return null;
                }

                var incident = new IncidentId(Guid.ParseExact(reader.GetString(0), "D"));
                var rejection = reader.IsDBNull(3) ? null : _serializer.DeserializeRejection(commandId, reader.GetString(3));
                return new CommandRecord(commandId, incident, reader.GetInt64(1), reader.GetInt32(2), rejection);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IncidentId>> ListByStateAsync(IncidentState state, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await RunAsync<IReadOnlyList<IncidentId>>(
            async (session, ct) =>
            {
                var select = session.Command("SELECT incident_id FROM incidents WHERE state = $state", null, "$state");
                select.Parameters[0].Value = (int)state;
                var ids = new List<IncidentId>();
                using var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (reader.Read())
                {
                    ids.Add(new IncidentId(Guid.ParseExact(reader.GetString(0), "D")));
                }

                return ids;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task SaveSnapshotAsync(IncidentSnapshot snapshot, CancellationToken cancellationToken)
    {
        IncidentSnapshotValidator.Validate(snapshot);
        cancellationToken.ThrowIfCancellationRequested();
        await RunAsync(
            async (session, ct) =>
            {
                var upsert = session.Command(
                    "INSERT INTO snapshots (incident_id, version, fingerprint, payload) VALUES ($incident, $version, $fingerprint, $payload) "
                    + "ON CONFLICT (incident_id) DO UPDATE SET version = excluded.version, fingerprint = excluded.fingerprint, payload = excluded.payload WHERE excluded.version > snapshots.version",
                    null,
                    "$incident",
                    "$version",
                    "$fingerprint",
                    "$payload");
                upsert.Parameters[0].Value = Key(snapshot.IncidentId.Value);
                upsert.Parameters[1].Value = snapshot.Version;
                upsert.Parameters[2].Value = snapshot.Fingerprint;
                upsert.Parameters[3].Value = snapshot.Payload;
                return await upsert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IncidentSnapshot?> ReadSnapshotAsync(IncidentId incidentId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await RunAsync(
            async (session, ct) =>
            {
                var select = session.Command("SELECT version, fingerprint, payload FROM snapshots WHERE incident_id = $incident", null, "$incident");
                select.Parameters[0].Value = Key(incidentId.Value);
                using var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
                return reader.Read() ? new IncidentSnapshot(incidentId, reader.GetInt64(0), reader.GetString(1), reader.GetString(2)) : null;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DueIncident>> FindDueAsync(Instant until, int limit, CancellationToken cancellationToken)
    {
        IncidentStoreValidator.ValidateDueLimit(limit);

        cancellationToken.ThrowIfCancellationRequested();
        return await RunAsync<IReadOnlyList<DueIncident>>(
            async (session, ct) =>
            {
                var select = session.Command("SELECT incident_id, next_due FROM incidents WHERE next_due IS NOT NULL AND next_due <= $until ORDER BY next_due, incident_id LIMIT $limit", null, "$until", "$limit");
                select.Parameters[0].Value = until.ToUnixTimeTicks();
                select.Parameters[1].Value = limit;
                var due = new List<DueIncident>();
                using var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (reader.Read())
                {
                    due.Add(new DueIncident(new IncidentId(Guid.ParseExact(reader.GetString(0), "D")), Instant.FromUnixTimeTicks(reader.GetInt64(1))));
                }

                return due;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes the connections the store keeps open.</summary>
    public void Dispose()
    {
        _disposed = true;
        while (_sessions.TryTake(out var session))
        {
            session.Dispose();
        }
    }

    private static string Key(Guid value) => value.ToString("D", CultureInfo.InvariantCulture);

    private static async Task<long> CurrentVersionAsync(Session session, SqliteTransaction? transaction, IncidentId incidentId, CancellationToken cancellationToken)
    {
        var select = session.Command("SELECT version FROM incidents WHERE incident_id = $incident", transaction, "$incident");
        select.Parameters[0].Value = Key(incidentId.Value);
        var value = await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    private Task<long> ReadVersionAsync(IncidentId incidentId, CancellationToken cancellationToken)
        => RunAsync((session, ct) => CurrentVersionAsync(session, null, incidentId, ct), cancellationToken);

    /// <summary>Runs one read or single-statement write on a pooled session, mapping a held lock to the typed error.</summary>
    private async Task<T> RunAsync<T>(Func<Session, CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        var session = await RentAsync(cancellationToken).ConfigureAwait(false);
        var healthy = false;
        try
        {
            var result = await operation(session, cancellationToken).ConfigureAwait(false);
            healthy = true;
            return result;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteBusy or SqliteLocked)
        {
            throw Unavailable(ex);
        }
        finally
        {
            Return(session, healthy);
        }
    }

    private async Task<Session> RentAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        if (_sessions.TryTake(out var session))
        {
            return session;
        }

        try
        {
            return new Session(await OpenCoreAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (SqliteException ex)
        {
            throw Unavailable(ex);
        }
    }

    /// <summary>
    /// Puts a session back for reuse, or closes it when it failed mid-operation (its state is unknown), when the pool is
    /// full or when the store is disposed.
    /// </summary>
    private void Return(Session session, bool healthy)
    {
        if (healthy && !_disposed && _sessions.Count < MaxPooledSessions)
        {
            _sessions.Add(session);
            if (!_disposed)
            {
                return;
            }

            // Disposed meanwhile: drain what may have been added after Dispose emptied the pool.
            while (_sessions.TryTake(out var late))
            {
                late.Dispose();
            }

            return;
        }

        session.Dispose();
    }

    private async Task<SqliteConnection> OpenCoreAsync(CancellationToken cancellationToken)
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

    private IncidentStoreUnavailableException Unavailable(SqliteException ex)
        => new(Target, ex.SqliteErrorCode is SqliteBusy or SqliteLocked ? "the database is locked by another connection or process" : ex.Message, ex);

    /// <summary>
    /// An open connection with its commands: each SQL text is prepared once per connection and reused, which is most
    /// of what a single small append costs otherwise. Used by one operation at a time.
    /// </summary>
    private sealed class Session : IDisposable
    {
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
        private AppendStatements? _append;
        private sqlite3_stmt? _readStream;

        internal Session(SqliteConnection connection) => Connection = connection;

        internal SqliteConnection Connection { get; }

        /// <summary>The buffer a native stream read copies payloads into; grows to the largest payload read on this connection.</summary>
        internal byte[] PayloadBuffer { get; set; } = new byte[1024];

        /// <summary>The append's statements on this connection, prepared on first use.</summary>
        internal AppendStatements Append() => _append ??= new AppendStatements(Connection.Handle!);

        /// <summary>
        /// The native stream read on this connection, prepared on first use; <see langword="null"/> when the database
        /// was busy while preparing it (the caller then reads through the command path, which waits as configured).
        /// </summary>
        internal sqlite3_stmt? ReadStream()
        {
            if (_readStream is null)
            {
                var db = Connection.Handle!;
                var rc = raw.sqlite3_prepare_v3(db, ReadStreamSql, raw.SQLITE_PREPARE_PERSISTENT, out var statement, out _);
                if (rc != raw.SQLITE_OK)
                {
                    statement.Dispose();
                    if (IsBusy(rc))
                    {
                        return null;
                    }

                    SqliteException.ThrowExceptionForRC(rc, db);
                }

                _readStream = statement;
            }

            return _readStream;
        }

        internal SqliteCommand Command(string sql, SqliteTransaction? transaction, params string[] parameters)
        {
            if (!_commands.TryGetValue(sql, out var command))
            {
                command = Connection.CreateCommand();
                command.CommandText = sql;
                foreach (var name in parameters)
                {
                    command.Parameters.Add(new SqliteParameter { ParameterName = name });
                }

                _commands.Add(sql, command);
            }

            command.Transaction = transaction;
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
            Connection.Dispose();
        }
    }

    /// <summary>
    /// The append's statements on one connection, run through SQLitePCLRaw (the layer Microsoft.Data.Sqlite is built
    /// on): bound by index and stepped directly, without the per-execution parameter lookup by name and data reader
    /// that <see cref="SqliteCommand"/> costs. Transactions, timeouts and everything else still go through the
    /// connection; a failed step throws the same <see cref="SqliteException"/> a command would.
    /// </summary>
    private sealed class AppendStatements : IDisposable
    {
        private readonly sqlite3 _database;

        private readonly sqlite3_stmt _begin;
        private readonly sqlite3_stmt _commit;
        private readonly sqlite3_stmt _rollback;

        internal AppendStatements(sqlite3 database)
        {
            _database = database;
            _begin = Prepare("BEGIN IMMEDIATE");
            _commit = Prepare("COMMIT");
            _rollback = Prepare("ROLLBACK");
            HeadInsert = Prepare(HeadInsertSql);
            HeadMove = Prepare(HeadMoveSql);
            HeadMoveDue = Prepare(HeadMoveDueSql);
            HeadUpdate = Prepare(HeadUpdateSql);
            Claim = Prepare(ClaimSql);
            InsertEvent = Prepare(InsertEventSql);
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

            if (IsBusy(rc))
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
}
