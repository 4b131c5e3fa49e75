using System;
using System.Linq;
using System.Threading.Tasks;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Engine;
using CustomerAdvocacy.Escalation;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Planning;
using CustomerAdvocacy.Resolution;
using CustomerAdvocacy.Review;
using CustomerAdvocacy.Segmentation;
using CustomerAdvocacy.Storage;
using CustomerAdvocacy.Testing;
using CustomerAdvocacy.Tests.Escalation;
using CustomerAdvocacy.Tests.Planning;
using NodaTime;
using NodaTime.Testing;

namespace CustomerAdvocacy.Tests.Acceptance;

/// <summary>
/// The seed cases that involve the sub-processes (communications, change plans, analysis, management review,
/// escalation), run through the engine on one incident stream: every command goes through
/// <see cref="IncidentEngine.ExecuteAsync"/>, and every event lands in the incident's stream.
/// </summary>
public sealed class SubProcessSeedCaseTests
{
    private static readonly Actor Fred = ChangePlanFixture.Fred;
    private static readonly Actor Customer = ChangePlanFixture.CustomerIt;
    private static readonly PolicyReference Strategic = new("strategic", 1);

    private readonly FakeClock _clock = new(ChangePlanFixture.At(2026, 11, 2, 10));
    private readonly InMemoryIncidentStore _store = new();
    private readonly IncidentEngine _engine;
    private readonly IncidentId _id = IncidentId.New();

    public SubProcessSeedCaseTests()
    {
        var policy = new AdvocacyPolicy(Duration.FromHours(2), Duration.FromHours(4), Duration.FromDays(5), TargetClock.BusinessTime, "gold");
        var context = new IncidentContext(policy, ChangePlanFixture.SaturdayChangeWindow())
        {
            EscalationLadder = EscalationFixture.Ladder,
            ReviewPolicy = ReviewPolicy.Default,
        };
        _engine = new IncidentEngine(_store, new FixedIncidentContextProvider(context), _clock);
    }

    [Fact]
    public async Task MonitoringAudit_ReleasedStraightToTheCustomer_IsBlocked()
    {
        await Open();
        var audit = CommunicationId.New();
        var tech = CommunicationTests.MonitoringCenter;
        await Accept(new DraftCommunication(_id, audit, CommandId.New(), tech, CommunicationKind.Audit, "Monitoring audit", new[] { Customer.Id }));

        // The monitoring centre emails its audit to the customer itself: only the account team releases.
        var byProducer = await _engine.ExecuteAsync(new ReleaseCommunication(_id, audit, CommandId.New(), tech, "email", Array.Empty<string>()));
        Assert.Equal(IncidentTrigger.ReleaseCommunication, Assert.IsType<NotAuthorized>(Reason(byProducer)).Trigger);

        // Even the account team cannot skip the internal review.
        var unreviewed = await _engine.ExecuteAsync(new ReleaseCommunication(_id, audit, CommandId.New(), CommunicationTests.ServiceManager, "call", Array.Empty<string>()));
        Assert.Equal(CommunicationState.Draft, Assert.IsType<NotPermittedInState<CommunicationState, CommunicationTrigger>>(Reason(unreviewed)).State);

        await Accept(new SubmitCommunicationForReview(_id, audit, CommandId.New(), tech));
        var released = await Accept(new ReleaseCommunication(_id, audit, CommandId.New(), CommunicationTests.ServiceManager, "review-call", new[] { "account-manager" }));

        var communication = released.Incident.Processes.FindCommunication(audit)!;
        Assert.Equal(CommunicationState.Released, communication.State);
        Assert.Contains(Customer.Id, communication.Release!.Participants);
        Assert.Equal(IncidentState.Opened, released.Incident.State);
        await AssertReplayEqualsLive(released.Incident);
    }

