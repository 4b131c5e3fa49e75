using System.Collections.Generic;
using NodaTime;

namespace CustomerAdvocacy.Scheduling;

/// <summary>
/// Blacks out the same stretch of local time every week, from a weekday and time to a weekday and time: every Friday
/// 16:00 to Monday 08:00, or Saturday 00:00 to Saturday 06:00.
/// </summary>
/// <remarks>
/// The window ends on the first <see cref="EndDay"/> at <see cref="EndTime"/> after it starts, so it may cross midnight
/// and the end of the week; on the same weekday the end time must be after the start time. A window is less than a
/// week long. Each boundary is mapped to an instant on its own, so a window across a daylight-saving change is
/// shorter or longer in real time than its nominal length.
/// </remarks>
public sealed class WeeklyBlackout : BlackoutRule
{
    /// <summary>Creates the rule.</summary>
    /// <param name="name">What the blackout is called.</param>
    /// <param name="startDay">The weekday the window starts on.</param>
    /// <param name="startTime">The local time the window starts at.</param>
    /// <param name="endDay">The weekday the window ends on.</param>
    /// <param name="endTime">The local time the window ends at (exclusive).</param>
    /// <param name="reason">Why nothing may be scheduled then, if worth saying.</param>
    /// <exception cref="DefinitionValidationException">One or more arguments are invalid; all are listed.</exception>
    public WeeklyBlackout(string name, IsoDayOfWeek startDay, LocalTime startTime, IsoDayOfWeek endDay, LocalTime endTime, string? reason = null)
        : base(Checked(name, startDay, startTime, endDay, endTime), reason)
    {
        StartDay = startDay;
        StartTime = startTime;
        EndDay = endDay;
        EndTime = endTime;
    }

    /// <summary>The weekday the window starts on.</summary>
    public IsoDayOfWeek StartDay { get; }

    /// <summary>The local time the window starts at.</summary>
    public LocalTime StartTime { get; }

    /// <summary>The weekday the window ends on.</summary>
    public IsoDayOfWeek EndDay { get; }

    /// <summary>The local time the window ends at (exclusive).</summary>
    public LocalTime EndTime { get; }

    /// <summary>The nominal length of each window, on a week with no offset change.</summary>
    public Duration NominalLength => Duration.FromDays(DaysToEnd) + (EndTime - StartTime).ToDuration();

    private int DaysToEnd => ((int)EndDay - (int)StartDay + 7) % 7;

    /// <inheritdoc />
    protected override IEnumerable<Interval> EnumerateWindows(Interval range, DateTimeZone zone)
    {
        // A window ends before the local date a week after it started, so none that started before the latest
        // StartDay on or before the range's first local date can reach the range; one more week back is a cheap margin
        // that does not depend on that argument.
        var date = range.Start.InZone(zone).Date.With(DateAdjusters.PreviousOrSame(StartDay)).PlusWeeks(-1);
        var daysToEnd = DaysToEnd;
        while (true)
        {
            yield return new Interval(
                ResolveLocal(date + StartTime, zone),
                ResolveLocal(date.PlusDays(daysToEnd) + EndTime, zone));
            date = date.PlusWeeks(1);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{base.ToString()}: {StartDay} {StartTime:HH:mm} to {EndDay} {EndTime:HH:mm}";

    internal static void Validate(string? name, IsoDayOfWeek startDay, LocalTime startTime, IsoDayOfWeek endDay, LocalTime endTime, string path, List<ValidationProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add(new ValidationProblem(path, "A blackout needs a name."));
        }

        var startKnown = IsWeekday(startDay);
        var endKnown = IsWeekday(endDay);
        if (!startKnown)
        {
            problems.Add(new ValidationProblem(path + ".startDay", $"'{startDay}' is not a day of the week."));
        }

        if (!endKnown)
        {
            problems.Add(new ValidationProblem(path + ".endDay", $"'{endDay}' is not a day of the week."));
        }

        if (startKnown && endKnown && startDay == endDay && endTime <= startTime)
        {
            problems.Add(new ValidationProblem(
                path,
                $"The window ends ({endDay} {endTime:HH:mm}) at or before it starts ({startDay} {startTime:HH:mm}) on the same day; a weekly window is shorter than a week."));
        }
    }

    private static bool IsWeekday(IsoDayOfWeek day) => day is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Sunday;

    private static string Checked(string name, IsoDayOfWeek startDay, LocalTime startTime, IsoDayOfWeek endDay, LocalTime endTime)
    {
        var problems = new List<ValidationProblem>();
        Validate(name, startDay, startTime, endDay, endTime, "rule", problems);
        return problems.Count == 0 ? name : throw new DefinitionValidationException($"blackout rule '{name}'", problems);
    }
}
