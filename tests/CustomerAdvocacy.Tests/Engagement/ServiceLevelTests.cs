using System;
using System.Linq;
using CustomerAdvocacy.DueActions;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Scheduling;
using CustomerAdvocacy.Segmentation;
using CustomerAdvocacy.Testing;
using NodaTime;

namespace CustomerAdvocacy.Tests.Engagement;

/// <summary>
/// The service levels as incident state: deadlines computed in the customer's calendar when the incident opens, the
/// update cadence as a repeating commitment, and the warnings and breaches a due-action sweep records.
/// </summary>
public sealed class ServiceLevelTests
{
    // Friday 6 March 2026, 16:00 in London (UTC in winter); the office is open 09:00-17:00 on weekdays.
    private static readonly Instant FridayFour = Instant.FromUtc(2026, 3, 6, 16, 0);
    private static readonly BusinessCalendar Office = new BusinessCalendarBuilder("Europe/London").AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0)).Build();
    private static readonly AdvocacyPolicy Policy = new(Duration.FromHours(2), Duration.FromHours(4), Duration.FromHours(40), TargetClock.BusinessTime, "standard-ladder");
    private static readonly IncidentContext Context = new(Policy, Office);

    private readonly IncidentId _id = IncidentId.New();
    private readonly IncidentCommands _script;
    private readonly IncidentScenario _scenario;

    public ServiceLevelTests()
    {
        _script = new IncidentCommands(_id, FridayFour);
        _scenario = new IncidentScenario(_id, FridayFour, Context);
    }

    [Fact]
    public void Open_LateFridayInLondon_DeadlinesRunInTheCustomersBusinessTime()
    {
        var events = _scenario.When(_script.Open()).ThenAccepted(typeof(IncidentOpened), typeof(ServiceLevelsStarted));
        var started = Assert.IsType<ServiceLevelsStarted>(events[1]);

        // One business hour on Friday, the rest from Monday 09:00.
        Assert.Equal(new ServiceLevelSchedule(FridayFour, Utc(2026, 3, 9, 9, 30), Utc(2026, 3, 9, 10)), started.FirstResponse);
        Assert.Equal(new ServiceLevelSchedule(FridayFour, Utc(2026, 3, 9, 11), Utc(2026, 3, 9, 12)), started.FirstUpdate);
        Assert.Equal(new ServiceLevelSchedule(FridayFour, Utc(2026, 3, 12, 14), Utc(2026, 3, 13, 16)), started.Resolution);

        var levels = _scenario.State.ServiceLevels!;
        Assert.Equal((ServiceLevelKind.Update, 1, started.FirstUpdate), (levels.Update.Kind, levels.Update.Occurrence, levels.Update.Schedule));
        Assert.True(levels.FirstResponse.IsRunning && levels.IsCadenceRunning && levels.Resolution.IsRunning);
    }

    [Fact]
    public void Open_AroundTheClockPolicy_CountsTheWeekend()
    {
        _scenario.Context = Context with { Policy = new AdvocacyPolicy(Duration.FromHours(2), Duration.FromHours(4), Duration.FromHours(40), TargetClock.AroundTheClock, "critical-ladder") };
        _scenario.Given(_script.Open());

        var levels = _scenario.State.ServiceLevels!;
        Assert.Equal(FridayFour + Duration.FromHours(2), levels.FirstResponse.Schedule.Due);
        Assert.Equal(FridayFour + Duration.FromHours(3), levels.Update.Schedule.WarningAt);
        Assert.Equal(FridayFour + Duration.FromHours(40), levels.Resolution.Schedule.Due);
    }

    [Fact]
    public void Open_NewYorkFridayBeforeSpringForward_FirstResponseDueMondayInDaylightTime()
    {
        // Friday 6 March 2026 16:00 EST (21:00 UTC); clocks spring forward on Sunday 8 March.
        var newYork = new BusinessCalendarBuilder("America/New_York").AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0)).Build();
        var friday = Instant.FromUtc(2026, 3, 6, 21, 0);
        var script = new IncidentCommands(_id, friday);
        var scenario = new IncidentScenario(_id, friday, Context with { Calendar = newYork }).Given(script.Open());

        // One hour on Friday, one on Monday from 09:00 EDT (13:00 UTC): due 10:00 EDT.
        Assert.Equal(Instant.FromUtc(2026, 3, 9, 14, 0), scenario.State.ServiceLevels!.FirstResponse.Schedule.Due);
    }

    [Fact]
    public void Open_LordHoweAroundTheClockAcrossTheHalfHourFallBack_LosesAndGainsNoTime()
    {
        // Saturday 4 April 2026 12:00 on Lord Howe Island (UTC+11); at 02:00 on Sunday the clocks go back half an hour.
        var zone = DateTimeZoneProviders.Tzdb["Australia/Lord_Howe"];
        var lordHowe = new BusinessCalendarBuilder(zone).AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0)).Build();
        var saturday = new LocalDateTime(2026, 4, 4, 12, 0).InZoneStrictly(zone).ToInstant();
        var script = new IncidentCommands(_id, saturday);
        var policy = new AdvocacyPolicy(Duration.FromHours(2), Duration.FromHours(4), Duration.FromHours(24), TargetClock.AroundTheClock, "critical-ladder");
        var scenario = new IncidentScenario(_id, saturday, Context with { Policy = policy, Calendar = lordHowe }).Given(script.Open());

        var due = scenario.State.ServiceLevels!.Resolution.Schedule.Due;
        Assert.Equal(saturday + Duration.FromHours(24), due);
        Assert.Equal(new LocalDateTime(2026, 4, 5, 11, 30), due.InZone(zone).LocalDateTime);
    }

    [Fact]
    public void SendCustomerUpdate_StopsFirstResponseAndSchedulesTheNextOccurrenceFromTheUpdate()
    {
        _scenario.Given(_script.Open());
        _scenario.Now = Utc(2026, 3, 9, 9, 15);

        var events = _scenario.When(_script.SendUpdate()).ThenAccepted(typeof(CustomerUpdateSent), typeof(UpdateScheduled));

        var scheduled = Assert.IsType<UpdateScheduled>(events[1]);
        Assert.Equal(2, scheduled.Occurrence);
        Assert.Equal(new ServiceLevelSchedule(Utc(2026, 3, 9, 9, 15), Utc(2026, 3, 9, 12, 15), Utc(2026, 3, 9, 13, 15)), scheduled.Schedule);
        var levels = _scenario.State.ServiceLevels!;
        Assert.Equal(Utc(2026, 3, 9, 9, 15), levels.FirstResponse.StoppedAt);
        Assert.False(levels.FirstResponse.Breached);
        Assert.Equal((2, 1, 0), (levels.Update.Occurrence, levels.UpdatesDelivered, levels.UpdatesMissed));
        Assert.True(levels.Update.IsRunning);
    }

    [Fact]
    public void SendCustomerUpdate_LondonFridayBeforeTheClocksGoForward_NextUpdateDueMondayInSummerTime()
    {
        // Thursday 26 March 2026 (GMT); British Summer Time starts on Sunday 29 March.
        var thursday = Instant.FromUtc(2026, 3, 26, 15, 0);
        var script = new IncidentCommands(_id, thursday);
        var scenario = new IncidentScenario(_id, thursday, Context).Given(script.Open());
        scenario.Now = Instant.FromUtc(2026, 3, 27, 15, 0);

        scenario.Given(script.SendUpdate());

        // Two hours on Friday (15:00-17:00 GMT), two on Monday from 09:00 BST (08:00 UTC).
        Assert.Equal(Instant.FromUtc(2026, 3, 30, 10, 0), scenario.State.ServiceLevels!.Update.Schedule.Due);
    }

    [Fact]
    public void SendCustomerUpdate_WithoutRecipients_CustomerUpdateNeedsRecipients()
    {
        _scenario.Given(_script.Open());
        _scenario.When(_script.SendUpdate() with { Recipients = new[] { " " } }).ThenRuleBroken(IncidentRules.CustomerUpdateNeedsRecipients);
    }

    [Fact]
    public void RecordServiceLevelWarning_OnlyAtItsWarningPointAndOnce()
    {
        _scenario.Given(_script.Open());
        _scenario.Now = Utc(2026, 3, 9, 9, 29);
        var early = _scenario.When(Warning(ServiceLevelKind.FirstResponse)).ThenRuleBroken(IncidentRules.ServiceLevelMustBeDue);
        Assert.Contains("not due", early.Detail, StringComparison.Ordinal);

        _scenario.Now = Utc(2026, 3, 9, 9, 30);
        var raised = Assert.IsType<ServiceLevelWarningRaised>(_scenario.When(Warning(ServiceLevelKind.FirstResponse)).ThenAccepted(typeof(ServiceLevelWarningRaised))[0]);
        Assert.Equal((ServiceLevelKind.FirstResponse, 0, Utc(2026, 3, 9, 9, 30)), (raised.Kind, raised.Occurrence, raised.WarningAt));
        Assert.True(_scenario.State.ServiceLevels!.FirstResponse.WarningRaised);

        var again = _scenario.When(Warning(ServiceLevelKind.FirstResponse)).ThenRuleBroken(IncidentRules.ServiceLevelMustBeDue);
        Assert.Contains("already recorded", again.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordServiceLevelBreach_FirstResponse_OnlyFromItsDueInstant_StillStoppedByTheLateResponse()
    {
        _scenario.Given(_script.Open());
        _scenario.Now = Utc(2026, 3, 9, 9, 59);
        _scenario.When(Breach(ServiceLevelKind.FirstResponse)).ThenRuleBroken(IncidentRules.ServiceLevelMustBeDue);

        _scenario.Now = Utc(2026, 3, 9, 10, 0);
        var breached = Assert.IsType<ServiceLevelBreached>(_scenario.When(Breach(ServiceLevelKind.FirstResponse)).ThenAccepted(typeof(ServiceLevelBreached))[0]);
        Assert.Equal(Utc(2026, 3, 9, 10), breached.Due);
        _scenario.When(Warning(ServiceLevelKind.FirstResponse)).ThenRuleBroken(IncidentRules.ServiceLevelMustBeDue);

        _scenario.Now = Utc(2026, 3, 9, 10, 30);
        _scenario.Given(_script.SendUpdate());
        var firstResponse = _scenario.State.ServiceLevels!.FirstResponse;
        Assert.True(firstResponse.Breached);
        Assert.Equal(Utc(2026, 3, 9, 10, 30), firstResponse.StoppedAt);
        _scenario.When(Breach(ServiceLevelKind.FirstResponse)).ThenRuleBroken(IncidentRules.ServiceLevelMustBeDue);
    }

    [Fact]
    public void RecordServiceLevelBreach_UpdateOccurrence_RecordsItMissedAndSchedulesTheNextFromItsDue()
    {
        _scenario.Given(_script.Open());
        _scenario.Now = Utc(2026, 3, 9, 14, 0);

        var events = _scenario.When(Breach(ServiceLevelKind.Update)).ThenAccepted(typeof(ServiceLevelBreached), typeof(UpdateScheduled));

        Assert.Equal((ServiceLevelKind.Update, 1, Utc(2026, 3, 9, 12)), (((ServiceLevelBreached)events[0]).Kind, ((ServiceLevelBreached)events[0]).Occurrence, ((ServiceLevelBreached)events[0]).Due));
        var next = Assert.IsType<UpdateScheduled>(events[1]);
        Assert.Equal((2, new ServiceLevelSchedule(Utc(2026, 3, 9, 12), Utc(2026, 3, 9, 15), Utc(2026, 3, 9, 16))), (next.Occurrence, next.Schedule));
        var levels = _scenario.State.ServiceLevels!;
        Assert.Equal((0, 1, 2), (levels.UpdatesDelivered, levels.UpdatesMissed, levels.Update.Occurrence));
        Assert.True(levels.IsCadenceRunning);

        // The next occurrence is not breached before its own due instant.
        _scenario.When(Breach(ServiceLevelKind.Update)).ThenRuleBroken(IncidentRules.ServiceLevelMustBeDue);
    }

    [Fact]
    public void ConfirmResolution_EndsTheCadence_DisputeResumesIt_AndMissedUpdatesNeverBlockClosing()
    {
        _scenario.Given(_script.ToExecuting("c1"));
        _scenario.Now = Utc(2026, 3, 9, 12, 0);
        _scenario.Given(Breach(ServiceLevelKind.Update), _script.MeetCriterion("c1"), _script.ProposeResolution(), _script.Confirm());
        Assert.False(_scenario.State.ServiceLevels!.IsCadenceRunning);
        Assert.DoesNotContain(DueItemSources.ForIncident(_scenario.State), i => i.Key.Reference == DueItemReferences.Update);
        _scenario.When(Breach(ServiceLevelKind.Update)).ThenRuleBroken(IncidentRules.ServiceLevelMustBeDue);

        _scenario.Now = Utc(2026, 3, 9, 13, 0);
        var disputed = _scenario.When(_script.Dispute("c1")).ThenAccepted(typeof(ResolutionDisputed), typeof(UpdateScheduled));
        var resumed = Assert.IsType<UpdateScheduled>(disputed[1]);
        Assert.Equal((3, Utc(2026, 3, 9, 13), Utc(2026, 3, 9, 17)), (resumed.Occurrence, resumed.Schedule.CountedFrom, resumed.Schedule.Due));

        _scenario.Now = Utc(2026, 3, 9, 14, 0);
        _scenario.Given(_script.MeetCriterion("c1"), _script.ProposeResolution(), _script.Confirm());
        _scenario.When(_script.Close()).ThenAccepted(typeof(IncidentResolved));

        var levels = _scenario.State.ServiceLevels!;
        Assert.All(new[] { levels.FirstResponse, levels.Update, levels.Resolution }, d => Assert.False(d.IsRunning));
        Assert.Equal(Utc(2026, 3, 9, 14), levels.Resolution.StoppedAt);
        Assert.Empty(DueItemSources.ForIncident(_scenario.State));
        Assert.Equal(IncidentEvolver.Replay(_id, _scenario.History), _scenario.State);
    }

    [Fact]
    public void RecordServiceLevel_IncidentRecordedBeforeServiceLevelsWereTracked_ServiceLevelMustBeDue()
    {
        var opened = _scenario.When(_script.Open()).ThenAccepted(typeof(IncidentOpened), typeof(ServiceLevelsStarted));
        var legacy = IncidentEvolver.Replay(_id, opened.Take(1));
        Assert.Null(legacy.ServiceLevels);

        var decider = new IncidentDecider();
        var rejected = Assert.IsType<Rejected>(decider.Decide(legacy, Breach(ServiceLevelKind.FirstResponse), Context, Utc(2026, 3, 10, 9)));
        Assert.Equal(IncidentRules.ServiceLevelMustBeDue, Assert.IsType<RuleBroken>(rejected.Reason).Rule);
        var update = Assert.IsType<Accepted>(decider.Decide(legacy, _script.SendUpdate(), Context, Utc(2026, 3, 10, 9)));
        Assert.IsType<CustomerUpdateSent>(Assert.Single(update.Events));
    }

    [Fact]
    public void ServiceLevelCommands_FromTheCustomerOrAThirdParty_NotAuthorized()
    {
        _scenario.Given(_script.Open());
        _scenario.Now = Utc(2026, 3, 10, 9);
        _scenario.When(Breach(ServiceLevelKind.FirstResponse) with { Actor = _script.Customer }).ThenRejected<NotAuthorized>();
        _scenario.When(_script.SendUpdate() with { Actor = _script.ThirdParty }).ThenRejected<NotAuthorized>();
    }

    private static Instant Utc(int year, int month, int day, int hour, int minute = 0) => Instant.FromUtc(year, month, day, hour, minute);

    private RecordServiceLevelWarning Warning(ServiceLevelKind kind) => new(_id, CommandId.New(), _script.ServiceManager, kind);

    private RecordServiceLevelBreach Breach(ServiceLevelKind kind) => new(_id, CommandId.New(), _script.ServiceManager, kind);
}
