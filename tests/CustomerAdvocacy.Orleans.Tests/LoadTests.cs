using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Testing;
using NodaTime;
using Xunit.Abstractions;

namespace CustomerAdvocacy.Orleans.Tests;

/// <summary>
/// A bounded load run: incidents × 10 commands through a 2-silo cluster over one SQLite file, a fixed number of
/// commands in flight. Runs 2,000 incidents (20,000 commands, about a minute on two shared cores) by default and 200
/// when <c>CI=true</c>, where the machine's two cores serve every project's tests; override with
/// <c>CUSTOMERADVOCACY_ORLEANS_LOAD_INCIDENTS</c>. Reports commands/s and latency percentiles (recorded in
/// benchmarks/results/orleans-load.md); checks every command was accepted and recorded.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LoadTests : IAsyncLifetime
{
    private const int InFlight = 16;
    private readonly ITestOutputHelper _output;
    private AdvocacyCluster _cluster = null!;

    public LoadTests(ITestOutputHelper output) => _output = output;

    public async Task InitializeAsync() => _cluster = await AdvocacyCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Load_IncidentsTimesTenCommands_AllAcceptedAndReportsThroughputAndP99()
    {
        var incidents = Incidents();
        var start = _cluster.Clock.GetCurrentInstant();
        var plans = Enumerable.Range(0, incidents).Select(_ => Plan(new IncidentCommands(IncidentId.New(), start))).ToArray();
        var latencies = new ConcurrentBag<double>();
        var rejected = 0;
        var next = -1;

        // Each lane runs its incidents' commands in order; lanes run in parallel, so InFlight commands are always pending.
        async Task LaneAsync()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < plans.Length)
            {
                foreach (var command in plans[i])
                {
                    var watch = Stopwatch.StartNew();
                    var result = await _cluster.Client.ExecuteAsync(command);
                    latencies.Add(watch.Elapsed.TotalMilliseconds);
                    if (!result.Decision.IsAccepted)
                    {
                        Interlocked.Increment(ref rejected);
                    }
                }
            }
        }

        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, InFlight).Select(_ => Task.Run(LaneAsync)));
        total.Stop();

        var sorted = latencies.OrderBy(l => l).ToArray();
        double Percentile(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        var commands = sorted.Length;
        _output.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "{0} incidents x 10 = {1} commands, {2} in flight, 2 silos, SQLite: {3:F1} s, {4:F0} commands/s, latency p50 {5:F1} ms, p99 {6:F1} ms, max {7:F1} ms",
            incidents,
            commands,
            InFlight,
            total.Elapsed.TotalSeconds,
            commands / total.Elapsed.TotalSeconds,
            Percentile(0.50),
            Percentile(0.99),
            sorted[^1]));

        Assert.Equal(incidents * 10, commands);
        Assert.Equal(0, rejected);
        var store = _cluster.OpenStore();
        foreach (var plan in plans.Where((_, index) => index % 97 == 0))
        {
            var stream = await store.ReadStreamAsync(plan[0].IncidentId, 1, CancellationToken.None);
            Assert.Equal(plan.Select(c => c.CommandId), stream.Select(e => e.Metadata.CommandId).Distinct());
        }

        Assert.Empty((await _cluster.Client.GetPortfolioAsync("standard")).Breached);
        Assert.Equal(incidents, (await _cluster.Client.GetPortfolioAsync("standard")).OpenByState[IncidentState.ResolutionProposed]);
    }

    private static int Incidents()
    {
        var configured = Environment.GetEnvironmentVariable("CUSTOMERADVOCACY_ORLEANS_LOAD_INCIDENTS");
        if (int.TryParse(configured, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            return n;
        }

        return string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase) ? 200 : 2000;
    }

    private static IReadOnlyList<IncidentCommand> Plan(IncidentCommands s)
    {
        // A commitment arms the incident's reminder; delivering it clears the reminder again.
        var commit = s.Commit("k1") with { Due = s.Start + Duration.FromDays(1) };
        return new IncidentCommand[]
        {
            s.Open(), s.CapturePerspective(), commit, s.StartAnalysis(), s.ProposePlan("c1"),
            s.ApprovePlan(), s.StartExecution(), s.Deliver("k1"), s.MeetCriterion("c1"), s.ProposeResolution(),
        };
    }
}
