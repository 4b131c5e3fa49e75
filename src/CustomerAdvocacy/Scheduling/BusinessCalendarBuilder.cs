using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace CustomerAdvocacy.Scheduling;

/// <summary>
/// Collects the definition of a <see cref="BusinessCalendar"/> and validates it as a whole when
/// <see cref="Build"/> is called: every problem is reported together in one <see cref="DefinitionValidationException"/>.
/// </summary>
/// <remarks>
/// A builder is not thread-safe; the calendar it builds is immutable and thread-safe.
/// <code>
/// var calendar = new BusinessCalendarBuilder("America/New_York")
///     .AddWeekdayHours(new LocalTime(9, 0), new LocalTime(12, 0))
///     .AddWeekdayHours(new LocalTime(13, 0), new LocalTime(17, 30))
///     .AddHoliday(new LocalDate(2026, 12, 25), "Christmas Day")
///     .Build();
/// </code>
/// </remarks>
public sealed class BusinessCalendarBuilder
{
    private readonly string? _zoneId;
    private readonly DateTimeZone? _zone;
    private readonly IDateTimeZoneProvider _zoneProvider;
    private readonly List<(IsoDayOfWeek Day, RawInterval Hours)> _weekly = [];
    private readonly List<(LocalDate Date, string? Name)> _holidays = [];
    private readonly List<(LocalDate Date, RawInterval Hours)> _shifts = [];
    private readonly List<(LocalDateTime Start, LocalDateTime End, string? Reason)> _breaks = [];

    /// <summary>Starts a calendar in the IANA time zone <paramref name="zoneId"/>, looked up in the tzdb bundled with NodaTime.</summary>
    /// <param name="zoneId">An IANA zone id such as <c>Europe/London</c>; an unknown id is reported by <see cref="Build"/>.</param>
    public BusinessCalendarBuilder(string zoneId)
        : this(zoneId, DateTimeZoneProviders.Tzdb)
    {
    }

    /// <summary>Starts a calendar whose zone id is looked up in <paramref name="zoneProvider"/>.</summary>
    public BusinessCalendarBuilder(string zoneId, IDateTimeZoneProvider zoneProvider)
    {
        _zoneId = zoneId;
        _zoneProvider = Preconditions.CheckNotNull(zoneProvider);
    }

    /// <summary>Starts a calendar in <paramref name="zone"/>.</summary>
    public BusinessCalendarBuilder(DateTimeZone zone)
    {
        _zone = Preconditions.CheckNotNull(zone);
        _zoneId = zone.Id;
        _zoneProvider = DateTimeZoneProviders.Tzdb;
    }

    /// <summary>A name for the calendar, used in messages (for example the customer it belongs to).</summary>
    public string? Name { get; set; }

    /// <summary>Sets <see cref="Name"/>.</summary>
    public BusinessCalendarBuilder WithName(string name)
    {
        Name = name;
        return this;
    }

    /// <summary>
    /// Opens the calendar every <paramref name="day"/> from <paramref name="start"/> to <paramref name="end"/>. An end at or
    /// before the start crosses midnight (22:00–06:00 belongs to the day it starts); <see cref="LocalTime.Midnight"/> as the
    /// end means 24:00. Several intervals per day are allowed; they must not overlap.
    /// </summary>
    public BusinessCalendarBuilder AddWeeklyHours(IsoDayOfWeek day, LocalTime start, LocalTime end)
    {
        _weekly.Add((day, new RawInterval(start, end, WholeDay: false)));
        return this;
    }

    /// <summary>Opens the calendar every <paramref name="day"/> for <paramref name="interval"/>.</summary>
    public BusinessCalendarBuilder AddWeeklyHours(IsoDayOfWeek day, DailyInterval interval)
    {
        _weekly.Add((day, RawInterval.From(interval)));
        return this;
    }

    /// <summary>Opens the calendar from Monday to Friday from <paramref name="start"/> to <paramref name="end"/>.</summary>
    public BusinessCalendarBuilder AddWeekdayHours(LocalTime start, LocalTime end)
    {
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Friday; day++)
        {
            AddWeeklyHours(day, start, end);
        }

