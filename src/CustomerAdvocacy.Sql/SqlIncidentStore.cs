using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Storage;
using NodaTime;

namespace CustomerAdvocacy.Sql;

/// <summary>
/// The SQL incident store's algorithm, once for every provider: validation, serialization, the mapping of database
/// errors to the store's typed exceptions, first-use migration, and every operation but the append's transaction,
/// written against ADO.NET over the provider's script resources. A provider (<c>SqliteIncidentStore</c>,
/// <c>PostgreSqlIncidentStore</c>) supplies only what differs: how sessions are opened and kept, how an id is bound
/// and read, what its errors mean, and the append itself (SQLite takes the write lock and moves the head statement by
/// statement; PostgreSQL sends one statement). Use a provider; hold this type where either will do.
/// </summary>
/// <remarks>
/// The members a provider completes are internal, so no one outside this library can derive from this class: the
/// contract between the algorithm and a provider can change without breaking anyone. To write a store of your own,
/// implement <see cref="IIncidentStore"/> and run the conformance suite of <c>CustomerAdvocacy.Testing</c>.
/// </remarks>
public abstract class SqlIncidentStore : IIncidentStore, IIncidentSnapshotStore, IDueIncidentIndex
{
    private readonly SemaphoreSlim _initialization = new(1, 1);
    private readonly string _recordRejection;
    private readonly string _readStream;
    private readonly string _findCommand;
    private readonly string _listByState;
    private readonly string _saveSnapshot;
    private readonly string _readSnapshot;
    private readonly string _findDue;
    private readonly string _currentVersion;
    private volatile bool _initialized;

    internal SqlIncidentStore(string target, IncidentEventSerializer? serializer, SqlScripts scripts)
    {
        Target = target;
        Serializer = serializer ?? new IncidentEventSerializer();
        _recordRejection = scripts["RecordRejection"];
        _readStream = scripts["ReadStream"];
        _findCommand = scripts["FindCommand"];
        _listByState = scripts["ListByState"];
        _saveSnapshot = scripts["SaveSnapshot"];
        _readSnapshot = scripts["ReadSnapshot"];
        _findDue = scripts["FindDue"];
        _currentVersion = scripts["CurrentVersion"];
    }

    /// <summary>The database, as named in error messages (never a password).</summary>
    public string Target { get; }

    /// <summary>Test seam: runs after the append transaction committed, before the append returns.</summary>
    internal Func<Task>? AfterCommit { get; set; }

    internal IncidentEventSerializer Serializer { get; }

    /// <summary>
    /// Creates or migrates the schema now instead of on first use, so that a host fails at start-up when the database
    /// is unusable. Safe to call more than once and from several processes.
    /// </summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the schema is current.</returns>
    /// <exception cref="IncidentStoreUnavailableException">The database cannot be opened or reached, or refuses the connection.</exception>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (_initialized)
        {
            return;
        }