    [Fact]
    public async Task SaturdayPatch_ChangePlanNotConfirmedByTheCustomer_NeitherPlanNorIncidentCloses()
    {
        await OpenToExecuting();
        var plan = ChangePlanFixture.SaturdayPatch().Build();
        await Accept(new DraftChangePlan(_id, CommandId.New(), Fred, plan));
        await Accept(new ReviewChangePlanWithCustomer(_id, plan.Id, CommandId.New(), Fred, Customer.Id));
        await Accept(new ScheduleEarliestChangeSlot(_id, plan.Id, CommandId.New(), Fred, _clock.GetCurrentInstant()));
        _clock.Reset(ChangePlanFixture.At(2026, 11, 7, 6));
        await Accept(new StartChange(_id, plan.Id, CommandId.New(), Fred));
        await Accept(new PassPointOfNoReturn(_id, plan.Id, CommandId.New(), Fred));
        await Accept(new StartChangeValidation(_id, plan.Id, CommandId.New(), Fred));
        await Accept(new RecordCriterionMet(_id, CommandId.New(), Fred, "patched", "patch log", "fred"));
        await Accept(new ProposeResolution(_id, CommandId.New(), Fred));
        await Accept(new ConfirmResolution(_id, CommandId.New(), Customer));

        // The engineer on duty cannot speak for the customer, and the incident cannot close past the open plan.
        var notCustomer = await _engine.ExecuteAsync(new ConfirmAllIsWell(_id, plan.Id, CommandId.New(), new Actor("sarah", IncidentRole.Engineer)));
        Assert.IsType<NotAuthorized>(Reason(notCustomer));
        var close = await _engine.ExecuteAsync(new CloseIncident(_id, CommandId.New(), Fred));
        Assert.Equal(IncidentProcessRules.ChangePlansConfirmed, Assert.IsType<RuleBroken>(Reason(close)).Rule);
        var planProblem = Assert.IsType<ClosureProblem>(Assert.Single(Assert.IsType<RuleBroken>(Reason(close)).Violations));
        Assert.Equal(ClosureCondition.ChangePlansConfirmedByCustomer, planProblem.Condition);
        Assert.Equal([plan.Id.ToString()], planProblem.References);
        Assert.Equal(planProblem, Assert.Single(ClosureGate.Evaluate(close.Incident)));
        Assert.Equal(IncidentState.ResolutionProposed, (await _engine.LoadAsync(_id)).State);

        await Accept(new ConfirmAllIsWell(_id, plan.Id, CommandId.New(), Customer));
        var closed = await Accept(new CloseIncident(_id, CommandId.New(), Fred));

        Assert.Equal(IncidentState.Resolved, closed.Incident.State);
        Assert.True(closed.Incident.Processes.FindChangePlan(plan.Id)!.IsClosed);
        await AssertReplayEqualsLive(closed.Incident);
    }

