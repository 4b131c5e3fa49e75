using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CustomerAdvocacy.Scheduling;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using NodaTime.TimeZones;
using Interval = NodaTime.Interval;

namespace CustomerAdvocacy.Tests.Scheduling;

/// <summary>
/// A business calendar definition as plain data, so a failing property prints everything needed to rebuild the case.
/// </summary>
public sealed class CalendarDefinition
{
    public CalendarDefinition(
        string zoneId,
        bool aroundTheClock,
        IReadOnlyList<(IsoDayOfWeek Day, DailyInterval Hours)> weekly,
        IReadOnlyList<LocalDate> holidays,
        IReadOnlyList<(LocalDate Date, DailyInterval Hours)> shifts,
        IReadOnlyList<(LocalDateTime Start, LocalDateTime End)> breaks)
    {
        ZoneId = zoneId;
        AroundTheClock = aroundTheClock;
        Weekly = weekly;
        Holidays = holidays;
        Shifts = shifts;
        Breaks = breaks;
    }

    public string ZoneId { get; }

    public bool AroundTheClock { get; }

    public IReadOnlyList<(IsoDayOfWeek Day, DailyInterval Hours)> Weekly { get; }

    public IReadOnlyList<LocalDate> Holidays { get; }

    public IReadOnlyList<(LocalDate Date, DailyInterval Hours)> Shifts { get; }

    public IReadOnlyList<(LocalDateTime Start, LocalDateTime End)> Breaks { get; }

    public DateTimeZone Zone => DateTimeZoneProviders.Tzdb[ZoneId];

    public BusinessCalendar Build()
    {
        if (AroundTheClock)
        {
            return BusinessCalendar.AroundTheClock(Zone);
        }

        var builder = new BusinessCalendarBuilder(ZoneId);
        foreach (var (day, hours) in Weekly)
        {
            builder.AddWeeklyHours(day, hours);
        }

        foreach (var date in Holidays)
        {
            builder.AddHoliday(date);
        }

        foreach (var (date, hours) in Shifts)
        {
            builder.AddShift(date, hours);
        }

        foreach (var (start, end) in Breaks)
        {
            builder.AddBreak(start, end);
        }

        return builder.Build();
    }

    public override string ToString()
    {
        if (AroundTheClock)
        {
            return $"24x7 in {ZoneId}";
        }

        var text = new StringBuilder(ZoneId);
        foreach (var group in Weekly.GroupBy(w => w.Day))
        {
            text.Append(' ').Append(group.Key.ToString().Substring(0, 3)).Append(' ')
                .Append(string.Join(",", group.Select(w => w.Hours)));
        }

        if (Holidays.Count > 0)
        {
            text.Append(" holidays ").Append(string.Join(",", Holidays.Select(Iso)));
        }

        if (Shifts.Count > 0)
        {
            text.Append(" shifts ").Append(string.Join(",", Shifts.Select(s => $"{Iso(s.Date)} {s.Hours}")));
        }

        if (Breaks.Count > 0)
        {
            text.Append(" breaks ").Append(string.Join(",", Breaks.Select(b => $"{Iso(b.Start)}..{Iso(b.End)}")));
        }

        return text.ToString();
    }

