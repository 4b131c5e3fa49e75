using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Sql;
using CustomerAdvocacy.Storage;
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
/// <remarks>
/// The algorithm is <see cref="SqlIncidentStore"/>'s, shared with the SQLite store; this type adds what PostgreSQL
/// does its own way: connections from Npgsql's pool, ids as <c>uuid</c>, the append as one statement with its
/// notification, <see cref="WaitForAppendAsync"/> through <c>LISTEN</c>, and SQLSTATE codes.
/// </remarks>
public sealed class PostgreSqlIncidentStore : SqlIncidentStore, IDisposable, IAsyncDisposable
{
    /// <summary>
    /// The <c>NOTIFY</c> channel an append signals on commit. The payload is the store's schema and the incident id,
    /// <c>schema:incident-id</c>: channels are shared by the whole database, so stores in other schemas of it signal
    /// here too, and a listener keeps to its own schema.
    /// </summary>
    public const string AppendedChannel = "customer_advocacy_appended";

    private const string UniqueViolation = "23505";
    private const string DivisionByZero = "22012";

    private readonly string _append;
    private readonly string _currentSchema;
    private readonly string _listen;

    /// <summary>Creates a store; nothing is opened until first use.</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="serializer">Reads and writes events; <see langword="null"/> for the default (current schema, no upcasters).</param>
    /// <exception cref="ArgumentException">The connection string is malformed.</exception>
    public PostgreSqlIncidentStore(string connectionString, IncidentEventSerializer? serializer = null)
        : this(Builder(connectionString), serializer)
    {
    }

    private PostgreSqlIncidentStore(NpgsqlConnectionStringBuilder builder, IncidentEventSerializer? serializer)
        : base($"host {builder.Host ?? "localhost"} port {builder.Port} database {builder.Database ?? builder.Username ?? "(default)"} user {builder.Username ?? "(default)"}", serializer, PostgreSqlSchema.Scripts)
    {
        if (builder.MaxAutoPrepare == 0)
        {
            // The store runs a handful of statements over and over: let the driver prepare them server-side.
            builder.MaxAutoPrepare = 16;
        }

        DataSource = NpgsqlDataSource.Create(builder);
        _append = PostgreSqlSchema.Scripts["Append"];
        _currentSchema = PostgreSqlSchema.Scripts["CurrentSchema"];
        _listen = PostgreSqlSchema.Scripts["Listen"];
    }

    /// <summary>The schema version this store creates and expects.</summary>
    public static int SchemaVersion => PostgreSqlSchema.Migrations.Count;

    private static NpgsqlConnectionStringBuilder Builder(string connectionString)
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

