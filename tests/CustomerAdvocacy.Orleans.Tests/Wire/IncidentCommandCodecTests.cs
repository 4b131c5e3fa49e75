using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Escalation;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Orleans.Wire;
using CustomerAdvocacy.Planning;
using CustomerAdvocacy.Resolution;
using CustomerAdvocacy.Review;
using CustomerAdvocacy.Scheduling;
using CustomerAdvocacy.Segmentation;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Orleans.Serialization;

namespace CustomerAdvocacy.Orleans.Tests.Wire;

public sealed class IncidentCommandCodecTests
{
    private static readonly IncidentId Id = new(Guid.Parse("7d0c5a52-3f0e-4a34-9c43-0f5e8f3f2a11"));
    private static readonly Actor Owner = new("owner-1", IncidentRole.AccountableOwner);
    private static readonly Instant At = Instant.FromUtc(2026, 3, 29, 1, 30, 15) + Duration.FromNanoseconds(123_456_789);
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(WireCommand).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    /// <summary>One sample of every concrete command type, with every optional field set somewhere.</summary>
    public static IEnumerable<object[]> Samples()
    {
        CommandId C() => CommandId.New();
        var drafts = new[] { new CriterionDraft("c1", "orders flow again"), new CriterionDraft("c2", "no data lost") };
        var commands = new IncidentCommand[]
        {
            new OpenIncident(Id, C(), Owner, "customer-acme", "owner-1", new PolicyReference("critical", 3), IncidentId.New()),
            new OpenIncident(Id, C(), Owner, "customer-acme", "owner-1", new PolicyReference("standard", 1), null),
            new CapturePerspective(Id, C(), Owner, new CustomerPerspective("server down", "orders stopped", "server up", Duration.FromHours(26) + Duration.FromNanoseconds(7))),
            new StartAnalysis(Id, C(), Owner) { ExpectedVersion = 3 },
            new ProposePlan(Id, C(), Owner, At, drafts),
            new RejectPlan(Id, C(), new Actor("customer-1", IncidentRole.CustomerContact), "month-end freeze"),
            new ApprovePlan(Id, C(), new Actor("customer-1", IncidentRole.CustomerContact)),
            new StartExecution(Id, C(), Owner),
            new RecordCriterionMet(Id, C(), Owner, "c1", "dashboard green for 48 h", "engineer-1"),
            new ProposeResolution(Id, C(), Owner),
            new ConfirmResolution(Id, C(), new Actor("customer-boss", IncidentRole.CustomerBusinessManager)),
            new DisputeResolution(Id, C(), new Actor("customer-1", IncidentRole.CustomerContact), new[] { "c2" }, "still losing rows"),
            new CloseIncident(Id, C(), Owner),
            new ReturnToSop(Id, C(), Owner),
            new CompleteReview(Id, C(), new Actor("sm-1", IncidentRole.ServiceManager)),
            new MakeCommitment(Id, C(), Owner, "k1", "owner-1", "call back", At),
            new MakeCommitment(Id, C(), Owner, "k2", "owner-1", "no date", null),
            new DeliverCommitment(Id, C(), Owner, "k1"),
            new RecordCommitmentMissed(Id, C(), new Actor("scheduler", IncidentRole.ServiceManager), "k1"),
            new RecordConversation(Id, C(), Owner, "conv-1", new[] { "owner-1", "customer-1" }, "customer-boss", At),
            new RecordConversation(Id, C(), Owner, "conv-2", new[] { "owner-1" }, null, null),
            new HandOff(Id, C(), Owner, "owner-2"),
            new AcceptHandoff(Id, C(), new Actor("owner-2", IncidentRole.Engineer)),
            new ClassifyRelatedRecurrence(Id, C(), Owner, "TCK-2", drafts),
            new AgreeCriteriaChange(Id, C(), new Actor("customer-1", IncidentRole.CustomerContact)),
            new RejectCriteriaChange(Id, C(), new Actor("customer-1", IncidentRole.CustomerContact), "out of scope"),
            new ClassifyUnrelatedRecurrence(Id, C(), Owner, "TCK-3", IncidentId.New()),
            new OfferCommitment(Id, C(), Owner, "k3", "owner-1", "send the report", At),
            new AcceptCommitmentDue(Id, C(), new Actor("customer-1", IncidentRole.CustomerContact), "k3"),
            new RejectCommitmentDue(Id, C(), new Actor("customer-1", IncidentRole.CustomerContact), "k3", "we are closed that day"),
            new SendCustomerUpdate(Id, C(), Owner, new[] { "customer-1", "customer-boss" }),
            new RecordServiceLevelWarning(Id, C(), new Actor("scheduler", IncidentRole.ServiceManager), ServiceLevelKind.Update),
            new RecordServiceLevelBreach(Id, C(), new Actor("scheduler", IncidentRole.ServiceManager), ServiceLevelKind.Resolution),
        };
        return commands.Concat(SubProcessSamples()).Select(c => new object[] { c });
    }

