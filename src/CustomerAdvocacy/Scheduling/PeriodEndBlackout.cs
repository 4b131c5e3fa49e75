using System.Collections.Generic;
using NodaTime;

namespace CustomerAdvocacy.Scheduling;

/// <summary>
/// Blacks out the end of every month, quarter or year in local time: either the last <see cref="Days"/> calendar
/// days, or the last <see cref="Days"/> business days of a <see cref="BusinessDayCalendar"/> (month-end processing).
/// </summary>
/// <remarks>
/// <para>
/// The window runs from local midnight at the start of the first counted day to local midnight at the start of the
/// next period. With business days, the days after the last business day that are still in the period (a weekend, a
/// holiday) are therefore blacked out too: processing is not over until the period turns. When the period has fewer
/// days (or business days) than asked for, the whole period is blacked out.
/// </para>
/// <para>
/// Which dates are business days comes from <see cref="BusinessCalendar.IsBusinessDay"/>; the dates are local dates,
/// mapped to instants in the zone the windows are asked for (a <see cref="BlackoutSet"/> requires the two zones to be the same).
/// </para>
/// </remarks>
public sealed class PeriodEndBlackout : BlackoutRule
{
    private const int MaxDaysInMonth = 31;
    private const int MaxDaysInQuarter = 92;
    private const int MaxDaysInYear = 366;

    /// <summary>Creates the rule.</summary>
    /// <param name="name">What the blackout is called.</param>
    /// <param name="period">Whose end is blacked out: month, quarter or year.</param>
    /// <param name="days">How many days at the end of each period, at least 1 and at most the length of the longest
    /// such period (31, 92 or 366).</param>
    /// <param name="businessDayCalendar">When given, <paramref name="days"/> counts this calendar's business days;
    /// otherwise it counts calendar days.</param>
    /// <param name="reason">Why nothing may be scheduled then, if worth saying.</param>
    /// <exception cref="DefinitionValidationException">One or more arguments are invalid; all are listed.</exception>
    public PeriodEndBlackout(string name, BlackoutPeriod period, int days, BusinessCalendar? businessDayCalendar = null, string? reason = null)
        : base(Checked(name, period, days), reason)
    {
        Period = period;
        Days = days;
        BusinessDayCalendar = businessDayCalendar;
    }

    /// <summary>Whose end is blacked out.</summary>
    public BlackoutPeriod Period { get; }

    /// <summary>How many days at the end of each period: calendar days, or business days of <see cref="BusinessDayCalendar"/>.</summary>
    public int Days { get; }

    /// <summary>The calendar whose business days are counted, or null to count calendar days.</summary>
    public BusinessCalendar? BusinessDayCalendar { get; }

    /// <inheritdoc />
    protected override IEnumerable<Interval> EnumerateWindows(Interval range, DateTimeZone zone)
    {
        // Starting one period early costs one window and keeps the first window right whatever the zone's offsets.
        var periodStart = PreviousPeriodStart(PeriodStartOf(range.Start.InZone(zone).Date));
        while (true)
        {
            var nextStart = NextPeriodStart(periodStart);
            yield return new Interval(
                ResolveLocal(FirstBlackedOutDate(periodStart, nextStart).AtMidnight(), zone),
                ResolveLocal(nextStart.AtMidnight(), zone));
            periodStart = nextStart;
        }
    }

    internal static void Validate(string? name, BlackoutPeriod period, int days, string path, List<ValidationProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add(new ValidationProblem(path, "A blackout needs a name."));
        }

        int? max = period switch
        {
            BlackoutPeriod.Month => MaxDaysInMonth,
            BlackoutPeriod.Quarter => MaxDaysInQuarter,
            BlackoutPeriod.Year => MaxDaysInYear,
            _ => null,
        };
        if (max is null)
        {
            problems.Add(new ValidationProblem(path, $"'{period}' is not a blackout period (Month, Quarter or Year)."));
        }

        if (days <= 0)
        {
            problems.Add(new ValidationProblem(path, $"The number of days ({days}) must be at least 1."));
        }
        else if (days > max)
        {
            problems.Add(new ValidationProblem(path, $"The number of days ({days}) is more than a {period.ToString().ToLowerInvariant()} has ({max})."));
        }
    }

    private static string Checked(string name, BlackoutPeriod period, int days)
    {
        var problems = new List<ValidationProblem>();
        Validate(name, period, days, "rule", problems);
        return problems.Count == 0 ? name : throw new DefinitionValidationException($"blackout rule '{name}'", problems);
    }

    private LocalDate FirstBlackedOutDate(LocalDate periodStart, LocalDate nextStart)
    {
        if (BusinessDayCalendar is null)
        {
            var first = nextStart.PlusDays(-Days);
            return first < periodStart ? periodStart : first;
        }

        var counted = 0;
        for (var date = nextStart.PlusDays(-1); date >= periodStart; date = date.PlusDays(-1))
        {
            if (BusinessDayCalendar.IsBusinessDay(date) && ++counted == Days)
            {
                return date;
            }
        }

        return periodStart;
    }

    private LocalDate PeriodStartOf(LocalDate date) => Period switch
    {
        BlackoutPeriod.Month => new LocalDate(date.Year, date.Month, 1),
        BlackoutPeriod.Quarter => new LocalDate(date.Year, ((date.Month - 1) / 3 * 3) + 1, 1),
        _ => new LocalDate(date.Year, 1, 1),
    };

    private LocalDate NextPeriodStart(LocalDate periodStart) => Period switch
    {
        BlackoutPeriod.Month => periodStart.PlusMonths(1),
        BlackoutPeriod.Quarter => periodStart.PlusMonths(3),
        _ => periodStart.PlusYears(1),
    };

    private LocalDate PreviousPeriodStart(LocalDate periodStart) => Period switch
    {
        BlackoutPeriod.Month => periodStart.PlusMonths(-1),
        BlackoutPeriod.Quarter => periodStart.PlusMonths(-3),
        _ => periodStart.PlusYears(-1),
    };
}
