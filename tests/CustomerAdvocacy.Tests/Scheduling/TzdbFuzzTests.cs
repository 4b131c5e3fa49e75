using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Scheduling;
using NodaTime;
using NodaTime.TimeZones;

namespace CustomerAdvocacy.Tests.Scheduling;

/// <summary>
/// Every tzdb zone, one whole year at a time, against a reference written only here: no business minute is lost or
/// counted twice, whatever the zone's offset changes.
/// </summary>
/// <remarks>
/// <para>
/// The reference never looks at the calendar's timeline. It takes the definition below as data, maps each local
/// boundary to an instant itself (through <see cref="DateTimeZone.MapLocal"/>: a boundary in a gap is read with the
/// offset before the gap, which moves it forward by the gap; one in an overlap takes the earlier instant), marks the
/// boundaries in a per-minute difference array over the UTC year, and then steps through all 525,600 (or 527,040)
/// minutes once, keeping a running count of the periods and breaks covering each minute. A minute is open when some
/// period and no break covers it. All boundaries and every offset in the years tested are whole minutes, which the
/// reference checks, so minute resolution is exact.
/// </para>
/// <para>
/// Stepping minutes costs about a millisecond a zone; calling the calendar for every minute would not (600 zones x
/// 525,600 minutes), so the calendar is compared on: the year's total, the exact list of open periods, and, at every
/// 89th minute plus the minutes on either side of every reference boundary, IsOpen (on the minute and 30 s into it),
/// business time since the start of the year, Add, Subtract and GetNextOpening.
/// </para>
/// </remarks>
public sealed class TzdbFuzzTests
{
    private const int SampleStride = 89;
    private static readonly Duration Minute = Duration.FromMinutes(1);

    // Weekday hours with an overnight interval (Wednesday), intervals starting at midnight (Monday, Saturday), one
    // ending at 24:00 and touching the next day's 00:00 (Friday into Saturday), and weekend hours across the early
    // Sunday hours where most zones change their offset (Saturday 22:00 to Sunday 03:00, touching Sunday 03:00).
    private static readonly (IsoDayOfWeek Day, LocalTime Start, LocalTime End)[] WeeklyHours =
    [
        (IsoDayOfWeek.Monday, new(0, 0), new(2, 30)),
        (IsoDayOfWeek.Monday, new(9, 0), new(12, 0)),
        (IsoDayOfWeek.Monday, new(13, 0), new(17, 30)),
        (IsoDayOfWeek.Tuesday, new(9, 0), new(12, 0)),
        (IsoDayOfWeek.Tuesday, new(13, 0), new(17, 30)),
        (IsoDayOfWeek.Wednesday, new(9, 0), new(12, 0)),
        (IsoDayOfWeek.Wednesday, new(13, 0), new(17, 30)),
        (IsoDayOfWeek.Wednesday, new(23, 0), new(1, 30)),
        (IsoDayOfWeek.Thursday, new(9, 0), new(12, 0)),
        (IsoDayOfWeek.Thursday, new(13, 0), new(17, 30)),
        (IsoDayOfWeek.Friday, new(1, 0), new(3, 0)),
        (IsoDayOfWeek.Friday, new(9, 0), new(17, 0)),
        (IsoDayOfWeek.Friday, new(20, 0), LocalTime.Midnight),
        (IsoDayOfWeek.Saturday, new(0, 0), new(1, 0)),
        (IsoDayOfWeek.Saturday, new(10, 0), new(12, 0)),
        (IsoDayOfWeek.Saturday, new(22, 0), new(3, 0)),
        (IsoDayOfWeek.Sunday, new(3, 0), new(5, 0)),
        (IsoDayOfWeek.Sunday, new(12, 0), new(14, 0)),
    ];

    public static TheoryData<int> Years => [2011, 2026];

