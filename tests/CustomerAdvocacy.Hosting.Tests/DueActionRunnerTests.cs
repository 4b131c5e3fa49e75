using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.DueActions;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Engine;
using CustomerAdvocacy.Escalation;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CustomerAdvocacy.Hosting.Tests;

public sealed class DueActionRunnerTests
{
    // A safety net against a hung test, never a wait for time to pass: fake time only moves when a test advances it.
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Runner_CommitmentDue_WakesAtTheDueInstantAndMarksItMissed()
    {
        await using var fixture = HostFixture.Create();
        var due = HostFixture.Start + Duration.FromHours(1);
        var armed = fixture.ArmedAt(due);
        var missed = fixture.MissedRecorded("call-back");
        await fixture.Host.StartAsync();

        var id = await fixture.OpenWithCommitmentsAsync(("call-back", due));
        await armed.WaitAsync(Hang);

        fixture.Time.Advance(TimeSpan.FromMinutes(59));
        Assert.False(missed.IsCompleted);
        Assert.Equal(CommitmentStatus.Open, (await fixture.Engine.LoadAsync(id)).Commitments.Single().Status);

        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var result = await missed.WaitAsync(Hang);

        Assert.Equal(id, result.Incident.Id);
        Assert.Equal(CommitmentStatus.Missed, result.Incident.Commitments.Single().Status);
        Assert.Equal(due, LastEventTime(result));
    }

    [Fact]
    public async Task Runner_NothingDue_SleepsUntilTheEarliestItem()
    {
        await using var fixture = HostFixture.Create();
        var later = HostFixture.Start + Duration.FromMinutes(50);
        var earlier = HostFixture.Start + Duration.FromMinutes(20);
        var armedEarlier = fixture.ArmedAt(earlier);
        await fixture.Host.StartAsync();

        await fixture.OpenWithCommitmentsAsync(("later", later));
        await fixture.OpenWithCommitmentsAsync(("earlier", earlier));

        // The second incident re-arms the runner: it now sleeps until the earlier of the two instants.
        await armedEarlier.WaitAsync(Hang);
    }

    [Fact]
    public async Task Runner_CommitmentDelivered_RearmsToTheNextItem()
    {
        await using var fixture = HostFixture.Create();
        var due = HostFixture.Start + Duration.FromHours(1);

        // Opened Monday 09:00 with no response yet: the first-response warning is due at 75 % of four business hours.
        var warning = HostFixture.Start + Duration.FromHours(3);
        var armedAtCommitment = fixture.ArmedAt(due);
        var armedAtWarning = fixture.ArmedAt(warning);
        await fixture.Host.StartAsync();
        var id = await fixture.OpenWithCommitmentsAsync(("call-back", due));
        await armedAtCommitment.WaitAsync(Hang);

        await fixture.Engine.ExecuteAsync(new CustomerAdvocacy.Incidents.DeliverCommitment(id, CustomerAdvocacy.Kernel.CommandId.New(), HostFixture.Owner, "call-back"));

        await armedAtWarning.WaitAsync(Hang);
    }

    [Fact]
    public async Task Runner_FirstResponseBreached_RecordsItOnTheIncidentAndCountsIt()
    {
        var breaches = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var fixture = HostFixture.Create();
        using var listener = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == DueActionRunner.MeterName && instrument.Name == DueActionRunner.SlaBreachesInstrumentName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
        {
            if (ReferenceEquals(instrument.Meter, fixture.Runner.Meter))
            {
                foreach (var tag in tags)
                {
                    breaches.TrySetResult((string)tag.Value!);
                }
            }
        });
        listener.Start();
        var breachAt = HostFixture.Start + Duration.FromHours(4);
        var armed = fixture.ArmedAt(HostFixture.Start + Duration.FromHours(3));
        await fixture.Host.StartAsync();
        var id = await fixture.OpenWithCommitmentsAsync();
        await armed.WaitAsync(Hang);

        fixture.Time.Advance((breachAt - HostFixture.Start).ToTimeSpan());