    [Fact]
    public async Task ScreenPrinting_ExperimentWithoutTheCustomersApproval_IsRefused()
    {
        await Open();
        await Accept(new RecordFact(_id, CommandId.New(), AnalysisTestKit.Engineer, new Fact("f-returned", "logos-worn-after-washing", true, "Returned garments")));
        await Accept(new ProposeScenario(_id, CommandId.New(), AnalysisTestKit.Engineer, new Scenario("s-curing", "Insufficient curing", new[] { new Expectation("industrial-laundry", false) })));
        await Accept(new RecordFact(_id, CommandId.New(), AnalysisTestKit.Engineer, new Fact("f-laundry", "industrial-laundry", true, "Fire department's statement")));
        await Accept(new RecordSituationSummary(_id, CommandId.New(), Fred, AnalysisTestKit.Summary()));
        await Accept(new DraftProposal(_id, CommandId.New(), Fred, AnalysisTestKit.Proposal()));

        var experiment = await _engine.ExecuteAsync(new ExecuteProposalAction(_id, CommandId.New(), AnalysisTestKit.Vendor, "extra-curing"));
        Assert.Equal(AnalysisRules.ApprovedBeforeExecution, Assert.IsType<RuleBroken>(Reason(experiment)).Rule);

        // The get-well plan cannot start executing either while the proposal awaits the customer's approval.
        await Accept(new CapturePerspective(_id, CommandId.New(), Customer, new CustomerPerspective("worn logos", "crews look unprofessional", "durable logos", Duration.FromDays(14))));
        await Accept(new StartAnalysis(_id, CommandId.New(), Fred));
        await Accept(new ProposePlan(_id, CommandId.New(), Fred, _clock.GetCurrentInstant() + Duration.FromDays(14), new[] { new CriterionDraft("logos", "Logos survive industrial washing") }));
        await Accept(new ApprovePlan(_id, CommandId.New(), Customer));
        var execute = await _engine.ExecuteAsync(new StartExecution(_id, CommandId.New(), Fred));
        Assert.Equal(IncidentProcessRules.ProposalApprovedBeforeExecution, Assert.IsType<RuleBroken>(Reason(execute)).Rule);

        var incident = await _engine.LoadAsync(_id);
        Assert.Empty(incident.Processes.Analysis!.ExecutedActions);
        Assert.Equal(IncidentState.PlanApproved, incident.State);
    }

    [Fact]
    public async Task OutdatedSolution_RecurringIncidents_ReviewRecommendsAnUpgrade()
    {
        await OpenToExecuting();
        await Accept(new RecordCriterionMet(_id, CommandId.New(), Fred, "patched", "patch log", "fred"));
        await Accept(new ProposeResolution(_id, CommandId.New(), Fred));
        await Accept(new ConfirmResolution(_id, CommandId.New(), Customer));
        var closed = await Accept(new CloseIncident(_id, CommandId.New(), Fred));
        var closedAt = closed.Incident.ResolvedAt!.Value;
        var manager = CommunicationTests.ServiceManager;

        // The review follows the return to SOP, never before.
        var early = await _engine.ExecuteAsync(new StartManagementReview(_id, CommandId.New(), manager, closedAt));
        Assert.Equal(IncidentState.Resolved, Assert.IsType<NotPermittedInState>(Reason(early)).State);

        await Accept(new ReturnToSop(_id, CommandId.New(), Fred));
        _clock.Advance(Duration.FromDays(1));
        await Accept(new StartManagementReview(_id, CommandId.New(), manager, closedAt));
        var assessed = await Accept(new AssessCustomerFit(_id, CommandId.New(), manager, new CustomerFitFacts(4, SolutionOutdated: true, CostToServe: 50_000m, Revenue: 80_000m, StaffAbuseReported: false)));

        Assert.True(assessed.Incident.Processes.ManagementReview!.CustomerFit!.UpgradeRecommended);
        Assert.Equal(IncidentState.ReturnedToSop, assessed.Incident.State);

        // The lifecycle's review step waits for the management review to complete.
        var completeLifecycle = await _engine.ExecuteAsync(new CompleteReview(_id, CommandId.New(), manager));
        Assert.Equal(IncidentProcessRules.ManagementReviewComplete, Assert.IsType<RuleBroken>(Reason(completeLifecycle)).Rule);
        await AssertReplayEqualsLive(assessed.Incident);
    }

