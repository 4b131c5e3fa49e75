using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.Serialization;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Evaluation;
using NodaTime;
using NodaTime.Extensions;
using IcalPeriod = Ical.Net.DataTypes.Period;

namespace CustomerAdvocacy.ICalendar;

/// <summary>
/// Reads holidays (and, if asked, breaks) for a business calendar from iCalendar (RFC 5545, <c>.ics</c>) text through
/// Ical.Net: a public holiday feed, a company's shutdown calendar.
/// </summary>
/// <remarks>
/// <para>
/// Every <c>VEVENT</c> in every <c>VCALENDAR</c> of the text is expanded within the requested range with Ical.Net's
/// occurrence API, so <c>RRULE</c>, <c>RDATE</c>, <c>EXDATE</c> and <c>RECURRENCE-ID</c> overrides are honoured.
/// Cancelled events (<c>STATUS:CANCELLED</c>) are skipped.
/// </para>
/// <list type="bullet">
/// <item>An all-day event (a <c>DATE</c> start) closes every date it covers: <c>DTSTART;VALUE=DATE:20261225</c> with
/// <c>DTEND;VALUE=DATE:20261227</c> gives the 25th and the 26th (the end date is exclusive; no end means one day).</item>
/// <item>A timed event becomes a break when <see cref="ICalendarImportOptions.TimedEventsAsBreaks"/> is given, and is
/// skipped otherwise.</item>
/// </list>
/// <para>
/// Only dates inside the range are returned, and breaks are clipped to it. Several events on one date give one holiday
/// (their names joined): duplicates inside one import are not an error. A date that the builder already has as a
/// holiday is still reported by <see cref="Scheduling.BusinessCalendarBuilder.Build"/>, as for any duplicate.
/// </para>
/// </remarks>
public static class ICalendarImport
{
    // Floating and zoned times compare through offsets Ical.Net picks; a margin wider than any offset keeps every
    // occurrence that may touch the range, and the exact filter is applied once times are local.
    private const int MarginDays = 2;

    /// <summary>Reads the iCalendar text <paramref name="icsText"/> for the dates in <paramref name="range"/>.</summary>
    /// <param name="icsText">The content of an <c>.ics</c> file.</param>
    /// <param name="range">The local dates to import (both ends included); recurring events are expanded only in it.</param>
    /// <param name="options">What to import, for example <see cref="ICalendarImportOptions.HolidaysOnly"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ICalendarFormatException">The text cannot be read as iCalendar.</exception>
    public static ICalendarImportResult Read(string icsText, DateInterval range, ICalendarImportOptions options)
    {
        Preconditions.CheckNotNull(icsText);
        using var reader = new StringReader(icsText);
        return Read(reader, range, options, nameof(icsText));
    }

    /// <summary>Reads iCalendar text from <paramref name="reader"/>, to its end, for the dates in <paramref name="range"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ICalendarFormatException">The text cannot be read as iCalendar.</exception>
    /// <inheritdoc cref="Read(string, DateInterval, ICalendarImportOptions)" path="/param"/>
    public static ICalendarImportResult Read(TextReader reader, DateInterval range, ICalendarImportOptions options)
    {
        Preconditions.CheckNotNull(reader);
        return Read(reader, range, options, nameof(reader));
    }

    /// <summary>Reads UTF-8 iCalendar text from <paramref name="utf8Ics"/>, to its end, for the dates in
    /// <paramref name="range"/>; the stream is not closed.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ICalendarFormatException">The text cannot be read as iCalendar.</exception>
    /// <inheritdoc cref="Read(string, DateInterval, ICalendarImportOptions)" path="/param"/>
    public static ICalendarImportResult Read(Stream utf8Ics, DateInterval range, ICalendarImportOptions options)
    {
        Preconditions.CheckNotNull(utf8Ics);
        using var reader = new StreamReader(utf8Ics, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 4096, leaveOpen: true);
        return Read(reader, range, options, nameof(utf8Ics));
    }

    private static ICalendarImportResult Read(TextReader reader, DateInterval range, ICalendarImportOptions options, string paramName)
    {
        Preconditions.CheckNotNull(range);
        Preconditions.CheckNotNull(options);

        CalendarCollection calendars;
        try
        {
            calendars = CalendarCollection.Load(reader);
        }
        catch (Exception error) when (error is SerializationException or ArgumentException or FormatException or OverflowException)
        {
            // Ical.Net reports a malformed line as SerializationException, and a value it cannot accept (BYMONTH=13,
            // FREQ=SOMETIMES) as ArgumentException while it parses.
            throw new ICalendarFormatException("The text is not valid iCalendar: " + error.Message, paramName, error);
        }

        if (calendars.Count == 0)
        {
            throw new ICalendarFormatException("The text contains no VCALENDAR.", paramName);
        }

        var holidays = new SortedDictionary<LocalDate, List<string>>();
        var breaks = new List<ImportedBreak>();
        foreach (var calendar in calendars)
        {
            ReadCalendar(calendar, range, options, holidays, breaks, paramName);
        }

        return new ICalendarImportResult(
            holidays.Select(pair => new ImportedHoliday(pair.Key, pair.Value.Count == 0 ? null : string.Join(" / ", pair.Value))).ToArray(),
            breaks.OrderBy(b => b.Start).ThenBy(b => b.End).ToArray());
    }

