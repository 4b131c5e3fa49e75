using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.DueActions;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Xunit.Abstractions;

namespace CustomerAdvocacy.Orleans.Tests;

public sealed class FailoverTests : IAsyncLifetime
{
    private const int Incidents = 24;
    private const int Workers = 8;
    private readonly ITestOutputHelper _output;
    private AdvocacyCluster _cluster = null!;

    public FailoverTests(ITestOutputHelper output) => _output = output;

    public async Task InitializeAsync() => _cluster = await AdvocacyCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task ManyClients_OneSiloKilledMidRun_AcceptedCommandsRecordedOnceIncidentsReplayRemindersFireOnTheSurvivor()
    {
        var start = _cluster.Clock.GetCurrentInstant();

        // Every incident owes a commitment due a few seconds from now: after the kill, so the survivor must fire them all.
        var commitmentsDue = start + Duration.FromSeconds(8);
        var scripts = Enumerable.Range(0, Incidents).Select(_ => new IncidentCommands(IncidentId.New(), start)).ToArray();
        var plans = scripts.Select(s => Plan(s, commitmentsDue)).ToArray();
        var total = plans.Sum(p => p.Count);
        var results = new ConcurrentDictionary<CommandId, CommandResult>();

        // Open every incident first, so that each grain has a silo before the kill and the victim is known.
        foreach (var plan in plans)
        {
            results[plan[0].CommandId] = await _cluster.Client.ExecuteAsync(plan[0]);
        }

        // The victim is the silo that does not hold the in-memory reminder table: that table stands for the durable
        // one a production cluster keeps in a database, which outlives any silo. (Opening registers no reminder, so
        // one is registered here to place the table.)
        var warmUp = new IncidentCommands(IncidentId.New(), start);
        await _cluster.Client.ExecuteAsync(warmUp.Open());
        await _cluster.Client.ExecuteAsync(warmUp.CapturePerspective());
        await _cluster.Client.ExecuteAsync(warmUp.Commit("k1") with { Due = start + Duration.FromDays(1) });
        var tableSilo = await _cluster.ReminderTableSiloAsync();
        var victim = _cluster.Cluster.Silos.First(s => !s.SiloAddress.Equals(tableSilo));
        var survivor = _cluster.Cluster.Silos.First(s => s != victim);
        var onVictim = new HashSet<IncidentId>();
        foreach (var script in scripts)
        {
            if (_cluster.SiloOf(await _cluster.Grain(script.IncidentId).Silo()) == victim)
            {
                onVictim.Add(script.IncidentId);
            }
        }

        var done = plans.Length;
        var halfway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var retries = 0;
        var afterKill = 0;
        var killed = 0;
        var queue = new ConcurrentQueue<IReadOnlyList<IncidentCommand>>(plans);

        // Two kinds of client: the external cluster client, and code running on the surviving silo.
        var clients = new[] { _cluster.Client, survivor.ServiceProvider.GetRequiredService<IAdvocacyClient>() };

        async Task WorkerAsync(IAdvocacyClient client)
        {
            while (queue.TryDequeue(out var plan))
            {
                foreach (var command in plan.Skip(1))
                {
                    // A client whose call failed (its silo died) retries the same command id until it gets an answer.
                    for (var attempt = 1; ; attempt++)
                    {
                        try
                        {
                            results[command.CommandId] = await client.ExecuteAsync(command);
                            break;
                        }
                        catch (Exception ex) when (attempt < 20 && ex is not Xunit.Sdk.XunitException)
                        {
                            Interlocked.Increment(ref retries);
                        }
                    }

                    Interlocked.Add(ref afterKill, Volatile.Read(ref killed));
                    if (Interlocked.Increment(ref done) == total / 2)
                    {
                        halfway.SetResult();
                    }
                }
            }
        }

        var workers = Enumerable.Range(0, Workers).Select(i => Task.Run(() => WorkerAsync(clients[i % clients.Length]))).ToArray();
        await halfway.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await _cluster.Cluster.KillSiloAsync(victim);
        Volatile.Write(ref killed, 1);
        _output.WriteLine($"killed after {_cluster.Clock.GetCurrentInstant() - start}, kill took {watch.Elapsed}");
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(90));
        _output.WriteLine($"{total} commands, {afterKill} completed after the kill, {retries} retried calls, {onVictim.Count} incidents on the killed silo; clients done {watch.Elapsed} after the kill");
        Assert.True(afterKill > 0, "every command completed before the kill");
        Assert.NotEmpty(onVictim);
        foreach (var id in onVictim)
        {
            Assert.Equal(survivor, _cluster.SiloOf(await _cluster.Grain(id).Silo()));
        }

        // Every accepted command's events are in the store exactly once; every incident replays to what the cluster serves.
        var store = _cluster.OpenStore();
        Assert.Equal(total, results.Count);
        foreach (var (script, plan) in scripts.Zip(plans))
        {
            var stream = await store.ReadStreamAsync(script.IncidentId, 1, CancellationToken.None);
            Assert.Equal(Enumerable.Range(1, stream.Count).Select(v => (long)v), stream.Select(e => e.Version));
            foreach (var command in plan)
            {
                var accepted = Assert.IsType<Accepted>(results[command.CommandId].Decision);
                Assert.Equal(accepted.Events.Count, stream.Count(e => e.Metadata.CommandId == command.CommandId));
            }

            Assert.Equal(IncidentEvolver.Replay(script.IncidentId, stream), await _cluster.Client.LoadAsync(script.IncidentId));
        }

        // The reminders registered before the kill fire on the survivor, each commitment is recorded missed once.
        foreach (var script in scripts)
        {
            var (action, result) = await _cluster.Handler.FiredAsync(new DueItemKey(script.IncidentId, DueItemKind.CommitmentDue, "k1"), TimeSpan.FromSeconds(60));
            Assert.True(result!.Decision.IsAccepted);
            var stream = await store.ReadStreamAsync(script.IncidentId, 1, CancellationToken.None);
            Assert.Single(stream, e => e is CommitmentMissed);
        }

        _output.WriteLine($"reminders fired {watch.Elapsed} after the kill");
        Assert.All(_cluster.Handler.All, fired => Assert.Equal(survivor.Name, fired.Silo));
    }

    private static IReadOnlyList<IncidentCommand> Plan(IncidentCommands s, Instant commitmentDue)
    {
        var conversation = 0;
        RecordConversation Talk() => new(s.IncidentId, CommandId.New(), s.Owner, "conv-" + ++conversation, new[] { "owner-1", "customer-1" }, null, null);
        return new IncidentCommand[]
        {
            s.Open(), s.CapturePerspective(), s.Commit("k1") with { Due = commitmentDue }, Talk(), s.StartAnalysis(), Talk(),
            s.ProposePlan("c1"), s.ApprovePlan(), s.StartExecution(), Talk(), s.MeetCriterion("c1"), Talk(),
        };
    }
}
