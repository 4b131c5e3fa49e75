using System;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Scheduling;
using CustomerAdvocacy.Segmentation;
using CustomerAdvocacy.Testing;
using NodaTime;

namespace CustomerAdvocacy.Tests.Engagement;

public sealed class IncidentServiceLevelsTests
{
    // Friday 6 March 2026, 16:00 in London (UTC in winter); the office is open 09:00-17:00 on weekdays.
    private static readonly Instant FridayFour = Instant.FromUtc(2026, 3, 6, 16, 0);
    private static readonly BusinessCalendar Office = new BusinessCalendarBuilder("Europe/London").AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0)).Build();
    private static readonly AdvocacyPolicy Policy = new(Duration.FromHours(2), Duration.FromHours(4), Duration.FromDays(10), TargetClock.BusinessTime, "standard-ladder");

    private readonly IncidentId _id = IncidentId.New();
    private readonly IncidentCommands _script;
    private readonly IncidentScenario _scenario;

    public IncidentServiceLevelsTests()
    {
        _script = new IncidentCommands(_id, FridayFour);
        _scenario = new IncidentScenario(_id, FridayFour).Given(_script.Open());
    }

    [Fact]
    public void FirstResponse_OpenedLateFriday_DueMondayInCustomerBusinessTimeAndStoppedByFirstConversation()
    {
        var mondayHalfNine = Instant.FromUtc(2026, 3, 9, 9, 30);
        _scenario.Now = mondayHalfNine;
        _scenario.Given(Conversation("call-1"));

        var levels = IncidentServiceLevels.Evaluate(_scenario.State, Policy, Office, mondayHalfNine + Duration.FromHours(1));

        Assert.Equal(Instant.FromUtc(2026, 3, 9, 10, 0), levels.FirstResponse.Due);
        Assert.True(levels.FirstResponse.StoppedInTime);
    }

    [Fact]
    public void FirstResponse_NoConversationByDue_Breached()
    {
        var levels = IncidentServiceLevels.Evaluate(_scenario.State, Policy, Office, Instant.FromUtc(2026, 3, 9, 11, 0));
        Assert.Equal(Instant.FromUtc(2026, 3, 9, 10, 0), levels.FirstResponse.BreachedAt);
    }

    [Fact]
    public void Updates_CadenceRunsFromLastConversationInBusinessTime_OverdueWhenSilent()
    {
        var mondayHalfNine = Instant.FromUtc(2026, 3, 9, 9, 30);
        _scenario.Now = mondayHalfNine;
        _scenario.Given(Conversation("call-1"));

        var levels = IncidentServiceLevels.Evaluate(_scenario.State, Policy, Office, Instant.FromUtc(2026, 3, 9, 14, 0));

        Assert.Equal(Instant.FromUtc(2026, 3, 9, 13, 30), levels.Updates.NextDue);
        Assert.True(levels.Updates.IsOverdue);
    }

    [Fact]
    public void Updates_AroundTheClockPolicy_CountsTheWeekend()
    {
        var aroundTheClock = new AdvocacyPolicy(Duration.FromHours(2), Duration.FromHours(4), Duration.FromDays(3), TargetClock.AroundTheClock, "critical-ladder");
        var levels = IncidentServiceLevels.Evaluate(_scenario.State, aroundTheClock, Office, FridayFour + Duration.FromHours(1));
        Assert.Equal(FridayFour + Duration.FromHours(2), levels.FirstResponse.Due);
        Assert.Equal(FridayFour + Duration.FromHours(4), levels.Updates.NextDue);
    }

    [Fact]
    public void Evaluate_IncidentNotOpened_Throws()
        => Assert.Throws<ArgumentException>(() => IncidentServiceLevels.Evaluate(Incident.NotOpened(_id), Policy, Office, FridayFour));

    private RecordConversation Conversation(string id)
        => new(_id, CommandId.New(), _script.Owner, id, new[] { "customer-1", "owner-1" }, null, null);
}
