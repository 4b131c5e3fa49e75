using System;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Storage;
using CustomerAdvocacy.Storage.Sql;
using Npgsql;
using NpgsqlTypes;

namespace CustomerAdvocacy.PostgreSql;

/// <summary>
/// What PostgreSQL does its own way under the shared SQL store: connections from the driver's pool, ids as
/// <c>uuid</c>, the append as one statement with its notification, <c>LISTEN</c> for appends, and SQLSTATE codes.
/// </summary>
internal sealed class PostgreSqlStoreCore : SqlIncidentStoreCore<PostgreSqlSession>, IDisposable, IAsyncDisposable
{
    private const string UniqueViolation = "23505";
    private const string DivisionByZero = "22012";

    private readonly string _append;
    private readonly string _currentSchema;

    internal PostgreSqlStoreCore(NpgsqlDataSource dataSource, string target, IncidentEventSerializer? serializer)
        : base(target, serializer, PostgreSqlSchema.Scripts)
    {
        DataSource = dataSource;
        _append = PostgreSqlSchema.Scripts["Append"];
        _currentSchema = PostgreSqlSchema.Scripts["CurrentSchema"];
    }

    internal NpgsqlDataSource DataSource { get; }

    /// <summary>Test seam: runs inside the append transaction just before it commits.</summary>
    internal Func<NpgsqlConnection, Task>? BeforeCommit { get; set; }

    /// <summary>Waits for the next append to an incident of this store's schema (see the public method).</summary>
    internal async Task<IncidentId> WaitForAppendAsync(CancellationToken cancellationToken)
    {
        var session = await RentAsync(cancellationToken).ConfigureAwait(false);
        await using var sessionScope = session.ConfigureAwait(false);
        var connection = session.Npgsql;
        var schema = (string)(await session.Command(_currentSchema, 0).ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        IncidentId? appended = null;
        connection.Notification += (_, e) =>
        {
            if (appended is null && TryReadAppended(e.Payload, schema) is { } id)
            {
                appended = id;
            }
        };

        // LISTEN takes a channel name, not a parameter; the name is this library's constant.
        await session.Command("LISTEN " + PostgreSqlIncidentStore.AppendedChannel, 0).ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        while (appended is null)
        {
            await connection.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return appended.Value;
    }

    public void Dispose() => DataSource.Dispose();

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    protected override async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var connection = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        await PostgreSqlSchema.MigrateAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    protected override async ValueTask<PostgreSqlSession> OpenSessionAsync(CancellationToken cancellationToken)
        => new(await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>Back to the driver's pool, which checks a broken connection itself.</summary>
    protected override ValueTask ReturnAsync(PostgreSqlSession session, bool healthy) => session.DisposeAsync();

    /// <summary>
    /// One round trip: the append is one statement (<c>Scripts/Append.sql</c>) without an explicit transaction, so
    /// PostgreSQL runs it as its own transaction, all or nothing, with no separate BEGIN or COMMIT to wait for. A failed
    /// head check divides by zero (the conflict); a recorded command id fails the claim's primary key. Only the crash
    /// test seam opens an explicit transaction, so that it can act between the statement and the commit.
    /// </summary>
    protected override async Task<SqlFailure?> AppendCoreAsync(PostgreSqlSession session, IncidentAppend append, SerializedEvent[] events, CancellationToken cancellationToken)
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

        var connection = session.Npgsql;
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
        parameters.Add(new NpgsqlParameter<string> { TypedValue = PostgreSqlIncidentStore.AppendedChannel });
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

    protected override SqlFailure Classify(DbException exception, bool opening) => exception switch
    {
        PostgresException { SqlState: DivisionByZero } => SqlFailure.Conflict,
        PostgresException { SqlState: UniqueViolation, ConstraintName: "ca_events_stream_version" } => SqlFailure.Conflict,
        PostgresException { SqlState: UniqueViolation, ConstraintName: "ca_commands_pkey" } => SqlFailure.DuplicateCommand,
        NpgsqlException npgsql when IsUnavailable(npgsql) => SqlFailure.Unavailable,
        _ => SqlFailure.Other,
    };

    protected override IncidentStoreUnavailableException Unavailable(DbException exception)
        => new(Target, exception is PostgresException pg ? $"{pg.SqlState}: {pg.MessageText}" : "the connection failed or was dropped: " + exception.Message, exception);

    protected override object IdValue(Guid id) => id;

    protected override Guid ReadId(DbDataReader reader, int ordinal) => reader.GetGuid(ordinal);

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
