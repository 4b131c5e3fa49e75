using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Linq;
using CustomerAdvocacy.Diagnostics;
using CustomerAdvocacy.Engine;
using CustomerAdvocacy.Escalation;
using CustomerAdvocacy.Kernel;
using NodaTime;

namespace CustomerAdvocacy.Tests.Diagnostics;

public sealed class AdvocacyTelemetryTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 9, 0);

    [Fact]
    public void CountEscalations_RaisedAndRose_CountedByLevelReached()
    {
        var levels = new ConcurrentQueue<string>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == AdvocacyTelemetry.MeterName && instrument.Name == AdvocacyTelemetry.EscalationsInstrumentName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == AdvocacyTelemetry.EscalationLevelTag)
                {
                    levels.Enqueue($"{tag.Value}x{value}");
                }
            }
        });
        listener.Start();
        var incident = IncidentId.New();
        var actor = new Actor("runner", IncidentRole.ServiceManager);
        EventMetadata Meta(long version) => new(incident, version, Now, actor, CommandId.New());

        EngineTelemetry.CountEscalations(new object[]
        {
            new EscalationRaised(Meta(1), EscalationTriggerKind.FirstResponseBreached, "first response due at 10:00", 1, EscalationLevel.ServiceManagement, Now + Duration.FromHours(1)),
            new EscalationAcknowledged(Meta(2), 1, EscalationLevel.ServiceManagement),
            new EscalationRose(Meta(3), 1, 2, EscalationLevel.SeniorManagement, 0, Now + Duration.FromHours(2)),
        });

        Assert.Equal(new[] { "ServiceManagementx1", "SeniorManagementx1" }, levels.ToArray());
    }

    [Fact]
    public void MachineGraphs_All_OnePagePerCommittedGraph()
    {
        var graphs = MachineGraphs.All();

        Assert.Equal(graphs.Count, graphs.Select(g => g.Name).Distinct().Count());
        Assert.All(graphs, g => Assert.Equal(RepositoryFiles.ReadAllText(g.DocumentPath), g.Markdown));
    }
}
