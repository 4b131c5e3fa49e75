using System;
using System.Linq;
using CustomerAdvocacy.DueActions;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Escalation;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Scheduling;
using CustomerAdvocacy.Segmentation;
using CustomerAdvocacy.Testing;
using NodaTime;
using static CustomerAdvocacy.Tests.Scheduling.SlaTestCalendars;

namespace CustomerAdvocacy.Tests.DueActions;

public sealed class DueActionPlannerTests
{
    private static readonly Actor Scheduler = new("due-action-runner", IncidentRole.ServiceManager);
    private static readonly DueActionPlanner Planner = new(Scheduler);
    private static readonly IncidentId Incident = new(new Guid("00000000-0000-4000-8000-0000000000a1"));
    private static readonly Instant Due = LondonAt(2026, 11, 23, 14);

    [Theory]
    [InlineData(DueItemKind.SlaWarning, DueItemReferences.FirstResponse, ServiceLevelKind.FirstResponse)]
    [InlineData(DueItemKind.SlaWarning, DueItemReferences.Update, ServiceLevelKind.Update)]
    [InlineData(DueItemKind.SlaWarning, DueItemReferences.Resolution, ServiceLevelKind.Resolution)]
    public void Plan_SlaWarningItem_RecordsTheWarning(DueItemKind kind, string sla, ServiceLevelKind expected)
    {
        var item = new DueItem(Incident, kind, sla, Due);
        var action = Planner.Plan(item);

        Assert.Equal(DueActionKind.RecordServiceLevel, action.Kind);
        var record = Assert.IsType<RecordServiceLevelWarning>(action.IncidentCommand);
        Assert.Equal((Incident, expected, Scheduler, DueActionPlanner.CommandIdFor(item)), (record.IncidentId, record.Kind, record.Actor, record.CommandId));
    }

    [Theory]
    [InlineData(DueItemKind.SlaBreach, DueItemReferences.FirstResponse, ServiceLevelKind.FirstResponse)]
    [InlineData(DueItemKind.SlaBreach, DueItemReferences.Update, ServiceLevelKind.Update)]
    [InlineData(DueItemKind.SlaBreach, DueItemReferences.Resolution, ServiceLevelKind.Resolution)]
    public void Plan_SlaBreachItem_RecordsTheBreach(DueItemKind kind, string sla, ServiceLevelKind expected)
    {
        var item = new DueItem(Incident, kind, sla, Due);
        var action = Planner.Plan(item);

        Assert.Equal(DueActionKind.RecordServiceLevel, action.Kind);
        var record = Assert.IsType<RecordServiceLevelBreach>(action.IncidentCommand);
        Assert.Equal((Incident, expected, Scheduler, DueActionPlanner.CommandIdFor(item)), (record.IncidentId, record.Kind, record.Actor, record.CommandId));
    }

    [Fact]
    public void Plan_UnknownSla_Throws()
        => Assert.Throws<ArgumentException>(() => Planner.Plan(new DueItem(Incident, DueItemKind.SlaBreach, "get-well", Due)));

    [Fact]
    public void Plan_LadderTimeOut_RecordsTimeOut()
        => Assert.IsType<RecordEscalationTimeOut>(Planner.Plan(new DueItem(Incident, DueItemKind.LadderTimeOut, "", Due)).IncidentCommand);

    [Fact]
    public void Plan_CommitmentDue_MarksItMissed()
    {
        var action = Planner.Plan(new DueItem(Incident, DueItemKind.CommitmentDue, "call-back", Due));

        Assert.Equal(DueActionKind.MarkMissed, action.Kind);
        Assert.Equal("call-back", Assert.IsType<RecordCommitmentMissed>(action.IncidentCommand).CommitmentId);
    }

    [Theory]
    [InlineData(DueItemKind.TrialEnd, DueActionKind.Remind)]
    [InlineData(DueItemKind.ReviewDue, DueActionKind.Remind)]
    public void Plan_Reminders_NoCommand(DueItemKind kind, DueActionKind expected)
    {
        var action = Planner.Plan(new DueItem(Incident, kind, "t", Due));

        Assert.Equal((expected, (IncidentCommand?)null), (action.Kind, action.IncidentCommand));
    }

    [Fact]
    public void Plan_IncidentItemWithoutIncident_Throws()
        => Assert.Throws<ArgumentException>(() => Planner.Plan(new DueItem(null, DueItemKind.LadderTimeOut, "", Due)));