        return builder;
    }

    /// <summary>Test seam: the pool the store's connections come from.</summary>
    internal NpgsqlDataSource DataSource { get; }

    /// <summary>Test seam: runs inside the append transaction just before it commits.</summary>
    internal Func<NpgsqlConnection, Task>? BeforeCommit { get; set; }

    /// <summary>
    /// Waits for the next append to any incident of this store, through <c>LISTEN</c> on
    /// <see cref="AppendedChannel"/>; appends by stores in other schemas of the database are passed over. Appends that
    /// commit before the listener is registered are not reported: use it to wake a scheduler, then query.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The incident appended to.</returns>
    public async Task<IncidentId> WaitForAppendAsync(CancellationToken cancellationToken)
    {
        var session = await RentAsync(cancellationToken).ConfigureAwait(false);
        await using var sessionScope = session.ConfigureAwait(false);
        var connection = ((PostgreSqlSession)session).Npgsql;
        var schema = (string)(await session.Command(_currentSchema, 0).ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        IncidentId? appended = null;
        connection.Notification += (_, e) =>
        {
            if (appended is null && TryReadAppended(e.Payload, schema) is { } id)
            {
                appended = id;
            }
        };

        await session.Command(_listen, 0).ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        while (appended is null)
        {
            await connection.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return appended.Value;
    }

    /// <summary>Closes the pooled connections.</summary>
    public void Dispose() => DataSource.Dispose();

    /// <summary>Closes the pooled connections.</summary>
    /// <returns>A task that completes when they are closed.</returns>
    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    internal override async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var connection = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        await PostgreSqlSchema.MigrateAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    internal override async ValueTask<SqlSession> OpenSessionAsync(CancellationToken cancellationToken)
        => new PostgreSqlSession(await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>Back to the driver's pool, which checks a broken connection itself.</summary>
    internal override ValueTask ReturnAsync(SqlSession session, bool healthy) => session.DisposeAsync();

    /// <summary>
    /// One round trip: the append is one statement (<c>Scripts/Append.sql</c>) without an explicit transaction, so
    /// PostgreSQL runs it as its own transaction, all or nothing, with no separate BEGIN or COMMIT to wait for. A failed
    /// head check divides by zero (the conflict); a recorded command id fails the claim's primary key. Only the crash
    /// test seam opens an explicit transaction, so that it can act between the statement and the commit.
    /// </summary>
    internal override async Task<SqlFailure?> AppendCoreAsync(SqlSession session, IncidentAppend append, SerializedEvent[] events, CancellationToken cancellationToken)
    {
        var count = events.Length;
        var versions = new long[count];
        var types = new string[count];
        var schemas = new int[count];
        var payloads = new string[count];
        for (var i = 0; i < count; i++)
        {
            versions[i] = append.ExpectedVersion + i + 1;
            types[i] = events[i].EventType;
            schemas[i] = events[i].SchemaVersion;
            payloads[i] = events[i].Payload;
        }

        var connection = ((PostgreSqlSession)session).Npgsql;
        var command = new NpgsqlCommand(_append, connection);
        await using var commandScope = command.ConfigureAwait(false);
        var parameters = command.Parameters;
        parameters.Add(new NpgsqlParameter<Guid> { TypedValue = append.IncidentId.Value });
        parameters.Add(new NpgsqlParameter<long> { TypedValue = append.ExpectedVersion });
        parameters.Add(new NpgsqlParameter<long> { TypedValue = append.ExpectedVersion + count });
        parameters.Add(new NpgsqlParameter<int> { TypedValue = (int)append.ResultingState });
        parameters.Add(new NpgsqlParameter<long?> { TypedValue = append.NextDueAt?.ToUnixTimeTicks(), NpgsqlDbType = NpgsqlDbType.Bigint });
        parameters.Add(new NpgsqlParameter<Guid> { TypedValue = append.CommandId.Value });
        parameters.Add(new NpgsqlParameter<int> { TypedValue = count });
        parameters.Add(new NpgsqlParameter<long[]> { TypedValue = versions });
        parameters.Add(new NpgsqlParameter<string[]> { TypedValue = types, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter<int[]> { TypedValue = schemas });
        parameters.Add(new NpgsqlParameter<string[]> { TypedValue = payloads, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = AppendedChannel });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = append.IncidentId.ToString() });

        var beforeCommit = BeforeCommit;
        if (beforeCommit is null)
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }

        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionScope = transaction.ConfigureAwait(false);
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await beforeCommit(connection).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return null;
    }

    internal override SqlFailure Classify(DbException exception, bool opening) => exception switch
    {
        PostgresException { SqlState: DivisionByZero } => SqlFailure.Conflict,
        PostgresException { SqlState: UniqueViolation, ConstraintName: "ca_events_stream_version" } => SqlFailure.Conflict,
        PostgresException { SqlState: UniqueViolation, ConstraintName: "ca_commands_pkey" } => SqlFailure.DuplicateCommand,
        NpgsqlException npgsql when IsUnavailable(npgsql) => SqlFailure.Unavailable,
        _ => SqlFailure.Other,
    };

    internal override IncidentStoreUnavailableException Unavailable(DbException exception)
        => new(Target, exception is PostgresException pg ? $"{pg.SqlState}: {pg.MessageText}" : "the connection failed or was dropped: " + exception.Message, exception);

    internal override object IdValue(Guid id) => id;

    internal override Guid ReadId(DbDataReader reader, int ordinal) => reader.GetGuid(ordinal);

    /// <summary>A dropped connection, or a server that is down, refuses the login or has no room.</summary>
    private static bool IsUnavailable(NpgsqlException ex)
        => ex is not PostgresException pg
            || pg.SqlState.StartsWith("08", StringComparison.Ordinal)
            || pg.SqlState.StartsWith("28", StringComparison.Ordinal)
            || pg.SqlState.StartsWith("3D", StringComparison.Ordinal)
            || pg.SqlState.StartsWith("53", StringComparison.Ordinal)
            || pg.SqlState.StartsWith("57P", StringComparison.Ordinal);

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
}