        await _initialization.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_initialized)
            {
                await MigrateAsync(cancellationToken).ConfigureAwait(false);
                _initialized = true;
            }
        }
        catch (DbException ex) when (Classify(ex, opening: true) == SqlFailure.Unavailable)
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
        var events = new SerializedEvent[append.Events.Count];
        for (var i = 0; i < events.Length; i++)
        {
            events[i] = Serializer.Serialize(append.Events[i]);
        }

        SqlFailure? outcome;
        var session = await RentAsync(cancellationToken).ConfigureAwait(false);
        var healthy = false;
        try
        {
            outcome = await AppendCoreAsync(session, append, events, cancellationToken).ConfigureAwait(false);
            healthy = true;
        }
        catch (DbException ex) when (Classify(ex, opening: false) is var failure && failure != SqlFailure.Other)
        {
            if (failure == SqlFailure.Unavailable)
            {
                throw Unavailable(ex);
            }

            outcome = failure;
        }
        finally
        {
            await ReturnAsync(session, healthy).ConfigureAwait(false);
        }

        if (outcome == SqlFailure.Conflict)
        {
            var actual = await RunAsync((s, ct) => CurrentVersionAsync(s, append.IncidentId, ct), CancellationToken.None).ConfigureAwait(false);
            throw new IncidentConcurrencyException(append.IncidentId, append.ExpectedVersion, actual);
        }

        if (outcome == SqlFailure.DuplicateCommand)
        {
            throw new DuplicateCommandException(append.CommandId);
        }

        if (AfterCommit is { } afterCommit)
        {
            await afterCommit().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<bool> RecordRejectionAsync(CommandRecord record, CancellationToken cancellationToken)
    {
        var rejection = IncidentStoreValidator.ValidateRejection(record);
        cancellationToken.ThrowIfCancellationRequested();
        var json = Serializer.SerializeRejection(rejection);
        return await RunAsync(
            async (session, ct) =>
            {
                var insert = session.Command(_recordRejection, 3);
                insert.Parameters[0].Value = IdValue(record.CommandId.Value);
                insert.Parameters[1].Value = IdValue(record.IncidentId.Value);
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
        return await RunAsync<IReadOnlyList<IncidentEvent>>((session, ct) => ReadStreamCoreAsync(session, incidentId, fromVersion, ct), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<CommandRecord?> FindCommandAsync(CommandId commandId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await RunAsync(
            async (session, ct) =>
            {
                using var reader = await ById(session, _findCommand, commandId.Value).ExecuteReaderAsync(ct).ConfigureAwait(false);
                if (!await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    return null;
                }

                var rejection = reader.IsDBNull(3) ? null : Serializer.DeserializeRejection(commandId, reader.GetString(3));
                return new CommandRecord(commandId, new IncidentId(ReadId(reader, 0)), reader.GetInt64(1), reader.GetInt32(2), rejection);
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
                var select = session.Command(_listByState, 1);
                select.Parameters[0].Value = (int)state;
                var ids = new List<IncidentId>();
                using var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    ids.Add(new IncidentId(ReadId(reader, 0)));
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
            (session, ct) =>
            {
                var upsert = session.Command(_saveSnapshot, 4);
                upsert.Parameters[0].Value = IdValue(snapshot.IncidentId.Value);
                upsert.Parameters[1].Value = snapshot.Version;
                upsert.Parameters[2].Value = snapshot.Fingerprint;
                upsert.Parameters[3].Value = snapshot.Payload;
                return upsert.ExecuteNonQueryAsync(ct);
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
                using var reader = await ById(session, _readSnapshot, incidentId.Value).ExecuteReaderAsync(ct).ConfigureAwait(false);
                return await reader.ReadAsync(ct).ConfigureAwait(false)
                    ? new IncidentSnapshot(incidentId, reader.GetInt64(0), reader.GetString(1), reader.GetString(2))
                    : null;
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
                var select = session.Command(_findDue, 2);
                select.Parameters[0].Value = until.ToUnixTimeTicks();
                select.Parameters[1].Value = limit;
                var due = new List<DueIncident>();
                using var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    due.Add(new DueIncident(new IncidentId(ReadId(reader, 0)), Instant.FromUnixTimeTicks(reader.GetInt64(1))));
                }

                return due;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs one read or single-statement write on a session, mapping an unavailable database to the typed error.</summary>
    internal async Task<T> RunAsync<T>(Func<SqlSession, CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        var session = await RentAsync(cancellationToken).ConfigureAwait(false);
        var healthy = false;
        try
        {
            var result = await operation(session, cancellationToken).ConfigureAwait(false);
            healthy = true;
            return result;
        }
        catch (DbException ex) when (Classify(ex, opening: false) == SqlFailure.Unavailable)
        {
            throw Unavailable(ex);
        }
        finally
        {
            await ReturnAsync(session, healthy).ConfigureAwait(false);
        }
    }

    /// <summary>A session for one operation, after the schema is current.</summary>
    internal async Task<SqlSession> RentAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbException ex) when (Classify(ex, opening: true) == SqlFailure.Unavailable)
        {
            throw Unavailable(ex);
        }
    }

    /// <summary>
    /// The stream read through ADO.NET: the type and payload columns are UTF-8 text whose bytes go to the serializer
    /// through the session's two buffers, reused row after row (it reads a payload before it returns), never through a
    /// string per row.
    /// </summary>
    internal virtual async Task<IReadOnlyList<IncidentEvent>> ReadStreamCoreAsync(SqlSession session, IncidentId incidentId, long fromVersion, CancellationToken cancellationToken)
    {
        var select = session.Command(_readStream, 2);
        select.Parameters[0].Value = IdValue(incidentId.Value);
        select.Parameters[1].Value = fromVersion;
        var events = new List<IncidentEvent>();
        using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var version = reader.GetInt64(0);
            var type = session.TypeBuffer;
            var typeLength = ReadUtf8(reader, 1, ref type);
            session.TypeBuffer = type;
            var schemaVersion = reader.GetInt32(2);
            var payload = session.PayloadBuffer;
            var payloadLength = ReadUtf8(reader, 3, ref payload);
            session.PayloadBuffer = payload;
            events.Add(Serializer.Deserialize(incidentId, version, type.AsSpan(0, typeLength), schemaVersion, payload.AsMemory(0, payloadLength)));
        }

        return events;
    }

    /// <summary>The stream's version as stored now; 0 for a stream that has none.</summary>
    internal async Task<long> CurrentVersionAsync(SqlSession session, IncidentId incidentId, CancellationToken cancellationToken)
    {
        // Both databases return a 64-bit integer column as a long; no row, no version.
        var value = await ById(session, _currentVersion, incidentId.Value).ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is long version ? version : 0;
    }

    /// <summary>Creates or migrates the schema on a connection of its own.</summary>
    internal abstract Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>Opens a session, or takes a kept one.</summary>
    internal abstract ValueTask<SqlSession> OpenSessionAsync(CancellationToken cancellationToken);

    /// <summary>Ends an operation's use of a session; <paramref name="healthy"/> is false when it failed midway.</summary>
    internal abstract ValueTask ReturnAsync(SqlSession session, bool healthy);

    /// <summary>
    /// Writes the append atomically: the head moved from the expected version, the command id claimed, the events
    /// inserted. Returns <see langword="null"/> when it committed, <see cref="SqlFailure.Conflict"/> or
    /// <see cref="SqlFailure.DuplicateCommand"/> when it found so and wrote nothing; a database error is classified by
    /// <see cref="Classify"/>.
    /// </summary>
    internal abstract Task<SqlFailure?> AppendCoreAsync(SqlSession session, IncidentAppend append, SerializedEvent[] events, CancellationToken cancellationToken);

    /// <summary>What a database error means; <paramref name="opening"/> while opening a connection or migrating.</summary>
    internal abstract SqlFailure Classify(DbException exception, bool opening);

    /// <summary>The typed error for a database that cannot be used, naming <see cref="Target"/>.</summary>
    internal abstract IncidentStoreUnavailableException Unavailable(DbException exception);

    /// <summary>An id as the provider's schema stores it.</summary>
    internal abstract object IdValue(Guid id);

    /// <summary>An id column read back.</summary>
    internal abstract Guid ReadId(DbDataReader reader, int ordinal);

    /// <summary>The session's command for a statement whose one parameter is an id.</summary>
    private DbCommand ById(SqlSession session, string sql, Guid id)
    {
        var command = session.Command(sql, 1);
        command.Parameters[0].Value = IdValue(id);
        return command;
    }

    /// <summary>Copies a text column's UTF-8 bytes into <paramref name="buffer"/>, growing it when the value does not fit.</summary>
    /// <returns>How many bytes the value has.</returns>
    private static int ReadUtf8(DbDataReader reader, int ordinal, ref byte[] buffer)
    {
        var length = checked((int)reader.GetBytes(ordinal, 0, null, 0, 0));
        if (length > buffer.Length)
        {
            buffer = new byte[Math.Max(length, buffer.Length * 2)];
        }

        return length == 0 ? 0 : (int)reader.GetBytes(ordinal, 0, buffer, 0, length);
    }
}
