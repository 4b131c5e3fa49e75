using System;
using System.Linq;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Planning;
using CustomerAdvocacy.Scheduling;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using static CustomerAdvocacy.Tests.Planning.ChangePlanFixture;
using Interval = NodaTime.Interval;

namespace CustomerAdvocacy.Tests.Planning;

public sealed class ChangePlanTests
{
    [Fact]
    public void Build_LittlePWithTheBasics_Builds()
    {
        var plan = SaturdayPatch().Build();
        Assert.Equal(ChangePlanSize.Small, plan.Size);
        Assert.Equal(NewYork, plan.CustomerZone);
        Assert.Empty(plan.Tasks);
        Assert.Null(plan.PointOfNoReturn);
    }

    [Fact]
    public void Build_EmptyLittleP_ListsEveryMissingBasicAndNoBigPElement()
    {
        var e = Assert.Throws<DefinitionValidationException>(() => new ChangePlanBuilder(ChangePlanId.New(), "patch", ChangePlanSize.Small).Build());
        var paths = Paths(e).ToList();
        Assert.Equal(
            new[] { "nature.business", "nature.technical", "schedulingConstraints", "accountableOwner", "parties", "parties", "backOutPlan", "validationSteps" },
            paths);
        Assert.Contains("little-p", e.Definition, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_BigPWithOnlyTheBasics_ListsRisksAssumptionsTasksAndPointOfNoReturn()
    {
        var e = Assert.Throws<DefinitionValidationException>(() => SaturdayPatch(ChangePlanSize.Large).Build());
        Assert.Equal(new[] { "risks", "assumptions", "tasks", "pointOfNoReturn" }, Paths(e));
    }

    [Fact]
    public void Build_FullBigP_Builds()
    {
        var plan = SaturdayPatch(ChangePlanSize.Large)
            .AddRisk("The patch needs a second team's step")
            .AddAssumption("Month-end processing starts Monday")
            .AddTask("t1", "Take down and patch the server", "fred", Duration.Zero, Duration.FromHours(1))
            .AddTask("t2", "Re-register the scheduler with the storage array", "sarah", Duration.FromHours(1), Duration.FromHours(1))
            .WithPointOfNoReturn("The storage array re-registration")
            .AddParty(ChangePartyKind.ThirdParty, "Storage vendor", new ChangeContact("vendor-1", "+1 555 0300"), new ChangeContact("vendor-2", "+1 555 0301"))
            .Build();
        Assert.Equal(2, plan.Tasks.Count);
        Assert.Equal(3, plan.Parties.Count);
    }

    [Fact]
    public void Build_PartyWithoutBackupOrWithTheSamePersonTwice_NamesTheParty()
    {
        var e = Assert.Throws<DefinitionValidationException>(() => SaturdayPatch()
            .AddParty(ChangePartyKind.ThirdParty, "Storage vendor", new ChangeContact("vendor-1", "x"), null!)
            .AddParty(ChangePartyKind.ThirdParty, "Network vendor", new ChangeContact("net-1", "x"), new ChangeContact("net-1", "y"))
            .Build());
        Assert.Equal(new[] { "parties[2].backup", "parties[3].backup" }, Paths(e));
        Assert.Contains("Storage vendor", e.Message, StringComparison.Ordinal);
        Assert.Contains("Network vendor", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_BadTasksAndForeignZoneBlackouts_ListsThemAll()
    {
        var londonBlackouts = new BlackoutSetBuilder("Europe/London").AddMonthEnd("month end", 2).Build();
        var e = Assert.Throws<DefinitionValidationException>(() => SaturdayPatch()
            .WithSchedulingConstraints(SaturdayChangeWindow(), londonBlackouts, Duration.FromHours(2))
            .AddTask("t1", "patch", " ", Duration.Zero, Duration.FromHours(3))
            .AddTask("t1", "again", "fred", Duration.FromMinutes(-5), Duration.Zero)
            .Build());
        Assert.Equal(
            new[] { "schedulingConstraints.blackouts", "tasks[0].owner", "tasks[0].length", "tasks[1].id", "tasks[1].startOffset", "tasks[1].length" },
            Paths(e));
    }

    [Fact]
    public void Decide_HappyPath_ReachesConfirmedByCustomerAndReplays()
    {
        var f = Scheduled();
        Assert.Equal(ChangePlanState.Scheduled, f.Plan.State);
        var start = f.SlotStart;
        f.Accept(new StartChange(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Fred), start);
        f.Accept(new PassPointOfNoReturn(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Fred), start + Duration.FromHours(1));
        f.Accept(new StartChangeValidation(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Fred), start + Duration.FromHours(2));
        f.Accept(new ConfirmAllIsWell(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), CustomerIt), start + Duration.FromHours(3));
        Assert.True(f.Plan.IsClosed);
        var replayed = ChangePlan.Replay(f.Definition, f.Events);
        Assert.Equal(f.Plan.State, replayed.State);
        Assert.Equal(f.Plan.Version, replayed.Version);
        Assert.Equal(f.Plan.Slot, replayed.Slot);
    }

    [Fact]
    public void Decide_ScheduleEarliest_SkipsMonthEndProcessing()
    {
        // From Monday 26 October 2026 the first Saturday (31 Oct) is in month-end processing; the next is 7 November.
        var f = new ChangePlanFixture(SaturdayPatch().Build());
        var now = At(2026, 10, 26, 9);
        f.Accept(new ReviewChangePlanWithCustomer(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Fred, "customer-it"), now);
        f.Accept(new ScheduleEarliestChangeSlot(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Fred, now), now);
        Assert.Equal(new Interval(At(2026, 11, 7, 6), At(2026, 11, 7, 10)), f.Plan.Slot);
    }

    [Fact]
    public void Decide_ProposedSlotInMonthEnd_IsRefusedNamingTheBlackout()
    {
        var f = new ChangePlanFixture(SaturdayPatch().Build());
        var now = At(2026, 10, 26, 9);
        f.Accept(new ReviewChangePlanWithCustomer(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Fred, "customer-it"), now);
        var refused = f.Reject<ChangeSlotRefused>(new ProposeChangeSlot(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Fred, new Interval(At(2026, 10, 31, 8), At(2026, 10, 31, 12))), now);
        Assert.True(refused.IsInsideChangeWindows);
        Assert.Equal("month-end processing", Assert.Single(refused.Hits).Rule.Name);
        Assert.Contains("month-end processing", refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_ProposedSlotOnAWeekday_IsRefusedAsOutsideTheChangeWindows()
    {
        var f = new ChangePlanFixture(SaturdayPatch().Build());
        var now = At(2026, 11, 2, 9);
        f.Accept(new ReviewChangePlanWithCustomer(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Fred, "customer-it"), now);
        var refused = f.Reject<ChangeSlotRefused>(new ProposeChangeSlot(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Fred, new Interval(At(2026, 11, 4, 8), At(2026, 11, 4, 12))), now);
        Assert.False(refused.IsInsideChangeWindows);
        Assert.Empty(refused.Hits);
    }

    [Fact]
    public void Decide_ProposedSlotShorterThanTheChangeOrInThePast_BreaksSlotRule()
    {
        var f = new ChangePlanFixture(SaturdayPatch().Build());
        var now = At(2026, 11, 2, 9);
        f.Accept(new ReviewChangePlanWithCustomer(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Fred, "customer-it"), now);
        var shortSlot = f.Reject<RuleBroken>(new ProposeChangeSlot(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Fred, new Interval(At(2026, 11, 7, 8), At(2026, 11, 7, 11))), now);
        Assert.Equal(ChangePlanRules.SlotFitsTheChange, shortSlot.Rule);
        var past = f.Reject<RuleBroken>(new ProposeChangeSlot(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Fred, new Interval(At(2026, 10, 31, 8), At(2026, 10, 31, 12))), now);
        Assert.Equal(ChangePlanRules.SlotFitsTheChange, past.Rule);
    }

    [Fact]
    public void Decide_ScheduleBeforeReview_IsNotPermitted()
    {
        var f = new ChangePlanFixture(SaturdayPatch().Build());
        var refused = f.Reject<NotPermittedInState<ChangePlanState, ChangePlanTrigger>>(new ScheduleEarliestChangeSlot(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Fred, At(2026, 11, 2)), At(2026, 11, 2));
        Assert.Equal((ChangePlanState.Draft, ChangePlanTrigger.Schedule), (refused.State, refused.Trigger));
    }

    [Fact]
    public void Decide_StartBeforeTheSlot_BreaksStartInSlot()
    {
        var f = Scheduled();
        var refused = f.Reject<RuleBroken>(new StartChange(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Fred), f.SlotStart - Duration.FromMinutes(1));
        Assert.Equal(ChangePlanRules.StartInSlot, refused.Rule);
    }

    [Fact]
    public void Decide_BackOutPastThePointOfNoReturn_IsNotPermitted()
    {
        var f = Scheduled();
        f.Accept(new StartChange(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Fred), f.SlotStart);
        f.Accept(new PassPointOfNoReturn(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Fred), f.SlotStart);
        f.Reject<NotPermittedInState<ChangePlanState, ChangePlanTrigger>>(new BackOutChange(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Fred, "server down"), f.SlotStart);
    }

    [Fact]
    public void Decide_BackedOut_ValidatesAndNeedsTheCustomerToClose()
    {
        var f = Scheduled();
        f.Accept(new StartChange(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Fred), f.SlotStart);
        f.Accept(new BackOutChange(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Fred, "second team's step failed"), f.SlotStart);
        Assert.Equal(ChangePlanState.BackedOut, f.Plan.State);
        f.Accept(new StartChangeValidation(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Fred), f.SlotStart);
        f.Reject<NotAuthorized<ChangePlanTrigger>>(new ConfirmAllIsWell(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Fred), f.SlotStart);
        f.Accept(new ConfirmAllIsWell(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), new Actor("customer-boss", IncidentRole.CustomerBusinessManager)), f.SlotStart);
        Assert.True(f.Plan.IsClosed);
    }

    [Fact]
    public void Decide_CustomerConfirmsBeforeValidation_IsNotPermitted()
    {
        var f = Scheduled();
        f.Accept(new StartChange(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Fred), f.SlotStart);
        f.Reject<NotPermittedInState<ChangePlanState, ChangePlanTrigger>>(new ConfirmAllIsWell(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), CustomerIt), f.SlotStart);
    }

    [Fact]
    public void Decide_EngineerOrAnotherOwner_IsNotAuthorizedToStart()
    {
        var f = Scheduled();
        f.Reject<NotAuthorized<ChangePlanTrigger>>(new StartChange(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), SarahAsEngineer), f.SlotStart);
        f.Reject<NotAuthorized<ChangePlanTrigger>>(new StartChange(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Sarah), f.SlotStart);
    }

    [Fact]
    public void Decide_SameCommandIdTwice_RecordsOnce()
    {
        var f = Scheduled();
        var start = new StartChange(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Fred);
        f.Accept(start, f.SlotStart);
        var again = Assert.IsType<ProcessAccepted<ChangePlanEvent>>(f.Decide(start, f.SlotStart));
        Assert.True(again.IsRepeat);
        Assert.Empty(again.Events);
    }

    [Fact]
    public void Decide_StaleExpectedVersion_IsRejectedAsStale()
    {
        var f = Scheduled();
        var stale = f.Reject<StaleVersion>(new StartChange(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Fred) { ExpectedVersion = 1 }, f.SlotStart);
        Assert.Equal((1L, 2L), (stale.ExpectedVersion, stale.ActualVersion));
        f.Accept(new StartChange(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Fred) { ExpectedVersion = 2 }, f.SlotStart);
    }

    [Fact]
    public void Decide_HandoffToSelfOrAcceptedBySomeoneElse_IsRefused()
    {
        var f = Scheduled();
        Assert.Equal(ChangePlanRules.HandoffToAnother, f.Reject<RuleBroken>(new HandOffChangePlan(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Fred, "fred"), f.SlotStart).Rule);
        f.Accept(new HandOffChangePlan(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Fred, "sarah"), f.SlotStart);
        f.Reject<NotAuthorized<ChangePlanTrigger>>(new AcceptChangePlanHandoff(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), new Actor("mallory", IncidentRole.AccountableOwner)), f.SlotStart);
        f.Reject<NotAuthorized<ChangePlanTrigger>>(new AcceptChangePlanHandoff(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), SarahAsEngineer), f.SlotStart);
    }

