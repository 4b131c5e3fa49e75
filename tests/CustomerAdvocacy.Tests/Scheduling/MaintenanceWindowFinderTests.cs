using System;
using System.Linq;
using CustomerAdvocacy.Scheduling;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Interval = NodaTime.Interval;

namespace CustomerAdvocacy.Tests.Scheduling;

public sealed class MaintenanceWindowFinderTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly DateTimeZone LordHowe = DateTimeZoneProviders.Tzdb["Australia/Lord_Howe"];

    private static Instant At(DateTimeZone zone, int year, int month, int day, int hour = 0, int minute = 0)
        => zone.AtStrictly(new LocalDateTime(year, month, day, hour, minute)).ToInstant();

    // The customer allows changes on Saturdays 08:00-18:00 New York time.
    private static BusinessCalendar SaturdayChangeWindow() => new BusinessCalendarBuilder("America/New_York")
        .WithName("Saturday change window")
        .AddWeeklyHours(IsoDayOfWeek.Saturday, new LocalTime(8, 0), new LocalTime(18, 0))
        .Build();

    private static BusinessCalendar NewYorkWeekdays() => new BusinessCalendarBuilder("America/New_York")
        .AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0))
        .Build();

    private static BlackoutSet MonthEndProcessing() => new BlackoutSetBuilder("America/New_York")
        .AddMonthEndBusinessDays("month-end processing", 3, NewYorkWeekdays(), "billing runs")
        .Build();

    [Fact]
    public void FindEarliest_SaturdayAfterMonthEndProcessing_SkipsToTheNextSaturday()
    {
        // Saturday 31 October 2026 follows the last three business days of October, so it is still month-end; the next
        // Saturday, 7 November, is after New York has fallen back to standard time.
        var finder = new MaintenanceWindowFinder(SaturdayChangeWindow(), MonthEndProcessing());
        var result = finder.FindEarliest(At(NewYork, 2026, 10, 26, 9), Duration.FromHours(4));
        Assert.Equal(MaintenanceWindowOutcome.Found, result.Outcome);
        Assert.Equal(new Interval(Instant.FromUtc(2026, 11, 7, 13, 0), Instant.FromUtc(2026, 11, 7, 17, 0)), result.Slot);
    }

    [Fact]
    public void FindEarliest_NoBlackouts_TakesTheFirstSaturday()
    {
        var finder = new MaintenanceWindowFinder(SaturdayChangeWindow(), BlackoutSet.None(NewYork));
        var result = finder.FindEarliest(At(NewYork, 2026, 10, 26, 9), Duration.FromHours(4));
        Assert.Equal(new Interval(At(NewYork, 2026, 10, 31, 8), At(NewYork, 2026, 10, 31, 12)), result.Slot);
    }

    [Fact]
    public void FindEarliest_StartingInsideAnOpenPeriod_StartsThere()
    {
        var finder = new MaintenanceWindowFinder(SaturdayChangeWindow(), MonthEndProcessing());
        var result = finder.FindEarliest(At(NewYork, 2026, 11, 14, 9, 15), Duration.FromHours(4));
        Assert.Equal(new Interval(At(NewYork, 2026, 11, 14, 9, 15), At(NewYork, 2026, 11, 14, 13, 15)), result.Slot);
    }

    [Fact]
    public void FindEarliest_AllowedAndBlackoutsInDifferentZones_ComparesInstants()
    {
        // A London change window, Saturdays 13:00-23:00, against New York month-end: on 31 October 2026 London is
        // already on GMT while New York is still on daylight time, so month-end there runs until 04:00 UTC on 1 November.
        var london = new BusinessCalendarBuilder("Europe/London")
            .AddWeeklyHours(IsoDayOfWeek.Saturday, new LocalTime(13, 0), new LocalTime(23, 0))
            .Build();
        var finder = new MaintenanceWindowFinder(london, MonthEndProcessing());
        var result = finder.FindEarliest(Instant.FromUtc(2026, 10, 26, 0, 0), Duration.FromHours(2));
        Assert.Equal(new Interval(Instant.FromUtc(2026, 11, 7, 13, 0), Instant.FromUtc(2026, 11, 7, 15, 0)), result.Slot);
    }

    [Fact]
    public void FindEarliest_SeparateOpenPeriods_SlotDoesNotSpanTheGap()
    {
        // 08:00-12:00 and 13:00-18:00 add up to nine hours, but six never fit in one stretch.
        var allowed = new BusinessCalendarBuilder("America/New_York")
            .AddWeeklyHours(IsoDayOfWeek.Saturday, new LocalTime(8, 0), new LocalTime(12, 0))
            .AddWeeklyHours(IsoDayOfWeek.Saturday, new LocalTime(13, 0), new LocalTime(18, 0))
            .Build();
        var finder = new MaintenanceWindowFinder(allowed, BlackoutSet.None(NewYork));
        var from = At(NewYork, 2026, 11, 1);
        var result = finder.FindEarliest(from, Duration.FromHours(6), from + Duration.FromDays(30));
        Assert.False(result.IsFound);
        Assert.Equal(MaintenanceWindowOutcome.NoAllowedStretchLongEnough, result.Outcome);
        Assert.Equal(Duration.FromHours(5), result.LongestAllowedStretch);
        Assert.Contains("5:00", result.Explanation, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => result.Slot);
    }

    [Fact]
    public void FindEarliest_TouchingPeriodsAcrossMidnight_SlotSpansThem()
    {
        var allowed = new BusinessCalendarBuilder("America/New_York")
            .AddWeeklyHours(IsoDayOfWeek.Saturday, new LocalTime(12, 0), LocalTime.Midnight)
            .AddWeeklyHours(IsoDayOfWeek.Sunday, new LocalTime(0, 0), new LocalTime(6, 0))
            .Build();
        var finder = new MaintenanceWindowFinder(allowed, BlackoutSet.None(NewYork));
        var result = finder.FindEarliest(At(NewYork, 2026, 11, 16), Duration.FromHours(16));
        Assert.Equal(new Interval(At(NewYork, 2026, 11, 21, 12), At(NewYork, 2026, 11, 22, 4)), result.Slot);
    }

    [Fact]
    public void FindEarliest_BlackoutInsideOpenPeriod_SlotStartsWhenItEnds()
    {
        var blackouts = new BlackoutSetBuilder("America/New_York")
            .AddWeekly("backups", IsoDayOfWeek.Saturday, new LocalTime(7, 0), IsoDayOfWeek.Saturday, new LocalTime(10, 0))
            .Build();
        var finder = new MaintenanceWindowFinder(SaturdayChangeWindow(), blackouts);
        var result = finder.FindEarliest(At(NewYork, 2026, 11, 16), Duration.FromHours(8));
        Assert.Equal(new Interval(At(NewYork, 2026, 11, 21, 10), At(NewYork, 2026, 11, 21, 18)), result.Slot);
    }

    [Fact]
    public void FindEarliest_SlotEndingExactlyWhenABlackoutStarts_IsAllowed()
    {
        var blackouts = new BlackoutSetBuilder("America/New_York")
            .AddWeekly("batch", IsoDayOfWeek.Saturday, new LocalTime(12, 0), IsoDayOfWeek.Saturday, new LocalTime(13, 0))
            .Build();
        var finder = new MaintenanceWindowFinder(SaturdayChangeWindow(), blackouts);
        var result = finder.FindEarliest(At(NewYork, 2026, 11, 16), Duration.FromHours(4));
        Assert.Equal(new Interval(At(NewYork, 2026, 11, 21, 8), At(NewYork, 2026, 11, 21, 12)), result.Slot);
    }

    [Fact]
    public void FindEarliest_NewYorkSpringForward_CountsRealElapsedTime()
    {
        // Sunday 00:00-06:00 lasts only five real hours on 8 March 2026, so a 5.5-hour slot waits a week.
        var allowed = new BusinessCalendarBuilder("America/New_York")
            .AddWeeklyHours(IsoDayOfWeek.Sunday, new LocalTime(0, 0), new LocalTime(6, 0))
            .Build();
        var finder = new MaintenanceWindowFinder(allowed, BlackoutSet.None(NewYork));
        var from = At(NewYork, 2026, 3, 7);
        Assert.Equal(
            new Interval(At(NewYork, 2026, 3, 8), At(NewYork, 2026, 3, 8, 6)),
            finder.FindEarliest(from, Duration.FromHours(5)).Slot);
        Assert.Equal(At(NewYork, 2026, 3, 15), finder.FindEarliest(from, Duration.FromMinutes(330)).Slot.Start);
    }

    [Fact]
    public void FindEarliest_LordHoweFallBack_FitsTheLongerNight()
    {
        // Sunday 00:00-06:00 lasts 6.5 real hours on 5 April 2026 (Lord Howe turns back half an hour), six otherwise.
        var allowed = new BusinessCalendarBuilder("Australia/Lord_Howe")
            .AddWeeklyHours(IsoDayOfWeek.Sunday, new LocalTime(0, 0), new LocalTime(6, 0))
            .Build();
        var finder = new MaintenanceWindowFinder(allowed, BlackoutSet.None(LordHowe));
        var result = finder.FindEarliest(At(LordHowe, 2026, 3, 25), Duration.FromMinutes(375));
        Assert.Equal(At(LordHowe, 2026, 4, 5), result.Slot.Start);
        Assert.Equal(Duration.FromMinutes(375), result.Slot.Duration);
    }

    [Fact]
    public void FindEarliest_EverySaturdayBlackedOut_ExplainsWhichBlackoutsBlock()
    {
        var blackouts = new BlackoutSetBuilder("America/New_York")
            .AddWeekly("weekend freeze", IsoDayOfWeek.Friday, new LocalTime(16, 0), IsoDayOfWeek.Monday, new LocalTime(8, 0))
            .AddQuarterEnd("quarter close", 3)
            .Build();
        var finder = new MaintenanceWindowFinder(SaturdayChangeWindow(), blackouts);
        var from = At(NewYork, 2026, 11, 1);
        var result = finder.FindEarliest(from, Duration.FromHours(1), from + Duration.FromDays(21));
        Assert.Equal(MaintenanceWindowOutcome.BlockedByBlackouts, result.Outcome);
        Assert.Equal(["weekend freeze"], result.BlockingRules.Select(rule => rule.Name));
        Assert.Equal(Duration.FromHours(10), result.LongestAllowedStretch);
        Assert.Equal(Duration.Zero, result.LongestFreeStretch);
        Assert.Contains("'weekend freeze'", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void FindEarliest_NoAllowedTimeInRange_SaysSo()
    {
        var allowed = new BusinessCalendarBuilder("America/New_York")
            .AddShift(new LocalDate(2026, 12, 12), new LocalTime(8, 0), new LocalTime(18, 0))
            .Build();
        var finder = new MaintenanceWindowFinder(allowed, BlackoutSet.None(NewYork));
        var from = At(NewYork, 2026, 11, 1);
        var result = finder.FindEarliest(from, Duration.FromHours(1), from + Duration.FromDays(30));
        Assert.Equal(MaintenanceWindowOutcome.NoAllowedTime, result.Outcome);
        Assert.Equal(new Interval(from, from + Duration.FromDays(30)), result.SearchRange);

        Assert.Equal(At(NewYork, 2026, 12, 12, 8), finder.FindEarliest(from, Duration.FromHours(1)).Slot.Start);
    }

    [Fact]
    public void FindEarliest_SlotMustEndByTheHorizon()
    {
        var finder = new MaintenanceWindowFinder(SaturdayChangeWindow(), BlackoutSet.None(NewYork));
        var from = At(NewYork, 2026, 11, 21, 8);
        Assert.False(finder.FindEarliest(from, Duration.FromHours(4), At(NewYork, 2026, 11, 21, 11, 59)).IsFound);
        Assert.Equal(
            new Interval(from, At(NewYork, 2026, 11, 21, 12)),
            finder.FindEarliest(from, Duration.FromHours(4), At(NewYork, 2026, 11, 21, 12)).Slot);
    }

    [Fact]
    public void FindEarliest_DefaultHorizon_Is366Days()
    {
        var finder = new MaintenanceWindowFinder(SaturdayChangeWindow(), BlackoutSet.None(NewYork));
        var from = At(NewYork, 2026, 11, 1);
        var result = finder.FindEarliest(from, Duration.FromHours(11));
        Assert.Equal(MaintenanceWindowOutcome.NoAllowedStretchLongEnough, result.Outcome);
        Assert.Equal(new Interval(from, from + Duration.FromDays(366)), result.SearchRange);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    public void FindEarliest_LengthNotPositive_ThrowsNamingArgument(int minutes)
    {
        var finder = new MaintenanceWindowFinder(SaturdayChangeWindow(), BlackoutSet.None(NewYork));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => finder.FindEarliest(At(NewYork, 2026, 11, 1), Duration.FromMinutes(minutes)));
        Assert.Equal("length", error.ParamName);
    }

    [Fact]
    public void FindEarliest_HorizonBeforeStart_ThrowsNamingArgument()
    {
        var finder = new MaintenanceWindowFinder(SaturdayChangeWindow(), BlackoutSet.None(NewYork));
        var from = At(NewYork, 2026, 11, 1);
        var error = Assert.Throws<ArgumentException>(() => finder.FindEarliest(from, Duration.FromHours(1), from - Duration.FromDays(1)));
        Assert.Equal("searchUntil", error.ParamName);
    }

    [Fact]
    public void Check_SlotDuringMonthEnd_ListsTheBlackout()
    {
        var finder = new MaintenanceWindowFinder(SaturdayChangeWindow(), MonthEndProcessing());
        var check = finder.Check(new Interval(At(NewYork, 2026, 10, 31, 9), At(NewYork, 2026, 10, 31, 13)));
        Assert.True(check.IsInsideAllowedTime);
        Assert.False(check.IsAllowed);
        var hit = Assert.Single(check.Hits);
        Assert.Equal("month-end processing", hit.Rule.Name);
        Assert.Equal(new Interval(At(NewYork, 2026, 10, 28), At(NewYork, 2026, 11, 1)), hit.Window);
        Assert.Equal(check.Slot, hit.Overlap);
    }

    [Fact]
    public void Check_SlotOutsideAllowedTime_SaysSo()
    {
        var finder = new MaintenanceWindowFinder(SaturdayChangeWindow(), MonthEndProcessing());
        var check = finder.Check(new Interval(At(NewYork, 2026, 11, 14, 16), At(NewYork, 2026, 11, 14, 19)));
        Assert.False(check.IsInsideAllowedTime);
        Assert.Empty(check.Hits);
        Assert.False(check.IsAllowed);
    }

    [Fact]
    public void Check_ClearSlotInsideAllowedTime_IsAllowed()
    {
        var finder = new MaintenanceWindowFinder(SaturdayChangeWindow(), MonthEndProcessing());
        Assert.True(finder.Check(new Interval(At(NewYork, 2026, 11, 14, 8), At(NewYork, 2026, 11, 14, 18))).IsAllowed);
    }

    [Fact]
    public void Check_EmptySlot_ThrowsNamingArgument()
    {
        var finder = new MaintenanceWindowFinder(SaturdayChangeWindow(), MonthEndProcessing());
        var at = At(NewYork, 2026, 11, 14, 9);
        Assert.Equal("slot", Assert.Throws<ArgumentException>(() => finder.Check(new Interval(at, at))).ParamName);
    }

    [Fact]
    public void DocsExample_Runs_SkipsMonthEndAndBackups()
    {
        #region docs-example
        var customerCalendar = new BusinessCalendarBuilder("America/New_York")
            .AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0))
            .AddHoliday(new LocalDate(2026, 11, 26), "Thanksgiving")
            .Build();

        var blackouts = new BlackoutSetBuilder("America/New_York")
            .WithName("Acme blackouts")
            .AddMonthEndBusinessDays("month-end processing", 3, customerCalendar, "billing runs")
            .AddQuarterEnd("quarter close", 5)
            .AddWeekly("Saturday backups", IsoDayOfWeek.Saturday, new LocalTime(6, 0), IsoDayOfWeek.Saturday, new LocalTime(9, 0))
            .AddRange("product launch", new LocalDateTime(2026, 12, 1, 9, 0), new LocalDateTime(2026, 12, 3, 18, 0))
            .Build();

        // The customer allows changes on Saturdays 08:00-18:00, their time.
        var changeWindow = new BusinessCalendarBuilder("America/New_York")
            .AddWeeklyHours(IsoDayOfWeek.Saturday, new LocalTime(8, 0), new LocalTime(18, 0))
            .Build();

        var finder = new MaintenanceWindowFinder(changeWindow, blackouts);
        var now = Instant.FromUtc(2026, 10, 26, 13, 0);                 // from your injected IClock
        var search = finder.FindEarliest(now, Duration.FromHours(4));
        Console.WriteLine(search.Explanation);
        // The earliest slot of 4:00 is 2026-11-07 09:00 -05 (America/New_York) to 2026-11-07 13:00 -05 (America/New_York).

        var proposed = new Interval(Instant.FromUtc(2026, 10, 31, 13, 0), Instant.FromUtc(2026, 10, 31, 17, 0));
        var check = finder.Check(proposed);                             // Saturday 31 October 09:00-13:00
        Console.WriteLine($"{check.IsInsideAllowedTime}: {string.Join(", ", check.Hits.Select(hit => hit.Rule.Name))}");
        // True: month-end processing
        #endregion

        Assert.Equal(new Interval(Instant.FromUtc(2026, 11, 7, 14, 0), Instant.FromUtc(2026, 11, 7, 18, 0)), search.Slot);
        Assert.False(check.IsAllowed);

        // The comments under each Console.WriteLine in the docs say what it prints.
        var printedComments = RegionLines().Where(l => l.StartsWith("// ", StringComparison.Ordinal)).Select(l => l.Substring(3)).ToList();
        Assert.Contains(search.Explanation, printedComments);
        Assert.Contains($"{check.IsInsideAllowedTime}: {string.Join(", ", check.Hits.Select(hit => hit.Rule.Name))}", printedComments);
    }

    [Fact]
    public void Docs_FirstExampleOfTheSection_MatchesTheCompiledRegion()
    {
        var docs = RepositoryFiles.ReadAllText("docs/scheduling.md");
        var section = docs.IndexOf("## Blackout windows and the maintenance-window finder", StringComparison.Ordinal);
        Assert.True(section >= 0, "docs/scheduling.md has no section on blackout windows.");
        var bodyStart = docs.IndexOf("```csharp\n", section, StringComparison.Ordinal) + "```csharp\n".Length;
        var example = docs.Substring(bodyStart, docs.IndexOf("```", bodyStart, StringComparison.Ordinal) - bodyStart);
        Assert.Equal(string.Join("\n", RegionLines()) + "\n", example);
    }

    private static string[] RegionLines()
    {
        var lines = RepositoryFiles.ReadAllText("tests/CustomerAdvocacy.Tests/Scheduling/MaintenanceWindowFinderTests.cs").Split('\n');
        var start = Array.FindIndex(lines, l => l.Trim() == "#region docs-example") + 1;
        var end = Array.FindIndex(lines, start, l => l.Trim() == "#endregion");
        var body = lines.Skip(start).Take(end - start).ToArray();
        var indent = body.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return body.Select(l => l.Length >= indent ? l.Substring(indent) : l.Trim()).ToArray();
    }

    [ConfiguredProperty]
    public Property FindEarliest_Found_NeverCollidesWithABlackout()
        => Prop.ForAll(SchedulingScenario.Arbitrary(), scenario =>
        {
            var result = scenario.Find();
            if (result.IsFound)
            {
                Assert.False(scenario.Blackouts.Collides(result.Slot), $"{scenario}: {result.Slot} collides with {string.Join(", ", scenario.Blackouts.GetCollisions(result.Slot))}");
                var reference = scenario.ReferenceBlocked();
                var first = scenario.MinuteIndex(result.Slot.Start);
                var count = (int)result.Slot.Duration.TotalMinutes;
                Assert.False(reference.Skip(first).Take(count).Any(blocked => blocked), $"{scenario}: {result.Slot} overlaps a reference blackout window");
            }
        });

    [ConfiguredProperty]
    public Property FindEarliest_Found_InsideAllowedTimeWithExactLength()
        => Prop.ForAll(SchedulingScenario.Arbitrary(), scenario =>
        {
            var result = scenario.Find();
            if (result.IsFound)
            {
                var slot = result.Slot;
                Assert.Equal(scenario.Length, slot.Duration);
                Assert.True(slot.Start >= scenario.From && slot.End <= scenario.Until, $"{scenario}: {slot} is outside the search range");
                Assert.Equal(scenario.Length, scenario.Allowed.BusinessTimeBetween(slot.Start, slot.End));
                Assert.True(scenario.Finder.Check(slot).IsAllowed, $"{scenario}: the check rejects {slot}");
            }
        });

    [ConfiguredProperty]
    public Property FindEarliest_AgreesWithMinuteSteppingReference()
        => Prop.ForAll(SchedulingScenario.Arbitrary(), scenario =>
        {
            var result = scenario.Find();
            var expected = scenario.ReferenceEarliestStart();
            Assert.True(
                expected == (result.IsFound ? result.Slot.Start : null),
                $"{scenario}: the reference says {expected?.ToString() ?? "no slot"}, the finder says {result.Explanation}");
        });
}
