using System.Collections.Generic;

namespace CustomerAdvocacy.ICalendar;

/// <summary>What <see cref="ICalendarImport.Read(string, NodaTime.DateInterval, ICalendarImportOptions)"/> found in an iCalendar file.</summary>
public sealed class ICalendarImportResult
{
    internal ICalendarImportResult(IReadOnlyList<ImportedHoliday> holidays, IReadOnlyList<ImportedBreak> breaks)
    {
        Holidays = holidays;
        Breaks = breaks;
    }

    /// <summary>The holidays, one per date (events on the same date are merged), sorted by date.</summary>
    public IReadOnlyList<ImportedHoliday> Holidays { get; }

    /// <summary>The breaks from timed events, sorted by start; empty unless
    /// <see cref="ICalendarImportOptions.TimedEventsAsBreaks"/> was asked for.</summary>
    public IReadOnlyList<ImportedBreak> Breaks { get; }
}
