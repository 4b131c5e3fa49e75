using System.Linq;
using CustomerAdvocacy.DueActions;
using CustomerAdvocacy.Escalation;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Planning;
using CustomerAdvocacy.Review;
using CustomerAdvocacy.Testing;
using CustomerAdvocacy.Tests.Storage;
using NodaTime;

namespace CustomerAdvocacy.Tests.DueActions;

/// <summary>The sub-processes' due items come from the incident's own state, and their planned commands are accepted when due.</summary>
public sealed class SubProcessDueItemsTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);
    private static readonly Actor Scheduler = new("due-action-runner", IncidentRole.ServiceManager);

    [Fact]
    public void ForIncident_EscalatingWithARunningTrial_ListsTimeOutRemindersAndTrialEnd()
    {
        var (s, c) = Scenario();
        s.Given(
            new RaiseEscalation(c.IncidentId, CommandId.New(), c.Owner, EscalationTriggerKind.CustomerRequest, "asked"),
            Offer(c),
            new AcceptMitigationTrial(c.IncidentId, CommandId.New(), c.Customer));

        var items = SubProcessItems(s.State);

        var trial = s.State.Processes.MitigationTrial!;
        Assert.Equal(
            new[]
            {
                (DueItemKind.LadderTimeOut, string.Empty, s.State.Processes.Escalation!.TimeOutAt!.Value),
                (DueItemKind.TrialReminder, "14", trial.Reminders[0].DueAt),
                (DueItemKind.TrialReminder, "7", trial.Reminders[1].DueAt),
                (DueItemKind.TrialEnd, DueItemReferences.MitigationTrial, trial.EndsAt!.Value),
            },
            items.Select(i => (i.Key.Kind, i.Key.Reference, i.Due)).OrderBy(i => i.Due));
    }

    [Fact]
    public void Plan_EveryIncidentItemWithACommand_IsAcceptedByTheIncidentWhenDue()
    {
        var (s, c) = Scenario();
        s.Given(
            new RaiseEscalation(c.IncidentId, CommandId.New(), c.Owner, EscalationTriggerKind.CustomerRequest, "asked"),
            Offer(c),
            new AcceptMitigationTrial(c.IncidentId, CommandId.New(), c.Customer));
        var planner = new DueActionPlanner(Scheduler);

        var withCommands = SubProcessItems(s.State).OrderBy(i => i.Due).Select(planner.Plan).Where(a => a.IncidentCommand is not null).ToArray();

        Assert.Equal(new[] { IncidentTrigger.RecordEscalationTimeOut, IncidentTrigger.RemindMitigationTrialEnd, IncidentTrigger.RemindMitigationTrialEnd }, withCommands.Select(a => a.IncidentCommand!.Trigger));
        foreach (var action in withCommands)
        {
            s.Now = action.Item.Due;
            Assert.True(s.When(action.IncidentCommand!).Decision.IsAccepted, action.Description);
        }

        Assert.DoesNotContain(DueItemSources.ForIncident(s.State), i => i.Key.Kind == DueItemKind.TrialReminder);
    }

    [Fact]
    public void ForIncident_ReviewStarted_ListsItsDeadlineUntilComplete()
    {
        var (s, c) = Scenario();
        s.Given(c.ToExecuting("c1").Skip(1));
        s.Given(c.MeetCriterion("c1"), c.ProposeResolution(), c.Confirm(), c.Close(), c.ReturnToSop());
        s.Given(new StartManagementReview(c.IncidentId, CommandId.New(), c.ServiceManager, s.State.ResolvedAt!.Value));

        var review = Assert.Single(DueItemSources.ForIncident(s.State), i => i.Key.Kind == DueItemKind.ReviewDue);

        Assert.Equal(s.State.Processes.ManagementReview!.DueAt, review.Due);
        Assert.Equal(DueActionKind.Remind, new DueActionPlanner(Scheduler).Plan(review).Kind);
    }

    // The incident's service-level items are listed too; these tests are about the sub-processes'.
    private static DueItem[] SubProcessItems(Incident incident)
        => DueItemSources.ForIncident(incident).Where(i => i.Key.Kind is DueItemKind.LadderTimeOut or DueItemKind.TrialReminder or DueItemKind.TrialEnd or DueItemKind.ReviewDue).ToArray();

    private static (IncidentScenario Scenario, IncidentCommands Commands) Scenario()
    {
        var c = new IncidentCommands(IncidentId.New(), Start);
        var s = new IncidentScenario(c.IncidentId, Start, SubProcessGoldenStreams.Context);
        s.Given(c.Open());
        return (s, c);
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
