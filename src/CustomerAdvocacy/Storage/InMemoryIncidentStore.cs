using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using NodaTime;

namespace CustomerAdvocacy.Storage;

/// <summary>
/// An <see cref="IIncidentStore"/> in memory, safe for concurrent use: each stream appends under its own lock, the
/// command index is claimed atomically inside it. Keeps snapshots and the due index too (the due query scans every
/// incident's head, which is cheap in memory).
/// </summary>
public sealed class InMemoryIncidentStore : IIncidentStore, IIncidentSnapshotStore, IDueIncidentIndex
{
    private readonly ConcurrentDictionary<IncidentId, Stream> _streams = new();
    private readonly ConcurrentDictionary<CommandId, CommandRecord> _commands = new();

    /// <inheritdoc />
    public Task AppendAsync(IncidentAppend append, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(append);
        cancellationToken.ThrowIfCancellationRequested();
        IncidentAppendValidator.Validate(append);
        var stream = _streams.GetOrAdd(append.IncidentId, static _ => new Stream());
        lock (stream)
        {
            if (stream.Events.Count != append.ExpectedVersion)
            {
                throw new IncidentConcurrencyException(append.IncidentId, append.ExpectedVersion, stream.Events.Count);
            }

            var record = new CommandRecord(append.CommandId, append.IncidentId, append.ExpectedVersion + 1, append.Events.Count, null);
            if (!_commands.TryAdd(append.CommandId, record))
            {
                throw new DuplicateCommandException(append.CommandId);
            }

            stream.Events.AddRange(append.Events);
            stream.State = append.ResultingState;
            stream.NextDueAt = append.NextDueAt;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> RecordRejectionAsync(CommandRecord record, CancellationToken cancellationToken)
    {
        IncidentStoreValidator.ValidateRejection(record);
        cancellationToken.ThrowIfCancellationRequested();

        return Task.FromResult(_commands.TryAdd(record.CommandId, record));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<IncidentEvent>> ReadStreamAsync(IncidentId incidentId, long fromVersion, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IncidentStoreValidator.ValidateFromVersion(fromVersion);

        if (!_streams.TryGetValue(incidentId, out var stream))
        {
            return Task.FromResult<IReadOnlyList<IncidentEvent>>(Array.Empty<IncidentEvent>());
        }

        lock (stream)
        {
            var skip = (int)Math.Min(fromVersion - 1, stream.Events.Count);
            var copy = new IncidentEvent[stream.Events.Count - skip];
            stream.Events.CopyTo(skip, copy, 0, copy.Length);
            return Task.FromResult<IReadOnlyList<IncidentEvent>>(copy);
        }
    }

    /// <inheritdoc />
    public Task<CommandRecord?> FindCommandAsync(CommandId commandId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_commands.TryGetValue(commandId, out var record) ? record : null);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<IncidentId>> ListByStateAsync(IncidentState state, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var ids = new List<IncidentId>();
        foreach (var pair in _streams)
        {
            lock (pair.Value)
            {
                if (pair.Value.Events.Count > 0 && pair.Value.State == state)
                {
                    ids.Add(pair.Key);
                }
            }
        }

        return Task.FromResult<IReadOnlyList<IncidentId>>(ids);
    }

    /// <inheritdoc />
    public Task SaveSnapshotAsync(IncidentSnapshot snapshot, CancellationToken cancellationToken)
    {
        IncidentSnapshotValidator.Validate(snapshot);
        cancellationToken.ThrowIfCancellationRequested();
        var stream = _streams.GetOrAdd(snapshot.IncidentId, static _ => new Stream());
        lock (stream)
        {
            if (stream.Snapshot is null || stream.Snapshot.Version < snapshot.Version)
            {
                stream.Snapshot = snapshot;
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IncidentSnapshot?> ReadSnapshotAsync(IncidentId incidentId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_streams.TryGetValue(incidentId, out var stream))
        {
            return Task.FromResult<IncidentSnapshot?>(null);
        }

        lock (stream)
        {
            return Task.FromResult(stream.Snapshot);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DueIncident>> FindDueAsync(Instant until, int limit, CancellationToken cancellationToken)
    {
        IncidentStoreValidator.ValidateDueLimit(limit);

        cancellationToken.ThrowIfCancellationRequested();
        var due = new List<DueIncident>();
        foreach (var pair in _streams)
        {
            lock (pair.Value)
            {
                if (pair.Value.NextDueAt is { } at && at <= until)
                {
                    due.Add(new DueIncident(pair.Key, at));
                }
            }
        }

        return Task.FromResult<IReadOnlyList<DueIncident>>(due
            .OrderBy(d => d.DueAt)
            .ThenBy(d => d.IncidentId.Value.ToString("D", System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal)
            .Take(limit)
            .ToArray());
    }

    private sealed class Stream
    {
        internal List<IncidentEvent> Events { get; } = new();

        internal IncidentState State { get; set; }

        internal Instant? NextDueAt { get; set; }

        internal IncidentSnapshot? Snapshot { get; set; }
    }
}