    /// <summary>One sample of every sub-process command (escalation, analysis, trial, change plan, communication, review).</summary>
    private static IEnumerable<IncidentCommand> SubProcessSamples()
    {
        CommandId C() => CommandId.New();
        var customer = new Actor("customer-1", IncidentRole.CustomerContact);
        var manager = new Actor("sm-1", IncidentRole.ServiceManager);
        var plan = ChangePlanId.New();
        var audit = CommunicationId.New();
        return new IncidentCommand[]
        {
            new RaiseEscalation(Id, C(), Owner, EscalationTriggerKind.CustomerRequest, "asked for a manager"),
            new AcknowledgeEscalation(Id, C(), manager),
            new RecordEscalationTimeOut(Id, C(), manager) { ExpectedVersion = 9 },
            new ClearEscalationTrigger(Id, C(), manager, EscalationTriggerKind.CustomerRequest),
            new RecordPowerLineDecision(Id, C(), new Actor("eve", IncidentRole.Executive), PowerLineDecisionKind.EndRelationship, new[] { new Stakeholder("eve", IncidentRole.Executive, PowerLineSide.Above) }, "part ways"),
            new RecordFact(Id, C(), Owner, new Fact("f1", "disk-full", false, "df output")),
            new ProposeScenario(Id, C(), Owner, new Scenario("s1", "the disk filled up", new[] { new Expectation("disk-full", true), new Expectation("backup-ran", false) })),
            new RecordSituationSummary(Id, C(), Owner, new SituationSummary(new[] { new ChronologyEntry(At + Duration.FromHours(1), "alert"), new ChronologyEntry(At, "patch") }, new[] { new ContributingFactor("c1", "late patch", FactorOwner.Provider, true), new ContributingFactor("c2", "no monitoring", FactorOwner.Customer, true) })),
            new DraftProposal(Id, C(), Owner, new Proposal(new[] { "f1" }, new[] { "the disk filled up" }, new[] { new ProposalAction("a1", "free space") }, new[] { new ProposalAction("a2", "alert at 80 %"), new ProposalAction("a3", "rotate logs") })),
            new ApproveProposal(Id, C(), customer),
            new RejectProposal(Id, C(), customer, "too slow"),
            new ExecuteProposalAction(Id, C(), Owner, "a1"),
            new ScheduleCustomerMeeting(Id, C(), Owner, "m1", new[] { new MeetingParticipant("owner-1", IncidentRole.AccountableOwner) }),
            new RecordMeetingDryRun(Id, C(), Owner, "m1", new[] { "owner-1" }),
            new HoldCustomerMeeting(Id, C(), Owner, "m1", new[] { "owner-1", "customer-1" }),
            new OfferMitigationTrial(Id, C(), Owner, "proactive monitoring", new TrialLength(20, TrialDayKind.BusinessDays), new[] { 7, 2 }, new MitigationRoiCase("restored", "less firefighting", "no press", 120_000.50m, 40_000m, 9_000m, "USD")),
            new AcceptMitigationTrial(Id, C(), customer),
            new DeclineMitigationTrial(Id, C(), customer, "no budget"),
            new RemindMitigationTrialEnd(Id, C(), manager, 7),
            new PurchaseMitigation(Id, C(), customer),
            new SwitchOffMitigationTrial(Id, C(), Owner, "the risk returns"),
            new DraftChangePlan(Id, C(), Owner, ChangePlan(plan)),
            new ReviewChangePlanWithCustomer(Id, plan, C(), Owner, "customer-1"),
            new ProposeChangeSlot(Id, plan, C(), Owner, new Interval(At, At + Duration.FromHours(2))),
            new ScheduleEarliestChangeSlot(Id, plan, C(), Owner, At),
            new StartChange(Id, plan, C(), Owner),
            new PassPointOfNoReturn(Id, plan, C(), Owner),
            new BackOutChange(Id, plan, C(), Owner, "failed"),
            new StartChangeValidation(Id, plan, C(), Owner),
            new ConfirmAllIsWell(Id, plan, C(), customer),
            new HandOffChangePlan(Id, plan, C(), Owner, "owner-2"),
            new AcceptChangePlanHandoff(Id, plan, C(), new Actor("owner-2", IncidentRole.AccountableOwner)),
            new LeaveChangePlan(Id, plan, C(), new Actor("noc", IncidentRole.Engineer)),
            new DraftCommunication(Id, audit, C(), new Actor("eng-1", IncidentRole.Engineer), CommunicationKind.Audit, "audit", new[] { "customer-1" }),
            new SubmitCommunicationForReview(Id, audit, C(), new Actor("eng-1", IncidentRole.Engineer)),
            new ReleaseCommunication(Id, audit, C(), manager, "call-1", new[] { "am-1" }),
            new WithdrawCommunication(Id, audit, C(), manager, "superseded"),
            new StartManagementReview(Id, C(), manager, At),
            new RecordReviewFindings(Id, C(), manager, new[] { new ChronologyEntry(At, "closed") }, new[] { new ContributingFactor("c1", "late patch", FactorOwner.Provider, true) }, new[] { "patch earlier" }),
            new AddPreventiveAction(Id, C(), manager, new PreventiveAction("p1", "patch window", PreventiveActionKind.Process, "sam", At)),
            new AssessCustomerFit(Id, C(), manager, new CustomerFitFacts(4, true, 10m, 20m, false)),
            new RecommendTermination(Id, C(), manager, TerminationGround.CostToServe, "costly"),
            new DecideTermination(Id, C(), new Actor("eve", IncidentRole.Executive), false, "upgrade first"),
            new CompleteManagementReview(Id, C(), manager),
        };
    }