    [Fact]
    public void EscalationDueItems_CalmOrAcknowledged_None()
    {
        var ladder = Escalation.EscalationFixture.Ladder;
        var status = EscalationStatus.Initial(Incident);
        Assert.Empty(DueActionPlanner.EscalationDueItems(status));

        var raised = (EscalationAccepted)new EscalationDecider().Decide(status, ladder, new RaiseEscalation(Incident, CommandId.New(), Scheduler, EscalationTriggerKind.Avoidance, "silence"), Due);
        status = EscalationEvolver.Evolve(status, raised.Events[0]);
        Assert.Equal(new DueItem(Incident, DueItemKind.LadderTimeOut, "", status.TimeOutAt!.Value), Assert.Single(DueActionPlanner.EscalationDueItems(status)));

        var acknowledged = (EscalationAccepted)new EscalationDecider().Decide(status, ladder, new AcknowledgeEscalation(Incident, CommandId.New(), new Actor("e", IncidentRole.Engineer)), Due);
        Assert.Empty(DueActionPlanner.EscalationDueItems(EscalationEvolver.Evolve(status, acknowledged.Events[0])));
    }

    [Fact]
    public void CommandIdFor_SameItem_SameIdOtherwiseDifferent()
    {
        var item = new DueItem(Incident, DueItemKind.LadderTimeOut, "", Due);

        Assert.Equal(DueActionPlanner.CommandIdFor(item), Planner.Plan(item).IncidentCommand!.CommandId);
        Assert.Equal(DueActionPlanner.CommandIdFor(item), DueActionPlanner.CommandIdFor(new DueItem(Incident, DueItemKind.LadderTimeOut, "", Due)));
        Assert.NotEqual(DueActionPlanner.CommandIdFor(item), DueActionPlanner.CommandIdFor(new DueItem(Incident, DueItemKind.LadderTimeOut, "", Due + Duration.FromTicks(1))));
    }

    [Fact]
    public void Sweep_LadderTimeOutDue_EscalationDeciderRisesTheLadder()
    {
        var ladder = Escalation.EscalationFixture.Ladder;
        var decider = new EscalationDecider();
        var raised = (EscalationAccepted)decider.Decide(EscalationStatus.Initial(Incident), ladder, new RaiseEscalation(Incident, CommandId.New(), Scheduler, EscalationTriggerKind.Avoidance, "silence"), LondonAt(2026, 11, 23, 10));
        var status = EscalationEvolver.Evolve(EscalationStatus.Initial(Incident), raised.Events[0]);
        var scheduler = new DueActionScheduler();
        scheduler.ReplaceIncident(Incident, DueActionPlanner.EscalationDueItems(status));

        Assert.Empty(scheduler.TakeDue(status.TimeOutAt!.Value - Duration.FromMinutes(1)));
        var action = Assert.Single(Planner.Plan(scheduler.TakeDue(LondonAt(2026, 11, 23, 12, 5))));
        var decision = decider.Decide(status, ladder, (EscalationCommand)action.IncidentCommand!, LondonAt(2026, 11, 23, 12, 5));

        var rose = Assert.IsType<EscalationRose>(Assert.Single(Assert.IsType<EscalationAccepted>(decision).Events));
        Assert.Equal(EscalationLevel.ServiceManagement, rose.Level);
    }
}

public sealed class HealthCheckTests
{
    private static readonly Cadence Monthly = new(Duration.FromHours(8 * 20), LondonOffice);
    private static readonly HealthCheckSchedule Acme = new("acme", Monthly, LondonAt(2026, 11, 2, 9));

    [Fact]
    public void NextDue_NoCheckYet_CadenceAfterTheStartInTheCustomersCalendar()
        => Assert.Equal(LondonAt(2026, 11, 27, 17), Acme.NextDue([]));

    [Fact]
    public void NextDueItem_AfterACheck_CountsFromTheCheck()
    {
        var item = Acme.NextDueItem([LondonAt(2026, 11, 20, 9)]);

        Assert.Equal((DueItemKind.HealthCheck, "acme", (IncidentId?)null), (item.Key.Kind, item.Key.Reference, item.Key.IncidentId));
        Assert.Equal(Monthly.NextDue(Acme.StartsAt, [LondonAt(2026, 11, 20, 9)]), item.Due);
        Assert.Equal(DueActionKind.RunHealthCheck, new DueActionPlanner(new Actor("r", IncidentRole.ServiceManager)).Plan(item).Kind);
    }

    [Fact]
    public void IncidentsToOpen_FindingsAtOrAboveThreshold_OpenOneIncidentEach()
    {
        var result = new HealthCheckResult("acme", LondonAt(2026, 11, 27, 10),
        [
            new HealthCheckFinding("disk", "Disk 93 % full on the order database.", HealthFindingSeverity.Critical),
            new HealthCheckFinding("patch", "Two patches behind.", HealthFindingSeverity.Observation),
            new HealthCheckFinding("backup", "Last backup test failed.", HealthFindingSeverity.Warning),
        ]);
        var actor = new Actor("tam", IncidentRole.ServiceManager);
        var policy = new PolicyReference("gold", 1);

        var opened = result.IncidentsToOpen(HealthFindingSeverity.Warning, actor, "olga", policy);

        Assert.Equal(["disk", "backup"], opened.Select(o => o.Finding.Code).ToArray());
        Assert.All(opened, o => Assert.Equal(("acme", "olga", policy), (o.Command.CustomerId, o.Command.AccountableOwnerId, o.Command.Policy)));
        Assert.NotEqual(opened[0].Command.IncidentId, opened[1].Command.IncidentId);
        Assert.Equal(opened.Select(o => o.Command), result.IncidentsToOpen(HealthFindingSeverity.Warning, actor, "olga", policy).Select(o => o.Command));
    }

