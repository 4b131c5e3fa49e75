using System;
using System.Collections.Generic;
using CustomerAdvocacy.Escalation;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Planning;
using CustomerAdvocacy.Review;
using CustomerAdvocacy.Scheduling;
using CustomerAdvocacy.Segmentation;
using CustomerAdvocacy.Testing;
using CustomerAdvocacy.Tests.Planning;
using NodaTime;

namespace CustomerAdvocacy.Tests.Storage;

/// <summary>
/// Streams that together record every sub-process event type in one incident stream each (a trial ends one way per
/// incident, so its three endings take three streams), decided through the engine's decider under one context.
/// </summary>
internal static class SubProcessGoldenStreams
{
    internal static readonly IncidentId MainId = new(new Guid("5b0c1a55-0000-4000-8000-000000000010"));
    internal static readonly IncidentId DeclinedId = new(new Guid("5b0c1a55-0000-4000-8000-000000000011"));
    internal static readonly IncidentId PurchasedId = new(new Guid("5b0c1a55-0000-4000-8000-000000000012"));
    internal static readonly ChangePlanId PatchPlan = new(new Guid("5b0c1a55-0000-4000-8000-0000000000a1"));
    internal static readonly ChangePlanId RolledBackPlan = new(new Guid("5b0c1a55-0000-4000-8000-0000000000a2"));
    internal static readonly CommunicationId ReleasedAudit = new(new Guid("5b0c1a55-0000-4000-8000-0000000000c1"));
    internal static readonly CommunicationId WithdrawnReport = new(new Guid("5b0c1a55-0000-4000-8000-0000000000c2"));

    private static readonly Instant Start = ChangePlanFixture.At(2026, 11, 2, 10);

    private static readonly EscalationLadder Ladder = new EscalationLadderBuilder("golden")
        .AddRung(EscalationLevel.FrontlineService, Duration.FromHours(1), BusinessCalendar.AroundTheClockUtc, EscalationTarget.OnCallGroup("frontline"))
        .AddRung(EscalationLevel.Executive, Duration.FromHours(1), BusinessCalendar.AroundTheClockUtc, EscalationTarget.Person("eve"))
        .AllowSkippingLevels()
        .Build();

    internal static IncidentContext Context { get; } = new(
        new AdvocacyPolicy(Duration.FromHours(2), Duration.FromHours(4), Duration.FromDays(5), TargetClock.BusinessTime, "golden") { DryRunRequired = true },
        BusinessCalendar.AroundTheClockUtc)
    {
        EscalationLadder = Ladder,
        ReviewPolicy = ReviewPolicy.Default,
    };

