using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Incidents;
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

    /// <summary>A new stream of <paramref name="count"/> events, all of one command.</summary>
    internal static IncidentAppend NewAppend(int count)
    {
        var id = IncidentId.New();
        var commandId = CommandId.New();
        var events = Stream(id, count).Select(e => e with { Metadata = e.Metadata with { CommandId = commandId } }).ToArray();
        return new IncidentAppend(id, 0, events, commandId, IncidentState.Opened);
    }
}
