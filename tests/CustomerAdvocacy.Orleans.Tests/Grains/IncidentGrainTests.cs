using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.DueActions;
using CustomerAdvocacy.Engine;
using CustomerAdvocacy.Escalation;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Orleans.Grains;
using CustomerAdvocacy.Segmentation;
using CustomerAdvocacy.Storage;
using CustomerAdvocacy.Testing;
using Microsoft.Data.Sqlite;
using NodaTime;
using Orleans;
using Xunit.Abstractions;

namespace CustomerAdvocacy.Orleans.Tests.Grains;

[Collection(ClusterCollection.Name)]
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
    public async Task Execute_StoredEventCorrupt_CallerGetsTheLibrarysTypedException()
    {
        var script = new IncidentCommands(IncidentId.New(), _cluster.Clock.GetCurrentInstant());
        await _cluster.Client.ExecuteAsync(script.Open());
        await _cluster.Cluster.DeactivateAsync(_cluster.Grain(script.IncidentId));
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _cluster.DatabasePath }.ToString()))
        {
            await connection.OpenAsync();
            using var corrupt = connection.CreateCommand();
            corrupt.CommandText = "UPDATE events SET payload = '{broken' WHERE incident_id = $id AND version = 1";
            corrupt.Parameters.AddWithValue("$id", script.IncidentId.ToString());
            Assert.Equal(1, await corrupt.ExecuteNonQueryAsync());
        }

        var thrown = await Assert.ThrowsAsync<EventDeserializationException>(() => _cluster.Client.ExecuteAsync(script.CapturePerspective()));
        Assert.Contains(script.IncidentId.ToString(), thrown.Message, StringComparison.Ordinal);
        Assert.Contains("version 1", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_OpeningForUnknownCustomer_CallerGetsUnknownCustomerExceptionWithTheIdAndNothingIsStored()
    {
        var script = new IncidentCommands(IncidentId.New(), _cluster.Clock.GetCurrentInstant());
        var open = script.Open() with { CustomerId = AdvocacyCluster.UnknownCustomer };

        var thrown = await Assert.ThrowsAsync<UnknownCustomerException>(() => _cluster.Client.ExecuteAsync(open));

        Assert.Equal(AdvocacyCluster.UnknownCustomer, thrown.CustomerId);
        Assert.Contains(AdvocacyCluster.UnknownCustomer, thrown.Message, StringComparison.Ordinal);
        Assert.Empty(await _cluster.OpenStore().ReadStreamAsync(script.IncidentId, 1, CancellationToken.None));
        Assert.Null(await _cluster.OpenStore().FindCommandAsync(open.CommandId, CancellationToken.None));
        Assert.Equal(IncidentState.NotOpened, (await _cluster.Client.LoadAsync(script.IncidentId)).State);
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
        await _cluster.Grain(script.IncidentId).AsReference<IRemindable>().ReceiveReminder(IncidentGrain.ReminderName, default);
        Assert.True(again.IsDuplicate);
        Assert.Equal(events, await _cluster.OpenStore().ReadStreamAsync(script.IncidentId, 1, CancellationToken.None));
        Assert.Single(events, e => e is CommitmentMissed);
        Assert.Equal(await ServiceLevelDueAsync(script.IncidentId), await _cluster.Grain(script.IncidentId).ArmedFor());
        _output.WriteLine(string.Join(", ", _cluster.Handler.All.Select(a => a.Silo)));
    }

    [Fact]
    public async Task Execute_RetryLandsOnAnotherSilo_ReturnsTheRecordedOutcomeAndRecordsNothingTwice()
    {
        var script = new IncidentCommands(IncidentId.New(), _cluster.Clock.GetCurrentInstant());
        await _cluster.Client.ExecuteAsync(script.Open());
        var capture = script.CapturePerspective();
        var first = await _cluster.Client.ExecuteAsync(capture);
        var grain = _cluster.Grain(script.IncidentId);
        var before = _cluster.SiloOf(await grain.Silo());
        var other = _cluster.Cluster.Silos.Single(s => s != before);

        await _cluster.Cluster.MigrateAsync(grain, other.SiloAddress);
        Assert.Equal(other, _cluster.SiloOf(await grain.Silo()));
        var retry = await _cluster.Client.ExecuteAsync(capture);

        Assert.False(first.IsDuplicate);
        Assert.True(retry.IsDuplicate);
        Assert.Equal(first.Incident, retry.Incident);
        Assert.Equal(((Accepted)first.Decision).Events, ((Accepted)retry.Decision).Events);
        var stream = await _cluster.OpenStore().ReadStreamAsync(script.IncidentId, 1, CancellationToken.None);
        Assert.Equal(first.Incident.Version, stream.Count);
        Assert.Equal(((Accepted)first.Decision).Events.Count, stream.Count(e => e.Metadata.CommandId == capture.CommandId));
    }

    [Fact]
    public async Task Portfolio_OpenIncidentsOfASegment_CountsByStateListsBreachesAndSurvivesRebuild()
    {
        var now = _cluster.Clock.GetCurrentInstant();
        var engaged = new IncidentCommands(IncidentId.New(), now);
        var executing = new IncidentCommands(IncidentId.New(), now);
        var closed = new IncidentCommands(IncidentId.New(), now);
        foreach (var command in new IncidentCommand[] { engaged.Open(), engaged.CapturePerspective() }
            .Concat(executing.ToExecuting("c1"))
            .Concat(closed.ToExecuting("c1"))
            .Concat(new IncidentCommand[] { closed.MeetCriterion("c1"), closed.ProposeResolution(), closed.Confirm(), closed.Close() }))
        {
            Assert.True((await _cluster.Client.ExecuteAsync(command)).Decision.IsAccepted, command.GetType().Name);
        }

        var other = IncidentId.New();
        await _cluster.Client.ExecuteAsync(new OpenIncident(other, CommandId.New(), engaged.ServiceManager, "customer-other", "owner-1", new Segmentation.PolicyReference("critical", 1), null));
        var missed = engaged.Commit("k1") with { Due = _cluster.Clock.GetCurrentInstant() + Duration.FromMilliseconds(500) };
        await _cluster.Client.ExecuteAsync(missed);
        await _cluster.Handler.FiredAsync(new DueItemKey(engaged.IncidentId, DueItemKind.CommitmentDue, "k1"), Patience);

        var view = await _cluster.Client.GetPortfolioAsync("standard");
        Assert.Equal(2, view.OpenCount);
        Assert.Equal(new Dictionary<IncidentState, int> { [IncidentState.Engaged] = 1, [IncidentState.Executing] = 1 }, view.OpenByState);
        var breached = Assert.Single(view.Breached);
        Assert.Equal(engaged.IncidentId, breached.IncidentId);
        Assert.Equal(1, breached.MissedCommitments);
        Assert.Equal(1, (await _cluster.Client.GetPortfolioAsync("critical")).OpenCount);

        // A new activation (first use after its silo was lost) rebuilds from the store's state index and the streams.
        await _cluster.Cluster.DeactivateAsync(_cluster.Grains.GetGrain<IPortfolioGrain>("standard"));
        var rebuilt = await _cluster.Client.GetPortfolioAsync("standard");
        Assert.Equal(view.OpenByState, rebuilt.OpenByState);
        Assert.Equal(view.Breached, rebuilt.Breached);
    }

    [Fact]
    public async Task Reminder_FarFutureCommitment_IsArmedForItsInstantAndClearedWhenDelivered()
    {
        var script = new IncidentCommands(IncidentId.New(), _cluster.Clock.GetCurrentInstant());
        await _cluster.Client.ExecuteAsync(script.Open());
        await _cluster.Client.ExecuteAsync(script.CapturePerspective());
        var far = script.Commit("k-far") with { Due = _cluster.Clock.GetCurrentInstant() + Duration.FromDays(400) };
        var near = script.Commit("k-near") with { Due = _cluster.Clock.GetCurrentInstant() + Duration.FromDays(2) };
        await _cluster.Client.ExecuteAsync(far);
        Assert.Equal(far.Due!.Value.ToDateTimeOffset(), await _cluster.Grain(script.IncidentId).ArmedFor());
        await _cluster.Client.ExecuteAsync(near);
        Assert.Equal(near.Due!.Value.ToDateTimeOffset(), await _cluster.Grain(script.IncidentId).ArmedFor());
        await _cluster.Client.ExecuteAsync(script.Deliver("k-near"));
        Assert.Equal(far.Due!.Value.ToDateTimeOffset(), await _cluster.Grain(script.IncidentId).ArmedFor());
        await _cluster.Client.ExecuteAsync(script.Deliver("k-far"));
        Assert.Equal(await ServiceLevelDueAsync(script.IncidentId), await _cluster.Grain(script.IncidentId).ArmedFor());
    }

    [Fact]
    public async Task Reminder_TrialEndsAndReviewFallsDue_HandlerIsToldOnceWithNoCommandAndTheStreamIsUntouched()
    {
        var script = new IncidentCommands(IncidentId.New(), _cluster.Clock.GetCurrentInstant());
        await _cluster.Client.ExecuteAsync(script.Open());
        var soon = _cluster.Clock.GetCurrentInstant() + Duration.FromMilliseconds(500);
        var trial = new DueItem(script.IncidentId, DueItemKind.TrialEnd, "trial-backup", soon);
        var review = new DueItem(script.IncidentId, DueItemKind.ReviewDue, string.Empty, soon + Duration.FromMilliseconds(200));
        _cluster.Extra.Set(script.IncidentId, trial, review);
        await _cluster.Client.ExecuteAsync(script.CapturePerspective());

        var (trialAction, trialResult) = await _cluster.Handler.FiredAsync(trial.Key, Patience);
        var (reviewAction, reviewResult) = await _cluster.Handler.FiredAsync(review.Key, Patience);
        Assert.Equal(DueActionKind.Remind, trialAction.Kind);
        Assert.Equal(DueActionKind.Remind, reviewAction.Kind);
        Assert.Null(trialResult);
        Assert.Null(reviewResult);

        // Both items are still reported (the source says nothing changed), yet a further command fires neither again.
        var analysis = await _cluster.Client.ExecuteAsync(script.StartAnalysis());
        Assert.Equal(await ServiceLevelDueAsync(script.IncidentId), await _cluster.Grain(script.IncidentId).ArmedFor());
        Assert.Single(_cluster.Handler.All, a => a.Action.Item.Key == trial.Key);
        var stream = await _cluster.OpenStore().ReadStreamAsync(script.IncidentId, 1, CancellationToken.None);
        Assert.Equal(analysis.Incident.Version, stream.Count);
        Assert.DoesNotContain(stream, e => e.Metadata.Actor.Id == "customer-advocacy-scheduler");
        var view = await _cluster.Client.GetPortfolioAsync("standard");
        Assert.Equal(2, Assert.Single(view.Breached, e => e.IncidentId == script.IncidentId).OverdueItems);
    }

    [Fact]
    public async Task Execute_UnrelatedRecurrence_OpensTheLinkedIncidentWhoseGrainCatchesUpAndReports()
    {
        var script = new IncidentCommands(IncidentId.New(), _cluster.Clock.GetCurrentInstant());
        foreach (var command in script.ToExecuting("c1"))
        {
            await _cluster.Client.ExecuteAsync(command);
        }

        // The linked incident's grain is active (and empty) before the engine opens it through the store.
        var linked = IncidentId.New();
        Assert.Equal(IncidentState.NotOpened, (await _cluster.Client.LoadAsync(linked)).State);
        var result = await _cluster.Client.ExecuteAsync(new ClassifyUnrelatedRecurrence(script.IncidentId, CommandId.New(), script.Owner, "TCK-7", linked));

        var followUp = Assert.Single(result.FollowUps);
        Assert.True(followUp.Decision.IsAccepted);
        Assert.Equal(IncidentState.Opened, followUp.Incident.State);
        Assert.Equal(script.IncidentId, followUp.Incident.LinkedFrom);
        Assert.Equal(followUp.Incident, await _cluster.Client.LoadAsync(linked));
        Assert.Equal(1, (await _cluster.Client.GetPortfolioAsync("standard")).OpenByState[IncidentState.Opened]);
    }

    [Fact]
    public async Task Activation_CommitmentRecordedPastTheGrain_ArmsTheReminderAndFiresIt()
    {
        // As if a silo died between appending the commitment and arming its reminder: the events are in the store,
        // no reminder exists, and the retry of that command would be a duplicate that settles nothing.
        var script = new IncidentCommands(IncidentId.New(), _cluster.Clock.GetCurrentInstant());
        var engine = _cluster.Engine();
        await engine.ExecuteAsync(script.Open());
        await engine.ExecuteAsync(script.CapturePerspective());
        var commit = script.Commit("k1") with { Due = _cluster.Clock.GetCurrentInstant() + Duration.FromSeconds(1) };
        await engine.ExecuteAsync(commit);

        Assert.True((await _cluster.Client.ExecuteAsync(commit)).IsDuplicate);
        var (action, result) = await _cluster.Handler.FiredAsync(new DueItemKey(script.IncidentId, DueItemKind.CommitmentDue, "k1"), Patience);
        Assert.Equal(DueActionKind.MarkMissed, action.Kind);
        Assert.True(result!.Decision.IsAccepted);
    }

    [Fact]
    public async Task Reminder_HandlerFailsAfterTheMissWasRecorded_HandlerHearsOfItOnTheNextTick()
    {
        // The miss is recorded before the handler throws, so the incident no longer lists the commitment: the grain
        // must still call the handler again, with the same command, now a duplicate.
        var script = new IncidentCommands(IncidentId.New(), _cluster.Clock.GetCurrentInstant());
        var key = new DueItemKey(script.IncidentId, DueItemKind.CommitmentDue, "k1");
        _cluster.Handler.FailNext(key);
        await _cluster.Client.ExecuteAsync(script.Open());
        await _cluster.Client.ExecuteAsync(script.CapturePerspective());
        await _cluster.Client.ExecuteAsync(script.Commit("k1") with { Due = _cluster.Clock.GetCurrentInstant() + Duration.FromSeconds(1) });

        var (action, result) = await _cluster.Handler.FiredAsync(key, Patience);

        Assert.True(_cluster.Handler.Failed >= 1);
        Assert.Equal(DueActionKind.MarkMissed, action.Kind);
        Assert.True(result!.IsDuplicate);
        var events = await _cluster.OpenStore().ReadStreamAsync(script.IncidentId, 1, CancellationToken.None);
        Assert.Single(events.OfType<CommitmentMissed>());
        Assert.DoesNotContain(DueItemSources.ForIncident(await _cluster.Client.LoadAsync(script.IncidentId)), i => i.Key == key);
    }

    [Fact]
    public async Task Reminder_FirstResponseTargetPasses_RecordsTheWarningAndTheBreachOnceThroughTheEngine()
    {
        var id = IncidentId.New();
        var script = new IncidentCommands(id, _cluster.Clock.GetCurrentInstant());
        await _cluster.Client.ExecuteAsync(new OpenIncident(id, CommandId.New(), script.ServiceManager, "customer-acme", "owner-1", new Segmentation.PolicyReference("fast", 1), null));

        var breach = await _cluster.Handler.FiredAsync(new DueItemKey(id, DueItemKind.SlaBreach, DueItemReferences.FirstResponse), Patience);
        Assert.Equal(DueActionKind.RecordServiceLevel, breach.Action.Kind);
        Assert.True(breach.Result!.Decision.IsAccepted);
        var stream = await _cluster.OpenStore().ReadStreamAsync(id, 1, CancellationToken.None);
        Assert.Single(stream, e => e.Metadata.CommandId == breach.Action.IncidentCommand!.CommandId);
        Assert.All(_cluster.Handler.All.Where(f => f.Action.Item.Key.IncidentId == id), f => Assert.True(f.Result!.Decision.IsAccepted));

        // The breach is recorded, so it is no longer due: the reminder moves on to the far-off update and resolution items.
        Assert.Equal(await ServiceLevelDueAsync(id), await _cluster.Grain(id).ArmedFor());
        Assert.True(await _cluster.Grain(id).ArmedFor() > _cluster.Clock.GetCurrentInstant().ToDateTimeOffset());
    }

    [Fact]
    public async Task Reminder_LadderRungTimesOut_RaisesTheNextRungOnceThroughTheEngineEvenWhenFiredTwice()
    {
        var id = IncidentId.New();
        var script = new IncidentCommands(id, _cluster.Clock.GetCurrentInstant());
        await _cluster.Client.ExecuteAsync(new OpenIncident(id, CommandId.New(), script.ServiceManager, "customer-acme", "owner-1", new Segmentation.PolicyReference("escalating", 1), null));
        var raised = await _cluster.Client.ExecuteAsync(new RaiseEscalation(id, CommandId.New(), script.Owner, EscalationTriggerKind.CustomerRequest, "asked for a manager"));
        Assert.True(raised.Decision.IsAccepted);
        var timeOutAt = raised.Incident.Processes.Escalation!.TimeOutAt!.Value;
        Assert.Equal(timeOutAt.ToDateTimeOffset(), await _cluster.Grain(id).ArmedFor());

        var key = new DueItemKey(id, DueItemKind.LadderTimeOut, string.Empty);
        var (action, result) = await _cluster.Handler.FiredAsync(key, Patience);
        Assert.Equal(DueActionKind.Escalate, action.Kind);
        Assert.IsType<RecordEscalationTimeOut>(action.IncidentCommand);
        Assert.True(result!.Decision.IsAccepted);
        Assert.False(result.IsDuplicate);
        var events = await _cluster.OpenStore().ReadStreamAsync(id, 1, CancellationToken.None);
        var rose = Assert.Single(events.OfType<EscalationRose>());
        Assert.Equal((0, 1, EscalationLevel.Executive), (rose.FromRung, rose.ToRung, rose.Level));
        Assert.Equal(action.IncidentCommand!.CommandId, rose.Metadata.CommandId);

        // The same item fires again in a fresh activation (a lost tick retried after a failover): the grain plans the
        // same command id, and the engine answers with the recorded outcome instead of raising another rung.
        _cluster.Extra.Set(id, action.Item);
        await _cluster.Cluster.DeactivateAsync(_cluster.Grain(id));
        await _cluster.Grain(id).AsReference<IRemindable>().ReceiveReminder(IncidentGrain.ReminderName, default);
        var second = _cluster.Handler.All.Where(f => f.Action.Item.Key == key).ToArray();
        Assert.Equal(2, second.Length);
        Assert.True(second[1].Result!.IsDuplicate);
        Assert.Equal(events, await _cluster.OpenStore().ReadStreamAsync(id, 1, CancellationToken.None));
        Assert.Equal(EscalationLevel.Executive, (await _cluster.Client.LoadAsync(id)).Processes.Escalation!.Level);
        _cluster.Extra.Set(id);
    }

    // With no commitment open, the reminder waits for the incident's earliest service-level item (far off in these tests).
    private async Task<DateTimeOffset?> ServiceLevelDueAsync(IncidentId id)
    {
        var items = DueItemSources.ForIncident(await _cluster.Client.LoadAsync(id)).Where(i => i.Key.Kind != DueItemKind.CommitmentDue).ToArray();
        Assert.NotEmpty(items);
        return items.Min(i => i.Due).ToDateTimeOffset();
    }
}
