using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Storage;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace CustomerAdvocacy.PostgreSql;

/// <summary>
/// An <see cref="IIncidentStore"/> in PostgreSQL. The schema is created or migrated on first use. Appends are
/// optimistic: the unique (incident id, version) key decides between racing writers, and the command id's primary
/// key makes a retried command a no-op. Each append notifies the <see cref="AppendedChannel"/> channel on commit,
/// so a scheduler can <c>LISTEN</c> instead of polling every stream. Keeps snapshots and the due index
/// (<see cref="IIncidentSnapshotStore"/>, <see cref="IDueIncidentIndex"/>; due instants to the 100 ns tick). A dropped
/// connection or a server that is down surfaces as <see cref="IncidentStoreUnavailableException"/>. Every statement is
/// parameterized. Thread-safe.
/// </summary>
public sealed class PostgreSqlIncidentStore : IIncidentStore, IIncidentSnapshotStore, IDueIncidentIndex, IDisposable, IAsyncDisposable
{
    /// <summary>
    /// The <c>NOTIFY</c> channel an append signals on commit. The payload is the store's schema and the incident id,
    /// <c>schema:incident-id</c>: channels are shared by the whole database, so stores in other schemas of it signal
    /// here too, and a listener keeps to its own schema.
    /// </summary>
    public const string AppendedChannel = "customer_advocacy_appended";

    private const string UniqueViolation = "23505";
    private const string DivisionByZero = "22012";