        return this;
    }

    /// <summary>Opens the calendar around the clock on <paramref name="day"/> (00:00–24:00).</summary>
    public BusinessCalendarBuilder AddAllDay(IsoDayOfWeek day) => AddWeeklyHours(day, DailyInterval.AllDay);

    /// <summary>
    /// Closes the whole local date: the periods that start on it are removed (an overnight period that started the day
    /// before still runs into it).
    /// </summary>
    public BusinessCalendarBuilder AddHoliday(LocalDate date, string? name = null)
    {
        _holidays.Add((date, name));
        return this;
    }

    /// <summary>
    /// Sets date-specific hours ("a shift") for one local date: the shifts given for a date replace that weekday's hours
    /// (a short day before a holiday, a Saturday opened for a change). Call it once per interval.
    /// </summary>
    public BusinessCalendarBuilder AddShift(LocalDate date, LocalTime start, LocalTime end)
    {
        _shifts.Add((date, new RawInterval(start, end, WholeDay: false)));
        return this;
    }

    /// <summary>Sets date-specific hours for one local date (see <see cref="AddShift(LocalDate, LocalTime, LocalTime)"/>).</summary>
    public BusinessCalendarBuilder AddShift(LocalDate date, DailyInterval interval)
    {
        _shifts.Add((date, RawInterval.From(interval)));
        return this;
    }

    /// <summary>Cuts the local date-time range [<paramref name="start"/>, <paramref name="end"/>) out of business time.</summary>
    public BusinessCalendarBuilder AddBreak(LocalDateTime start, LocalDateTime end, string? reason = null)
    {
        _breaks.Add((start, end, reason));
        return this;
    }

    /// <summary>
    /// Validates the definition and builds the calendar.
    /// </summary>
    /// <exception cref="DefinitionValidationException">The definition has one or more problems; all are listed.</exception>
    public BusinessCalendar Build()
    {
        var problems = new List<ValidationProblem>();
        var zone = ResolveZone(problems);

        var weekly = new List<DailyInterval>[7];
        for (var i = 0; i < 7; i++)
        {
            weekly[i] = [];
        }

        for (var i = 0; i < _weekly.Count; i++)
        {
            var (day, hours) = _weekly[i];
            var path = $"weeklyHours[{i}]";
            if (day is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
            {
                problems.Add(new ValidationProblem(path, $"'{day}' is not a day of the week."));
                continue;
            }

            if (TryInterval(hours, path, problems, out var interval))
            {
                weekly[(int)day - 1].Add(interval);
            }
        }

        for (var i = 0; i < 7; i++)
        {
            weekly[i].Sort((a, b) => a.StartNanoOfDay.CompareTo(b.StartNanoOfDay));
            var day = (IsoDayOfWeek)(i + 1);
            ReportOverlaps(weekly[i], $"weeklyHours.{day}", problems);
            var next = weekly[i == 6 ? 0 : i + 1];
            ReportSpillOverlaps(weekly[i], next, $"weeklyHours.{day}", $"{(IsoDayOfWeek)(i == 6 ? 1 : i + 2)}", problems);
        }

        var holidays = new Dictionary<LocalDate, string?>();
        for (var i = 0; i < _holidays.Count; i++)
        {
            var (date, name) = _holidays[i];
            if (!holidays.ContainsKey(date))
            {
                holidays.Add(date, name);
            }
            else
            {
                problems.Add(new ValidationProblem($"holidays[{i}]", $"The holiday {date:uuuu-MM-dd} is listed more than once."));
            }
        }

        var shifts = new SortedDictionary<LocalDate, List<DailyInterval>>();
        for (var i = 0; i < _shifts.Count; i++)
        {
            var (date, hours) = _shifts[i];
            var path = $"shifts[{i}]";
            if (holidays.ContainsKey(date))
            {
                problems.Add(new ValidationProblem(path, $"{date:uuuu-MM-dd} is both a holiday and a date with its own hours; remove one of them."));
            }

            if (TryInterval(hours, path, problems, out var interval))
            {
                if (!shifts.TryGetValue(date, out var list))
                {
                    shifts.Add(date, list = []);
                }

                list.Add(interval);
            }
        }

        foreach (var pair in shifts)
        {
            pair.Value.Sort((a, b) => a.StartNanoOfDay.CompareTo(b.StartNanoOfDay));
            var path = $"shifts.{pair.Key:uuuu-MM-dd}";
            ReportOverlaps(pair.Value, path, problems);
            var previousDate = pair.Key.PlusDays(-1);
            var previous = shifts.TryGetValue(previousDate, out var p) ? p : weekly[(int)previousDate.DayOfWeek - 1];
            ReportSpillOverlaps(previous, pair.Value, $"hours of {previousDate:uuuu-MM-dd}", path, problems);
            var nextDate = pair.Key.PlusDays(1);
            if (!shifts.ContainsKey(nextDate))
            {
                ReportSpillOverlaps(pair.Value, weekly[(int)nextDate.DayOfWeek - 1], path, $"hours of {nextDate:uuuu-MM-dd}", problems);
            }
        }

        var breaks = new List<(LocalDateTime Start, LocalDateTime End)>();
        for (var i = 0; i < _breaks.Count; i++)
        {
            var (start, end, _) = _breaks[i];
            if (end <= start)
            {
                problems.Add(new ValidationProblem($"breaks[{i}]", $"The break ends ({end:uuuu-MM-dd'T'HH:mm}) at or before it starts ({start:uuuu-MM-dd'T'HH:mm})."));
            }
            else
            {
                breaks.Add((start, end));
            }
        }

        if (weekly.All(day => day.Count == 0) && shifts.Count == 0)
        {
            problems.Add(new ValidationProblem("weeklyHours", "The calendar has no open time at all: give weekly hours or date-specific hours, or make it a 24x7 (around the clock) calendar."));
        }

        if (problems.Count > 0 || zone is null)
        {
            throw new DefinitionValidationException(Describe(), problems);
        }

        return new BusinessCalendar(
            Name,
            zone,
            weekly.Select(day => (IReadOnlyList<DailyInterval>)day.ToArray()).ToArray(),
            holidays,
            shifts.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<DailyInterval>)pair.Value.ToArray()),
            _breaks.Where(b => b.End > b.Start).Select(b => new LocalBreak(b.Start, b.End, b.Reason)).ToArray());
    }

    private string Describe() => Name is null ? "business calendar" : $"business calendar '{Name}'";

    private DateTimeZone? ResolveZone(List<ValidationProblem> problems)
    {
        if (_zone is not null)
        {
            return _zone;
        }

        if (string.IsNullOrWhiteSpace(_zoneId))
        {
            problems.Add(new ValidationProblem("zone", "A time zone id is required (an IANA id such as 'Europe/London')."));
            return null;
        }

        var zone = _zoneProvider.GetZoneOrNull(_zoneId!);
        if (zone is null)
        {
            problems.Add(new ValidationProblem("zone", $"'{_zoneId}' is not a time zone id known to {_zoneProvider.VersionId}."));
        }

        return zone;
    }

    private static bool TryInterval(RawInterval hours, string path, List<ValidationProblem> problems, out DailyInterval interval)
    {
        if (hours.WholeDay)
        {
            interval = DailyInterval.AllDay;
            return true;
        }

        if (DailyInterval.TryCreate(hours.Start, hours.End, out interval))
        {
            return true;
        }

        problems.Add(new ValidationProblem(path, $"The interval {hours.Start:HH:mm}-{hours.End:HH:mm} is empty: its start and end are the same time (use 00:00-24:00 for a whole day)."));
        return false;
    }

    private static void ReportOverlaps(List<DailyInterval> sorted, string path, List<ValidationProblem> problems)
    {
        for (var i = 1; i < sorted.Count; i++)
        {
            if (sorted[i - 1].Overlaps(sorted[i]))
            {
                problems.Add(new ValidationProblem(path, $"The intervals {sorted[i - 1]} and {sorted[i]} overlap."));
            }
        }
    }

    private static void ReportSpillOverlaps(IReadOnlyList<DailyInterval> day, IReadOnlyList<DailyInterval> nextDay, string dayPath, string nextDayPath, List<ValidationProblem> problems)
    {
        const long NanosecondsPerDay = 86_400_000_000_000L;
        foreach (var interval in day)
        {
            if (!interval.EndsNextDay || interval.EndNanoOfDay == NanosecondsPerDay)
            {
                continue;
            }

            var spillEnd = interval.EndNanoOfDay - NanosecondsPerDay;
            foreach (var next in nextDay)
            {
                if (next.StartNanoOfDay < spillEnd)
                {
                    problems.Add(new ValidationProblem(dayPath, $"The overnight interval {interval} runs into {next} of {nextDayPath}."));
                }
            }
        }
    }

    /// <summary>Hours as given, kept unvalidated until <see cref="Build"/> so every problem can be reported together.</summary>
    private readonly record struct RawInterval(LocalTime Start, LocalTime End, bool WholeDay)
    {
        public static RawInterval From(DailyInterval interval)
            => new(interval.Start, interval.End, interval == DailyInterval.AllDay);
    }
}
