using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Planning;
using CustomerAdvocacy.Scheduling;
using NodaTime;

namespace CustomerAdvocacy.Tests.Planning;

public sealed class MitigationTrialTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly BusinessCalendar Office = new BusinessCalendarBuilder(NewYork)
        .AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0))
        .AddHoliday(new LocalDate(2026, 11, 26))
        .Build();

    private static readonly Actor Owner = new("owner-1", IncidentRole.AccountableOwner);
    private static readonly Actor Customer = new("cust-boss", IncidentRole.CustomerBusinessManager);

    // Friday 2026-10-30 10:00 in New York (EDT); DST ends on Sunday 2026-11-01.
    private static readonly Instant Accepted = new LocalDateTime(2026, 10, 30, 10, 0).InZoneStrictly(NewYork).ToInstant();

    private static readonly MitigationRoiCase Roi = new("Fire department crews complained", "Staff fielded angry calls", "Local press noticed", 12_000m, 30_000m, 6_000m, "USD");

    [Fact]
    public void Accept_CalendarDays_EndsSameLocalTimeAcrossDst()
    {
        var trial = Run(TrialLength.Default, new[] { 14, 1 }, accept: true);

        Assert.Equal(MitigationTrialState.Active, trial.State);
        Assert.Equal(new LocalDateTime(2027, 1, 28, 10, 0), trial.EndsAt!.Value.InZone(NewYork).LocalDateTime);
        Assert.Equal(new[] { 14, 1 }, trial.Reminders.Select(r => r.DaysBeforeEnd));
        Assert.Equal(new LocalDateTime(2027, 1, 14, 10, 0), trial.Reminders[0].DueAt.InZone(NewYork).LocalDateTime);
    }

    [Fact]
    public void Accept_BusinessDays_SkipsWeekendsAndHolidaysOfTheCustomerCalendar()
    {
        var trial = Run(new TrialLength(20, TrialDayKind.BusinessDays), new[] { 5 }, accept: true);

        Assert.Equal(Office.AddBusinessDays(Accepted, 20), trial.EndsAt);
        Assert.Equal(new LocalDateTime(2026, 11, 30, 10, 0), trial.EndsAt!.Value.InZone(NewYork).LocalDateTime);
        Assert.Equal(Office.AddBusinessDays(Accepted, 15), trial.Reminders.Single().DueAt);
    }

    [Fact]
    public void Remind_BeforeItIsDue_IsRefused_AndAcceptedOnceWhenDue()
    {
        var trial = Run(TrialLength.Default, new[] { 14 }, accept: true);
        var due = trial.Reminders[0].DueAt;

        Assert.Equal(MitigationTrialRules.ReminderDue, Broken(Decide(trial, Remind(14), due - Duration.FromMinutes(1))).Rule);
        Assert.Empty(trial.DueReminders(due - Duration.FromMinutes(1)));
        Assert.Single(trial.DueReminders(due));
        var reminded = Apply(trial, Decide(trial, Remind(14), due));
        Assert.Empty(reminded.DueReminders(due));
        Assert.Equal(MitigationTrialRules.ReminderDue, Broken(Decide(reminded, Remind(14), due)).Rule);
    }

    [Fact]
    public void SwitchOff_BeforeTheEnd_IsRefused()
    {
        var trial = Run(TrialLength.Default, Array.Empty<int>(), accept: true);

        var broken = Broken(Decide(trial, SwitchOff("Monitoring stops; outages will again go unnoticed."), trial.EndsAt!.Value - Duration.FromHours(1)));

        Assert.Equal(MitigationTrialRules.SwitchOffAtEndWithRiskNotice, broken.Rule);
    }

    [Fact]
    public void SwitchOff_AtTheEnd_RecordsTheRiskNotice()
    {
        var trial = Run(TrialLength.Default, Array.Empty<int>(), accept: true);

        var off = Apply(trial, Decide(trial, SwitchOff("Monitoring stops; outages will again go unnoticed."), trial.EndsAt!.Value));

        Assert.Equal(MitigationTrialState.SwitchedOff, off.State);
        Assert.Equal("Monitoring stops; outages will again go unnoticed.", off.RiskNotice);
    }

    [Fact]
    public void SwitchOff_WithoutRiskNotice_IsRefused()
    {
        var trial = Run(TrialLength.Default, Array.Empty<int>(), accept: true);

        Assert.Equal(MitigationTrialRules.SwitchOffAtEndWithRiskNotice, Broken(Decide(trial, SwitchOff(" "), trial.EndsAt!.Value)).Rule);
    }

    [Fact]
    public void Purchase_ByTheCustomer_EndsTheTrialBought()
    {
        var trial = Run(TrialLength.Default, Array.Empty<int>(), accept: true);

        Assert.Equal(MitigationTrialState.Purchased, Apply(trial, Decide(trial, (i, c) => new PurchaseMitigation(i, c, Customer), Accepted)).State);
    }

    [Theory]
    [InlineData(IncidentRole.AccountableOwner)]
    [InlineData(IncidentRole.Executive)]
    public void Accept_ByOurStaff_IsRefused(IncidentRole role)
    {
        var trial = Run(TrialLength.Default, Array.Empty<int>(), accept: false);

        var decision = Decide(trial, (i, c) => new AcceptMitigationTrial(i, c, new Actor("x", role)), Accepted);

        Assert.IsType<NotAuthorized<MitigationTrialTrigger>>(Assert.IsType<ProcessRejected<MitigationTrialEvent>>(decision).Reason);
    }

    [Fact]
    public void Purchase_BeforeAcceptance_IsNotPermittedByTheMachine()
    {
        var trial = Run(TrialLength.Default, Array.Empty<int>(), accept: false);

        var reason = Assert.IsType<ProcessRejected<MitigationTrialEvent>>(Decide(trial, (i, c) => new PurchaseMitigation(i, c, Customer), Accepted)).Reason;

        Assert.Equal(new NotPermittedInState<MitigationTrialState, MitigationTrialTrigger>(MitigationTrialState.Offered, MitigationTrialTrigger.Purchase), reason);
    }

    [Fact]
    public void Offer_WithIncompleteRoiAndBadReminders_ListsEveryProblem()
    {
        var roi = Roi with { EmployeeMorale = "", RevenueLost = -1m };
        var command = new OfferMitigationTrial(Incident, CommandId.New(), Owner, "24x7 monitoring", TrialLength.Default, new[] { 90 }, roi);

        var broken = Broken(MitigationTrialDecider.Decide(MitigationTrial.Start(Incident), command, Office, Accepted));

        Assert.Equal(MitigationTrialRules.OfferComplete, broken.Rule);
        Assert.Contains("employeeMorale", broken.Detail, StringComparison.Ordinal);
        Assert.Contains("revenueLost", broken.Detail, StringComparison.Ordinal);
        Assert.Contains("reminder", broken.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void RoiCase_ReturnOnInvestment_FromTheIncidentImpact()
    {
        Assert.Equal(6m, Roi.ReturnOnInvestment);
        Assert.Null((Roi with { ServiceCost = 0m }).ReturnOnInvestment);
    }

    [Fact]
    public void Decide_SameCommandIdTwice_RecordsOnce_AndReplayEqualsLive()
    {
        var offer = new OfferMitigationTrial(Incident, CommandId.New(), Owner, "24x7 monitoring", TrialLength.Default, new[] { 7 }, Roi);
        var events = new List<MitigationTrialEvent>();
        var trial = MitigationTrial.Start(Incident);
        foreach (var command in new MitigationTrialCommand[] { offer, offer, new AcceptMitigationTrial(Incident, CommandId.New(), Customer) })
        {
            var accepted = Assert.IsType<ProcessAccepted<MitigationTrialEvent>>(MitigationTrialDecider.Decide(trial, command, Office, Accepted));
            events.AddRange(accepted.Events);
            trial = accepted.Events.Aggregate(trial, MitigationTrial.Evolve);
        }

        Assert.Equal(2, events.Count);
        Assert.Equal(trial, MitigationTrial.Replay(Incident, events));
    }

    [Fact]
    public void TrialLength_NotPositive_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>("days", () => new TrialLength(0, TrialDayKind.CalendarDays));

    private static readonly IncidentId Incident = IncidentId.New();

    private static Func<IncidentId, CommandId, MitigationTrialCommand> Remind(int days) => (i, c) => new RemindMitigationTrialEnd(i, c, Owner, days);

    private static Func<IncidentId, CommandId, MitigationTrialCommand> SwitchOff(string notice) => (i, c) => new SwitchOffMitigationTrial(i, c, Owner, notice);

    private static MitigationTrial Run(TrialLength length, IReadOnlyList<int> reminders, bool accept)
    {
        var offer = new OfferMitigationTrial(Incident, CommandId.New(), Owner, "24x7 monitoring", length, reminders, Roi);
        var trial = Apply(MitigationTrial.Start(Incident), MitigationTrialDecider.Decide(MitigationTrial.Start(Incident), offer, Office, Accepted - Duration.FromDays(1)));
        return accept ? Apply(trial, Decide(trial, (i, c) => new AcceptMitigationTrial(i, c, Customer), Accepted)) : trial;
    }

    private static ProcessDecision<MitigationTrialEvent> Decide(MitigationTrial trial, Func<IncidentId, CommandId, MitigationTrialCommand> make, Instant now)
        => MitigationTrialDecider.Decide(trial, make(Incident, CommandId.New()), Office, now);

    private static MitigationTrial Apply(MitigationTrial trial, ProcessDecision<MitigationTrialEvent> decision)
        => Assert.IsType<ProcessAccepted<MitigationTrialEvent>>(decision).Events.Aggregate(trial, MitigationTrial.Evolve);

    private static RuleBroken Broken(ProcessDecision<MitigationTrialEvent> decision)
        => Assert.IsType<RuleBroken>(Assert.IsType<ProcessRejected<MitigationTrialEvent>>(decision).Reason);
}