        Assert.Equal(DueItemReferences.FirstResponse, await breaches.Task.WaitAsync(Hang));
        var firstResponse = (await fixture.Engine.LoadAsync(id)).ServiceLevels!.FirstResponse;
        Assert.True(firstResponse.WarningRaised && firstResponse.Breached, "the runner records the warning and the breach on the incident");
    }

    [Fact]
    public async Task Runner_LadderRungTimesOut_RaisesTheNextRungOnce()
    {
        await using var fixture = HostFixture.Create(configure: o => o
            .AddSegmentCatalog(HostFixture.Catalog())
            .AddCustomer(HostFixture.Customer())
            .AddEscalationLadder("standard-ladder", HostFixture.Ladder())
            .UseInMemoryStore());
        var rises = new System.Collections.Concurrent.ConcurrentQueue<EscalationRose>();
        fixture.Engine.CommandExecuted += (_, result) =>
        {
            if (result.Decision is Accepted accepted)
            {
                foreach (var rose in accepted.Events.OfType<EscalationRose>())
                {
                    rises.Enqueue(rose);
                }
            }
        };

        // Raised Monday 09:00: the frontline rung times out after one business hour, the next rung one hour later.
        var firstTimeOut = HostFixture.Start + Duration.FromHours(1);
        var secondTimeOut = HostFixture.Start + Duration.FromHours(2);
        var armedAtFirst = fixture.ArmedAt(firstTimeOut);
        var armedAtSecond = fixture.ArmedAt(secondTimeOut);
        await fixture.Host.StartAsync();
        var id = await fixture.OpenWithCommitmentsAsync();
        var raised = await fixture.Engine.ExecuteAsync(new RaiseEscalation(id, CommandId.New(), HostFixture.Owner, EscalationTriggerKind.CustomerRequest, "asked"));
        Assert.True(raised.Decision.IsAccepted, $"raise was rejected: {(raised.Decision as Rejected)?.Reason}");
        await armedAtFirst.WaitAsync(Hang);
        Assert.Empty(rises);

        fixture.Time.Advance(TimeSpan.FromHours(1));
        await armedAtSecond.WaitAsync(Hang);

        var rose = Assert.Single(rises);
        Assert.Equal((0, 1, EscalationLevel.ServiceManagement, secondTimeOut), (rose.FromRung, rose.ToRung, rose.Level, rose.TimeOutAt));
        Assert.Equal(firstTimeOut, rose.Metadata.OccurredAt);
        var escalation = (await fixture.Engine.LoadAsync(id)).Processes.Escalation!;
        Assert.Equal((1, EscalationLevel.ServiceManagement), (escalation.Rung, escalation.Level));
    }

    [Fact]
    public async Task Runner_ReviewDueAfterReturnToSop_ArmedAndHandedToTheHandler()
    {
        RecordingHandler? handler = null;
        await using var fixture = HostFixture.Create(
            services => services.AddSingleton<IDueActionHandler>(sp => handler = new RecordingHandler(new LoggingDueActionHandler())),
            o =>
            {
                o.AddSegmentCatalog(HostFixture.Catalog()).AddCustomer(HostFixture.Customer()).UseInMemoryStore();
                o.ReviewPolicy = CustomerAdvocacy.Review.ReviewPolicy.Default;
            });
        var arms = new ArmLog(fixture.Runner);
        await fixture.Host.StartAsync();
        var customer = new Actor("customer-it", IncidentRole.CustomerContact);
        var manager = new Actor("manager", IncidentRole.ServiceManager);
        var owner = HostFixture.Owner;
        var id = await fixture.OpenWithCommitmentsAsync();
        await fixture.Accept(new StartAnalysis(id, CommandId.New(), owner));
        await fixture.Accept(new ProposePlan(id, CommandId.New(), owner, HostFixture.Start + Duration.FromDays(10), new[] { new CustomerAdvocacy.Resolution.CriterionDraft("fixed", "Orders flow again") }));
        await fixture.Accept(new ApprovePlan(id, CommandId.New(), customer));
        await fixture.Accept(new StartExecution(id, CommandId.New(), owner));
        await fixture.Accept(new RecordCriterionMet(id, CommandId.New(), owner, "fixed", "order log", owner.Id));
        await fixture.Accept(new ProposeResolution(id, CommandId.New(), owner));
        await fixture.Accept(new ConfirmResolution(id, CommandId.New(), customer));
        var closed = await fixture.Accept(new CloseIncident(id, CommandId.New(), owner));
        await fixture.Accept(new ReturnToSop(id, CommandId.New(), owner));
        var started = await fixture.Accept(new CustomerAdvocacy.Review.StartManagementReview(id, CommandId.New(), manager, closed.Incident.ResolvedAt!.Value));
        Assert.Equal(IncidentState.ReturnedToSop, started.Incident.State);
        var reviewDue = started.Incident.Processes.ManagementReview!.DueAt!.Value;

        // A returned incident is still armed: the runner sleeps until its review falls due.
        await arms.At(reviewDue).WaitAsync(Hang);
        fixture.Time.Advance((reviewDue - HostFixture.Start).ToTimeSpan());
        var action = await handler!.Handled(DueItemKind.ReviewDue).WaitAsync(Hang);

        Assert.Equal((id, reviewDue, DueActionKind.Remind), (action.Item.Key.IncidentId, action.Item.Due, action.Kind));
        Assert.Null(action.IncidentCommand);
    }

    [Fact]
    public async Task Runner_FailingAction_IsLoggedAndTheLoopGoesOn()
    {
        var handler = new FailingOnceHandler("first");
        await using var fixture = HostFixture.Create(services => services.AddSingleton<IDueActionHandler>(handler));
        await fixture.Host.StartAsync();
        var first = HostFixture.Start + Duration.FromHours(1);
        var second = HostFixture.Start + Duration.FromHours(2);
        await fixture.OpenWithCommitmentsAsync(("first", first), ("second", second));

        fixture.Time.Advance(TimeSpan.FromHours(2));
        await handler.Handled("second").WaitAsync(Hang);

        Assert.Contains(fixture.Logs.Entries, e => e.EventId.Id == HostingLog.DueActionFailedId && e.Exception is InvalidOperationException);

        // The failed action is tried again after the retry delay, with the same command id.
        var retried = handler.Handled("first");
        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var retry = await retried.WaitAsync(Hang);
        Assert.Equal(DueActionPlanner.CommandIdFor(new DueItem(retry.Item.Key, first)), retry.IncidentCommand!.CommandId);
        Assert.Equal(2, handler.Calls("first"));
    }

    [Fact]
    public async Task Runner_CommitmentDueWithAHostHandler_CommandAppliedFirstThenTheHandlerHearsItsOutcome()
    {
        var handler = new OutcomeHandler();
        await using var fixture = HostFixture.Create(services => services.AddSingleton<IDueActionHandler>(handler));
        await fixture.Host.StartAsync();
        var due = HostFixture.Start + Duration.FromHours(1);
        var id = await fixture.OpenWithCommitmentsAsync(("call-back", due));

        fixture.Time.Advance(TimeSpan.FromHours(1));
        var (action, result) = await handler.Heard.Task.WaitAsync(Hang);

        Assert.Equal(DueActionKind.MarkMissed, action.Kind);
        Assert.True(result!.Decision.IsAccepted);
        Assert.Equal(id, result.Incident.Id);
        Assert.Equal(CommitmentStatus.Missed, result.Incident.Commitments.Single().Status);
        Assert.Equal(result.Incident, await fixture.Engine.LoadAsync(id));
    }

    [Fact]
    public async Task Runner_HostStops_StopsCleanly()
    {
        await using var fixture = HostFixture.Create();
        var sleeping = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Runner.Armed += _ => sleeping.TrySetResult(true);
        await fixture.Host.StartAsync();
        await sleeping.Task.WaitAsync(Hang);

        using var deadline = new CancellationTokenSource(Hang);
        await fixture.Host.StopAsync(deadline.Token);

        Assert.True(fixture.Runner.ExecuteTask!.IsCompleted);
        Assert.False(fixture.Runner.ExecuteTask.IsFaulted);
        Assert.True(fixture.Logs.Has(HostingLog.RunnerStoppedId));
    }

    [Fact]
    public async Task Runner_Disabled_DoesNotRun()
    {
        await using var fixture = HostFixture.Create(configure: o =>
        {
            o.AddSegmentCatalog(HostFixture.Catalog()).AddCustomer(HostFixture.Customer()).UseInMemoryStore();
            o.RunDueActions = false;
        });
        await fixture.Host.StartAsync();

        Assert.True(fixture.Runner.ExecuteTask!.IsCompletedSuccessfully);
        Assert.False(fixture.Logs.Has(HostingLog.RunnerStartedId));
    }

    private static Instant LastEventTime(CustomerAdvocacy.Engine.CommandResult result)
        => ((CustomerAdvocacy.Kernel.Accepted)result.Decision).Events[^1].Metadata.OccurredAt;

    private sealed class FailingOnceHandler : IDueActionHandler
    {
        private readonly string _failOnce;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _calls = new();
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource<DueAction>> _handled = new();

        internal FailingOnceHandler(string failOnce) => _failOnce = failOnce;

        internal int Calls(string commitmentId) => _calls.TryGetValue(commitmentId, out var n) ? n : 0;

        internal Task<DueAction> Handled(string commitmentId)
            => _handled.GetOrAdd(commitmentId, _ => new TaskCompletionSource<DueAction>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

        public Task HandleAsync(DueAction action, CustomerAdvocacy.Engine.CommandResult? result, CancellationToken cancellationToken)
        {
            var reference = action.Item.Key.Reference;
            if (action.Item.Key.Kind != DueItemKind.CommitmentDue)
            {
                return Task.CompletedTask;
            }

            if (_calls.AddOrUpdate(reference, 1, (_, n) => n + 1) == 1 && reference == _failOnce)
            {
                throw new InvalidOperationException("The downstream system is unavailable.");
            }

            _handled.GetOrAdd(reference, _ => new TaskCompletionSource<DueAction>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(action);
            return Task.CompletedTask;
        }
    }

    /// <summary>Signals the first commitment action it hears, with the engine's outcome.</summary>
    private sealed class OutcomeHandler : IDueActionHandler
    {
        internal TaskCompletionSource<(DueAction Action, CustomerAdvocacy.Engine.CommandResult? Result)> Heard { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task HandleAsync(DueAction action, CustomerAdvocacy.Engine.CommandResult? result, CancellationToken cancellationToken)
        {
            if (action.Item.Key.Kind == DueItemKind.CommitmentDue)
            {
                Heard.TrySetResult((action, result));
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>Delegates to another handler and signals each item kind it was given.</summary>
    private sealed class RecordingHandler : IDueActionHandler
    {
        private readonly IDueActionHandler _inner;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<DueItemKind, TaskCompletionSource<DueAction>> _handled = new();

        internal RecordingHandler(IDueActionHandler inner) => _inner = inner;

        internal Task<DueAction> Handled(DueItemKind kind)
            => _handled.GetOrAdd(kind, _ => new TaskCompletionSource<DueAction>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

        public async Task HandleAsync(DueAction action, CustomerAdvocacy.Engine.CommandResult? result, CancellationToken cancellationToken)
        {
            await _inner.HandleAsync(action, result, cancellationToken);
            _handled.GetOrAdd(action.Item.Key.Kind, _ => new TaskCompletionSource<DueAction>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(action);
        }
    }

    /// <summary>Every instant the runner armed, so a test can wait for one it learns only later.</summary>
    private sealed class ArmLog
    {
        private readonly object _gate = new();
        private readonly System.Collections.Generic.List<Instant> _armed = new();
        private readonly System.Collections.Generic.List<(Instant At, TaskCompletionSource<bool> Signal)> _waiting = new();

        internal ArmLog(DueActionRunner runner) => runner.Armed += OnArmed;

        internal Task At(Instant at)
        {
            lock (_gate)
            {
                var signal = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                if (_armed.Contains(at))
                {
                    signal.SetResult(true);
                }
                else
                {
                    _waiting.Add((at, signal));
                }

                return signal.Task;
            }
        }

        private void OnArmed(Instant? at)
        {
            if (at is not { } instant)
            {
                return;
            }

            lock (_gate)
            {
                _armed.Add(instant);
                foreach (var (waitingFor, signal) in _waiting)
                {
                    if (waitingFor == instant)
                    {
                        signal.TrySetResult(true);
                    }
                }
            }
        }
    }
}