    internal static IReadOnlyList<IncidentEvent> Everything()
    {
        var c = new IncidentCommands(MainId, Start);
        var s = new IncidentScenario(MainId, Start, Context);
        var id = MainId;
        var fred = ChangePlanFixture.Fred;
        var sarah = ChangePlanFixture.Sarah;
        var customer = ChangePlanFixture.CustomerIt;
        s.Given(c.Open(), c.CapturePerspective(), c.StartAnalysis());

        // Escalation: raised, joined, rises, exhausts, acknowledged, re-armed, a trigger cleared, a power-line decision.
        s.Given(
            new RaiseEscalation(id, CommandId.New(), c.Owner, EscalationTriggerKind.CustomerRequest, "the customer asked for a manager"),
            new RaiseEscalation(id, CommandId.New(), c.Owner, EscalationTriggerKind.BusinessImpact, "two lines stopped"));
        s.Now += Duration.FromHours(1);
        s.Given(new RecordEscalationTimeOut(id, CommandId.New(), c.Owner));
        s.Now += Duration.FromHours(1);
        s.Given(
            new RecordEscalationTimeOut(id, CommandId.New(), c.Owner),
            new AcknowledgeEscalation(id, CommandId.New(), new Actor("eve", IncidentRole.Executive)),
            new RaiseEscalation(id, CommandId.New(), c.Owner, EscalationTriggerKind.Avoidance, "three calls unanswered"),
            new ClearEscalationTrigger(id, CommandId.New(), c.ServiceManager, EscalationTriggerKind.CustomerRequest),
            new RecordPowerLineDecision(id, CommandId.New(), new Actor("vera", IncidentRole.SeniorManager), PowerLineDecisionKind.ContractTermException, new[] { Stakeholder.InUsualSide("vera", IncidentRole.SeniorManager), Stakeholder.InUsualSide("customer-boss", IncidentRole.CustomerBusinessManager) }, "Waive the change-freeze clause for the patch"));

        // Analysis: facts eliminate a scenario, a summary, a rejected then an approved proposal, a rehearsed meeting.
        s.Given(
            new RecordFact(id, CommandId.New(), c.Engineer, new Fact("f-returned", "scheduler-crashes", true, "core dump 02:14")),
            new ProposeScenario(id, CommandId.New(), c.Engineer, new Scenario("s-disk", "Disk full", new[] { new Expectation("disk-full", true) })),
            new ProposeScenario(id, CommandId.New(), c.Engineer, new Scenario("s-bug", "Known OS defect", new[] { new Expectation("disk-full", false) })),
            new RecordFact(id, CommandId.New(), c.ThirdParty, new Fact("f-laundry", "disk-full", false, "vendor's disk report")),
            new RecordSituationSummary(id, CommandId.New(), c.Owner, AnalysisTestKit.Summary()),
            new DraftProposal(id, CommandId.New(), c.Owner, AnalysisTestKit.Proposal()),
            new RejectProposal(id, CommandId.New(), c.Customer, "prevention must include monitoring"),
            new DraftProposal(id, CommandId.New(), c.Owner, AnalysisTestKit.Proposal()),
            new ApproveProposal(id, CommandId.New(), c.CustomerBusinessManager),
            new ExecuteProposalAction(id, CommandId.New(), c.ThirdParty, "a-embroider"),
            new ScheduleCustomerMeeting(id, CommandId.New(), c.Owner, "m-1", new[] { new MeetingParticipant(c.Owner.Id, IncidentRole.AccountableOwner), new MeetingParticipant(c.Customer.Id, IncidentRole.CustomerContact) }),
            new RecordMeetingDryRun(id, CommandId.New(), c.Owner, "m-1", new[] { c.Owner.Id }),
            new HoldCustomerMeeting(id, CommandId.New(), c.Owner, "m-1", new[] { c.Owner.Id, c.Customer.Id }));

        // Communications: one released after internal review, one withdrawn.
        s.Given(
            new DraftCommunication(id, ReleasedAudit, CommandId.New(), c.Engineer, CommunicationKind.Audit, "Monitoring audit", new[] { c.Customer.Id }),
            new SubmitCommunicationForReview(id, ReleasedAudit, CommandId.New(), c.Engineer),
            new ReleaseCommunication(id, ReleasedAudit, CommandId.New(), c.ServiceManager, "audit-call", new[] { "account-manager" }),
            new DraftCommunication(id, WithdrawnReport, CommandId.New(), c.Engineer, CommunicationKind.Report, "Interim report", new[] { c.Customer.Id }),
            new WithdrawCommunication(id, WithdrawnReport, CommandId.New(), c.Engineer, "superseded by the audit"));

        // A mitigation trial that runs to its end and is switched off.
        s.Given(
            new OfferMitigationTrial(id, CommandId.New(), c.Owner, "proactive monitoring", new TrialLength(30, TrialDayKind.CalendarDays), new[] { 7 }, new MitigationRoiCase("restored", "less firefighting", "no press", 120_000m, 40_000m, 9_000m, "USD")),
            new AcceptMitigationTrial(id, CommandId.New(), c.CustomerBusinessManager));

        // The plan of the get-well work, then two change plans: one handed off and confirmed, one backed out and confirmed.
        s.Given(c.ProposePlan("c1"), c.ApprovePlan(), c.StartExecution());
        s.Given(
            new DraftChangePlan(id, CommandId.New(), fred, ChangePlanFixture.SaturdayPatch(id: PatchPlan).Build()),
            new ReviewChangePlanWithCustomer(id, PatchPlan, CommandId.New(), fred, customer.Id),
            new ScheduleEarliestChangeSlot(id, PatchPlan, CommandId.New(), fred, s.Now),
            new HandOffChangePlan(id, PatchPlan, CommandId.New(), fred, sarah.Id),
            new AcceptChangePlanHandoff(id, PatchPlan, CommandId.New(), sarah),
            new LeaveChangePlan(id, PatchPlan, CommandId.New(), new Actor(fred.Id, IncidentRole.Engineer)),
            new DraftChangePlan(id, CommandId.New(), fred, ChangePlanFixture.SaturdayPatch(id: RolledBackPlan).Build()),
            new ReviewChangePlanWithCustomer(id, RolledBackPlan, CommandId.New(), fred, customer.Id),
            new ProposeChangeSlot(id, RolledBackPlan, CommandId.New(), fred, new Interval(ChangePlanFixture.At(2026, 11, 7, 12), ChangePlanFixture.At(2026, 11, 7, 16))));
        s.Now = ChangePlanFixture.At(2026, 11, 7, 12);
        s.Given(
            new StartChange(id, PatchPlan, CommandId.New(), sarah),
            new PassPointOfNoReturn(id, PatchPlan, CommandId.New(), sarah),
            new StartChangeValidation(id, PatchPlan, CommandId.New(), sarah),
            new ConfirmAllIsWell(id, PatchPlan, CommandId.New(), customer),
            new StartChange(id, RolledBackPlan, CommandId.New(), fred),
            new BackOutChange(id, RolledBackPlan, CommandId.New(), fred, "validation failed on the second node"),
            new StartChangeValidation(id, RolledBackPlan, CommandId.New(), fred),
            new ConfirmAllIsWell(id, RolledBackPlan, CommandId.New(), customer));

        s.Now += Duration.FromDays(23);
        s.Given(
            new RemindMitigationTrialEnd(id, CommandId.New(), c.Owner, 7),
            c.MeetCriterion("c1"),
            c.ProposeResolution(),
            c.Confirm(),
            c.Close(),
            c.ReturnToSop());
        var closedAt = s.State.ResolvedAt!.Value;
        s.Now += Duration.FromDays(8);
        s.Given(new SwitchOffMitigationTrial(id, CommandId.New(), c.Owner, "Without monitoring the outage can return unnoticed."));

        // The management review, with a termination recommended by staff and decided by an executive.
        var executive = new Actor("eve", IncidentRole.Executive);
        s.Given(
            new StartManagementReview(id, CommandId.New(), c.ServiceManager, closedAt),
            new RecordReviewFindings(id, CommandId.New(), c.ServiceManager, new[] { new ChronologyEntry(closedAt, "closed") }, new[] { new ContributingFactor("c-patch", "patch late", FactorOwner.Provider, true) }, new[] { "patch earlier" }),
            new AddPreventiveAction(id, CommandId.New(), c.ServiceManager, new PreventiveAction("p-1", "Monthly patch window", PreventiveActionKind.Process, "sam", s.Now + Duration.FromDays(30))),
            new AssessCustomerFit(id, CommandId.New(), c.ServiceManager, new CustomerFitFacts(4, SolutionOutdated: true, CostToServe: 200_000m, Revenue: 80_000m, StaffAbuseReported: false)),
            new RecommendTermination(id, CommandId.New(), c.ServiceManager, TerminationGround.CostToServe, "serving costs more than twice the revenue"),
            new DecideTermination(id, CommandId.New(), executive, false, "an upgrade is offered first"),
            new CompleteManagementReview(id, CommandId.New(), c.ServiceManager),
            c.CompleteReview());
        return s.History;
    }

    internal static IReadOnlyList<IncidentEvent> TrialDeclined()
    {
        var c = new IncidentCommands(DeclinedId, Start);
        var s = new IncidentScenario(DeclinedId, Start, Context);
        s.Given(
            c.Open(),
            Offer(c),
            new DeclineMitigationTrial(DeclinedId, CommandId.New(), c.Customer, "no budget this year"));
        return s.History;
    }

    internal static IReadOnlyList<IncidentEvent> TrialPurchased()
    {
        var c = new IncidentCommands(PurchasedId, Start);
        var s = new IncidentScenario(PurchasedId, Start, Context);
        s.Given(
            c.Open(),
            Offer(c),
            new AcceptMitigationTrial(PurchasedId, CommandId.New(), c.Customer),
            new PurchaseMitigation(PurchasedId, CommandId.New(), c.CustomerBusinessManager));
        return s.History;
    }

    private static OfferMitigationTrial Offer(IncidentCommands c) => new(
        c.IncidentId,
        CommandId.New(),
        c.Owner,
        "proactive monitoring",
        TrialLength.Default,
        new[] { 14, 7 },
        new MitigationRoiCase("restored", "less firefighting", "no press", 120_000m, 40_000m, 9_000m, "USD"));
}
