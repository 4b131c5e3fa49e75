using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Scheduling;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using NodaTime.TimeZones;
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

    [SchedulingProperty]
    public Property FindEarliest_Found_NeverCollidesWithABlackout()
        => Prop.ForAll(Scenarios(), scenario =>
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

    [SchedulingProperty]
    public Property FindEarliest_Found_InsideAllowedTimeWithExactLength()
        => Prop.ForAll(Scenarios(), scenario =>
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

    [SchedulingProperty]
    public Property FindEarliest_AgreesWithMinuteSteppingReference()
        => Prop.ForAll(Scenarios(), scenario =>
        {
            var result = scenario.Find();
            var expected = scenario.ReferenceEarliestStart();
            Assert.True(
                expected == (result.IsFound ? result.Slot.Start : null),
                $"{scenario}: the reference says {expected?.ToString() ?? "no slot"}, the finder says {result.Explanation}");
        });

    private static Arbitrary<Scenario> Scenarios()
    {
        var zones = new[] { "America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kathmandu", "America/Santiago", "UTC" };

        // Dates near daylight-saving changes of the zones above and near month ends, to put boundaries where they bite.
        var interestingDates = new[]
        {
            new LocalDate(2026, 3, 8), new LocalDate(2026, 11, 1), new LocalDate(2026, 3, 29), new LocalDate(2026, 10, 25),
            new LocalDate(2026, 4, 5), new LocalDate(2026, 10, 4), new LocalDate(2026, 4, 5), new LocalDate(2026, 9, 6),
            new LocalDate(2026, 1, 31), new LocalDate(2026, 6, 30), new LocalDate(2026, 12, 31),
        };
        var date = Gen.OneOf(
            Gen.Elements(interestingDates).SelectMany(d => Gen.Choose(-6, 1).Select(d.PlusDays)),
            Gen.Choose(0, 364).Select(new LocalDate(2026, 1, 1).PlusDays));

        // Up to two intervals a day on a quarter-hour grid; 96 quarters is 24:00.
        var dayHours = Gen.Frequency(
            (2, Gen.Constant(Array.Empty<(int, int)>())),
            (3, from points in Gen.Choose(0, 96).ArrayOf(2)
                where points[0] != points[1]
                select new[] { (Math.Min(points[0], points[1]), Math.Max(points[0], points[1])) }),
            (2, from points in Gen.Choose(0, 96).ArrayOf(4)
                let sorted = points.OrderBy(p => p).ToArray()
                where sorted[0] < sorted[1] && sorted[2] < sorted[3]
                select new[] { (sorted[0], sorted[1]), (sorted[2], sorted[3]) }));
        var weekly = dayHours.ArrayOf(7);

        var rule = Gen.OneOf(
            from startDay in Gen.Choose(1, 7)
            from startQuarter in Gen.Choose(0, 95)
            from endDay in Gen.Choose(1, 7)
            from endQuarter in Gen.Choose(0, 95)
            where startDay != endDay || endQuarter > startQuarter
            select new RuleSpec(RuleKind.Weekly, startDay, startQuarter, endDay, endQuarter),
            from offset in Gen.Choose(-8 * 96, 12 * 96)
            from length in Gen.Choose(1, 4 * 96)
            select new RuleSpec(RuleKind.Range, offset, length, 0, 0),
            from days in Gen.Choose(1, 4)
            select new RuleSpec(RuleKind.MonthEnd, days, 0, 0, 0),
            from days in Gen.Choose(1, 3)
            select new RuleSpec(RuleKind.MonthEndBusinessDays, days, 0, 0, 0));

        var scenario =
            from zoneId in Gen.Elements(zones)
            from aroundTheClock in Gen.Frequency((1, Gen.Constant(true)), (9, Gen.Constant(false)))
            from hours in weekly
            from rules in Gen.Choose(0, 3).SelectMany(n => rule.ArrayOf(n))
            from start in date
            from minuteOfDay in Gen.OneOf(Gen.Choose(0, 1439), Gen.Choose(0, 95).Select(q => q * 15))
            from lengthMinutes in Gen.Frequency((2, Gen.Choose(1, 120)), (1, Gen.Choose(121, 900)), (3, Gen.Choose(1, 40).Select(q => q * 15)))
            from horizonDays in Gen.Choose(2, 10)
            select new Scenario(zoneId, aroundTheClock, hours, rules, start, minuteOfDay, lengthMinutes, horizonDays);
        var withOpenTime = scenario.Where(s => s.HasOpenTime);

        // A length equal to one of the free stretches puts slots exactly between boundaries, where off-by-one
        // comparisons hide; random lengths rarely land there.
        var exactFit = from s in withOpenTime
                       from pick in Gen.Choose(0, 1000)
                       select s.WithLengthOfFreeStretch(pick);
        return Gen.Frequency((2, withOpenTime), (1, exactFit)).ToArbitrary();
    }

    private enum RuleKind
    {
        Weekly,
        Range,
        MonthEnd,
        MonthEndBusinessDays,
    }

    private sealed record RuleSpec(RuleKind Kind, int A, int B, int C, int D);

    /// <summary>A generated search: an allowed calendar, blackouts, a start, a length and a horizon, all on whole minutes.</summary>
    private sealed class Scenario
    {
        private readonly (int Start, int End)[][] _hours;
        private readonly RuleSpec[] _rules;
        private readonly LocalDate _startDate;
        private readonly int _minuteOfDay;
        private readonly int _horizonDays;
        private readonly DateTimeZone _zone;
        private readonly BusinessCalendar _weekdays;

        private readonly string _zoneId;
        private readonly bool _aroundTheClock;

        public Scenario(string zoneId, bool aroundTheClock, (int, int)[][] hours, RuleSpec[] rules, LocalDate startDate, int minuteOfDay, int lengthMinutes, int horizonDays)
        {
            _zoneId = zoneId;
            _aroundTheClock = aroundTheClock;
            _hours = hours;
            _rules = rules;
            _startDate = startDate;
            _minuteOfDay = minuteOfDay;
            _horizonDays = horizonDays;
            _zone = DateTimeZoneProviders.Tzdb[zoneId];
            HasOpenTime = aroundTheClock || hours.Any(day => day.Length > 0);
            _weekdays = new BusinessCalendarBuilder(_zone).AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0)).Build();
            Length = Duration.FromMinutes(lengthMinutes);
            From = Resolve(startDate.AtMidnight().PlusMinutes(minuteOfDay));
            Until = From + Duration.FromDays(horizonDays);
            if (!HasOpenTime)
            {
                Allowed = BusinessCalendar.AroundTheClock(_zone);
            }
            else if (aroundTheClock)
            {
                Allowed = BusinessCalendar.AroundTheClock(_zone);
            }
            else
            {
                var builder = new BusinessCalendarBuilder(_zone);
                for (var day = 0; day < 7; day++)
                {
                    foreach (var (start, end) in hours[day])
                    {
                        // The LocalTime overload reads 00:00-00:00 as empty; a whole day has its own call.
                        _ = (start, end) == (0, 96)
                            ? builder.AddAllDay((IsoDayOfWeek)(day + 1))
                            : builder.AddWeeklyHours((IsoDayOfWeek)(day + 1), Quarter(start), Quarter(end));
                    }
                }

                Allowed = builder.Build();
            }

            var set = new BlackoutSetBuilder(_zone);
            for (var i = 0; i < rules.Length; i++)
            {
                var r = rules[i];
                var name = $"{r.Kind} #{i}";
                _ = r.Kind switch
                {
                    RuleKind.Weekly => set.AddWeekly(name, (IsoDayOfWeek)r.A, Quarter(r.B), (IsoDayOfWeek)r.C, Quarter(r.D)),
                    RuleKind.Range => set.AddRange(name, RangeStart(r), RangeStart(r).PlusMinutes(15 * r.B)),
                    RuleKind.MonthEnd => set.AddMonthEnd(name, r.A),
                    _ => set.AddMonthEndBusinessDays(name, r.A, _weekdays),
                };
            }

            Blackouts = set.Build();
            Finder = new MaintenanceWindowFinder(Allowed, Blackouts);
        }

        public bool HasOpenTime { get; }

        public BusinessCalendar Allowed { get; }

        public BlackoutSet Blackouts { get; }

        public MaintenanceWindowFinder Finder { get; }

        public Instant From { get; }

        public Instant Until { get; }

        public Duration Length { get; }

        private int Minutes => (int)(Until - From).TotalMinutes;

        public MaintenanceWindowSearch Find() => Finder.FindEarliest(From, Length, Until);

        /// <summary>The same scenario with the length of one of its maximal free stretches (picked by
        /// <paramref name="pick"/>), or unchanged when it has none.</summary>
        public Scenario WithLengthOfFreeStretch(int pick)
        {
            var blocked = ReferenceBlocked();
            var stretches = new List<int>();
            var run = 0;
            for (var m = 0; m <= Minutes; m++)
            {
                if (m < Minutes && !blocked[m] && Allowed.IsOpen(From + Duration.FromMinutes(m)))
                {
                    run++;
                }
                else if (run > 0)
                {
                    stretches.Add(run);
                    run = 0;
                }
            }

            return stretches.Count == 0
                ? this
                : new Scenario(_zoneId, _aroundTheClock, _hours, _rules, _startDate, _minuteOfDay, stretches[pick % stretches.Count], _horizonDays);
        }

        public int MinuteIndex(Instant instant) => (int)(instant - From).TotalMinutes;

        /// <summary>For each minute of the search range, whether a blackout window covers it, from windows worked out
        /// here straight from the definitions.</summary>
        public bool[] ReferenceBlocked()
        {
            var blocked = new bool[Minutes];
            foreach (var (start, end) in ReferenceWindows())
            {
                var first = Math.Max(0, (int)Math.Ceiling((start - From).TotalMinutes));
                var last = Math.Min(Minutes, (int)Math.Ceiling((end - From).TotalMinutes));
                for (var m = first; m < last; m++)
                {
                    blocked[m] = true;
                }
            }

            return blocked;
        }

        /// <summary>The earliest whole minute at which a slot of <see cref="Length"/> fits, stepping minute by minute.</summary>
        public Instant? ReferenceEarliestStart()
        {
            var blocked = ReferenceBlocked();
            var needed = (int)Length.TotalMinutes;
            var run = 0;
            for (var m = 0; m < Minutes; m++)
            {
                var usable = !blocked[m] && Allowed.IsOpen(From + Duration.FromMinutes(m));
                run = usable ? run + 1 : 0;
                if (run == needed)
                {
                    return From + Duration.FromMinutes(m - needed + 1);
                }
            }

            return null;
        }

        public override string ToString()
            => $"zone {_zone.Id}, hours [{string.Join("; ", _hours.Select((d, i) => $"{(IsoDayOfWeek)(i + 1)} {string.Join(",", d.Select(h => $"{Quarter(h.Start):HH:mm}-{Quarter(h.End):HH:mm}"))}"))}], "
               + $"allowed {Allowed}, rules [{string.Join("; ", _rules.Select(r => r.ToString()))}], from {_startDate}+{_minuteOfDay}min ({From}), length {Length}, horizon {_horizonDays} days";

        private static LocalTime Quarter(int quarters) => quarters == 96 ? LocalTime.Midnight : LocalTime.FromMinutesSinceMidnight(quarters * 15);

        private Instant Resolve(LocalDateTime local) => _zone.ResolveLocal(local, Resolvers.LenientResolver).ToInstant();

        private LocalDateTime RangeStart(RuleSpec r) => _startDate.AtMidnight().PlusMinutes(15 * r.A);

        private IEnumerable<(Instant Start, Instant End)> ReferenceWindows()
        {
            var firstDate = _startDate.PlusDays(-10);
            var lastDate = _startDate.PlusDays(_horizonDays + 2);
            foreach (var r in _rules)
            {
                switch (r.Kind)
                {
                    case RuleKind.Weekly:
                        var span = ((r.C - r.A + 7) % 7 * 96) + r.D - r.B;
                        for (var d = firstDate; d <= lastDate; d = d.PlusDays(1))
                        {
                            if ((int)d.DayOfWeek == r.A)
                            {
                                var start = d.AtMidnight().PlusMinutes(15 * r.B);
                                yield return (Resolve(start), Resolve(start.PlusMinutes(15 * span)));
                            }
                        }

                        break;
                    case RuleKind.Range:
                        yield return (Resolve(RangeStart(r)), Resolve(RangeStart(r).PlusMinutes(15 * r.B)));
                        break;
                    default:
                        for (var month = new LocalDate(firstDate.Year, firstDate.Month, 1); month <= lastDate; month = month.PlusMonths(1))
                        {
                            var next = month.PlusMonths(1);
                            var first = next;
                            var counted = 0;
                            while (counted < r.A && first > month)
                            {
                                first = first.PlusDays(-1);
                                var isCounted = r.Kind == RuleKind.MonthEnd || (first.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday));
                                counted += isCounted ? 1 : 0;
                            }

                            yield return (Resolve(first.AtMidnight()), Resolve(next.AtMidnight()));
                        }

                        break;
                }
            }
        }
    }
}
