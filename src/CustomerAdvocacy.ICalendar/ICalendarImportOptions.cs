using NodaTime;

namespace CustomerAdvocacy.ICalendar;

/// <summary>What <see cref="ICalendarImport"/> takes from an iCalendar file besides the all-day events.</summary>
public sealed class ICalendarImportOptions
{
    /// <summary>Only all-day events are imported, as holidays; timed events are skipped.</summary>
    public static ICalendarImportOptions HolidaysOnly { get; } = new(null);

    private ICalendarImportOptions(DateTimeZone? breakZone) => BreakZone = breakZone;

    /// <summary>
    /// All-day events become holidays and timed events become breaks, in the local time of <paramref name="zone"/>
    /// (the zone of the business calendar they are for).
    /// </summary>
    /// <remarks>
    /// An event with a <c>TZID</c> or in UTC is converted to <paramref name="zone"/>'s local time; a floating event (no
    /// zone) is taken as local time there as it stands.
    /// </remarks>
    /// <exception cref="System.ArgumentNullException"><paramref name="zone"/> is null.</exception>
    public static ICalendarImportOptions TimedEventsAsBreaks(DateTimeZone zone)
        => new(Preconditions.CheckNotNull(zone));

    /// <summary>The zone timed events are converted to as breaks, or null when timed events are skipped.</summary>
    public DateTimeZone? BreakZone { get; }
}
