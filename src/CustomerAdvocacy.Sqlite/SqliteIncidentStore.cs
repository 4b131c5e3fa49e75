using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Storage;
using Microsoft.Data.Sqlite;

namespace CustomerAdvocacy.Sqlite;

/// <summary>
/// An <see cref="IIncidentStore"/> in one SQLite database file. The schema is created or migrated on first use; the
/// database runs in WAL mode so readers never wait for the writer. Appends take SQLite's write lock
/// (<c>BEGIN IMMEDIATE</c>), check the stream's version and claim the command id in the same transaction; the
/// (incident id, version) primary key backs the check. Every statement is parameterized. Thread-safe.
/// </summary>
public sealed class SqliteIncidentStore : IIncidentStore
{
    // SQLite's primary result codes for a database held by someone else.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteConstraint = 19;

    private readonly string _connectionString;
    private readonly IncidentEventSerializer _serializer;
    private readonly SemaphoreSlim _initialization = new(1, 1);
    private volatile bool _initialized;

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

        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            var actual = await CurrentVersionAsync(connection, transaction, append.IncidentId, cancellationToken).ConfigureAwait(false);
            if (actual != append.ExpectedVersion)
            {
                throw new IncidentConcurrencyException(append.IncidentId, append.ExpectedVersion, actual);
            }

            using (var claim = Command(connection, transaction, "INSERT INTO commands (command_id, incident_id, first_version, event_count, rejection) VALUES ($command, $incident, $first, $count, NULL) ON CONFLICT (command_id) DO NOTHING"))
            {
                claim.Parameters.AddWithValue("$command", Key(append.CommandId.Value));
                claim.Parameters.AddWithValue("$incident", Key(append.IncidentId.Value));
                claim.Parameters.AddWithValue("$first", append.ExpectedVersion + 1);
                claim.Parameters.AddWithValue("$count", append.Events.Count);
                if (await claim.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
                {
                    throw new DuplicateCommandException(append.CommandId);
                }
            }

            using (var insert = Command(connection, transaction, "INSERT INTO events (incident_id, version, event_type, schema_version, payload) VALUES ($incident, $version, $type, $schema, $payload)"))
            {
                var incident = insert.Parameters.AddWithValue("$incident", Key(append.IncidentId.Value));
                var version = insert.Parameters.Add("$version", SqliteType.Integer);
                var type = insert.Parameters.Add("$type", SqliteType.Text);
                var schema = insert.Parameters.Add("$schema", SqliteType.Integer);
                var payload = insert.Parameters.Add("$payload", SqliteType.Text);
                for (var i = 0; i < serialized.Length; i++)
                {
                    version.Value = append.ExpectedVersion + i + 1;
                    type.Value = serialized[i].EventType;
                    schema.Value = serialized[i].SchemaVersion;
                    payload.Value = serialized[i].Payload;
                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            using (var head = Command(connection, transaction, "INSERT INTO incidents (incident_id, version, state) VALUES ($incident, $version, $state) ON CONFLICT (incident_id) DO UPDATE SET version = excluded.version, state = excluded.state"))
            {
                head.Parameters.AddWithValue("$incident", Key(append.IncidentId.Value));
                head.Parameters.AddWithValue("$version", append.ExpectedVersion + append.Events.Count);
                head.Parameters.AddWithValue("$state", (int)append.ResultingState);
                await head.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            if (BeforeCommit is { } beforeCommit)
            {
                await beforeCommit().ConfigureAwait(false);
            }

            transaction.Commit();
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
        {
            // The version check ran under the write lock, so a key violation means the file was written by a process
            // that does not take it; report it as the conflict it is.
            var actual = await ReadVersionAsync(append.IncidentId, CancellationToken.None).ConfigureAwait(false);
            throw new IncidentConcurrencyException(append.IncidentId, append.ExpectedVersion, actual);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteBusy or SqliteLocked)
        {
            throw Unavailable(ex);
        }

        if (AfterCommit is { } afterCommit)
        {
            await afterCommit().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<bool> RecordRejectionAsync(CommandRecord record, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(record);
        if (record.Rejection is null)
        {
            throw new ArgumentException("A rejection record carries its rejection.", nameof(record));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var json = _serializer.SerializeRejection(record.Rejection);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var insert = Command(connection, null, "INSERT INTO commands (command_id, incident_id, first_version, event_count, rejection) VALUES ($command, $incident, 0, 0, $rejection) ON CONFLICT (command_id) DO NOTHING");
        insert.Parameters.AddWithValue("$command", Key(record.CommandId.Value));
        insert.Parameters.AddWithValue("$incident", Key(record.IncidentId.Value));
        insert.Parameters.AddWithValue("$rejection", json);
        return await ExecuteAsync(insert, cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IncidentEvent>> ReadStreamAsync(IncidentId incidentId, long fromVersion, CancellationToken cancellationToken)
    {
        if (fromVersion < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(fromVersion), fromVersion, "Versions start at 1.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var select = Command(connection, null, "SELECT version, event_type, schema_version, payload FROM events WHERE incident_id = $incident AND version >= $from ORDER BY version");
        select.Parameters.AddWithValue("$incident", Key(incidentId.Value));
        select.Parameters.AddWithValue("$from", fromVersion);
        var events = new List<IncidentEvent>();
        try
        {
            using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var version = reader.GetInt64(0);
                events.Add(_serializer.Deserialize(incidentId, version, new SerializedEvent(reader.GetString(1), reader.GetInt32(2), reader.GetString(3))));
            }
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteBusy or SqliteLocked)
        {
            throw Unavailable(ex);
        }

        return events;
    }

    /// <inheritdoc />
    public async Task<CommandRecord?> FindCommandAsync(CommandId commandId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var select = Command(connection, null, "SELECT incident_id, first_version, event_count, rejection FROM commands WHERE command_id = $command");
        select.Parameters.AddWithValue("$command", Key(commandId.Value));
        try
        {
            using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            var incident = new IncidentId(Guid.ParseExact(reader.GetString(0), "D"));
            var rejection = reader.IsDBNull(3) ? null : _serializer.DeserializeRejection(commandId, reader.GetString(3));
            return new CommandRecord(commandId, incident, reader.GetInt64(1), reader.GetInt32(2), rejection);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteBusy or SqliteLocked)
        {
            throw Unavailable(ex);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IncidentId>> ListByStateAsync(IncidentState state, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var select = Command(connection, null, "SELECT incident_id FROM incidents WHERE state = $state");
        select.Parameters.AddWithValue("$state", (int)state);
        var ids = new List<IncidentId>();
        try
        {
            using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                ids.Add(new IncidentId(Guid.ParseExact(reader.GetString(0), "D")));
            }
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteBusy or SqliteLocked)
        {
            throw Unavailable(ex);
        }

        return ids;
    }

    private static string Key(Guid value) => value.ToString("D", CultureInfo.InvariantCulture);

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static async Task<long> CurrentVersionAsync(SqliteConnection connection, SqliteTransaction? transaction, IncidentId incidentId, CancellationToken cancellationToken)
    {
        using var select = Command(connection, transaction, "SELECT version FROM incidents WHERE incident_id = $incident");
        select.Parameters.AddWithValue("$incident", Key(incidentId.Value));
        var value = await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    private async Task<long> ReadVersionAsync(IncidentId incidentId, CancellationToken cancellationToken)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await CurrentVersionAsync(connection, null, incidentId, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> ExecuteAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        try
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteBusy or SqliteLocked)
        {
            throw Unavailable(ex);
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await OpenCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            throw Unavailable(ex);
        }
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
}
