using System.Collections.Generic;
using NodaTime;

namespace CustomerAdvocacy.Scheduling;

/// <summary>
/// Collects the blackout rules of a <see cref="BlackoutSet"/> and validates them as a whole when <see cref="Build"/> is
/// called: every problem is reported together in one <see cref="DefinitionValidationException"/>.
/// </summary>
/// <remarks>
/// A builder is not thread-safe; the set it builds is immutable and thread-safe.
/// <code>
/// var blackouts = new BlackoutSetBuilder("America/New_York")
///     .AddMonthEndBusinessDays("month-end processing", 3, customerCalendar)
///     .AddWeekly("weekend freeze", IsoDayOfWeek.Friday, new LocalTime(16, 0), IsoDayOfWeek.Monday, new LocalTime(8, 0))
///     .Build();
/// </code>
/// </remarks>
public sealed class BlackoutSetBuilder
{
    private readonly string? _zoneId;
    private readonly DateTimeZone? _zone;
    private readonly IDateTimeZoneProvider _zoneProvider;
    private readonly List<Entry> _entries = [];

    /// <summary>Starts a set in the IANA time zone <paramref name="zoneId"/>, looked up in the tzdb bundled with NodaTime.</summary>
    /// <param name="zoneId">An IANA zone id such as <c>Europe/London</c>; an unknown id is reported by <see cref="Build"/>.</param>
    public BlackoutSetBuilder(string zoneId)
        : this(zoneId, DateTimeZoneProviders.Tzdb)
    {
    }

    /// <summary>Starts a set whose zone id is looked up in <paramref name="zoneProvider"/>.</summary>
    public BlackoutSetBuilder(string zoneId, IDateTimeZoneProvider zoneProvider)
    {
        _zoneId = zoneId;
        _zoneProvider = Preconditions.CheckNotNull(zoneProvider);
    }

    /// <summary>Starts a set in <paramref name="zone"/>.</summary>
    public BlackoutSetBuilder(DateTimeZone zone)
    {
        _zone = Preconditions.CheckNotNull(zone);
        _zoneId = zone.Id;
        _zoneProvider = DateTimeZoneProviders.Tzdb;
    }

    /// <summary>A name for the set, used in messages (for example the customer it belongs to).</summary>
    public string? Name { get; set; }

    /// <summary>Sets <see cref="Name"/>.</summary>
    public BlackoutSetBuilder WithName(string name)
    {
        Name = name;
        return this;
    }

    /// <summary>Blacks out the last <paramref name="days"/> calendar days of every month (see <see cref="PeriodEndBlackout"/>).</summary>
    public BlackoutSetBuilder AddMonthEnd(string name, int days, string? reason = null)
        => AddPeriodEnd(name, BlackoutPeriod.Month, days, null, reason);

    /// <summary>Blacks out the last <paramref name="businessDays"/> business days of <paramref name="calendar"/> in every
    /// month, through the month's end (see <see cref="PeriodEndBlackout"/>).</summary>
    public BlackoutSetBuilder AddMonthEndBusinessDays(string name, int businessDays, BusinessCalendar calendar, string? reason = null)
        => AddBusinessDays(name, BlackoutPeriod.Month, businessDays, calendar, reason);

    /// <summary>Blacks out the last <paramref name="days"/> calendar days of every quarter.</summary>
    public BlackoutSetBuilder AddQuarterEnd(string name, int days, string? reason = null)
        => AddPeriodEnd(name, BlackoutPeriod.Quarter, days, null, reason);

    /// <summary>Blacks out the last <paramref name="businessDays"/> business days of <paramref name="calendar"/> in every
    /// quarter, through the quarter's end.</summary>
    public BlackoutSetBuilder AddQuarterEndBusinessDays(string name, int businessDays, BusinessCalendar calendar, string? reason = null)
        => AddBusinessDays(name, BlackoutPeriod.Quarter, businessDays, calendar, reason);

    /// <summary>Blacks out the last <paramref name="days"/> calendar days of every year.</summary>
    public BlackoutSetBuilder AddYearEnd(string name, int days, string? reason = null)
        => AddPeriodEnd(name, BlackoutPeriod.Year, days, null, reason);

    /// <summary>Blacks out the last <paramref name="businessDays"/> business days of <paramref name="calendar"/> in every
    /// year, through the year's end.</summary>
    public BlackoutSetBuilder AddYearEndBusinessDays(string name, int businessDays, BusinessCalendar calendar, string? reason = null)
        => AddBusinessDays(name, BlackoutPeriod.Year, businessDays, calendar, reason);

    /// <summary>
    /// Blacks out the end of every <paramref name="period"/>: the last <paramref name="days"/> calendar days, or business
    /// days of <paramref name="businessDayCalendar"/> when one is given (see <see cref="PeriodEndBlackout"/>).
    /// </summary>
    public BlackoutSetBuilder AddPeriodEnd(string name, BlackoutPeriod period, int days, BusinessCalendar? businessDayCalendar = null, string? reason = null)
    {
        _entries.Add(new PeriodEndEntry(name, reason, period, days, businessDayCalendar, RequiresCalendar: false));
        return this;
    }

