using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using CustomerAdvocacy.Diagnostics;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Hosting.Tests;

public sealed class TelemetryTests
{
    [Fact]
    public async Task Engine_AcceptedAndRejectedCommands_SpanPerCommandAndCountersByOutcome()
    {
        var activities = new ConcurrentQueue<Activity>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AdvocacyTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(activityListener);
        var measurements = new ConcurrentQueue<(string Instrument, long Value, Dictionary<string, object?> Tags)>();
        using var meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name is AdvocacyTelemetry.MeterName or DueActionRunner.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, ToDictionary(tags))));
        meterListener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, ToDictionary(tags))));
        meterListener.Start();

        await using var fixture = HostFixture.Create();
        await fixture.Host.StartAsync();
        var id = await fixture.OpenWithCommitmentsAsync();
        var again = await fixture.Engine.ExecuteAsync(new OpenIncident(id, CommandId.New(), HostFixture.Owner, "customer-1", HostFixture.Owner.Id, HostFixture.Standard, null));
        Assert.IsType<NotPermittedInState>(((Rejected)again.Decision).Reason);
        meterListener.RecordObservableInstruments();

        var spans = activities.Where(a => Equals(a.GetTagItem(AdvocacyTelemetry.IncidentIdTag), id.ToString())).ToArray();
        Assert.Equal(3, spans.Length);
        Assert.All(spans, s => Assert.Equal(AdvocacyTelemetry.CommandActivityName, s.OperationName));
        Assert.Equal(new[] { "accepted", "accepted", "rejected" }, spans.Select(s => s.GetTagItem(AdvocacyTelemetry.OutcomeTag)));
        Assert.Equal("NotPermittedInState", spans[2].GetTagItem(AdvocacyTelemetry.RejectionTag));

        Assert.Contains(measurements, m => m.Instrument == AdvocacyTelemetry.CommandsInstrumentName
            && Equals(m.Tags[AdvocacyTelemetry.TriggerTag], "Open") && Equals(m.Tags[AdvocacyTelemetry.OutcomeTag], "rejected")
            && Equals(m.Tags[AdvocacyTelemetry.RejectionTag], "NotPermittedInState"));
        Assert.Contains(measurements, m => m.Instrument == AdvocacyTelemetry.CommandsInstrumentName
            && Equals(m.Tags[AdvocacyTelemetry.TriggerTag], "CapturePerspective") && Equals(m.Tags[AdvocacyTelemetry.OutcomeTag], "accepted"));
        Assert.Contains(measurements, m => m.Instrument == DueActionRunner.OpenIncidentsInstrumentName
            && Equals(m.Tags[AdvocacyTelemetry.StateTag], "Engaged") && m.Value == 1);
    }

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var dictionary = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            dictionary[tag.Key] = tag.Value;
        }

        return dictionary;
    }
}
