using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Storage;
using Microsoft.Data.Sqlite;
using NodaTime;

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
/// The store's algorithm is the SQL store shared with the PostgreSQL provider; this type adds SQLite's connection
/// string and its name for the database.
/// </remarks>
public sealed class SqliteIncidentStore : IIncidentStore, IIncidentSnapshotStore, IDueIncidentIndex, IDisposable
{
    private readonly SqliteStoreCore _core;

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

        _core = new SqliteStoreCore(builder.ConnectionString, builder.DataSource, serializer);
    }

    /// <summary>The database file (the connection string's data source), as named in error messages.</summary>
    public string Target => _core.Target;

    /// <summary>The schema version this store creates and expects.</summary>
    public static int SchemaVersion => SqliteSchema.Migrations.Count;

    /// <summary>Test seam: runs inside the append transaction just before it commits.</summary>
    internal Func<Task>? BeforeCommit
    {
        get => _core.BeforeCommit;
        set => _core.BeforeCommit = value;
    }

    /// <summary>Test seam: runs after the append transaction committed, before the append returns.</summary>
    internal Func<Task>? AfterCommit
    {
        get => _core.AfterCommit;
        set => _core.AfterCommit = value;
    }

    /// <summary>
    /// Creates or migrates the schema now instead of on first use, so that a host fails at start-up when the database
    /// is unusable. Safe to call more than once and from several processes.
    /// </summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the schema is current.</returns>
    /// <exception cref="IncidentStoreUnavailableException">The file cannot be opened, is locked, or is not a database.</exception>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _core.InitializeAsync(cancellationToken);

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

    /// <summary>Closes the connections the store keeps open.</summary>
    public void Dispose() => _core.Dispose();
}
