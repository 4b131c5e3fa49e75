using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Storage;
using NodaTime;
using Npgsql;

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
/// The store's algorithm is the SQL store shared with the SQLite provider; this type adds Npgsql's connection string
/// and data source, and <see cref="WaitForAppendAsync"/>.
/// </remarks>
public sealed class PostgreSqlIncidentStore : IIncidentStore, IIncidentSnapshotStore, IDueIncidentIndex, IDisposable, IAsyncDisposable
{
    /// <summary>
    /// The <c>NOTIFY</c> channel an append signals on commit. The payload is the store's schema and the incident id,
    /// <c>schema:incident-id</c>: channels are shared by the whole database, so stores in other schemas of it signal
    /// here too, and a listener keeps to its own schema.
    /// </summary>
    public const string AppendedChannel = "customer_advocacy_appended";

    private readonly PostgreSqlStoreCore _core;

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

        var target = $"host {builder.Host ?? "localhost"} port {builder.Port} database {builder.Database ?? builder.Username ?? "(default)"} user {builder.Username ?? "(default)"}";
        if (builder.MaxAutoPrepare == 0)
        {
            // The store runs a handful of statements over and over: let the driver prepare them server-side.
            builder.MaxAutoPrepare = 16;
        }

        _core = new PostgreSqlStoreCore(NpgsqlDataSource.Create(builder), target, serializer);
    }

    /// <summary>The server and database, as named in error messages (never the password).</summary>
    public string Target => _core.Target;

    /// <summary>The schema version this store creates and expects.</summary>
    public static int SchemaVersion => PostgreSqlSchema.Migrations.Count;

    /// <summary>Test seam: runs inside the append transaction just before it commits.</summary>
    internal Func<NpgsqlConnection, Task>? BeforeCommit
    {
        get => _core.BeforeCommit;
        set => _core.BeforeCommit = value;
    }

    /// <summary>Test seam: the pool the store's connections come from.</summary>
    internal NpgsqlDataSource DataSource => _core.DataSource;

    /// <summary>Test seam: runs after the append transaction committed, before the append returns.</summary>
    internal Func<Task>? AfterCommit
    {
        get => _core.AfterCommit;
        set => _core.AfterCommit = value;
    }

    /// <summary>
    /// Creates or migrates the schema now instead of on first use, so that a host fails at start-up when the server
    /// is unreachable. Safe to call more than once and from several processes.
    /// </summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the schema is current.</returns>
    /// <exception cref="IncidentStoreUnavailableException">The server cannot be reached or refuses the connection.</exception>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _core.InitializeAsync(cancellationToken);

    /// <summary>
    /// Waits for the next append to any incident of this store, through <c>LISTEN</c> on
    /// <see cref="AppendedChannel"/>; appends by stores in other schemas of the database are passed over. Appends that
    /// commit before the listener is registered are not reported: use it to wake a scheduler, then query.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The incident appended to.</returns>
    public Task<IncidentId> WaitForAppendAsync(CancellationToken cancellationToken) => _core.WaitForAppendAsync(cancellationToken);

    /// <inheritdoc />
    public Task AppendAsync(IncidentAppend append, CancellationToken cancellationToken) => _core.AppendAsync(append, cancellationToken);

    /// <inheritdoc />
    public Task<bool> RecordRejectionAsync(CommandRecord record, CancellationToken cancellationToken) => _core.RecordRejectionAsync(record, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<IncidentEvent>> ReadStreamAsync(IncidentId incidentId, long fromVersion, CancellationToken cancellationToken)
        => _core.ReadStreamAsync(incidentId, fromVersion, cancellationToken);

    /// <inheritdoc />
    public Task<CommandRecord?> FindCommandAsync(CommandId commandId, CancellationToken cancellationToken) => _core.FindCommandAsync(commandId, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<IncidentId>> ListByStateAsync(IncidentState state, CancellationToken cancellationToken) => _core.ListByStateAsync(state, cancellationToken);

    /// <inheritdoc />
    public Task SaveSnapshotAsync(IncidentSnapshot snapshot, CancellationToken cancellationToken) => _core.SaveSnapshotAsync(snapshot, cancellationToken);

    /// <inheritdoc />
    public Task<IncidentSnapshot?> ReadSnapshotAsync(IncidentId incidentId, CancellationToken cancellationToken) => _core.ReadSnapshotAsync(incidentId, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<DueIncident>> FindDueAsync(Instant until, int limit, CancellationToken cancellationToken) => _core.FindDueAsync(until, limit, cancellationToken);

    /// <summary>Closes the pooled connections.</summary>
    public void Dispose() => _core.Dispose();

    /// <summary>Closes the pooled connections.</summary>
    /// <returns>A task that completes when they are closed.</returns>
    public ValueTask DisposeAsync() => _core.DisposeAsync();
}