    [Fact]
    public async Task CommitmentMissed_RaisesTheEscalationInTheSameDecision_WithoutChangingTheLifecycle()
    {
        await Open();
        await Accept(new CapturePerspective(_id, CommandId.New(), Customer, new CustomerPerspective("line down", "no output", "line running", Duration.FromHours(8))));
        await Accept(new MakeCommitment(_id, CommandId.New(), Fred, "call-back", "fred", "Call back with the findings", _clock.GetCurrentInstant() + Duration.FromHours(1)));
        _clock.Advance(Duration.FromHours(2));

        var missedCommand = new RecordCommitmentMissed(_id, CommandId.New(), Fred, "call-back");
        var missed = await Accept(missedCommand);

        var events = ((Accepted)missed.Decision).Events;
        Assert.IsType<CommitmentMissed>(events[0]);
        var raised = Assert.IsType<EscalationRaised>(events[1]);
        Assert.Equal(EscalationTriggerKind.CommitmentMissed, raised.Reason);
        Assert.Equal(events[0].Version + 1, raised.Version);
        Assert.Equal(missedCommand.CommandId, raised.Metadata.CommandId);
        Assert.Equal(IncidentState.Engaged, missed.Incident.State);
        Assert.Equal(EscalationLevel.FrontlineService, missed.Incident.Processes.Escalation!.Level);

        // Nobody acknowledges: the rung times out and the escalation rises, still without touching the lifecycle.
        _clock.Reset(raised.TimeOutAt);
        var rose = await Accept(new RecordEscalationTimeOut(_id, CommandId.New(), Fred));
        Assert.Equal(EscalationLevel.ServiceManagement, rose.Incident.Processes.Escalation!.Level);
        Assert.Equal(IncidentState.Engaged, rose.Incident.State);

        // The same command id again records nothing new and returns the recorded outcome.
        var repeat = await _engine.ExecuteAsync(missedCommand);
        Assert.True(repeat.IsDuplicate);
        Assert.Equal(rose.Incident.Version, repeat.Incident.Version);
        await AssertReplayEqualsLive(rose.Incident);
    }

    [Fact]
    public async Task SubProcessCommand_StaleExpectedVersion_IsRejectedLikeAnyIncidentCommand()
    {
        var opened = await Open();
        var stale = await _engine.ExecuteAsync(new RaiseEscalation(_id, CommandId.New(), Fred, EscalationTriggerKind.CustomerRequest, "asked") { ExpectedVersion = opened.Incident.Version - 1 });
        Assert.IsType<StaleVersion>(Reason(stale));

        var raised = await Accept(new RaiseEscalation(_id, CommandId.New(), Fred, EscalationTriggerKind.CustomerRequest, "asked") { ExpectedVersion = opened.Incident.Version });
        Assert.Equal(opened.Incident.Version + 1, raised.Incident.Version);
        Assert.Equal(raised.Incident.Version, raised.Incident.Processes.Escalation!.Version);
    }

    private static Rejection Reason(CommandResult result) => Assert.IsType<Rejected>(result.Decision).Reason;

    private Task<CommandResult> Open() => Accept(new OpenIncident(_id, CommandId.New(), Fred, "semiconductor-fab", Fred.Id, Strategic, null));

    private async Task OpenToExecuting()
    {
        await Open();
        await Accept(new CapturePerspective(_id, CommandId.New(), Customer, new CustomerPerspective("patch needed", "a known defect stops a line", "patched before month-end", Duration.FromDays(7))));
        await Accept(new StartAnalysis(_id, CommandId.New(), Fred));
        await Accept(new ProposePlan(_id, CommandId.New(), Fred, _clock.GetCurrentInstant() + Duration.FromDays(10), new[] { new CriterionDraft("patched", "The patch is applied and the server is up") }));
        await Accept(new ApprovePlan(_id, CommandId.New(), Customer));
        await Accept(new StartExecution(_id, CommandId.New(), Fred));
    }

    private async Task<CommandResult> Accept(IncidentCommand command)
    {
        var result = await _engine.ExecuteAsync(command);
        Assert.True(result.Decision.IsAccepted, $"{command.GetType().Name} was rejected: {(result.Decision as Rejected)?.Reason}");
        return result;
    }

    private async Task AssertReplayEqualsLive(Incident live)
    {
        var events = await _store.ReadStreamAsync(_id, 1, default);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(v => (long)v), events.Select(e => e.Version));
        Assert.Equal(live, IncidentEvolver.Replay(_id, events));
    }
}