    /// <summary>A change plan with every optional part set, in a zone with DST, with a blackout.</summary>
    private static ChangePlanDefinition ChangePlan(ChangePlanId id) => new ChangePlanBuilder(id, "Apply OS patch", ChangePlanSize.Large)
        .WithReasons("auditors require the fix", "vendor patch 4.2.1")
        .AddRisk("reboot takes long")
        .AddAssumption("snapshot is recent")
        .WithSchedulingConstraints(
            new BusinessCalendarBuilder("America/New_York").WithName("Saturday window").AddWeeklyHours(IsoDayOfWeek.Saturday, new LocalTime(6, 0), new LocalTime(18, 0)).Build(),
            new BlackoutSetBuilder("America/New_York").AddMonthEndBusinessDays("month-end", 3, new BusinessCalendarBuilder("America/New_York").AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0)).Build(), "billing runs").Build(),
            Duration.FromHours(4))
        .WithAccountableOwner("owner-1")
        .AddParty(ChangePartyKind.Customer, "Acme", new ChangeContact("customer-it", "+1 555 0100"), new ChangeContact("customer-ops", "+1 555 0101"))
        .AddParty(ChangePartyKind.Provider, "Managed services", new ChangeContact("owner-1", "pager 42"), new ChangeContact("noc", "+1 555 0199"))
        .AddTask("t1", "snapshot", "noc", Duration.Zero, Duration.FromMinutes(30))
        .AddTask("t2", "patch", "owner-1", Duration.FromMinutes(30), Duration.FromHours(2))
        .WithPointOfNoReturn("the patch is applied")
        .WithBackOutPlan("restore the snapshot")
        .AddValidationStep("service answers")
        .Build();

    [Fact]
    public void Samples_CoverEveryCommandTypeOfCore()
    {
        var sampled = Samples().Select(s => s[0].GetType().Name).ToHashSet();
        var missing = IncidentCommandCodec.CommandTypes.Keys.Where(name => !sampled.Contains(name)).ToArray();
        Assert.True(missing.Length == 0, "Add samples for: " + string.Join(", ", missing));
        Assert.True(IncidentCommandCodec.CommandTypes.Count >= 30);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void RoundTrip_ThroughOrleansSerializer_GivesAnEqualCommand(IncidentCommand command)
    {
        var bytes = Serializer.SerializeToArray(IncidentCommandCodec.Encode(command));
        var decoded = IncidentCommandCodec.Decode(Serializer.Deserialize<WireCommand>(bytes)!);
        Assert.IsType(command.GetType(), decoded);
        Structural.AssertEqual(command, decoded);
    }

    [Fact]
    public void Decode_UnknownType_ThrowsNamingTheWire()
    {
        var ex = Assert.Throws<ArgumentException>(() => IncidentCommandCodec.Decode(new WireCommand("LaunchRocket", "{}")));
        Assert.Equal("wire", ex.ParamName);
    }

    [Fact]
    public void Decode_MalformedJson_ThrowsNamingTheWire()
    {
        var ex = Assert.Throws<ArgumentException>(() => IncidentCommandCodec.Decode(new WireCommand(nameof(StartAnalysis), "{\"incidentId\":")));
        Assert.Equal("wire", ex.ParamName);
    }

    [Fact]
    public void Decode_ChangePlanMissingItsBackOutPlan_ThrowsNamingTheWire()
    {
        var wire = IncidentCommandCodec.Encode(new DraftChangePlan(Id, CommandId.New(), Owner, ChangePlan(ChangePlanId.New())));
        var broken = wire with { Json = wire.Json.Replace("\"backOutPlan\"", "\"backOut\"", StringComparison.Ordinal) };
        var ex = Assert.Throws<ArgumentException>(() => IncidentCommandCodec.Decode(broken));
        Assert.Equal("wire", ex.ParamName);
    }

    [Fact]
    public void Decode_TrialOfZeroDays_Throws()
    {
        var wire = IncidentCommandCodec.Encode(new OfferMitigationTrial(Id, CommandId.New(), Owner, "monitoring", new TrialLength(20, TrialDayKind.CalendarDays), new[] { 7 }, new MitigationRoiCase("a", "b", "c", 1m, 1m, 1m, "EUR")));
        var broken = wire with { Json = wire.Json.Replace("\"days\":20", "\"days\":0", StringComparison.Ordinal) };
        Assert.NotEqual(wire.Json, broken.Json);
        Assert.ThrowsAny<ArgumentException>(() => IncidentCommandCodec.Decode(broken));
    }

    [Fact]
    public void Decode_InvalidActor_ThrowsAndNamesTheCommand()
    {
        var wire = IncidentCommandCodec.Encode(new StartAnalysis(Id, CommandId.New(), Owner));
        var broken = wire with { Json = wire.Json.Replace("\"owner-1\"", "\" \"", StringComparison.Ordinal) };
        Assert.ThrowsAny<ArgumentException>(() => IncidentCommandCodec.Decode(broken));
    }

    [Fact]
    public void Encode_CommandTypeOutsideCore_ThrowsNamingTheCommand()
    {
        var ex = Assert.Throws<ArgumentException>(() => IncidentCommandCodec.Encode(new HostCommand(Id, CommandId.New(), Owner)));
        Assert.Equal("command", ex.ParamName);
    }

    private sealed record HostCommand(IncidentId IncidentId, CommandId CommandId, Actor Actor) : IncidentCommand(IncidentId, CommandId, Actor)
    {
        public override IncidentTrigger Trigger => IncidentTrigger.StartAnalysis;
    }
}
