using System.Collections.Generic;
using CustomerAdvocacy.Scheduling;

namespace CustomerAdvocacy.Hosting;

/// <summary>
/// Finds a customer's business calendar, in which the due instants of their incidents are computed. The default
/// gives every customer the options' default calendar; register your own implementation to look customers up.
/// </summary>
public interface ICustomerCalendars
{
    /// <summary>The customer's business calendar.</summary>
    /// <param name="customerId">The customer (opaque host identifier).</param>
    /// <returns>The calendar.</returns>
    BusinessCalendar CalendarOf(string customerId);
}

/// <summary>The calendars added to the options, by id, with the default calendar for every customer.</summary>
public sealed class ConfiguredCalendars : ICustomerCalendars
{
    private readonly IReadOnlyDictionary<string, BusinessCalendar> _calendars;
    private readonly BusinessCalendar _default;

    /// <summary>Creates the registry.</summary>
    /// <param name="calendars">The calendars by id.</param>
    /// <param name="defaultCalendarId">The id of the calendar every customer gets; it must be among <paramref name="calendars"/>.</param>
    /// <exception cref="KeyNotFoundException">The default calendar is not among the calendars.</exception>
    public ConfiguredCalendars(IReadOnlyDictionary<string, BusinessCalendar> calendars, string defaultCalendarId)
    {
        _calendars = Preconditions.CheckNotNull(calendars);
        _default = calendars.TryGetValue(Preconditions.CheckNotNull(defaultCalendarId), out var calendar)
            ? calendar
            : throw new KeyNotFoundException($"No calendar '{defaultCalendarId}' is configured.");
    }

    /// <summary>The calendar with an id.</summary>
    /// <param name="calendarId">The id.</param>
    /// <param name="calendar">The calendar, when there is one.</param>
    /// <returns><see langword="true"/> when configured.</returns>
    public bool TryGet(string calendarId, out BusinessCalendar calendar)
        => _calendars.TryGetValue(Preconditions.CheckNotNull(calendarId), out calendar!);

    /// <inheritdoc />
    public BusinessCalendar CalendarOf(string customerId) => _default;
}
