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

/// <summary>A generated search: an allowed calendar, blackouts, a start, a length and a horizon, all on whole minutes.</summary>
internal sealed class SchedulingScenario
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

    public SchedulingScenario(string zoneId, bool aroundTheClock, (int, int)[][] hours, RuleSpec[] rules, LocalDate startDate, int minuteOfDay, int lengthMinutes, int horizonDays)
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
    public SchedulingScenario WithLengthOfFreeStretch(int pick)
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
            : new SchedulingScenario(_zoneId, _aroundTheClock, _hours, _rules, _startDate, _minuteOfDay, stretches[pick % stretches.Count], _horizonDays);
    }

    public int MinuteIndex(Instant instant) => (int)(instant - From).TotalMinutes;

    /// <summary>For each minute of the search range, whether a blackout window covers it, from windows worked out
    /// here straight from the definitions.</summary>
    public bool[] ReferenceBlocked()
    {
        var blocked = new bool[Minutes];
        foreach (var (_, start, end) in ReferenceWindows())
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

    /// <summary>The blackout windows that share time with the search range, worked out here straight from the
    /// definitions, as (rule name, window), ordered by start and then rule.</summary>
    public List<(string Rule, Interval Window)> ReferenceWindowsInRange()
        => ReferenceWindows()
            .Where(w => w.Start < w.End && w.Start < Until && w.End > From)
            .OrderBy(w => w.Start)
            .ThenBy(w => w.Rule)
            .Select(w => (Blackouts.Rules[w.Rule].Name, new Interval(w.Start, w.End)))
            .ToList();

    private IEnumerable<(int Rule, Instant Start, Instant End)> ReferenceWindows()
    {
        var firstDate = _startDate.PlusDays(-10);
        var lastDate = _startDate.PlusDays(_horizonDays + 2);
        for (var i = 0; i < _rules.Length; i++)
        {
            var r = _rules[i];
            switch (r.Kind)
            {
                case RuleKind.Weekly:
                    var span = ((r.C - r.A + 7) % 7 * 96) + r.D - r.B;
                    for (var d = firstDate; d <= lastDate; d = d.PlusDays(1))
                    {
                        if ((int)d.DayOfWeek == r.A)
                        {
                            var start = d.AtMidnight().PlusMinutes(15 * r.B);
                            yield return (i, Resolve(start), Resolve(start.PlusMinutes(15 * span)));
                        }
                    }

                    break;
                case RuleKind.Range:
                    yield return (i, Resolve(RangeStart(r)), Resolve(RangeStart(r).PlusMinutes(15 * r.B)));
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

                        yield return (i, Resolve(first.AtMidnight()), Resolve(next.AtMidnight()));
                    }

                    break;
            }
        }
    }

    public static Arbitrary<SchedulingScenario> Arbitrary()
    {
        var zones = new[] { "America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kathmandu", "America/Santiago", "UTC" };

        // Dates near daylight-saving changes of the zones above and near month ends, to put boundaries where they bite.
        var interestingDates = new[]
        {
            new LocalDate(2026, 3, 8), new LocalDate(2026, 11, 1), new LocalDate(2026, 3, 29), new LocalDate(2026, 10, 25),
            new LocalDate(2026, 4, 5), new LocalDate(2026, 10, 4), new LocalDate(2026, 9, 6), new LocalDate(2026, 2, 28),
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
            select new SchedulingScenario(zoneId, aroundTheClock, hours, rules, start, minuteOfDay, lengthMinutes, horizonDays);
        var withOpenTime = scenario.Where(s => s.HasOpenTime);

        // A length equal to one of the free stretches puts slots exactly between boundaries, where off-by-one
        // comparisons hide; random lengths rarely land there.
        var exactFit = from s in withOpenTime
                       from pick in Gen.Choose(0, 1000)
                       select s.WithLengthOfFreeStretch(pick);
        return Gen.Frequency((2, withOpenTime), (1, exactFit)).ToArbitrary();
    }

    internal enum RuleKind
    {
        Weekly,
        Range,
        MonthEnd,
        MonthEndBusinessDays,
    }

    internal sealed record RuleSpec(RuleKind Kind, int A, int B, int C, int D);
}
