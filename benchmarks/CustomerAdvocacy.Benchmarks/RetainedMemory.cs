using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Engine;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Storage;
using CustomerAdvocacy.Testing;
using NodaTime;
using NodaTime.Testing;

namespace CustomerAdvocacy.Benchmarks;

/// <summary>
/// Retained memory per open incident with many incidents loaded. Not a BenchmarkDotNet metric, so measured directly
/// with full collections: first the in-memory store holding every stream and its events, then the folded states
/// replayed from it (what a host caching open incidents would keep, excluding the events).
/// </summary>
internal static class RetainedMemory
{
    internal static async Task<string> MeasureAsync(int incidents)
    {
        var now = Instant.FromUtc(2026, 3, 2, 9, 0);
        var ids = new IncidentId[incidents];
        var before = Settle();

        var store = new InMemoryIncidentStore();
        long events = 0;
        for (var i = 0; i < incidents; i++)
        {
            var id = ids[i] = IncidentId.New();
            var script = new IncidentCommands(id, now);
            var scenario = new IncidentScenario(id, now).Given(script.ToExecuting("c1", "c2")).Given(script.Commit("k1"));
            // One append per command: an opening records two events under one command id.
            var version = 0L;
            foreach (var command in scenario.History.GroupBy(e => e.Metadata.CommandId))
            {
                var batch = command.ToArray();
                await store.AppendAsync(new IncidentAppend(id, version, batch, command.Key, scenario.State.State), CancellationToken.None);
                version += batch.Length;
            }

            events += scenario.History.Count;
        }

        var withStore = Settle();

        var engine = new IncidentEngine(store, FixedIncidentContextProvider.Standard, new FakeClock(now));
        var withEngine = Settle();

        var states = new Incident[incidents];
        for (var i = 0; i < incidents; i++)
        {
            states[i] = await engine.LoadAsync(ids[i]);
        }

        var withStates = Settle();
        GC.KeepAlive(store);
        GC.KeepAlive(engine);
        GC.KeepAlive(states);
        return string.Format(
            CultureInfo.InvariantCulture,
            "open incidents: {0:N0}, events per incident: {1:F1}\n"
            + "store (streams with their events): {2:F0} bytes per incident\n"
            + "engine: {3:N0} bytes in total, shared by all incidents (no per-incident machine or lock)\n"
            + "folded incident state, excluding its events: {4:F0} bytes per incident\n",
            incidents,
            events / (double)incidents,
            (withStore - before) / (double)incidents,
            withEngine - withStore,
            (withStates - withEngine) / (double)incidents);
    }

    private static long Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(true);
    }
}