    // The whole append in one statement. The head moves from the expected version or the statement divides by zero:
    // a new stream (expected 0) inserts its head unless one exists, an existing stream updates it only at the expected
    // version; anything else changes no row. The command claim's primary key fails it for a recorded command id, the
    // events' unique (incident_id, version) backs the version check, and the notification is delivered on commit.
    // Data-modifying CTEs all run to completion, and any error undoes all of them.
    private const string AppendSql = """
        WITH created AS (
            INSERT INTO ca_incidents (incident_id, version, state, next_due)
            SELECT $1, $3, $4, $5 WHERE $2 = 0
            ON CONFLICT (incident_id) DO NOTHING
            RETURNING 1),
        moved AS (
            UPDATE ca_incidents SET version = $3, state = $4, next_due = $5
            WHERE incident_id = $1 AND version = $2 AND $2 > 0
            RETURNING 1),
        claimed AS (
            INSERT INTO ca_commands (command_id, incident_id, first_version, event_count, rejection)
            VALUES ($6, $1, $2 + 1, $7, NULL)
            RETURNING 1),
        appended AS (
            INSERT INTO ca_events (incident_id, version, event_type, schema_version, payload)
            SELECT $1, v, t, s, p FROM unnest($8, $9, $10, $11) AS e(v, t, s, p)
            RETURNING 1)
        SELECT 1 / ((SELECT count(*) FROM created) + (SELECT count(*) FROM moved)), pg_notify($12, coalesce(current_schema(), '') || ':' || $13)
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly IncidentEventSerializer _serializer;
    private readonly SemaphoreSlim _initialization = new(1, 1);
    private volatile bool _initialized;

    /// <summary>Creates a store; nothing is opened until first use.</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="serializer">Reads and writes events; <see langword="null"/> for the default (current schema, no upcasters).</param>
    /// <exception cref="ArgumentException">The connection string is malformed.</exception>
    public PostgreSqlIncidentStore(string connectionString, IncidentEventSerializer? serializer = null)
    {
        Preconditions.CheckNotNullOrWhiteSpace(connectionString);
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new ArgumentException("The PostgreSQL connection string is malformed.", nameof(connectionString), ex);
        }

        Target = $"host {builder.Host ?? "localhost"} port {builder.Port} database {builder.Database ?? builder.Username ?? "(default)"} user {builder.Username ?? "(default)"}";
        if (builder.MaxAutoPrepare == 0)
        {
            // The store runs a handful of statements over and over: let the driver prepare them server-side.
            builder.MaxAutoPrepare = 16;
        }

        _dataSource = NpgsqlDataSource.Create(builder);
        _serializer = serializer ?? new IncidentEventSerializer();
    }

    /// <summary>The server and database, as named in error messages (never the password).</summary>
    public string Target { get; }

    /// <summary>The schema version this store creates and expects.</summary>
    public static int SchemaVersion => PostgreSqlSchema.Migrations.Count;

    /// <summary>Test seam: runs inside the append transaction just before it commits.</summary>
    internal Func<NpgsqlConnection, Task>? BeforeCommit { get; set; }

    /// <summary>Test seam: the pool the store's connections come from.</summary>
    internal NpgsqlDataSource DataSource => _dataSource;

    /// <summary>Test seam: runs after the append transaction committed, before the append returns.</summary>
    internal Func<Task>? AfterCommit { get; set; }

    /// <summary>
    /// Creates or migrates the schema now instead of on first use, so that a host fails at start-up when the server
    /// is unreachable. Safe to call more than once and from several processes.
    /// </summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the schema is current.</returns>
    /// <exception cref="IncidentStoreUnavailableException">The server cannot be reached or refuses the connection.</exception>
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

            var connection = await OpenCoreAsync(cancellationToken).ConfigureAwait(false);

            await using var connectionScope = connection.ConfigureAwait(false);
            await PostgreSqlSchema.MigrateAsync(connection, cancellationToken).ConfigureAwait(false);
            _initialized = true;
        }
        finally
        {
            _initialization.Release();
        }
    }

    /// <summary>
    /// Waits for the next append to any incident of this store, through <c>LISTEN</c> on
    /// <see cref="AppendedChannel"/>; appends by stores in other schemas of the database are passed over. Appends that
    /// commit before the listener is registered are not reported: use it to wake a scheduler, then query.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The incident appended to.</returns>
    public async Task<IncidentId> WaitForAppendAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        string schema;
        var own = new NpgsqlCommand("SELECT coalesce(current_schema(), '')", connection);
        await using (own.ConfigureAwait(false))
        {
            schema = (string)(await own.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        IncidentId? appended = null;
        connection.Notification += (_, e) =>
        {
            if (appended is null && TryReadAppended(e.Payload, schema) is { } id)
            {
                appended = id;
            }
        };
        var listen = new NpgsqlCommand("LISTEN " + AppendedChannel, connection);
        await using (listen.ConfigureAwait(false))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        while (appended is null)
        {
            await connection.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return appended.Value;
    }

    /// <summary>The incident of an append notification from the given schema; <see langword="null"/> for any other.</summary>
    private static IncidentId? TryReadAppended(string payload, string schema)
    {
        // The id is last and has no colon; a schema name may.
        var separator = payload.LastIndexOf(':');
        return separator == schema.Length
            && string.CompareOrdinal(payload, 0, schema, 0, schema.Length) == 0
            && Guid.TryParseExact(payload.Substring(separator + 1), "D", out var id)
            ? new IncidentId(id)
            : null;
    }

    /// <inheritdoc />
    public async Task AppendAsync(IncidentAppend append, CancellationToken cancellationToken)
    {
        IncidentAppendValidator.Validate(append);
        cancellationToken.ThrowIfCancellationRequested();
        var count = append.Events.Count;
        var versions = new long[count];
        var types = new string[count];
        var schemas = new int[count];
        var payloads = new string[count];
        for (var i = 0; i < count; i++)
        {
            var serialized = _serializer.Serialize(append.Events[i]);
            versions[i] = append.ExpectedVersion + i + 1;
            types[i] = serialized.EventType;
            schemas[i] = serialized.SchemaVersion;
            payloads[i] = serialized.Payload;
        }

        try
        {
            var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var connectionScope = connection.ConfigureAwait(false);

            // One round trip: the append is one statement (AppendSql) without an explicit transaction, so PostgreSQL
            // runs it as its own transaction, all or nothing, with no separate BEGIN or COMMIT to wait for. A failed
            // head check divides by zero (reported as the conflict); a recorded command id fails the claim's primary
            // key. Only the crash test seam opens an explicit transaction, so that it can act between the statement
            // and the commit.
            var beforeCommit = BeforeCommit;
            if (beforeCommit is null)
            {
                await ExecuteAppendAsync(connection, null, append, versions, types, schemas, payloads, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using var transactionScope = transaction.ConfigureAwait(false);
                await ExecuteAppendAsync(connection, transaction, append, versions, types, schemas, payloads, cancellationToken).ConfigureAwait(false);
                await beforeCommit(connection).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (PostgresException ex) when (ex.SqlState == DivisionByZero || (ex.SqlState == UniqueViolation && ex.ConstraintName == "ca_events_stream_version"))
        {
            var actual = await ReadVersionAsync(append.IncidentId, CancellationToken.None).ConfigureAwait(false);
            throw new IncidentConcurrencyException(append.IncidentId, append.ExpectedVersion, actual);
        }
        catch (PostgresException ex) when (ex.SqlState == UniqueViolation && ex.ConstraintName == "ca_commands_pkey")
        {
            throw new DuplicateCommandException(append.CommandId);
        }
        catch (NpgsqlException ex) when (IsUnavailable(ex))
        {
            throw Unavailable(ex);
        }

        if (AfterCommit is { } afterCommit)
        {
            await afterCommit().ConfigureAwait(false);
        }
    }

    private static async Task ExecuteAppendAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        IncidentAppend append,
        long[] versions,
        string[] types,
        int[] schemas,
        string[] payloads,
        CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(AppendSql, connection, transaction);
        await using (command.ConfigureAwait(false))
        {
            var parameters = command.Parameters;
            parameters.Add(new NpgsqlParameter<Guid> { TypedValue = append.IncidentId.Value });
            parameters.Add(new NpgsqlParameter<long> { TypedValue = append.ExpectedVersion });
            parameters.Add(new NpgsqlParameter<long> { TypedValue = append.ExpectedVersion + versions.Length });
            parameters.Add(new NpgsqlParameter<int> { TypedValue = (int)append.ResultingState });
            parameters.Add(new NpgsqlParameter<long?> { TypedValue = append.NextDueAt?.ToUnixTimeTicks(), NpgsqlDbType = NpgsqlDbType.Bigint });
            parameters.Add(new NpgsqlParameter<Guid> { TypedValue = append.CommandId.Value });
            parameters.Add(new NpgsqlParameter<int> { TypedValue = versions.Length });
            parameters.Add(new NpgsqlParameter<long[]> { TypedValue = versions });
            parameters.Add(new NpgsqlParameter<string[]> { TypedValue = types, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            parameters.Add(new NpgsqlParameter<int[]> { TypedValue = schemas });
            parameters.Add(new NpgsqlParameter<string[]> { TypedValue = payloads, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            parameters.Add(new NpgsqlParameter<string> { TypedValue = AppendedChannel });
            parameters.Add(new NpgsqlParameter<string> { TypedValue = append.IncidentId.ToString() });
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<bool> RecordRejectionAsync(CommandRecord record, CancellationToken cancellationToken)
    {
        var rejection = IncidentStoreValidator.ValidateRejection(record);

        cancellationToken.ThrowIfCancellationRequested();
        var json = _serializer.SerializeRejection(rejection);
        return await RunAsync(
            async (connection, ct) =>
            {
                var insert = new NpgsqlCommand("INSERT INTO ca_commands (command_id, incident_id, first_version, event_count, rejection) VALUES ($1, $2, 0, 0, $3) ON CONFLICT (command_id) DO NOTHING", connection);
                await using var insertScope = insert.ConfigureAwait(false);
                insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = record.CommandId.Value });
                insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = record.IncidentId.Value });
                insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = json });
                return await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Copies a text column's UTF-8 bytes into <paramref name="buffer"/>, growing it when the value does not fit.</summary>
    /// <returns>How many bytes the value has.</returns>
    private static int ReadUtf8(NpgsqlDataReader reader, int ordinal, ref byte[] buffer)
    {
        var length = checked((int)reader.GetBytes(ordinal, 0, null, 0, 0));
        if (length > buffer.Length)
        {
            buffer = new byte[Math.Max(length, buffer.Length * 2)];
        }

        return length == 0 ? 0 : (int)reader.GetBytes(ordinal, 0, buffer, 0, length);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IncidentEvent>> ReadStreamAsync(IncidentId incidentId, long fromVersion, CancellationToken cancellationToken)
    {
        IncidentStoreValidator.ValidateFromVersion(fromVersion);

        cancellationToken.ThrowIfCancellationRequested();
        return await RunAsync<IReadOnlyList<IncidentEvent>>(
            async (connection, ct) =>
            {
                var select = new NpgsqlCommand("SELECT version, event_type, schema_version, payload FROM ca_events WHERE incident_id = $1 AND version >= $2 ORDER BY version", connection);
                await using var selectScope = select.ConfigureAwait(false);
                select.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = incidentId.Value });
                select.Parameters.Add(new NpgsqlParameter<long> { TypedValue = fromVersion });
                var events = new List<IncidentEvent>();
                var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
                await using var readerScope = reader.ConfigureAwait(false);
                // The type and payload columns are UTF-8 text: their bytes go to the serializer through two buffers
                // reused row after row (it reads a payload before it returns), never through a string per row.
                var type = new byte[64];
                var payload = new byte[1024];
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    var version = reader.GetInt64(0);
                    var typeLength = ReadUtf8(reader, 1, ref type);
                    var schemaVersion = reader.GetInt32(2);
                    var payloadLength = ReadUtf8(reader, 3, ref payload);
                    events.Add(_serializer.Deserialize(incidentId, version, type.AsSpan(0, typeLength), schemaVersion, payload.AsMemory(0, payloadLength)));
                }

                return events;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<CommandRecord?> FindCommandAsync(CommandId commandId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await RunAsync(
            async (connection, ct) =>
            {
                var select = new NpgsqlCommand("SELECT incident_id, first_version, event_count, rejection FROM ca_commands WHERE command_id = $1", connection);
                await using var selectScope = select.ConfigureAwait(false);
                select.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = commandId.Value });
                var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
                await using var readerScope = reader.ConfigureAwait(false);
                if (!await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    return null;
                }

                var rejection = reader.IsDBNull(3) ? null : _serializer.DeserializeRejection(commandId, reader.GetString(3));
                return new CommandRecord(commandId, new IncidentId(reader.GetGuid(0)), reader.GetInt64(1), reader.GetInt32(2), rejection);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IncidentId>> ListByStateAsync(IncidentState state, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await RunAsync<IReadOnlyList<IncidentId>>(
            async (connection, ct) =>
            {
                var select = new NpgsqlCommand("SELECT incident_id FROM ca_incidents WHERE state = $1", connection);
                await using var selectScope = select.ConfigureAwait(false);
                select.Parameters.Add(new NpgsqlParameter<int> { TypedValue = (int)state });
                var ids = new List<IncidentId>();
                var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
                await using var readerScope = reader.ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    ids.Add(new IncidentId(reader.GetGuid(0)));
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
            async (connection, ct) =>
            {
                var upsert = new NpgsqlCommand(
                    "INSERT INTO ca_snapshots (incident_id, version, fingerprint, payload) VALUES ($1, $2, $3, $4) "
                    + "ON CONFLICT (incident_id) DO UPDATE SET version = excluded.version, fingerprint = excluded.fingerprint, payload = excluded.payload WHERE excluded.version > ca_snapshots.version",
                    connection);
                await using var upsertScope = upsert.ConfigureAwait(false);
                upsert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = snapshot.IncidentId.Value });
                upsert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = snapshot.Version });
                upsert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = snapshot.Fingerprint });
                upsert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = snapshot.Payload });
                return await upsert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IncidentSnapshot?> ReadSnapshotAsync(IncidentId incidentId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await RunAsync(
            async (connection, ct) =>
            {
                var select = new NpgsqlCommand("SELECT version, fingerprint, payload FROM ca_snapshots WHERE incident_id = $1", connection);
                await using var selectScope = select.ConfigureAwait(false);
                select.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = incidentId.Value });
                var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
                await using var readerScope = reader.ConfigureAwait(false);
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
            async (connection, ct) =>
            {
                var select = new NpgsqlCommand("SELECT incident_id, next_due FROM ca_incidents WHERE next_due IS NOT NULL AND next_due <= $1 ORDER BY next_due, incident_id LIMIT $2", connection);
                await using var selectScope = select.ConfigureAwait(false);
                select.Parameters.Add(new NpgsqlParameter<long> { TypedValue = until.ToUnixTimeTicks() });
                select.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
                var due = new List<DueIncident>();
                var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
                await using var readerScope = reader.ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    due.Add(new DueIncident(new IncidentId(reader.GetGuid(0)), Instant.FromUnixTimeTicks(reader.GetInt64(1))));
                }

                return due;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes the pooled connections.</summary>
    public void Dispose()
    {
        _dataSource.Dispose();
        _initialization.Dispose();
    }

    /// <summary>Closes the pooled connections.</summary>
    /// <returns>A task that completes when they are closed.</returns>
    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        _initialization.Dispose();
    }

    private static bool IsUnavailable(NpgsqlException ex)
        => ex is not PostgresException pg
            || pg.SqlState.StartsWith("08", StringComparison.Ordinal)
            || pg.SqlState.StartsWith("28", StringComparison.Ordinal)
            || pg.SqlState.StartsWith("3D", StringComparison.Ordinal)
            || pg.SqlState.StartsWith("53", StringComparison.Ordinal)
            || pg.SqlState.StartsWith("57P", StringComparison.Ordinal);

    private IncidentStoreUnavailableException Unavailable(NpgsqlException ex)
        => new(Target, ex is PostgresException pg ? $"{pg.SqlState}: {pg.MessageText}" : "the connection failed or was dropped: " + ex.Message, ex);

    /// <summary>Runs one operation on a pooled connection, mapping a dropped connection or a server that is down to the typed error.</summary>
    private async Task<T> RunAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var connectionScope = connection.ConfigureAwait(false);
            return await operation(connection, cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException ex) when (IsUnavailable(ex))
        {
            throw Unavailable(ex);
        }
    }

    private static async Task<long> CurrentVersionAsync(NpgsqlConnection connection, IncidentId incidentId, CancellationToken cancellationToken)
    {
        var select = new NpgsqlCommand("SELECT version FROM ca_incidents WHERE incident_id = $1", connection);
        await using var selectScope = select.ConfigureAwait(false);
        select.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = incidentId.Value });
        return await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version ? version : 0;
    }

    private Task<long> ReadVersionAsync(IncidentId incidentId, CancellationToken cancellationToken)
        => RunAsync((connection, ct) => CurrentVersionAsync(connection, incidentId, ct), cancellationToken);

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await OpenCoreAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<NpgsqlConnection> OpenCoreAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException ex) when (IsUnavailable(ex))
        {
            throw Unavailable(ex);
        }
    }
}
