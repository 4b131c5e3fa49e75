using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Scheduling;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using NodaTime.Testing;
using static CustomerAdvocacy.Tests.Scheduling.SlaTestCalendars;

namespace CustomerAdvocacy.Tests.Scheduling;

public sealed class CadenceTests
{
    private static readonly Cadence EveryTwoHours = new(Duration.FromHours(2), LondonOffice);
    private static readonly Instant MondayTen = LondonAt(2026, 11, 23, 10);

    [Fact]
    public void NextDue_NoUpdates_IntervalAfterStart()
        => Assert.Equal(LondonAt(2026, 11, 23, 12), EveryTwoHours.NextDue(MondayTen, []));

    [Fact]
    public void NextDue_AfterEarlyUpdate_CountsFromThatUpdate()
        => Assert.Equal(LondonAt(2026, 11, 23, 12, 30), EveryTwoHours.NextDue(MondayTen, [LondonAt(2026, 11, 23, 10, 30)]));

    [Fact]
    public void NextDue_StartLateOnFriday_ContinuesMondayInBusinessTime()
        => Assert.Equal(LondonAt(2026, 11, 30, 10), EveryTwoHours.NextDue(LondonAt(2026, 11, 27, 16), []));

    [Fact]
    public void Evaluate_UpdatesOffTheOriginalGrid_DeadlinesCountFromEachUpdate()
    {
        var report = EveryTwoHours.Evaluate(MondayTen, [LondonAt(2026, 11, 23, 11), LondonAt(2026, 11, 23, 13)], LondonAt(2026, 11, 23, 14));

        // A grid from the start would say 12:00, 14:00, 16:00.
        Assert.Equal(
            [LondonAt(2026, 11, 23, 12), LondonAt(2026, 11, 23, 13), LondonAt(2026, 11, 23, 15)],
            report.Deadlines.Select(d => d.Due).ToArray());
        Assert.Empty(report.Missed);
        Assert.Equal(LondonAt(2026, 11, 23, 15), report.NextDue);
    }

    [Fact]
    public void Evaluate_LateUpdates_ListsEachMissedDeadlineWithTheUpdateThatFollowed()
    {
        var updates = new[] { LondonAt(2026, 11, 23, 12, 30), LondonAt(2026, 11, 23, 14), LondonAt(2026, 11, 23, 16, 30) };

        var report = EveryTwoHours.Evaluate(MondayTen, updates, LondonAt(2026, 11, 23, 16, 45));

        Assert.Equal(
            [(LondonAt(2026, 11, 23, 12), (Instant?)LondonAt(2026, 11, 23, 12, 30)), (LondonAt(2026, 11, 23, 16), LondonAt(2026, 11, 23, 16, 30))],
            report.Missed.Select(d => (d.Due, d.FollowedBy)).ToArray());
        Assert.Equal(LondonAt(2026, 11, 24, 10, 30), report.NextDue);
        Assert.False(report.IsOverdue);
    }

    [Fact]
    public void Evaluate_UpdateExactlyAtDeadline_NotMissed()
    {
        var report = EveryTwoHours.Evaluate(MondayTen, [LondonAt(2026, 11, 23, 12)], LondonAt(2026, 11, 23, 12));

        Assert.Empty(report.Missed);
        Assert.False(report.Deadlines[0].IsMissed);
    }

    [Fact]
    public void Evaluate_NoUpdatePastPendingDeadline_PendingIsMissedAndOverdue()
    {
        var report = EveryTwoHours.Evaluate(MondayTen, [], LondonAt(2026, 11, 23, 12) + Duration.Epsilon);

        var missed = Assert.Single(report.Missed);
        Assert.Null(missed.FollowedBy);
        Assert.Equal(LondonAt(2026, 11, 23, 12), missed.Due);
        Assert.True(report.IsOverdue);
    }

    [Fact]
    public void Evaluate_WithFakeClock_ReadsNowFromIt()
    {
        var fake = new FakeClock(LondonAt(2026, 11, 23, 11));

        Assert.False(EveryTwoHours.Evaluate(MondayTen, [], fake).IsOverdue);
        fake.AdvanceMinutes(61);
        Assert.True(EveryTwoHours.Evaluate(MondayTen, [], fake).IsOverdue);
    }

    [Fact]
    public void NextDue_AroundTheClockAcrossLondonSpringForward_CountsRealTime()
    {
        var hourly = new Cadence(Duration.FromHours(1), BusinessCalendar.AroundTheClock(London));

        var due = hourly.NextDue(LondonAt(2026, 3, 29, 0, 30), []);

        // 01:30 local does not exist that night: one real hour after 00:30 GMT is 02:30 BST.
        Assert.Equal(new LocalDateTime(2026, 3, 29, 2, 30), due.InZone(London).LocalDateTime);
    }

    [Fact]
    public void UpcomingDeadlines_NoFurtherUpdates_RepeatEveryIntervalOfBusinessTime()
    {
        var deadlines = EveryTwoHours.UpcomingDeadlines(MondayTen, [LondonAt(2026, 11, 23, 12)], 3);

        Assert.Equal([LondonAt(2026, 11, 23, 14), LondonAt(2026, 11, 23, 16), LondonAt(2026, 11, 24, 10)], deadlines);
    }