    internal static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    internal static string Iso(LocalDateTime time) => time.ToString("uuuu-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>A generated calendar with an instant and a business duration to apply at it.</summary>
public sealed class CalendarScenario
{
    public CalendarScenario(CalendarDefinition definition, BusinessCalendar calendar, Instant start, Duration businessTime)
    {
        Definition = definition;
        Calendar = calendar;
        Start = start;
        BusinessTime = businessTime;
    }

    public CalendarDefinition Definition { get; }

    public BusinessCalendar Calendar { get; }

    public Instant Start { get; }

    public Duration BusinessTime { get; }

    public override string ToString()
        => $"[{Definition}] start {Start} (local {CalendarDefinition.Iso(Start.InZone(Calendar.Zone).LocalDateTime)}) business time {BusinessTime}";
}

/// <summary>
/// FsCheck generators for business calendars in random tzdb zones, instants around them and business durations.
/// </summary>
/// <remarks>
/// Definitions are valid by construction, so no case is thrown away: each calendar picks a "day boundary" B (minutes
/// after midnight) and every day's intervals lie within [B, B + 24h) of that day, so an overnight interval ends by B
/// of the next day, before anything there starts. With B = 0 nothing crosses midnight except intervals ending at 24:00,
/// and whole days (00:00–24:00) are allowed. Holidays, shifts and breaks fall within a few months of the generated
/// instant so the arithmetic actually meets them.
/// </remarks>
public static class CalendarGenerators
{
    private const int MinutesPerDay = 24 * 60;

    /// <summary>Zones with the transitions the calendar must survive: 30-minute DST, skipped midnights, a skipped
    /// day, a 2-hour DST, negative DST, odd offsets, transitions moving with Ramadan.</summary>
    public static readonly IReadOnlyList<string> InterestingZoneIds =
    [
        "America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kathmandu", "America/Santiago",
        "America/Havana", "Pacific/Apia", "Pacific/Chatham", "Antarctica/Troll", "Europe/Dublin",
        "Africa/Casablanca", "America/St_Johns", "Asia/Gaza", "Pacific/Kiritimati", "Pacific/Pago_Pago",
        "America/Asuncion", "Asia/Tehran", "Australia/Adelaide", "UTC",
    ];

    /// <summary>The instants generated lie in [2020-01-01, 2031-01-01) UTC.</summary>
    public static readonly Interval InstantWindow = new(Instant.FromUtc(2020, 1, 1, 0, 0), Instant.FromUtc(2031, 1, 1, 0, 0));

    /// <summary>Any tzdb zone id, with the interesting ones weighted up.</summary>
    public static Gen<string> ZoneIds() => Gen.Frequency(
        (2, Gen.Elements(DateTimeZoneProviders.Tzdb.Ids.ToArray())),
        (1, Gen.Elements(InterestingZoneIds.ToArray())));

    /// <summary>Instants in <see cref="InstantWindow"/>: whole local minutes of <paramref name="zone"/> (period
    /// boundaries fall on those), minutes near the zone's offset changes, arbitrary seconds and nanoseconds.</summary>
    public static Gen<Instant> Instants(DateTimeZone zone)
    {
        var windowMinutes = (int)(InstantWindow.Duration.TotalMinutes - (2 * MinutesPerDay));
        var windowSeconds = (int)(InstantWindow.Duration.TotalSeconds - 1);
        var localStart = InstantWindow.Start.InUtc().LocalDateTime.PlusDays(1);
        var choices = new List<(int, Gen<Instant>)>
        {
            (4, Gen.Choose(0, windowMinutes).Select(m => zone.ResolveLocal(localStart.PlusMinutes(m), Resolvers.LenientResolver).ToInstant())),
            (2, Gen.Choose(0, windowSeconds).Select(s => InstantWindow.Start + Duration.FromSeconds(s))),
            (1, Gen.Choose(0, windowSeconds).SelectMany(s => Gen.Choose(0, 999_999_999), (s, n) => InstantWindow.Start + Duration.FromSeconds(s) + Duration.FromNanoseconds(n))),
        };

        // Random instants rarely land near an offset change, so a share of them is drawn within three days of one.
        var transitions = zone.GetZoneIntervals(new Interval(InstantWindow.Start + Duration.FromDays(4), InstantWindow.End - Duration.FromDays(4)))
            .Where(i => i.HasStart && i.Start > InstantWindow.Start)
            .Select(i => i.Start)
            .ToArray();
        if (transitions.Length > 0)
        {
            choices.Add((4, Gen.Elements(transitions).SelectMany(_ => Gen.Choose(-3 * MinutesPerDay, 3 * MinutesPerDay), (t, m) => t + Duration.FromMinutes(m))));
        }

        return Gen.Frequency(choices.ToArray());
    }

    /// <summary>Non-negative business durations from zero through minutes and hours to six weeks.</summary>
    public static Gen<Duration> Durations() => Gen.Frequency(
        (1, Gen.Constant(Duration.Zero)),
        (4, Gen.Choose(1, 600).Select(m => Duration.FromMinutes(m))),
        (3, Gen.Choose(1, 72 * 60).Select(m => Duration.FromMinutes(m))),
        (2, Gen.Choose(1, 6 * 7 * MinutesPerDay).Select(m => Duration.FromMinutes(m))),
        (1, Gen.Choose(1, 14 * 86_400).SelectMany(s => Gen.Choose(0, 999_999_999), (s, n) => Duration.FromSeconds(s) + Duration.FromNanoseconds(n))));

    /// <summary>Positive business durations (as <see cref="Durations"/>, without zero).</summary>
    public static Gen<Duration> PositiveDurations() => Durations().Where(d => d > Duration.Zero);

    /// <summary>Valid calendar definitions in <paramref name="zoneId"/> whose dated entries fall within
    /// [<paramref name="focus"/>, <paramref name="focus"/> + 120 days).</summary>
    public static Gen<CalendarDefinition> Definitions(string zoneId, LocalDate focus) => Gen.Frequency(
        (1, Gen.Constant(new CalendarDefinition(zoneId, aroundTheClock: true, [], [], [], []))),
        (11, RegularDefinitions(zoneId, focus)));

    /// <summary>A calendar in a random zone with an instant in the window and a business duration.</summary>
    public static Gen<CalendarScenario> Scenarios()
        => from zoneId in ZoneIds()
           let zone = DateTimeZoneProviders.Tzdb[zoneId]
           from start in Instants(zone)
           from definition in Definitions(zoneId, start.InZone(zone).Date.PlusDays(-30))
           from businessTime in Durations()
           select new CalendarScenario(definition, definition.Build(), start, businessTime);

    /// <summary><see cref="Scenarios"/> as an arbitrary for <c>Prop.ForAll</c>.</summary>
    public static Arbitrary<CalendarScenario> ScenarioArbitrary() => Arb.From(Scenarios());

    private static Gen<CalendarDefinition> RegularDefinitions(string zoneId, LocalDate focus)
        => from boundary in Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Elements(60, 120, 180, 360)), (1, Gen.Choose(1, 8 * 60)))
           from week in Gen.ArrayOf(DayHours(boundary, allowEmpty: true), 7).Where(days => days.Any(d => d.Count > 0))
           from datedCount in Gen.Choose(0, 8)
           from dayOffsets in Gen.ArrayOf(Gen.Choose(0, 119), datedCount)
           let dates = dayOffsets.Distinct().Select(o => focus.PlusDays(o)).ToArray()
           from holidayCount in Gen.Choose(0, dates.Length)
           from shiftHours in Gen.ArrayOf(DayHours(boundary, allowEmpty: false), dates.Length - holidayCount)
           from breakCount in Gen.Choose(0, 3)
           from breaks in Gen.ArrayOf(Break(focus), breakCount)
           select new CalendarDefinition(
               zoneId,
               aroundTheClock: false,
               week.SelectMany((hours, i) => hours.Select(h => ((IsoDayOfWeek)(i + 1), h))).ToArray(),
               dates.Take(holidayCount).ToArray(),
               dates.Skip(holidayCount).Zip(shiftHours, (date, hours) => hours.Select(h => (date, h))).SelectMany(x => x).ToArray(),
               breaks);

