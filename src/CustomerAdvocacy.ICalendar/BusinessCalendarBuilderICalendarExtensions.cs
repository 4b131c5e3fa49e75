using System;
using CustomerAdvocacy.Scheduling;
using NodaTime;

namespace CustomerAdvocacy.ICalendar;

/// <summary>Adds what an iCalendar file holds to a <see cref="BusinessCalendarBuilder"/>.</summary>
public static class BusinessCalendarBuilderICalendarExtensions
{
    /// <summary>
    /// Adds a holiday for every date in <paramref name="range"/> covered by an all-day event of
    /// <paramref name="icsText"/> (see <see cref="ICalendarImport"/>); timed events are skipped.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ICalendarFormatException">The text cannot be read as iCalendar.</exception>
    public static BusinessCalendarBuilder AddHolidaysFromICalendar(this BusinessCalendarBuilder builder, string icsText, DateInterval range)
    {
        Preconditions.CheckNotNull(builder);
        return builder.Add(ICalendarImport.Read(icsText, range, ICalendarImportOptions.HolidaysOnly));
    }

    /// <summary>Adds the holidays and breaks of an import (see <see cref="ICalendarImport.Read(string, DateInterval, ICalendarImportOptions)"/>).</summary>
    /// <remarks>A date the builder already has as a holiday is reported by <see cref="BusinessCalendarBuilder.Build"/>,
    /// as any duplicate holiday is.</remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static BusinessCalendarBuilder Add(this BusinessCalendarBuilder builder, ICalendarImportResult import)
    {
        Preconditions.CheckNotNull(builder);
        Preconditions.CheckNotNull(import);
        foreach (var holiday in import.Holidays)
        {
            builder.AddHoliday(holiday.Date, holiday.Name);
        }

        foreach (var pause in import.Breaks)
        {
            builder.AddBreak(pause.Start, pause.End, pause.Reason);
        }

        return builder;
    }
}