    [Fact]
    public void Evaluate_UpdatesOutOfOrder_TypedExceptionNamingUpdates()
    {
        var error = Assert.Throws<ArgumentException>(
            () => EveryTwoHours.Evaluate(MondayTen, [LondonAt(2026, 11, 23, 12), LondonAt(2026, 11, 23, 11)], LondonAt(2026, 11, 23, 13)));

        Assert.Equal("updates", error.ParamName);
    }

    [Fact]
    public void Evaluate_UpdateBeforeStart_TypedExceptionNamingUpdates()
    {
        var error = Assert.Throws<ArgumentException>(() => EveryTwoHours.NextDue(MondayTen, [MondayTen - Duration.Epsilon]));

        Assert.Equal("updates", error.ParamName);
    }

    [Fact]
    public void Evaluate_UpdateAfterNow_TypedExceptionNamingUpdates()
    {
        var error = Assert.Throws<ArgumentException>(() => EveryTwoHours.Evaluate(MondayTen, [LondonAt(2026, 11, 23, 12)], LondonAt(2026, 11, 23, 11)));

        Assert.Equal("updates", error.ParamName);
    }

    [Fact]
    public void Evaluate_NowBeforeStart_TypedExceptionNamingNow()
    {
        var error = Assert.Throws<ArgumentException>(() => EveryTwoHours.Evaluate(MondayTen, [], MondayTen - Duration.Epsilon));

        Assert.Equal("now", error.ParamName);
    }

    [Fact]
    public void Constructor_ZeroInterval_TypedExceptionNamingInterval()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Cadence(Duration.Zero, LondonOffice));

        Assert.Equal("interval", error.ParamName);
    }

    [ConfiguredProperty(Arbitrary = new[] { typeof(CadenceArbitraries) })]
    public bool Deadlines_InTimeOrder_IncreaseStrictlyWheneverBusinessTimePassesBetweenUpdates(CadenceCase c)
        => DeadlinesIncrease(new Cadence(Duration.FromMinutes(c.IntervalMinutes), Pick(c.Calendar)), SpreadOver2026(c.Start), c.Gaps, c.NowAfter, c.Upcoming);

    [ConfiguredProperty(Arbitrary = new[] { typeof(CadenceArbitraries) })]
    public bool Deadlines_GeneratedCalendarInRandomZone_IncreaseStrictlyWheneverBusinessTimePassesBetweenUpdates(GeneratedCadenceCase c)
    {
        var interval = c.Scenario.BusinessTime > Duration.Zero ? c.Scenario.BusinessTime : Duration.FromMinutes(1);
        return DeadlinesIncrease(new Cadence(interval, c.Scenario.Calendar), c.Scenario.Start, c.Gaps, c.NowAfter, c.Upcoming);
    }

    private static bool DeadlinesIncrease(Cadence cadence, Instant start, int[] gaps, int nowAfter, int upcomingCount)
    {
        var updates = new List<Instant>();
        var at = start;
        foreach (var gap in gaps)
        {
            at += Duration.FromMinutes(gap);
            updates.Add(at);
        }

        var report = cadence.Evaluate(start, updates, at + Duration.FromMinutes(nowAfter));
        var deadlines = report.Deadlines;
        for (var i = 1; i < deadlines.Count; i++)
        {
            var businessTimeBetween = cadence.Calendar.BusinessTimeBetween(deadlines[i - 1].CountedFrom, deadlines[i].CountedFrom);
            var expected = businessTimeBetween > Duration.Zero
                ? deadlines[i - 1].Due < deadlines[i].Due
                : deadlines[i - 1].Due == deadlines[i].Due;
            if (!expected)
            {
                return false;
            }
        }

        var upcoming = cadence.UpcomingDeadlines(start, updates, upcomingCount);
        return upcoming[0] == report.NextDue
            && upcoming.Zip(upcoming.Skip(1), (earlier, later) => earlier < later).All(increasing => increasing)
            && deadlines.All(d => d.IsMissed == ((d.FollowedBy ?? report.Now) > d.Due));
    }

    public sealed record CadenceCase(int Calendar, int Start, int IntervalMinutes, int[] Gaps, int NowAfter, int Upcoming);

    public sealed record GeneratedCadenceCase(CalendarScenario Scenario, int[] Gaps, int NowAfter, int Upcoming)
    {
        public override string ToString() => $"{Scenario}; gaps [{string.Join(", ", Gaps)}] min, now +{NowAfter} min, {Upcoming} upcoming";
    }

    public static class CadenceArbitraries
    {
        public static Arbitrary<GeneratedCadenceCase> GeneratedCadenceCases()
            => Arb.From(
                from scenario in CalendarGenerators.Scenarios()
                from count in Gen.Choose(0, 8)
                from gaps in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(1, 3000))), count)
                from nowAfter in Gen.Choose(0, 3000)
                from upcoming in Gen.Choose(1, 8)
                select new GeneratedCadenceCase(scenario, gaps, nowAfter, upcoming));

        public static Arbitrary<CadenceCase> CadenceCases()
            => Arb.From(
                from calendar in Gen.Choose(0, 100)
                from start in Gen.Choose(0, int.MaxValue)
                from interval in Gen.Choose(1, 2000)
                from count in Gen.Choose(0, 8)
                from gaps in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(1, 3000))), count)
                from nowAfter in Gen.Choose(0, 3000)
                from upcoming in Gen.Choose(1, 8)
                select new CadenceCase(calendar, start, interval, gaps, nowAfter, upcoming));
    }
}