    [Theory]
    [MemberData(nameof(Years))]
    public void EveryZone_WholeYear_MatchesMinuteSteppingReference(int year)
    {
        var failures = new List<string>();
        foreach (var zoneId in DateTimeZoneProviders.Tzdb.Ids)
        {
            failures.AddRange(CompareWithReference(zoneId, year).Take(3));
        }

        Assert.True(failures.Count == 0, $"{failures.Count} mismatches, first ones:\n{string.Join("\n", failures.Take(40))}");
    }

    [Theory]
    [InlineData("Pacific/Apia", 2011, 24 * 60)]       // 2011-12-30 skipped: 29th 24:00 -10 became 31st 00:00 +14
    [InlineData("America/Santiago", 2026, 60)]        // 2026-09-06 00:00 -04 became 01:00 -03
    [InlineData("America/Havana", 2026, 60)]          // 2026-03-08 00:00 -05 became 01:00 -04
    [InlineData("America/Havana", 2019, -60)]         // 2019-11-03 01:00 -04 went back to 00:00 -05
    [InlineData("Australia/Lord_Howe", 2026, 30)]     // 2026-10-04 02:00 +10:30 became 02:30 +11
    [InlineData("America/New_York", 2026, 60)]        // 2026-03-08 02:00 -05 became 03:00 -04
    public void FuzzedYears_ContainTheIssuesTransitions(string zoneId, int year, int gapMinutes)
    {
        // Guards the fuzz's coverage: if a tzdb update moved these transitions out of the years fuzzed, say so.
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var gaps = zone.GetZoneIntervals(Instant.FromUtc(year, 1, 1, 0, 0), Instant.FromUtc(year + 1, 1, 1, 0, 0))
            .Zip(zone.GetZoneIntervals(Instant.FromUtc(year, 1, 1, 0, 0), Instant.FromUtc(year + 1, 1, 1, 0, 0)).Skip(1), (a, b) => (b.WallOffset.Seconds - a.WallOffset.Seconds) / 60);
        Assert.Contains(gapMinutes, gaps);
        Assert.Empty(CompareWithReference(zoneId, year));
    }