    /// <summary>The intervals of one day, all within [boundary, boundary + 24h) of it; never empty unless allowed.</summary>
    private static Gen<IReadOnlyList<DailyInterval>> DayHours(int boundary, bool allowEmpty)
    {
        var choices = new List<(int, Gen<IReadOnlyList<DailyInterval>>)>
        {
            (6, Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(CutPoint(boundary), 2 * n)).Select(points => Intervals(points, boundary))),
        };
        if (allowEmpty)
        {
            choices.Add((3, Gen.Constant<IReadOnlyList<DailyInterval>>([])));
        }

        if (boundary == 0)
        {
            choices.Add((1, Gen.Constant<IReadOnlyList<DailyInterval>>([DailyInterval.AllDay])));
        }

        var hours = Gen.Frequency(choices.ToArray());
        return allowEmpty ? hours : hours.Where(h => h.Count > 0);
    }

    /// <summary>Minutes after the day's midnight in [boundary, boundary + 24h], mostly whole hours where DST
    /// transitions fall.</summary>
    private static Gen<int> CutPoint(int boundary)
    {
        var firstHour = (boundary + 59) / 60;
        var lastHour = (boundary + MinutesPerDay) / 60;
        return Gen.Frequency(
            (3, Gen.Choose(firstHour, lastHour).Select(h => h * 60)),
            (1, Gen.Choose(boundary, boundary + MinutesPerDay)));
    }

    /// <summary>Pairs sorted cut points into intervals: the pairs never overlap, may touch, and empty ones are dropped.</summary>
    private static IReadOnlyList<DailyInterval> Intervals(int[] points, int boundary)
    {
        Array.Sort(points);
        var intervals = new List<DailyInterval>();
        for (var i = 0; i + 1 < points.Length; i += 2)
        {
            int start = points[i], end = points[i + 1];
            if (start == end || start >= MinutesPerDay)
            {
                // Empty, or it would start on the next day, where the builder reads it as that day's own hours.
                continue;
            }

            if (end - start == MinutesPerDay)
            {
                // A whole 24 hours is 00:00-24:00 only at midnight; from any other start the times coincide.
                if (boundary == 0)
                {
                    intervals.Add(DailyInterval.AllDay);
                }

                continue;
            }

            intervals.Add(DailyInterval.Create(
                LocalTime.FromMinutesSinceMidnight(start % MinutesPerDay),
                LocalTime.FromMinutesSinceMidnight(end % MinutesPerDay)));
        }

        return intervals;
    }

    private static Gen<(LocalDateTime Start, LocalDateTime End)> Break(LocalDate focus)
        => from startMinute in Gen.Choose(0, 120 * MinutesPerDay)
           from length in Gen.Frequency((3, Gen.Choose(1, 240)), (1, Gen.Choose(240, 3 * MinutesPerDay)))
           let start = focus.AtMidnight().PlusMinutes(startMinute)
           select (start, start.PlusMinutes(length));
}
