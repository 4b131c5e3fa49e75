using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.DueActions;
using CustomerAdvocacy.Engine;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Xunit.Abstractions;

namespace CustomerAdvocacy.Orleans.Tests;

[Collection(ClusterCollection.Name)]
public sealed class FailoverTests : IAsyncLifetime
{
    private const int Incidents = 24;
    private const int Workers = 8;
    private static readonly Duration CommitmentDueIn = Duration.FromSeconds(4);
    private readonly ITestOutputHelper _output;
    private AdvocacyCluster _cluster = null!;

    public FailoverTests(ITestOutputHelper output) => _output = output;

    public async Task InitializeAsync() => _cluster = await AdvocacyCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task ManyClients_OneSiloKilledMidRun_AcceptedCommandsRecordedOnceIncidentsReplayRemindersFireOnTheSurvivor()
    {
        var start = _cluster.Clock.GetCurrentInstant();

        var scripts = Enumerable.Range(0, Incidents).Select(_ => new IncidentCommands(IncidentId.New(), start)).ToArray();
        var plans = scripts.Select(Plan).ToArray();
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
        // Placement may have put few incidents on the victim: every other one moves there, so half of them fail over.
        var onVictim = new HashSet<IncidentId>();
        for (var i = 0; i < scripts.Length; i++)
        {
            var grain = _cluster.Grain(scripts[i].IncidentId);
            if (i % 2 == 0 && _cluster.SiloOf(await grain.Silo()) != victim)
            {
                await _cluster.Cluster.MigrateAsync(grain, victim.SiloAddress);
            }

            if (_cluster.SiloOf(await grain.Silo()) == victim)
            {
                onVictim.Add(scripts[i].IncidentId);
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
                foreach (var planned in plan.Skip(1))
                {
                    // Every incident owes a commitment due a few seconds after it is made: its reminder fires after the
                    // kill for most incidents, and those on the killed silo must fire on the survivor.
                    var command = planned is MakeCommitment commit ? commit with { Due = _cluster.Clock.GetCurrentInstant() + CommitmentDueIn } : planned;
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
        var killedAt = _cluster.Clock.GetCurrentInstant();
        Volatile.Write(ref killed, 1);
        _output.WriteLine($"killed after {_cluster.Clock.GetCurrentInstant() - start}, kill took {watch.Elapsed}");
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(90));
        _output.WriteLine($"{total} commands, {afterKill} completed after the kill, {retries} retried calls, {onVictim.Count} incidents on the killed silo; clients done {watch.Elapsed} after the kill");
        Assert.True(afterKill > 0, "every command completed before the kill");
        Assert.NotEmpty(onVictim);
        foreach (var id in onVictim)
        {
            await _cluster.Client.LoadAsync(id);
            Assert.Equal(survivor, _cluster.SiloOf(await _cluster.Grain(id).Silo()));
        }

        // Every incident's commitment reminder fires once; the ones due after the kill can only fire on the survivor.
        foreach (var script in scripts)
        {
            var (_, result) = await _cluster.Handler.FiredAsync(new DueItemKey(script.IncidentId, DueItemKind.CommitmentDue, "k1"), TimeSpan.FromSeconds(60));
            Assert.True(result!.Decision.IsAccepted);
        }

        _output.WriteLine($"reminders fired {watch.Elapsed} after the kill");
        var firedAfterKill = _cluster.Handler.All.Where(f => f.Action.Item.Due > killedAt).ToArray();
        Assert.Contains(firedAfterKill, f => onVictim.Contains(f.Action.Item.Key.IncidentId!.Value));
        Assert.All(firedAfterKill, f => Assert.Equal(survivor.Name, f.Silo));

        // Every accepted command's events are in the store exactly once; every incident replays to what the cluster serves.
        var store = _cluster.OpenStore();
        Assert.Equal(total, results.Count);
        foreach (var (script, plan) in scripts.Zip(plans))
        {
            var stream = await store.ReadStreamAsync(script.IncidentId, 1, CancellationToken.None);
            Assert.Equal(Enumerable.Range(1, stream.Count).Select(v => (long)v), stream.Select(e => e.Version));
            foreach (var command in plan)
            {
                var decision = results[command.CommandId].Decision;
                var accepted = decision as Accepted ?? throw new Xunit.Sdk.XunitException($"{command.GetType().Name} was not accepted: {decision}");
                Assert.Equal(accepted.Events.Count, stream.Count(e => e.Metadata.CommandId == command.CommandId));
            }

            Assert.Single(stream, e => e is CommitmentMissed);
            Assert.Equal(IncidentEvolver.Replay(script.IncidentId, stream), await _cluster.Client.LoadAsync(script.IncidentId));
        }
    }

    private static IReadOnlyList<IncidentCommand> Plan(IncidentCommands s)
    {
        var conversation = 0;
        RecordConversation Talk() => new(s.IncidentId, CommandId.New(), s.Owner, "conv-" + ++conversation, new[] { "owner-1", "customer-1" }, null, null);
        return new IncidentCommand[]
        {
            s.Open(), s.CapturePerspective(), s.Commit("k1"), Talk(), s.StartAnalysis(), Talk(),
            s.ProposePlan("c1"), s.ApprovePlan(), s.StartExecution(), Talk(), s.MeetCriterion("c1"), Talk(),
        };
    }
}
