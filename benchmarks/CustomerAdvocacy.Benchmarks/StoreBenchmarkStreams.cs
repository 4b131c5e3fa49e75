using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Segmentation;
using CustomerAdvocacy.Storage;
using NodaTime;

namespace CustomerAdvocacy.Benchmarks;

/// <summary>The streams every store benchmark writes and reads, so that SQLite and PostgreSQL are measured on the same events.</summary>
internal static class StoreBenchmarkStreams
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);
    private static readonly Actor Owner = new("owner-1", IncidentRole.AccountableOwner);

    /// <summary>An opening followed by commitments: <paramref name="count"/> events of incident <paramref name="id"/>.</summary>
    internal static List<IncidentEvent> Stream(IncidentId id, int count)
    {
        var events = new List<IncidentEvent>(count)
        {
            new IncidentOpened(new EventMetadata(id, 1, Start, Owner, CommandId.New()), "customer-acme", Owner.Id, new PolicyReference("standard", 1), null),
        };
        for (var v = 2; v <= count; v++)
        {
            events.Add(new CommitmentMade(new EventMetadata(id, v, Start, Owner, CommandId.New()), new Commitment("k" + v, Owner.Id, "call back with findings", Start + Duration.FromHours(v))));
        }

        return events;
    }

    /// <summary>Running incidents' due instants: a follow-up moves the due instant on every second append.</summary>
    private static readonly Instant[] Dues = { Start + Duration.FromHours(4), Start + Duration.FromHours(8) };

    /// <summary>The opening append of a running incident that <see cref="FollowUp"/> then appends to.</summary>
    /// <param name="id">The incident.</param>
    /// <returns>One event at version 1, leaving the incident engaged with a due instant.</returns>
    internal static IncidentAppend Opening(IncidentId id)
    {
        var opened = Stream(id, 1)[0];
        return new IncidentAppend(id, 0, new[] { opened }, opened.Metadata.CommandId, IncidentState.Engaged) { NextDueAt = Dues[0] };
    }

    /// <summary>
    /// One command on a running incident: a commitment at the next version. The state stays; the due instant changes on
    /// every second append, as it does when updates and commitments come due and are met.
    /// </summary>
    /// <param name="id">The incident.</param>
    /// <param name="version">Its current version.</param>
    /// <returns>The append.</returns>
    internal static IncidentAppend FollowUp(IncidentId id, long version)
    {
        var commandId = CommandId.New();
        var next = version + 1;
        var made = new CommitmentMade(new EventMetadata(id, next, Start, Owner, commandId), new Commitment("k" + next, Owner.Id, "call back with findings", Start + Duration.FromHours(next)));
        return new IncidentAppend(id, version, new IncidentEvent[] { made }, commandId, IncidentState.Engaged) { NextDueAt = Dues[(next / 2) % 2] };
    }

    /// <summary>A new stream of <paramref name="count"/> events, all of one command.</summary>
    internal static IncidentAppend NewAppend(int count)
    {
        var id = IncidentId.New();
        var commandId = CommandId.New();
        var events = Stream(id, count).Select(e => e with { Metadata = e.Metadata with { CommandId = commandId } }).ToArray();
        return new IncidentAppend(id, 0, events, commandId, IncidentState.Opened);
    }
}

/// <summary>
/// Streams opened in a benchmark's setup and appended to in turn, so that each append goes to a running incident
/// (the common case: a command on an open incident) rather than opening a new one.
/// </summary>
internal sealed class RunningStreams
{
    private readonly IncidentId[] _ids;
    private readonly long[] _versions;
    private int _next;

    /// <summary>Names <paramref name="count"/> new incidents, each at version 1 once the caller has opened it.</summary>
    /// <param name="count">How many incidents take the appends in turn.</param>
    internal RunningStreams(int count)
    {
        _ids = new IncidentId[count];
        _versions = new long[count];
        for (var i = 0; i < count; i++)
        {
            _ids[i] = IncidentId.New();
            _versions[i] = 1;
        }
    }

    /// <summary>The incidents, for the setup to open.</summary>
    internal IReadOnlyList<IncidentId> Ids => _ids;

    /// <summary>The next incident in turn and its current version; counts the append the caller makes.</summary>
    /// <returns>The incident and its version before the append.</returns>
    internal (IncidentId Id, long Version) Next()
    {
        var i = _next;
        _next = (_next + 1) % _ids.Length;
        return (_ids[i], _versions[i]++);
    }
}