    private static void ReadCalendar(
        Calendar calendar,
        DateInterval range,
        ICalendarImportOptions options,
        SortedDictionary<LocalDate, List<string>> holidays,
        List<ImportedBreak> breaks,
        string paramName)
    {
        // An event with a RECURRENCE-ID replaces one occurrence of the event with its UID (RFC 5545, 3.8.4.4).
        var replaced = new HashSet<(string Uid, DateTime Start)>(
            calendar.Events
                .Where(e => e.RecurrenceIdentifier is { Range: RecurrenceRange.ThisInstance } && e.Uid is not null)
                .Select(e => (e.Uid!, e.RecurrenceIdentifier!.StartTime.Value)));

        var from = new CalDateTime(range.Start.PlusDays(-MarginDays).ToDateOnly());
        var until = new CalDateTime(range.End.PlusDays(MarginDays + 1).ToDateOnly());
        foreach (var calendarEvent in calendar.Events)
        {
            if (calendarEvent.DtStart is null)
            {
                throw new ICalendarFormatException($"The event {Describe(calendarEvent)} has no start (DTSTART).", paramName);
            }

            if (!calendarEvent.IsActive || (!calendarEvent.IsAllDay && options.BreakZone is null))
            {
                continue;
            }

            List<Occurrence> occurrences;
            try
            {
                occurrences = calendarEvent.GetOccurrences(from).TakeWhileBefore(until).ToList();
            }
            catch (Exception error) when (error is EvaluationException or ArgumentException or InvalidOperationException or OverflowException)
            {
                throw new ICalendarFormatException($"The occurrences of the event {Describe(calendarEvent)} cannot be computed: {error.Message}", paramName, error);
            }

            foreach (var occurrence in occurrences)
            {
                var isOverridden = calendarEvent.RecurrenceIdentifier is null
                    && calendarEvent.Uid is not null
                    && replaced.Contains((calendarEvent.Uid, occurrence.Period.StartTime.Value));
                if (isOverridden)
                {
                    continue;
                }

                if (calendarEvent.IsAllDay)
                {
                    AddDates(occurrence.Period, calendarEvent.Summary, range, holidays);
                }
                else
                {
                    AddBreak(occurrence.Period, calendarEvent.Summary, range, options.BreakZone!, breaks);
                }
            }
        }
    }

    private static void AddDates(IcalPeriod period, string? summary, DateInterval range, SortedDictionary<LocalDate, List<string>> holidays)
    {
        var first = period.StartTime.Date.ToLocalDate();
        var endExclusive = period.EffectiveEndTime?.Date.ToLocalDate() is { } end && end > first ? end : first.PlusDays(1);
        var name = string.IsNullOrWhiteSpace(summary) ? null : summary!.Trim();
        for (var date = first; date < endExclusive; date = date.PlusDays(1))
        {
            if (!range.Contains(date))
            {
                continue;
            }

            if (!holidays.TryGetValue(date, out var names))
            {
                holidays.Add(date, names = []);
            }

            if (name is not null && !names.Contains(name, StringComparer.Ordinal))
            {
                names.Add(name);
            }
        }
    }

    private static void AddBreak(IcalPeriod period, string? summary, DateInterval range, DateTimeZone zone, List<ImportedBreak> breaks)
    {
        var start = ToLocal(period.StartTime, zone);
        var end = period.EffectiveEndTime is { } endTime ? ToLocal(endTime, zone) : start;
        var rangeStart = range.Start.AtMidnight();
        var rangeEnd = range.End.PlusDays(1).AtMidnight();
        if (start < rangeStart)
        {
            start = rangeStart;
        }

        if (end > rangeEnd)
        {
            end = rangeEnd;
        }

        // A timed event without length (a reminder) cuts no time out.
        if (start < end)
        {
            breaks.Add(new ImportedBreak(start, end, string.IsNullOrWhiteSpace(summary) ? null : summary!.Trim()));
        }
    }

    private static LocalDateTime ToLocal(CalDateTime time, DateTimeZone zone)
    {
        if (time.IsFloating)
        {
            return time.Value.ToLocalDateTime();
        }

        // AsUtc resolves the event's TZID (IANA, Windows or the file's own VTIMEZONE) the way Ical.Net does.
        return Instant.FromDateTimeUtc(time.AsUtc).InZone(zone).LocalDateTime;
    }

    private static string Describe(CalendarEvent calendarEvent)
        => calendarEvent.Summary is { Length: > 0 } summary ? $"'{summary}'" : $"with UID '{calendarEvent.Uid}'";
}
