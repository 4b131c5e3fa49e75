using System;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Storage;
using Microsoft.Extensions.Logging;

namespace CustomerAdvocacy.Engine;

/// <summary>
/// Loads incidents for the engine from a store: from the latest usable snapshot plus the events after it when the
/// store keeps snapshots, else by a full replay; and writes snapshots by policy after appends.
/// </summary>
internal sealed class IncidentLoader
{
    private readonly IIncidentStore _store;
    private readonly IIncidentSnapshotStore? _snapshots;
    private readonly SnapshotPolicy _policy;
    private readonly IncidentSnapshotSerializer _serializer;
    private readonly ILogger _logger;

    internal IncidentLoader(IIncidentStore store, SnapshotPolicy policy, ILogger logger)
    {
        _store = store;
        _policy = policy;
        _logger = logger;
        _serializer = new IncidentSnapshotSerializer();
        // Without a policy the engine keeps to events only: reading snapshots would cost every load a query.
        _snapshots = policy.Interval > 0 ? store as IIncidentSnapshotStore : null;
        if (_snapshots is not null && _serializer.UnsupportedReason is { } reason)
        {
            StorageLog.SnapshotsUnsupported(logger, reason);
            _snapshots = null;
        }
    }

    internal async Task<Incident> LoadAsync(IncidentId incidentId, CancellationToken cancellationToken)
    {
        if (_snapshots is not null
            && await _snapshots.ReadSnapshotAsync(incidentId, cancellationToken).ConfigureAwait(false) is { } snapshot)
        {
            if (_serializer.TryDeserialize(snapshot, out var state, out var problem))
            {
                // The tail is read from the snapshot's own version: that event must exist, or the snapshot outlived
                // its stream (a restored backup, a hand-edited database) and the events, being the record, win.
                var tail = await _store.ReadStreamAsync(incidentId, snapshot.Version, cancellationToken).ConfigureAwait(false);
                if (tail.Count > 0 && tail[0].Version == snapshot.Version)
                {
                    var incident = state!;
                    for (var i = 1; i < tail.Count; i++)
                    {
                        incident = IncidentEvolver.Evolve(incident, tail[i]);
                    }

                    return incident;
                }

                problem = $"the stream holds no event at version {snapshot.Version}";
            }

            StorageLog.SnapshotIgnored(_logger, incidentId, snapshot.Version, problem!);
        }

        var events = await _store.ReadStreamAsync(incidentId, 1, cancellationToken).ConfigureAwait(false);
        return IncidentEvolver.Replay(incidentId, events);
    }

    /// <summary>Writes a snapshot of the new state when the policy asks for one. A failure is logged, never thrown: the events are already durable.</summary>
    internal async Task AfterAppendAsync(long previousVersion, Incident next, CancellationToken cancellationToken)
    {
        if (_snapshots is null || !_policy.ShouldSnapshot(previousVersion, next.Version))
        {
            return;
        }

        try
        {
            await _snapshots.SaveSnapshotAsync(_serializer.Serialize(next), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The command stands; a cancelled snapshot only means the next load replays a longer tail.
        }
        catch (Exception ex)
        {
            StorageLog.SnapshotWriteFailed(_logger, ex, next.Id, next.Version);
        }
    }
}
