using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Scheduling;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Interval = NodaTime.Interval;

namespace CustomerAdvocacy.Tests.Scheduling;

public sealed class BlackoutTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    private static readonly DateTimeZone LordHowe = DateTimeZoneProviders.Tzdb["Australia/Lord_Howe"];

    // Monday to Friday 09:00-17:00 in New York, with Memorial Day 2026 and a holiday on the last day of Q3 2026.
    private static BusinessCalendar NewYorkWeekdays() => new BusinessCalendarBuilder("America/New_York")
        .AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0))
        .AddHoliday(new LocalDate(2026, 5, 25), "Memorial Day")
        .AddHoliday(new LocalDate(2026, 9, 30), "Company day")
        .Build();

    private static Instant At(DateTimeZone zone, int year, int month, int day, int hour = 0, int minute = 0)
        => zone.AtStrictly(new LocalDateTime(year, month, day, hour, minute)).ToInstant();

    private static Interval Range(DateTimeZone zone, LocalDate from, LocalDate to)
        => new(zone.AtStartOfDay(from).ToInstant(), zone.AtStartOfDay(to).ToInstant());

    private static List<Interval> Windows(BlackoutRule rule, DateTimeZone zone, LocalDate from, LocalDate to)
        => rule.GetWindows(Range(zone, from, to), zone).ToList();

    [Fact]
    public void MonthEnd_LastThreeCalendarDays_RunsToTheMonthsTurn()
    {
        var rule = new PeriodEndBlackout("month-end", BlackoutPeriod.Month, 3);
        var windows = Windows(rule, NewYork, new LocalDate(2026, 11, 10), new LocalDate(2026, 11, 20));
        Assert.Empty(windows);

        windows = Windows(rule, NewYork, new LocalDate(2026, 11, 10), new LocalDate(2026, 12, 10));
        Assert.Equal([new Interval(At(NewYork, 2026, 11, 28), At(NewYork, 2026, 12, 1))], windows);
    }

    [Fact]
    public void MonthEnd_MoreDaysThanFebruaryHas_BlacksOutTheWholeMonth()
    {
        var rule = new PeriodEndBlackout("month-end", BlackoutPeriod.Month, 30);
        var windows = Windows(rule, NewYork, new LocalDate(2026, 2, 10), new LocalDate(2026, 2, 11));
        Assert.Equal([new Interval(At(NewYork, 2026, 2, 1), At(NewYork, 2026, 3, 1))], windows);
    }

    [Fact]
    public void MonthEndBusinessDays_AcrossMemorialDay_SkipsTheHoliday()
    {
        // May 2026 ends on a Sunday; counting back five business days skips Monday 25 (a holiday): 29, 28, 27, 26, 22.
        var rule = new PeriodEndBlackout("month-end processing", BlackoutPeriod.Month, 5, NewYorkWeekdays());
        var windows = Windows(rule, NewYork, new LocalDate(2026, 5, 1), new LocalDate(2026, 5, 31));
        Assert.Equal([new Interval(At(NewYork, 2026, 5, 22), At(NewYork, 2026, 6, 1))], windows);
    }

    [Fact]
    public void MonthEndBusinessDays_MonthEndingOnSaturday_CoversTheSaturdayUntilTheMonthTurns()
    {
        // October 2026 ends on Saturday 31; the last three business days are 28-30, and 1 November is the day New York
        // falls back, so the window ends at midnight daylight time.
        var rule = new PeriodEndBlackout("month-end processing", BlackoutPeriod.Month, 3, NewYorkWeekdays());
        var windows = Windows(rule, NewYork, new LocalDate(2026, 10, 1), new LocalDate(2026, 11, 2));
        Assert.Equal([new Interval(At(NewYork, 2026, 10, 28), Instant.FromUtc(2026, 11, 1, 4, 0))], windows);
    }

    [Fact]
    public void MonthEndBusinessDays_FewerBusinessDaysThanAsked_BlacksOutTheWholeMonth()
    {
        // Open on Mondays only: February 2026 has four business days, and ten are asked for.
        var mondays = new BusinessCalendarBuilder("America/New_York")
            .AddWeeklyHours(IsoDayOfWeek.Monday, new LocalTime(9, 0), new LocalTime(17, 0))
            .Build();
        var rule = new PeriodEndBlackout("month-end", BlackoutPeriod.Month, 10, mondays);
        var windows = Windows(rule, NewYork, new LocalDate(2026, 2, 10), new LocalDate(2026, 2, 11));
        Assert.Equal([new Interval(At(NewYork, 2026, 2, 1), At(NewYork, 2026, 3, 1))], windows);
    }

    [Fact]
    public void QuarterEndBusinessDays_HolidayOnTheLastDay_CountsTheDaysBeforeIt()
    {
        var rule = new PeriodEndBlackout("quarter close", BlackoutPeriod.Quarter, 2, NewYorkWeekdays());
        var windows = Windows(rule, NewYork, new LocalDate(2026, 7, 1), new LocalDate(2026, 10, 1));
        Assert.Equal([new Interval(At(NewYork, 2026, 9, 28), At(NewYork, 2026, 10, 1))], windows);
    }

    [Fact]
    public void QuarterEnd_CalendarDaysOverAYear_OnlyInTheQuartersLastMonths()
    {
        var rule = new PeriodEndBlackout("quarter close", BlackoutPeriod.Quarter, 5);
        var windows = Windows(rule, NewYork, new LocalDate(2026, 1, 1), new LocalDate(2027, 1, 1));
        Assert.Equal(
            [
                new Interval(At(NewYork, 2026, 3, 27), At(NewYork, 2026, 4, 1)),
                new Interval(At(NewYork, 2026, 6, 26), At(NewYork, 2026, 7, 1)),
                new Interval(At(NewYork, 2026, 9, 26), At(NewYork, 2026, 10, 1)),
                new Interval(At(NewYork, 2026, 12, 27), At(NewYork, 2027, 1, 1)),
            ],
            windows);
    }

    [Fact]
    public void YearEnd_CalendarDays_CoversTheLastDaysOfDecember()
    {
        var rule = new PeriodEndBlackout("year-end freeze", BlackoutPeriod.Year, 10);
        var windows = Windows(rule, London, new LocalDate(2026, 6, 1), new LocalDate(2027, 6, 1));
        Assert.Equal([new Interval(At(London, 2026, 12, 22), At(London, 2027, 1, 1))], windows);
    }

    [Fact]
    public void YearEndBusinessDays_OverChristmas_CountsOnlyBusinessDays()
    {
        var calendar = new BusinessCalendarBuilder("America/New_York")
            .AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0))
            .AddHoliday(new LocalDate(2026, 12, 25), "Christmas Day")
            .Build();
        // 31 (Thu), 30, 29, 28, then 25 is a holiday and 26-27 a weekend: 24 (Thu).
        var rule = new PeriodEndBlackout("year-end close", BlackoutPeriod.Year, 5, calendar);
        var windows = Windows(rule, NewYork, new LocalDate(2026, 12, 1), new LocalDate(2027, 1, 1));
        Assert.Equal([new Interval(At(NewYork, 2026, 12, 24), At(NewYork, 2027, 1, 1))], windows);
    }

    [Fact]
    public void MonthEnd_LondonMarch_WindowAcrossSpringForwardIsAnHourShort()
    {
        // The last three days of March 2026 include Sunday 29, when London skips 01:00-02:00.
        var rule = new PeriodEndBlackout("month-end", BlackoutPeriod.Month, 3);
        var window = Assert.Single(Windows(rule, London, new LocalDate(2026, 3, 15), new LocalDate(2026, 4, 1)));
        Assert.Equal(At(London, 2026, 3, 29), window.Start);
        Assert.Equal(Duration.FromHours(71), window.Duration);
    }

    [Fact]
    public void Weekly_FridayEveningToMondayMorning_CrossesTheWeekend()
    {
        var rule = new WeeklyBlackout("weekend freeze", IsoDayOfWeek.Friday, new LocalTime(16, 0), IsoDayOfWeek.Monday, new LocalTime(8, 0));
        var windows = Windows(rule, NewYork, new LocalDate(2026, 11, 23), new LocalDate(2026, 11, 28));
        Assert.Equal(
            [
                new Interval(At(NewYork, 2026, 11, 20, 16), At(NewYork, 2026, 11, 23, 8)),
                new Interval(At(NewYork, 2026, 11, 27, 16), At(NewYork, 2026, 11, 30, 8)),
            ],
            windows);
        Assert.Equal(Duration.FromHours(64), rule.NominalLength);
    }

    [Fact]
    public void Weekly_SaturdayNightAcrossMidnight_EndsOnSunday()
    {
        var rule = new WeeklyBlackout("batch run", IsoDayOfWeek.Saturday, new LocalTime(22, 0), IsoDayOfWeek.Sunday, new LocalTime(2, 0));
        var window = Assert.Single(Windows(rule, NewYork, new LocalDate(2026, 11, 16), new LocalDate(2026, 11, 23)));
        Assert.Equal(new Interval(At(NewYork, 2026, 11, 21, 22), At(NewYork, 2026, 11, 22, 2)), window);
    }

    [Fact]
    public void Weekly_SameDayWindow_StaysOnThatDay()
    {
        var rule = new WeeklyBlackout("backups", IsoDayOfWeek.Saturday, new LocalTime(0, 0), IsoDayOfWeek.Saturday, new LocalTime(6, 0));
        var window = Assert.Single(Windows(rule, NewYork, new LocalDate(2026, 11, 16), new LocalDate(2026, 11, 23)));
        Assert.Equal(new Interval(At(NewYork, 2026, 11, 21), At(NewYork, 2026, 11, 21, 6)), window);
        Assert.Equal(Duration.FromHours(6), rule.NominalLength);
    }

    [Theory]
    [InlineData(2026, 3, 28, 5)] // London springs forward on Sunday 29 March
    [InlineData(2026, 10, 24, 7)] // and falls back on Sunday 25 October
    [InlineData(2026, 11, 7, 6)]
    public void Weekly_AcrossLondonDaylightSavingChange_CountsRealTime(int year, int month, int saturday, int hours)
    {
        var rule = new WeeklyBlackout("batch run", IsoDayOfWeek.Saturday, new LocalTime(22, 0), IsoDayOfWeek.Sunday, new LocalTime(4, 0));
        var date = new LocalDate(year, month, saturday);
        var window = Assert.Single(Windows(rule, London, date, date.PlusDays(1)));
        Assert.Equal(At(London, year, month, saturday, 22), window.Start);
        Assert.Equal(Duration.FromHours(hours), window.Duration);
    }

    [Fact]
    public void Weekly_StartInNewYorkGap_MovesForwardByTheGap()
    {
        // On 8 March 2026 New York skips 02:00-03:00: a 02:30 start moves to 03:30 daylight time.
        var rule = new WeeklyBlackout("sync", IsoDayOfWeek.Sunday, new LocalTime(2, 30), IsoDayOfWeek.Sunday, new LocalTime(5, 0));
        var window = Assert.Single(Windows(rule, NewYork, new LocalDate(2026, 3, 8), new LocalDate(2026, 3, 9)));
        Assert.Equal(new Interval(Instant.FromUtc(2026, 3, 8, 7, 30), Instant.FromUtc(2026, 3, 8, 9, 0)), window);
    }

    [Fact]
    public void Weekly_StartInNewYorkOverlap_TakesTheEarlierInstant()
    {
        // On 1 November 2026 New York repeats 01:00-02:00: a 01:30 start is the first 01:30 (daylight time).
        var rule = new WeeklyBlackout("sync", IsoDayOfWeek.Sunday, new LocalTime(1, 30), IsoDayOfWeek.Sunday, new LocalTime(3, 0));
        var window = Assert.Single(Windows(rule, NewYork, new LocalDate(2026, 11, 1), new LocalDate(2026, 11, 2)));
        Assert.Equal(new Interval(Instant.FromUtc(2026, 11, 1, 5, 30), Instant.FromUtc(2026, 11, 1, 8, 0)), window);
    }

    [Theory]
    [InlineData(2026, 4, 5, 390)] // Lord Howe turns back half an hour at 02:00
    [InlineData(2026, 10, 4, 330)] // and skips 02:00-02:30
    public void Weekly_AcrossLordHoweHalfHourChange_CountsRealTime(int year, int month, int sunday, int minutes)
    {
        var rule = new WeeklyBlackout("maintenance", IsoDayOfWeek.Sunday, new LocalTime(0, 0), IsoDayOfWeek.Sunday, new LocalTime(6, 0));
        var date = new LocalDate(year, month, sunday);
        var window = Assert.Single(Windows(rule, LordHowe, date, date.PlusDays(1)));
        Assert.Equal(Duration.FromMinutes(minutes), window.Duration);
    }

    [Fact]
    public void LocalRange_WhollyInsideAGap_MovesForwardByTheGap()
    {
        // 02:10-02:40 does not exist in New York on 8 March 2026: both ends move forward an hour, to daylight time.
        var rule = new LocalRangeBlackout("cut-over", new LocalDateTime(2026, 3, 8, 2, 10), new LocalDateTime(2026, 3, 8, 2, 40));
        var window = Assert.Single(Windows(rule, NewYork, new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 31)));
        Assert.Equal(new Interval(Instant.FromUtc(2026, 3, 8, 7, 10), Instant.FromUtc(2026, 3, 8, 7, 40)), window);
    }

    [Fact]
    public void LocalRange_OutsideTheRange_IsNotReturned()
    {
        var rule = new LocalRangeBlackout("launch", new LocalDateTime(2026, 12, 1, 9, 0), new LocalDateTime(2026, 12, 3, 18, 0));
        Assert.Empty(Windows(rule, NewYork, new LocalDate(2026, 12, 3).PlusDays(1), new LocalDate(2026, 12, 10)));
        Assert.Equal(
            [new Interval(At(NewYork, 2026, 12, 1, 9), At(NewYork, 2026, 12, 3, 18))],
            Windows(rule, NewYork, new LocalDate(2026, 12, 3), new LocalDate(2026, 12, 10)));
    }

    [Fact]
    public void GetCollisions_IntervalAcrossTwoBlackouts_ListsEachWithItsOverlap()
    {
        var set = new BlackoutSetBuilder("America/New_York")
            .AddMonthEnd("month-end", 1)
            .AddWeekly("weekend freeze", IsoDayOfWeek.Friday, new LocalTime(16, 0), IsoDayOfWeek.Monday, new LocalTime(8, 0))
            .Build();
        // Monday 30 November 06:00 to Tuesday 1 December 02:00: the tail of the weekend freeze, then month-end.
        var proposed = new Interval(At(NewYork, 2026, 11, 30, 6), At(NewYork, 2026, 12, 1, 2));
        var hits = set.GetCollisions(proposed);
        Assert.Equal(2, hits.Count);
        Assert.Equal("weekend freeze", hits[0].Rule.Name);
        Assert.Equal(new Interval(At(NewYork, 2026, 11, 27, 16), At(NewYork, 2026, 11, 30, 8)), hits[0].Window);
        Assert.Equal(new Interval(proposed.Start, At(NewYork, 2026, 11, 30, 8)), hits[0].Overlap);
        Assert.Equal("month-end", hits[1].Rule.Name);
        Assert.Equal(new Interval(proposed.Start, At(NewYork, 2026, 12, 1)), hits[1].Overlap);
    }

    [Fact]
    public void GetCollisions_IntervalTouchingWindowsAtBothEnds_IsClear()
    {
        var set = new BlackoutSetBuilder("America/New_York")
            .AddWeekly("weekend freeze", IsoDayOfWeek.Friday, new LocalTime(16, 0), IsoDayOfWeek.Monday, new LocalTime(8, 0))
            .Build();
        var proposed = new Interval(At(NewYork, 2026, 11, 23, 8), At(NewYork, 2026, 11, 27, 16));
        Assert.Empty(set.GetCollisions(proposed));
        Assert.False(set.Collides(proposed));
    }

    [Fact]
    public void GetCollisions_EmptyInterval_TreatedAsItsInstant()
    {
        var set = new BlackoutSetBuilder("America/New_York")
            .AddWeekly("weekend freeze", IsoDayOfWeek.Friday, new LocalTime(16, 0), IsoDayOfWeek.Monday, new LocalTime(8, 0))
            .Build();
        var atStart = At(NewYork, 2026, 11, 27, 16);
        var atEnd = At(NewYork, 2026, 11, 30, 8);
        Assert.Single(set.GetCollisions(new Interval(atStart, atStart)));
        Assert.Empty(set.GetCollisions(new Interval(atEnd, atEnd)));
        Assert.True(set.Collides(new Interval(atStart, atStart)));
    }

    [Fact]
    public void GetWindows_SeveralRules_MergedInOrderOfStart()
    {
        var set = new BlackoutSetBuilder("America/New_York")
            .AddMonthEnd("month-end", 2)
            .AddWeekly("backups", IsoDayOfWeek.Saturday, new LocalTime(0, 0), IsoDayOfWeek.Saturday, new LocalTime(6, 0))
            .AddRange("launch", new LocalDateTime(2026, 11, 24, 9, 0), new LocalDateTime(2026, 11, 24, 18, 0))
            .Build();
        var windows = set.GetWindows(Range(NewYork, new LocalDate(2026, 11, 22), new LocalDate(2026, 12, 6))).ToList();
        Assert.Equal(["launch", "backups", "month-end", "backups"], windows.Select(w => w.Rule.Name));
        Assert.True(windows.Zip(windows.Skip(1), (a, b) => a.Interval.Start <= b.Interval.Start).All(ordered => ordered));
    }

    [Fact]
    public void AddRule_HostDefinedRule_JoinsTheSet()
    {
        var set = new BlackoutSetBuilder("Europe/London")
            .AddRule(new FirstMondayMorning())
            .Build();
        var hits = set.GetCollisions(new Interval(At(London, 2026, 12, 7, 10), At(London, 2026, 12, 7, 11)));
        var hit = Assert.Single(hits);
        Assert.Equal("first-Monday review", hit.Rule.Name);
        Assert.Equal(new Interval(At(London, 2026, 12, 7, 9), At(London, 2026, 12, 7, 12)), hit.Window);
        Assert.False(set.Collides(new Interval(At(London, 2026, 12, 14, 10), At(London, 2026, 12, 14, 11))));
    }

    [Fact]
    public void GetWindows_RuleYieldingOutOfOrder_Throws()
    {
        var rule = new OutOfOrder();
        var error = Assert.Throws<InvalidOperationException>(() => rule.GetWindows(Range(London, new LocalDate(2026, 1, 1), new LocalDate(2026, 2, 1)), London).ToList());
        Assert.Contains("in order of their start", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetWindows_UnboundedRange_ThrowsNamingArgument()
    {
        var rule = new PeriodEndBlackout("month-end", BlackoutPeriod.Month, 3);
        var error = Assert.Throws<ArgumentException>(() => rule.GetWindows(new Interval(null, Instant.FromUtc(2026, 1, 1, 0, 0)), London));
        Assert.Equal("range", error.ParamName);
    }

    [Fact]
    public void Build_SeveralProblems_ReportsEveryOneTogether()
    {
        var tokyoCalendar = new BusinessCalendarBuilder("Asia/Tokyo").AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0)).Build();
        var builder = new BlackoutSetBuilder("America/New_York")
            .AddMonthEnd("month-end", 0)
            .AddQuarterEnd("quarter-end", 93)
            .AddYearEndBusinessDays("year-end", 3, null!)
            .AddMonthEndBusinessDays("Tokyo close", 2, tokyoCalendar)
            .AddRange("freeze", new LocalDateTime(2026, 12, 5, 0, 0), new LocalDateTime(2026, 12, 1, 0, 0))
            .AddWeekly("weekend", (IsoDayOfWeek)9, new LocalTime(16, 0), IsoDayOfWeek.Monday, new LocalTime(8, 0))
            .AddWeekly("backups", IsoDayOfWeek.Saturday, new LocalTime(6, 0), IsoDayOfWeek.Saturday, new LocalTime(6, 0))
            .AddRange("month-end", new LocalDateTime(2026, 12, 1, 0, 0), new LocalDateTime(2026, 12, 2, 0, 0))
            .AddRange(" ", new LocalDateTime(2026, 12, 1, 0, 0), new LocalDateTime(2026, 12, 2, 0, 0))
            .AddRule(null!);
        var error = Assert.Throws<DefinitionValidationException>(() => builder.Build());
        Assert.Equal(
            ["rules[0]", "rules[1]", "rules[2]", "rules[3]", "rules[4]", "rules[5].startDay", "rules[6]", "rules[7]", "rules[8]", "rules[9]"],
            error.Problems.Select(p => p.Path));
    }

    [Fact]
    public void Build_UnknownZone_Reported()
    {
        var error = Assert.Throws<DefinitionValidationException>(() => new BlackoutSetBuilder("Mars/Olympus_Mons").AddMonthEnd("month-end", 3).Build());
        Assert.Equal("zone", Assert.Single(error.Problems).Path);
    }

    [Fact]
    public void Constructor_InvalidRule_ThrowsWithEveryProblem()
    {
        var error = Assert.Throws<DefinitionValidationException>(() => new PeriodEndBlackout("", (BlackoutPeriod)7, -1));
        Assert.Equal(3, error.Problems.Count);
    }

    [ConfiguredProperty]
    public Property GetWindows_AgreesWithWindowsWorkedOutFromTheDefinitions()
        => Prop.ForAll(SchedulingScenario.Arbitrary(), scenario =>
        {
            var expected = scenario.ReferenceWindowsInRange();
            var actual = scenario.Blackouts.GetWindows(new Interval(scenario.From, scenario.Until))
                .Select(w => (w.Rule.Name, w.Interval))
                .ToList();
            Assert.True(expected.SequenceEqual(actual), $"{scenario}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}]");
        });

    [ConfiguredProperty]
    public Property GetCollisions_AgreesWithGetWindows()
        => Prop.ForAll(SchedulingScenario.Arbitrary(), scenario =>
        {
            var proposed = new Interval(scenario.From, scenario.From + scenario.Length);
            var hits = scenario.Blackouts.GetCollisions(proposed);
            var windows = scenario.Blackouts.GetWindows(proposed).ToList();
            Assert.Equal(windows.Select(w => (w.Rule, w.Interval)), hits.Select(h => (h.Rule, h.Window)));
            Assert.All(hits, h => Assert.True(h.Overlap.Duration > Duration.Zero && h.Window.Contains(h.Overlap.Start) && proposed.Contains(h.Overlap.Start)));
            Assert.Equal(hits.Count > 0, scenario.Blackouts.Collides(proposed));
        });

    /// <summary>A host's own rule: 09:00-12:00 on the first Monday of every month.</summary>
    private sealed class FirstMondayMorning() : BlackoutRule("first-Monday review", "monthly service review")
    {
        protected override IEnumerable<Interval> EnumerateWindows(Interval range, DateTimeZone zone)
        {
            var month = range.Start.InZone(zone).Date.With(DateAdjusters.StartOfMonth).PlusMonths(-1);
            while (true)
            {
                var monday = month.With(DateAdjusters.NextOrSame(IsoDayOfWeek.Monday));
                yield return new Interval(ResolveLocal(monday + new LocalTime(9, 0), zone), ResolveLocal(monday + new LocalTime(12, 0), zone));
                month = month.PlusMonths(1);
            }
        }
    }

    private sealed class OutOfOrder() : BlackoutRule("broken", null)
    {
        protected override IEnumerable<Interval> EnumerateWindows(Interval range, DateTimeZone zone)
        {
            yield return new Interval(range.Start + Duration.FromHours(5), range.Start + Duration.FromHours(6));
            yield return new Interval(range.Start + Duration.FromHours(1), range.Start + Duration.FromHours(2));
        }
    }
}
