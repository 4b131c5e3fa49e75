using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.DueActions;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Testing;
using NodaTime;
using Orleans;
using Xunit.Abstractions;

namespace CustomerAdvocacy.Orleans.Tests.Grains;

public sealed class IncidentGrainTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly ITestOutputHelper _output;
    private AdvocacyCluster _cluster = null!;

    public IncidentGrainTests(ITestOutputHelper output) => _output = output;

    public async Task InitializeAsync() => _cluster = await AdvocacyCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Execute_CommandsThroughTheGrain_PersistInTheSharedStoreAndReplayEqual()
    {
        var script = new IncidentCommands(IncidentId.New(), _cluster.Clock.GetCurrentInstant());
        CommandResult last = null!;
        foreach (var command in script.ToExecuting("c1"))
        {
            last = await _cluster.Client.ExecuteAsync(command);
            Assert.True(last.Decision.IsAccepted, command.GetType().Name);
        }

        var fromStore = IncidentEvolver.Replay(script.IncidentId, await _cluster.OpenStore().ReadStreamAsync(script.IncidentId, 1, CancellationToken.None));
        Assert.Equal(IncidentState.Executing, last.Incident.State);
        Assert.Equal(fromStore, last.Incident);
        Assert.Equal(fromStore, await _cluster.Client.LoadAsync(script.IncidentId));
    }

    [Fact]
    public async Task Reminder_CommitmentFallsDue_RecordsItMissedOnceEvenWhenFiredAgain()
    {
        var script = new IncidentCommands(IncidentId.New(), _cluster.Clock.GetCurrentInstant());
        await _cluster.Client.ExecuteAsync(script.Open());
        await _cluster.Client.ExecuteAsync(script.CapturePerspective());

        // Due sooner than Orleans' minimum reminder period (1 minute): armed for its exact instant all the same.
        var commit = script.Commit("k1") with { Due = _cluster.Clock.GetCurrentInstant() + Duration.FromSeconds(1) };
        await _cluster.Client.ExecuteAsync(commit);
        Assert.Equal(commit.Due!.Value.ToDateTimeOffset(), await _cluster.Grain(script.IncidentId).ArmedFor());
        var key = new DueItemKey(script.IncidentId, DueItemKind.CommitmentDue, "k1");
        var (action, result) = await _cluster.Handler.FiredAsync(key, Patience);
        Assert.Equal(DueActionKind.MarkMissed, action.Kind);
        Assert.True(result!.Decision.IsAccepted);
        var events = await _cluster.OpenStore().ReadStreamAsync(script.IncidentId, 1, CancellationToken.None);

        // The reminder fires again, in a fresh activation that has forgotten what it fired: the derived command id
        // makes the second application a duplicate.
        await _cluster.Cluster.DeactivateAsync(_cluster.Grain(script.IncidentId));
        var again = await _cluster.Engine().ExecuteAsync(action.IncidentCommand!);
        await _cluster.Grain(script.IncidentId).AsReference<IRemindable>().ReceiveReminder(CustomerAdvocacy.Orleans.Grains.IncidentGrain.ReminderName, default);
        Assert.True(again.IsDuplicate);
        Assert.Equal(events, await _cluster.OpenStore().ReadStreamAsync(script.IncidentId, 1, CancellationToken.None));
        Assert.Single(events, e => e is CommitmentMissed);
        Assert.Null(await _cluster.Grain(script.IncidentId).ArmedFor());
        _output.WriteLine(string.Join(", ", _cluster.Handler.All.Select(a => a.Silo)));
    }
}