    [Fact]
    public void IncidentsToOpen_CommandAcceptedByTheEngine()
    {
        var result = new HealthCheckResult("acme", LondonAt(2026, 11, 27, 10), [new HealthCheckFinding("disk", "Disk full.", HealthFindingSeverity.Critical)]);
        var command = Assert.Single(result.IncidentsToOpen(HealthFindingSeverity.Critical, new Actor("tam", IncidentRole.ServiceManager), "olga", new PolicyReference("gold", 1))).Command;

        var decision = new IncidentDecider().Decide(Incident.NotOpened(command.IncidentId), command, IncidentContexts.Standard, LondonAt(2026, 11, 27, 10));

        Assert.True(decision.IsAccepted);
    }

    [Fact]
    public void Result_RepeatedCode_Throws()
        => Assert.Throws<ArgumentException>(() => new HealthCheckResult("acme", LondonAt(2026, 11, 27, 10),
        [
            new HealthCheckFinding("disk", "a", HealthFindingSeverity.Warning),
            new HealthCheckFinding("disk", "b", HealthFindingSeverity.Warning),
        ]));
}

public sealed class DueItemSourcesTests
{
    private static readonly IncidentId Incident = new(new Guid("00000000-0000-4000-8000-0000000000b2"));
    private static readonly Instant MondayTen = LondonAt(2026, 11, 23, 10);
    private static readonly SlaClock Clock = SlaClock.Start(SlaTarget.InBusinessTime(Duration.FromHours(4), 0.8), LondonOffice, MondayTen);

    [Fact]
    public void ForSla_RunningBeforeWarning_WarningAndBreachInBusinessTime()
    {
        var items = DueItemSources.ForSla(Incident, SlaKind.FirstResponse, Clock.Evaluate(MondayTen));

        Assert.Equal(
            [new DueItem(Incident, DueItemKind.SlaWarning, DueItemReferences.FirstResponse, LondonAt(2026, 11, 23, 13, 12)),
             new DueItem(Incident, DueItemKind.SlaBreach, DueItemReferences.FirstResponse, LondonAt(2026, 11, 23, 14))],
            items);
    }

    [Fact]
    public void ForSla_PastWarning_OnlyBreach()
        => Assert.Equal(DueItemKind.SlaBreach, Assert.Single(DueItemSources.ForSla(Incident, SlaKind.Update, Clock.Evaluate(LondonAt(2026, 11, 23, 13, 30)))).Key.Kind);

    [Fact]
    public void ForSla_Paused_None()
        => Assert.Empty(DueItemSources.ForSla(Incident, SlaKind.Update, Clock.Pause(LondonAt(2026, 11, 23, 11)).Evaluate(LondonAt(2026, 11, 23, 12))));

    [Fact]
    public void ForCommitments_OnlyOpenOnes()
    {
        var open = new Commitment("call-back", "olga", "Call back.", LondonAt(2026, 11, 24, 9));
        var delivered = new Commitment("report", "olga", "Send report.", LondonAt(2026, 11, 24, 9)) { Status = CommitmentStatus.Delivered };

        Assert.Equal(
            new DueItem(Incident, DueItemKind.CommitmentDue, "call-back", LondonAt(2026, 11, 24, 9)),
            Assert.Single(DueItemSources.ForCommitments(Incident, [open, delivered])));
    }

    [Fact]
    public void ForIncident_NotOpened_NothingDue()
        => Assert.Empty(DueItemSources.ForIncident(CustomerAdvocacy.Incidents.Incident.NotOpened(Incident)));

    [Fact]
    public void ForIncident_OpenIncident_ListsItsOpenCommitments()
    {
        var open = new Commitment("call-back", "olga", "Call back.", LondonAt(2026, 11, 24, 9));
        var missed = new Commitment("report", "olga", "Send report.", LondonAt(2026, 11, 23, 9)) { Status = CommitmentStatus.Missed };
        var incident = CustomerAdvocacy.Incidents.Incident.NotOpened(Incident) with { State = IncidentState.Executing, Commitments = [open, missed] };

        Assert.Equal(
            new DueItem(Incident, DueItemKind.CommitmentDue, "call-back", LondonAt(2026, 11, 24, 9)),
            Assert.Single(DueItemSources.ForIncident(incident)));
    }
}
