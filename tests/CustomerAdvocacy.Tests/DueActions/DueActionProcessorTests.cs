using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.DueActions;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Engine;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Storage;
using CustomerAdvocacy.Testing;
using NodaTime;
using NodaTime.Testing;

namespace CustomerAdvocacy.Tests.DueActions;

/// <summary>The one due-action step of every host: plan, apply the command through the engine, tell the handler.</summary>
public sealed class DueActionProcessorTests
{
    // Friday 27 March 2026, 15:00 in London (GMT). The clocks go forward on Sunday 29 March, so business time counted
    // from here lands on Monday in BST.
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 27, 15, 0);
    private static readonly Actor Scheduler = new("due-action-runner", IncidentRole.ServiceManager);

    private readonly InMemoryIncidentStore _store = new();
    private readonly FakeClock _clock = new(Start);
    private readonly IncidentEngine _engine;
    private readonly IncidentCommands _script = new(IncidentId.New(), Start);
    private readonly RecordingHandler _handler = new();

    public DueActionProcessorTests() => _engine = new IncidentEngine(_store, FixedIncidentContextProvider.Standard, _clock);

    [Fact]
    public async Task ProcessAsync_CommitmentFellDueAfterTheDstChange_MarksItMissedThroughTheEngineThenTellsTheHandler()
    {
        var item = await CommitmentDueAsync("findings", Duration.FromHours(4));
        var processor = new DueActionProcessor(_engine, Scheduler, _handler);
        _clock.Reset(item.Due);

        var outcome = await processor.ProcessAsync(item, CancellationToken.None);

        // Two and a half business hours on Friday (15:00–17:30 GMT), the remaining one and a half from 09:00 BST on
        // Monday: 10:30 BST, 09:30 UTC.
        Assert.Equal(Instant.FromUtc(2026, 3, 30, 9, 30), item.Due);
        var command = Assert.IsType<RecordCommitmentMissed>(outcome.Action.IncidentCommand);
        Assert.Equal((DueActionPlanner.CommandIdFor(item), Scheduler, "findings"), (command.CommandId, command.Actor, command.CommitmentId));
        var result = outcome.Result!;
        var missed = Assert.IsType<CommitmentMissed>(Assert.Single(Assert.IsType<Accepted>(result.Decision).Events));
        Assert.Equal(item.Due, missed.Metadata.OccurredAt);
        Assert.Equal(CommitmentStatus.Missed, result.Incident.Commitments.Single().Status);
        Assert.Equal(new[] { (outcome.Action, (CommandResult?)result) }, _handler.Calls);
    }

    [Fact]
    public async Task ProcessAsync_SameItemAgain_RecordedOnceAndTheHandlerHearsTheDuplicate()
    {
        var item = await CommitmentDueAsync("findings", Duration.FromHours(1));
        var processor = new DueActionProcessor(_engine, Scheduler, _handler);
        _clock.Reset(item.Due);

        var first = await processor.ProcessAsync(item, CancellationToken.None);
        var again = await new DueActionProcessor(_engine, Scheduler, _handler).ProcessAsync(item, CancellationToken.None);

        Assert.False(first.Result!.IsDuplicate);
        Assert.True(again.Result!.IsDuplicate);
        Assert.Equal(first.Action, again.Action);
        Assert.Single(await StreamAsync(), e => e is CommitmentMissed);
        Assert.Equal(2, _handler.Calls.Count);
    }

    [Fact]
    public async Task ProcessAsync_ItemWithoutCommand_HandlerGetsNoResultAndNothingIsRecorded()
    {
        await _engine.ExecuteAsync(_script.Open());
        var before = await StreamAsync();
        var processor = new DueActionProcessor(_engine, Scheduler, _handler);
        var applied = 0;

        var outcome = await processor.ProcessAsync(
            new DueItem(_script.IncidentId, DueItemKind.ReviewDue, string.Empty, Start + Duration.FromDays(5)),
            (_, _) =>
            {
                applied++;
                return Task.CompletedTask;
            },
            CancellationToken.None);

        Assert.Null(outcome.Result);
        Assert.Null(outcome.Action.IncidentCommand);
        Assert.Equal(DueActionKind.Remind, outcome.Action.Kind);
        Assert.Equal(0, applied);
        Assert.Equal(new[] { (outcome.Action, (CommandResult?)null) }, _handler.Calls);
        Assert.Equal(before, await StreamAsync());
    }

    [Fact]
    public async Task ProcessAsync_CommandApplied_CallbackSeesItRecordedBeforeTheHandlerHears()
    {
        var item = await CommitmentDueAsync("findings", Duration.FromHours(1));
        var order = new List<string>();
        var handler = new RecordingHandler(() => order.Add("handler"));
        var processor = new DueActionProcessor(_engine, Scheduler, handler);
        _clock.Reset(item.Due);

        await processor.ProcessAsync(
            item,
            async (action, result) =>
            {
                Assert.Contains(await StreamAsync(), e => e is CommitmentMissed);
                Assert.IsType<RecordCommitmentMissed>(action.IncidentCommand);
                order.Add("callback:" + result.Decision.IsAccepted);
            },
            CancellationToken.None);

        Assert.Equal(new[] { "callback:True", "handler" }, order);
    }

    [Fact]
    public async Task ProcessAsync_HandlerThrows_CommandStaysRecordedAndTheRetryIsADuplicate()
    {
        var item = await CommitmentDueAsync("findings", Duration.FromHours(1));
        var failOnce = true;
        var handler = new RecordingHandler(() =>
        {
            if (failOnce)
            {
                failOnce = false;
                throw new InvalidOperationException("The pager is down.");
            }
        });
        var processor = new DueActionProcessor(_engine, Scheduler, handler);
        _clock.Reset(item.Due);

        await Assert.ThrowsAsync<InvalidOperationException>(() => processor.ProcessAsync(item, CancellationToken.None));
        var stream = await StreamAsync();
        var retry = await processor.ProcessAsync(item, CancellationToken.None);

        Assert.Single(stream, e => e is CommitmentMissed);
        Assert.True(retry.Result!.IsDuplicate);
        Assert.Equal(stream, await StreamAsync());
        Assert.Equal(2, handler.Calls.Count);
    }

    [Fact]
    public async Task ProcessAsync_Cancelled_NothingRecordedAndTheHandlerNotCalled()
    {
        var item = await CommitmentDueAsync("findings", Duration.FromHours(1));
        var before = await StreamAsync();
        var processor = new DueActionProcessor(_engine, Scheduler, _handler);
        _clock.Reset(item.Due);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => processor.ProcessAsync(item, cancelled.Token));

        Assert.Equal(before, await StreamAsync());
        Assert.Empty(_handler.Calls);
    }

    [Fact]
    public async Task ProcessAsync_CommitmentDeliveredMeanwhile_HandlerHearsTheRejection()
    {
        var item = await CommitmentDueAsync("findings", Duration.FromHours(1));
        await _engine.ExecuteAsync(_script.Deliver("findings"));
        var before = await StreamAsync();
        var processor = new DueActionProcessor(_engine, Scheduler, _handler);
        _clock.Reset(item.Due);

        var outcome = await processor.ProcessAsync(item, CancellationToken.None);

        Assert.IsType<Rejected>(outcome.Result!.Decision);
        Assert.Same(outcome.Result, Assert.Single(_handler.Calls).Result);
        Assert.Equal(before, await StreamAsync());
    }

    [Fact]
    public async Task ProcessAsync_ItemThePlannerRefuses_ArgumentExceptionAndTheHandlerNotCalled()
    {
        var processor = new DueActionProcessor(_engine, Scheduler, _handler);

        await Assert.ThrowsAsync<ArgumentException>(() => processor.ProcessAsync(new DueItem(_script.IncidentId, DueItemKind.SlaBreach, "get-well", Start), CancellationToken.None));

        Assert.Empty(_handler.Calls);
    }

    [Fact]
    public void Constructor_NullArguments_ArgumentNullExceptionNamingEach()
    {
        Assert.Equal("engine", Assert.Throws<ArgumentNullException>(() => new DueActionProcessor(null!, Scheduler, _handler)).ParamName);
        Assert.Equal("actor", Assert.Throws<ArgumentNullException>(() => new DueActionProcessor(_engine, null!, _handler)).ParamName);
        Assert.Equal("handler", Assert.Throws<ArgumentNullException>(() => new DueActionProcessor(_engine, Scheduler, null!)).ParamName);
    }

    [Fact]
    public void Planner_IssuesAsTheGivenActor()
        => Assert.Same(Scheduler, new DueActionProcessor(_engine, Scheduler, _handler).Planner.Actor);

    // Opens the incident and makes a commitment due some business hours from now in the customer's calendar; returns
    // the commitment's item as the incident's state lists it.
    private async Task<DueItem> CommitmentDueAsync(string commitmentId, Duration businessTime)
    {
        await _engine.ExecuteAsync(_script.Open());
        await _engine.ExecuteAsync(_script.CapturePerspective());
        var due = IncidentContexts.LondonOffice.Add(_clock.GetCurrentInstant(), businessTime);
        var made = await _engine.ExecuteAsync(_script.Commit(commitmentId) with { Due = due });
        Assert.True(made.Decision.IsAccepted);
        return DueItemSources.ForIncident(made.Incident).Single(i => i.Key.Kind == DueItemKind.CommitmentDue && i.Key.Reference == commitmentId);
    }

    private Task<IReadOnlyList<IncidentEvent>> StreamAsync() => _store.ReadStreamAsync(_script.IncidentId, 1, CancellationToken.None);

    private sealed class RecordingHandler : IDueActionHandler
    {
        private readonly Action? _onCall;

        public RecordingHandler(Action? onCall = null) => _onCall = onCall;

        public List<(DueAction Action, CommandResult? Result)> Calls { get; } = new();

        public Task HandleAsync(DueAction action, CommandResult? result, CancellationToken cancellationToken)
        {
            Calls.Add((action, result));
            _onCall?.Invoke();
            return Task.CompletedTask;
        }
    }
}