    [Fact]
    public void ResolveLocal_EveryZoneAroundEveryTransition_MatchesLenientResolver()
    {
        // The calendar resolves local boundaries without NodaTime's allocating ResolveLocal; it must give the same
        // instants, in gaps and overlaps alike, for every transition from 1850 to 2100.
        var failures = new List<string>();
        var probes = new[] { -61, -60, -31, -30, -15, -1, 0, 1, 15, 29, 30, 31, 59, 60, 61, 24 * 60 - 1, 24 * 60 }.Select(m => Duration.FromMinutes(m)).ToArray();
        foreach (var zoneId in DateTimeZoneProviders.Tzdb.Ids)
        {
            var zone = DateTimeZoneProviders.Tzdb[zoneId];
            var calendar = BusinessCalendar.AroundTheClock(zone);
            foreach (var interval in zone.GetZoneIntervals(Instant.FromUtc(1850, 1, 1, 0, 0), Instant.FromUtc(2100, 1, 1, 0, 0)).Where(i => i.HasStart))
            {
                foreach (var localStart in new[] { interval.IsoLocalStart, interval.Start.WithOffset(Offset.Zero).LocalDateTime })
                {
                    foreach (var probe in probes)
                    {
                        var local = localStart.PlusMinutes((long)probe.TotalMinutes);
                        var expected = zone.ResolveLocal(local, Resolvers.LenientResolver).ToInstant();
                        var actual = calendar.ResolveLocal(local);
                        if (actual != expected && failures.Count < 40)
                        {
                            failures.Add($"{zoneId} {local}: {actual}, lenient resolver {expected}");
                        }
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void EveryZone_AtEndsOfSupportedRange_ArithmeticHolds()
    {
        // The first and last weeks the calendar accepts sit next to years no other test builds (year 1 and 9998),
        // where local boundaries resolve against the zones' oldest and extrapolated rules.
        var failures = new List<string>();
        var week = Duration.FromDays(7);
        var first = BusinessCalendar.SupportedInterval.Start;
        var last = BusinessCalendar.SupportedInterval.End;
        foreach (var zoneId in DateTimeZoneProviders.Tzdb.Ids)
        {
            var calendar = BuildCalendar(zoneId, 2026);
            foreach (var (from, to) in new[] { (first, first + week), (last - week, last) })
            {
                var total = calendar.BusinessTimeBetween(from, to);
                var added = calendar.Add(from, total);
                var subtracted = calendar.Subtract(to, total);
                var periods = calendar.GetOpenPeriods(new Interval(from, to)).ToList();
                var sum = periods.Aggregate(Duration.Zero, (acc, p) => acc + p.Duration);
                if (total < Duration.FromHours(40) || added > to || subtracted < from || sum != total ||
                    calendar.BusinessTimeBetween(from, added) != total || calendar.BusinessTimeBetween(subtracted, to) != total ||
                    periods.Any(p => !calendar.IsOpen(p.Start) || (p.End != to && calendar.IsOpen(p.End))))
                {
                    failures.Add($"{zoneId} {from}..{to}: business time {total}, Add {added}, Subtract {subtracted}, periods sum {sum}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
    }

    [Fact]
    public void Reference_OfficeWeekInNewYork_CountsByHand()
    {
        // Checks the reference itself against a week counted by hand, so a broken reference cannot agree with a broken
        // calendar. Monday 2026-11-02 00:00 to Monday 2026-11-09 00:00 in New York (EST throughout, no dated entries):
        // Mon 2.5 + 3 + 4.5 = 10, Tue 7.5, Wed 7.5 + 2.5 overnight = 10, Thu 7.5, Fri 2 + 8 + 4 = 14,
        // Sat 1 + 2 + 5 overnight = 8, Sun 2 + 2 = 4: 61 hours.
        var open = ReferenceOpenMinutes(DateTimeZoneProviders.Tzdb["America/New_York"], 2026, out var windowStart, out _);
        var from = (int)(Instant.FromUtc(2026, 11, 2, 5, 0) - windowStart).TotalMinutes;
        var to = (int)(Instant.FromUtc(2026, 11, 9, 5, 0) - windowStart).TotalMinutes;
        Assert.Equal(61 * 60, Enumerable.Range(from, to - from).Count(m => open[m]));
    }

    private static BusinessCalendar BuildCalendar(string zoneId, int year)
    {
        var builder = new BusinessCalendarBuilder(zoneId);
        foreach (var (day, start, end) in WeeklyHours)
        {
            builder.AddWeeklyHours(day, start, end);
        }

        foreach (var date in Holidays(year))
        {
            builder.AddHoliday(date);
        }

        foreach (var (date, start, end) in Shifts(year))
        {
            builder.AddShift(date, start, end);
        }

        foreach (var (start, end) in Breaks(year))
        {
            builder.AddBreak(start, end);
        }

        return builder.Build();
    }

    private static LocalDate[] Holidays(int year) => [new(year, 12, 25), new(year, 1, 1)];

    // An overnight shift on the first Wednesday of July (Thursday opens at 09:00, so any year builds), and a short day
    // on 24 December.
    private static (LocalDate Date, LocalTime Start, LocalTime End)[] Shifts(int year) =>
    [
        (FirstWednesdayOfJuly(year), new(6, 0), new(8, 0)),
        (FirstWednesdayOfJuly(year), new(22, 0), new(2, 0)),
        (new(year, 12, 24), new(9, 0), new(12, 0)),
    ];

    private static LocalDate FirstWednesdayOfJuly(int year) => new LocalDate(year, 7, 1).With(DateAdjusters.NextOrSame(IsoDayOfWeek.Wednesday));

    // Breaks on the European transition days (in a gap for Europe/London on 29 March 2026, in an overlap on
    // 25 October 2026) and across Santiago's skipped midnight.
    private static (LocalDateTime Start, LocalDateTime End)[] Breaks(int year) =>
    [
        (new(year, 3, 29, 1, 30), new(year, 3, 29, 2, 30)),
        (new(year, 10, 25, 1, 15), new(year, 10, 25, 1, 45)),
        (new(year, 9, 5, 23, 30), new(year, 9, 6, 0, 30)),
    ];

    private static IEnumerable<string> CompareWithReference(string zoneId, int year)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var calendar = BuildCalendar(zoneId, year);
        var open = ReferenceOpenMinutes(zone, year, out var windowStart, out var minutes);
        var windowEnd = windowStart + Duration.FromMinutes(minutes);
        Instant At(int minute) => windowStart + Duration.FromMinutes(minute);

        var before = new int[minutes + 1]; // open minutes before minute m
        for (var m = 0; m < minutes; m++)
        {
            before[m + 1] = before[m] + (open[m] ? 1 : 0);
        }

        var nextOpen = new int[minutes + 1]; // first open minute at or after m, or -1
        nextOpen[minutes] = -1;
        for (var m = minutes - 1; m >= 0; m--)
        {
            nextOpen[m] = open[m] ? m : nextOpen[m + 1];
        }

        var total = calendar.BusinessTimeBetween(windowStart, windowEnd);
        if (total != Duration.FromMinutes(before[minutes]))
        {
            yield return $"{zoneId} {year}: business time over the year {total}, reference {Duration.FromMinutes(before[minutes])}";
        }

        var expectedPeriods = new List<Interval>();
        for (var m = 0; m < minutes; m++)
        {
            if (open[m] && (m == 0 || !open[m - 1]))
            {
                var end = m;
                while (end < minutes && open[end])
                {
                    end++;
                }

                expectedPeriods.Add(new Interval(At(m), At(end)));
            }
        }

        var periods = calendar.GetOpenPeriods(new Interval(windowStart, windowEnd)).ToList();
        if (!periods.SequenceEqual(expectedPeriods))
        {
            var firstDifference = Enumerable.Range(0, Math.Min(periods.Count, expectedPeriods.Count)).FirstOrDefault(i => periods[i] != expectedPeriods[i]);
            yield return $"{zoneId} {year}: {periods.Count} open periods, reference {expectedPeriods.Count}; first difference at #{firstDifference}: " +
                $"{(firstDifference < periods.Count ? periods[firstDifference] : "none")} vs {(firstDifference < expectedPeriods.Count ? expectedPeriods[firstDifference] : "none")}";
        }

        foreach (var m in SampleMinutes(open))
        {
            var at = At(m);
            if (calendar.IsOpen(at) != open[m] || calendar.IsOpen(at + Duration.FromSeconds(30)) != open[m])
            {
                yield return $"{zoneId} {year}: IsOpen({at}) is {calendar.IsOpen(at)}, reference {open[m]}";
            }

            var elapsed = calendar.BusinessTimeBetween(windowStart, at);
            if (elapsed != Duration.FromMinutes(before[m]))
            {
                yield return $"{zoneId} {year}: business time to {at} is {elapsed}, reference {Duration.FromMinutes(before[m])}";
            }

            if (open[m])
            {
                // The (before[m] + 1)-th business minute of the year is minute m: adding that much completes at its end,
                // and one minute back from its end is its start.
                var added = calendar.Add(windowStart, Duration.FromMinutes(before[m] + 1));
                if (added != at + Minute)
                {
                    yield return $"{zoneId} {year}: Add(year start, {before[m] + 1} min) is {added}, reference {at + Minute}";
                }

                var subtracted = calendar.Subtract(at + Minute, Minute);
                if (subtracted != at)
                {
                    yield return $"{zoneId} {year}: Subtract({at + Minute}, 1 min) is {subtracted}, reference {at}";
                }
            }
            else if (nextOpen[m] >= 0 && calendar.GetNextOpening(at) != At(nextOpen[m]))
            {
                yield return $"{zoneId} {year}: GetNextOpening({at}) is {calendar.GetNextOpening(at)}, reference {At(nextOpen[m])}";
            }
        }
    }

    private static IEnumerable<int> SampleMinutes(bool[] open)
    {
        var sampled = new bool[open.Length];
        for (var m = 0; m < open.Length; m += SampleStride)
        {
            sampled[m] = true;
        }

        for (var m = 1; m < open.Length; m++)
        {
            if (open[m] != open[m - 1])
            {
                sampled[m - 1] = true;
                sampled[m] = true;
                sampled[Math.Min(m + 1, open.Length - 1)] = true;
            }
        }

        for (var m = 0; m < open.Length; m++)
        {
            if (sampled[m])
            {
                yield return m;
            }
        }
    }

    /// <summary>For each minute of the UTC year, whether it is business time by the documented rules.</summary>
    private static bool[] ReferenceOpenMinutes(DateTimeZone zone, int year, out Instant windowStart, out int minutes)
    {
        windowStart = Instant.FromUtc(year, 1, 1, 0, 0);
        var start = windowStart;
        minutes = (int)(Instant.FromUtc(year + 1, 1, 1, 0, 0) - windowStart).TotalMinutes;
        var count = minutes;
        var periods = new int[minutes + 1];
        var breaks = new int[minutes + 1];

        void Mark(int[] coverage, LocalDateTime from, LocalDateTime to)
        {
            var first = MinuteIndex(from);
            var last = MinuteIndex(to);
            if (first < last)
            {
                coverage[first]++;
                coverage[last]--;
            }
        }

        int MinuteIndex(LocalDateTime local)
        {
            var sinceStart = ToInstant(zone, local) - start;
            if (sinceStart.BclCompatibleTicks % TimeSpan.TicksPerMinute != 0)
            {
                throw new InvalidOperationException($"{zone.Id}: {local} is not on a whole UTC minute; the reference assumes it is.");
            }

            return (int)Math.Max(0, Math.Min(count, sinceStart.BclCompatibleTicks / TimeSpan.TicksPerMinute));
        }

        // Local dates far enough either side of the UTC year for any offset (±14 h) and any overnight interval.
        var holidays = new HashSet<LocalDate>(Holidays(year));
        var shiftsByDate = Shifts(year).ToLookup(s => s.Date, s => (s.Start, s.End));
        for (var date = new LocalDate(year - 1, 12, 28); date <= new LocalDate(year + 1, 1, 3); date = date.PlusDays(1))
        {
            if (holidays.Contains(date))
            {
                continue;
            }

            var shifts = shiftsByDate[date].ToArray();
            var hours = shifts.Length > 0 ? shifts : WeeklyHours.Where(w => w.Day == date.DayOfWeek).Select(w => (w.Start, w.End)).ToArray();
            foreach (var (from, to) in hours)
            {
                // An end at or before the start (24:00 included) is on the next day.
                var endDate = to > from ? date : date.PlusDays(1);
                Mark(periods, date + from, endDate + to);
            }
        }

        foreach (var (from, to) in Breaks(year))
        {
            Mark(breaks, from, to);
        }

        var open = new bool[minutes];
        int inPeriods = 0, inBreaks = 0;
        for (var m = 0; m < minutes; m++)
        {
            inPeriods += periods[m];
            inBreaks += breaks[m];
            open[m] = inPeriods > 0 && inBreaks == 0;
        }

        return open;
    }

    /// <summary>The documented mapping of a local boundary: in a gap or an overlap, read it with the offset in force
    /// before the transition (a gap's boundary moves forward by the gap; an overlap's takes the earlier instant).</summary>
    private static Instant ToInstant(DateTimeZone zone, LocalDateTime local)
    {
        var mapping = zone.MapLocal(local);
        return mapping.Count == 1
            ? mapping.Single().ToInstant()
            : new OffsetDateTime(local, mapping.EarlyInterval.WallOffset).ToInstant();
    }
}
