using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Segmentation;
using CustomerAdvocacy.Storage;
using NodaTime;

namespace CustomerAdvocacy.Benchmarks;

/// <summary>
/// The snapshot serializer alone, on the state of a 1,000-event incident (999 commitments): what the store benchmarks'
/// snapshot load spends outside the database.
/// </summary>
[MemoryDiagnoser]
public class SnapshotSerializerBenchmarks
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);
    private readonly IncidentSnapshotSerializer _serializer = new();
    private Incident _incident = null!;
    private IncidentSnapshot _snapshot = null!;

    [GlobalSetup]
    public void Setup()
    {
        var id = IncidentId.New();
        var owner = new Actor("owner-1", IncidentRole.AccountableOwner);
        var events = new List<IncidentEvent>
        {
            new IncidentOpened(new EventMetadata(id, 1, Start, owner, CommandId.New()), "customer-acme", owner.Id, new PolicyReference("standard", 1), null),
        };
        for (var v = 2; v <= 1000; v++)
        {
            events.Add(new CommitmentMade(new EventMetadata(id, v, Start, owner, CommandId.New()), new Commitment("k" + v, owner.Id, "call back with findings", Start + Duration.FromHours(v))));
        }

        _incident = IncidentEvolver.Replay(id, events);
        _snapshot = _serializer.Serialize(_incident);
    }

    [Benchmark(Description = "Serialize, 1,000-event incident")]
    public IncidentSnapshot Serialize() => _serializer.Serialize(_incident);

    [Benchmark(Description = "TryDeserialize, 1,000-event incident")]
    public Incident? Deserialize() => _serializer.TryDeserialize(_snapshot, out var incident, out _) ? incident : null;
}