    [Fact]
    public void Decide_LeaveBySomeoneNotOnThePlanOrTheCustomer_IsNotAuthorized()
    {
        var f = Scheduled();
        f.Reject<NotAuthorized<ChangePlanTrigger>>(new LeaveChangePlan(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), new Actor("stranger", IncidentRole.Engineer)), f.SlotStart);
        f.Reject<NotAuthorized<ChangePlanTrigger>>(new LeaveChangePlan(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), CustomerIt), f.SlotStart);
        f.Accept(new LeaveChangePlan(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), new Actor("noc", IncidentRole.Engineer)), f.SlotStart);
    }

    [Fact]
    public void Decide_CommandForAnotherPlan_Throws()
    {
        var f = Scheduled();
        Assert.Throws<ArgumentException>(() => f.Decide(new StartChange(ChangePlanFixture.IncidentOfPlan, ChangePlanId.New(), CommandId.New(), Fred), f.SlotStart));
    }

    [Fact]
    public void Evolve_EventOutOfSequence_Throws()
    {
        var f = Scheduled();
        Assert.Throws<ArgumentException>(() => ChangePlan.Start(f.Definition).Evolve(f.Events[1]));
    }

    [ConfiguredProperty]
    public Property Schedule_NoChangeSlotInsideABlackout()
        => Prop.ForAll(CustomerAdvocacy.Tests.Scheduling.SchedulingScenario.Arbitrary(), scenario =>
        {
            if (!scenario.Blackouts.Zone.Equals(scenario.Allowed.Zone))
            {
                Assert.Throws<DefinitionValidationException>(() => Builder(scenario).Build());
                return;
            }

            var f = new ChangePlanFixture(Builder(scenario).Build());
            var now = scenario.From;
            f.Accept(new ReviewChangePlanWithCustomer(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Fred, "customer-it"), now);

            var proposed = new Interval(scenario.From, scenario.From + scenario.Length);
            var check = scenario.Finder.Check(proposed);
            var proposal = f.Decide(new ProposeChangeSlot(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Fred, proposed), now);
            Assert.Equal(check.IsAllowed, proposal.IsAccepted);
            if (proposal is ProcessRejected<ChangePlanEvent> { Reason: ChangeSlotRefused refused })
            {
                Assert.All(refused.Hits, h => Assert.Contains(h.Rule.Name, refused.Detail, StringComparison.Ordinal));
                Assert.Equal(check.Hits.Count > 0, refused.Hits.Count > 0);
            }

            var earliest = f.Decide(new ScheduleEarliestChangeSlot(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Fred, scenario.From), now);
            if (earliest is ProcessAccepted<ChangePlanEvent> accepted)
            {
                var slot = Assert.IsType<ChangeScheduled>(Assert.Single(accepted.Events)).Slot;
                Assert.False(scenario.Blackouts.Collides(slot), $"{scenario}: {slot} collides");
                Assert.True(scenario.Finder.Check(slot).IsAllowed);
                Assert.Equal(scenario.Length, slot.Duration);
                Assert.True(slot.Start >= now);
            }
            else
            {
                var rejection = Assert.IsType<RuleBroken>(Assert.IsType<ProcessRejected<ChangePlanEvent>>(earliest).Reason);
                Assert.Equal(ChangePlanRules.NoSlotFound, rejection.Rule);
            }
        });

    private static ChangePlanBuilder Builder(CustomerAdvocacy.Tests.Scheduling.SchedulingScenario scenario)
        => SaturdayPatch().WithSchedulingConstraints(scenario.Allowed, scenario.Blackouts, scenario.Length);
}