    /// <summary>Blacks out the local range [<paramref name="start"/>, <paramref name="end"/>) (see <see cref="LocalRangeBlackout"/>).</summary>
    public BlackoutSetBuilder AddRange(string name, LocalDateTime start, LocalDateTime end, string? reason = null)
    {
        _entries.Add(new RangeEntry(name, reason, start, end));
        return this;
    }

    /// <summary>
    /// Blacks out every week from <paramref name="startDay"/> at <paramref name="startTime"/> to the next
    /// <paramref name="endDay"/> at <paramref name="endTime"/> (see <see cref="WeeklyBlackout"/>).
    /// </summary>
    public BlackoutSetBuilder AddWeekly(string name, IsoDayOfWeek startDay, LocalTime startTime, IsoDayOfWeek endDay, LocalTime endTime, string? reason = null)
    {
        _entries.Add(new WeeklyEntry(name, reason, startDay, startTime, endDay, endTime));
        return this;
    }

    /// <summary>Adds a rule built elsewhere, such as a host's own <see cref="BlackoutRule"/>.</summary>
    public BlackoutSetBuilder AddRule(BlackoutRule rule)
    {
        _entries.Add(new RuleEntry(rule?.Name, rule?.Reason, rule));
        return this;
    }

    /// <summary>Validates the definition and builds the set.</summary>
    /// <exception cref="DefinitionValidationException">The definition has one or more problems; all are listed.</exception>
    public BlackoutSet Build()
    {
        var problems = new List<ValidationProblem>();
        var zone = ResolveZone(problems);
        var names = new HashSet<string>();
        var rules = new List<BlackoutRule>(_entries.Count);
        for (var i = 0; i < _entries.Count; i++)
        {
            var entry = _entries[i];
            var path = $"rules[{i}]";
            var before = problems.Count;
            if (entry.Name is { } name && !string.IsNullOrWhiteSpace(name) && !names.Add(name))
            {
                problems.Add(new ValidationProblem(path, $"Another blackout is already called '{name}'; names identify blackouts, so they must be unique."));
            }

            switch (entry)
            {
                case PeriodEndEntry p:
                    PeriodEndBlackout.Validate(p.Name, p.Period, p.Days, path, problems);
                    if (p.Calendar is null && p.RequiresCalendar)
                    {
                        problems.Add(new ValidationProblem(path, "Counting business days needs the business calendar that says which days they are."));
                    }
                    else if (p.Calendar is { } calendar && zone is not null && calendar.Zone.Id != zone.Id)
                    {
                        problems.Add(new ValidationProblem(
                            path,
                            $"The business-day calendar is in {calendar.Zone.Id} but the blackout set is in {zone.Id}; their local dates would not agree."));
                    }

                    if (problems.Count == before)
                    {
                        rules.Add(new PeriodEndBlackout(p.Name!, p.Period, p.Days, p.Calendar, p.Reason));
                    }

                    break;
                case RangeEntry r:
                    LocalRangeBlackout.Validate(r.Name, r.Start, r.End, path, problems);
                    if (problems.Count == before)
                    {
                        rules.Add(new LocalRangeBlackout(r.Name!, r.Start, r.End, r.Reason));
                    }

                    break;
                case WeeklyEntry w:
                    WeeklyBlackout.Validate(w.Name, w.StartDay, w.StartTime, w.EndDay, w.EndTime, path, problems);
                    if (problems.Count == before)
                    {
                        rules.Add(new WeeklyBlackout(w.Name!, w.StartDay, w.StartTime, w.EndDay, w.EndTime, w.Reason));
                    }

                    break;
                case RuleEntry { Rule: { } rule }:
                    if (problems.Count == before)
                    {
                        rules.Add(rule);
                    }

                    break;
                default:
                    problems.Add(new ValidationProblem(path, "The rule is missing (null)."));
                    break;
            }
        }

        if (problems.Count > 0 || zone is null)
        {
            throw new DefinitionValidationException(Name is null ? "blackout set" : $"blackout set '{Name}'", problems);
        }

        return new BlackoutSet(Name, zone, rules.ToArray());
    }

    private BlackoutSetBuilder AddBusinessDays(string name, BlackoutPeriod period, int days, BusinessCalendar? calendar, string? reason)
    {
        _entries.Add(new PeriodEndEntry(name, reason, period, days, calendar, RequiresCalendar: true));
        return this;
    }

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

    /// <summary>A rule as given, kept unvalidated until <see cref="Build"/> so every problem can be reported together.</summary>
    private abstract record Entry(string? Name, string? Reason);

    private sealed record PeriodEndEntry(string Name, string? Reason, BlackoutPeriod Period, int Days, BusinessCalendar? Calendar, bool RequiresCalendar)
        : Entry(Name, Reason);

    private sealed record RangeEntry(string Name, string? Reason, LocalDateTime Start, LocalDateTime End) : Entry(Name, Reason);

    private sealed record WeeklyEntry(string Name, string? Reason, IsoDayOfWeek StartDay, LocalTime StartTime, IsoDayOfWeek EndDay, LocalTime EndTime)
        : Entry(Name, Reason);

    private sealed record RuleEntry(string? Name, string? Reason, BlackoutRule? Rule) : Entry(Name, Reason);
}
