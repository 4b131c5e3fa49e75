using System;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Storage;

/// <summary>
/// An optional capability of an <see cref="IIncidentStore"/>: it keeps the latest snapshot of each incident, so that a
/// long incident loads as snapshot + the events after it instead of a full replay. Snapshots are a cache, never the
/// record: a store may drop them at any time, and the engine ignores one it cannot use. The conformance suite checks
/// this capability for every store that implements it.
/// </summary>
public interface IIncidentSnapshotStore
{
    /// <summary>
    /// Keeps a snapshot as the incident's latest, unless the store already holds one at the same or a later version
    /// (then nothing changes: a slow writer never replaces a newer snapshot with an older one).
    /// </summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the snapshot is stored or refused.</returns>
    Task SaveSnapshotAsync(IncidentSnapshot snapshot, CancellationToken cancellationToken);

    /// <summary>Reads an incident's latest snapshot.</summary>
    /// <param name="incidentId">The incident.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The snapshot, or <see langword="null"/> when there is none.</returns>
    Task<IncidentSnapshot?> ReadSnapshotAsync(IncidentId incidentId, CancellationToken cancellationToken);
}

/// <summary>When the <see cref="Engine.IncidentEngine"/> writes a snapshot after an accepted command.</summary>
public sealed class SnapshotPolicy
{
    private SnapshotPolicy(int interval) => Interval = interval;

    /// <summary>Neither write nor read snapshots: every load replays the whole stream.</summary>
    public static SnapshotPolicy Never { get; } = new(0);

    /// <summary>The number of events between snapshots; 0 for <see cref="Never"/>.</summary>
    public int Interval { get; }

    /// <summary>A snapshot whenever an append crosses a multiple of <paramref name="events"/> versions.</summary>
    /// <param name="events">Events between snapshots; at least 1.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="events"/> is less than 1.</exception>
    public static SnapshotPolicy EveryEvents(int events)
        => events >= 1 ? new SnapshotPolicy(events) : throw new ArgumentOutOfRangeException(nameof(events), events, "A snapshot interval is at least one event.");

    /// <summary>Whether an append that moved the stream from one version to another should be followed by a snapshot.</summary>
    /// <param name="fromVersion">The version before the append.</param>
    /// <param name="toVersion">The version after it.</param>
    /// <returns><see langword="true"/> when a multiple of <see cref="Interval"/> lies in (<paramref name="fromVersion"/>, <paramref name="toVersion"/>].</returns>
    public bool ShouldSnapshot(long fromVersion, long toVersion)
        => Interval > 0 && toVersion > fromVersion && toVersion / Interval > fromVersion / Interval;
}

/// <summary>The argument checks every <see cref="IIncidentSnapshotStore.SaveSnapshotAsync"/> makes before it writes anything.</summary>
public static class IncidentSnapshotValidator
{
    /// <summary>Checks that a snapshot is well formed: a version of at least 1, a fingerprint and a payload.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The snapshot is malformed.</exception>
    public static void Validate(IncidentSnapshot snapshot)
    {
        Preconditions.CheckNotNull(snapshot);
        if (snapshot.Version < 1)
        {
            throw new ArgumentException("A snapshot is of version 1 or later.", nameof(snapshot));
        }

        if (string.IsNullOrEmpty(snapshot.Fingerprint) || snapshot.Payload is null)
        {
            throw new ArgumentException("A snapshot carries its fingerprint and payload.", nameof(snapshot));
        }
    }
}
