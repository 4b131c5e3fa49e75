using System;

namespace CustomerAdvocacy.ICalendar;

/// <summary>
/// Thrown when the iCalendar text given to <see cref="ICalendarImport"/> cannot be read: it is not iCalendar, has no
/// <c>VCALENDAR</c>, has an event without a start, or a recurrence that cannot be expanded.
/// <see cref="ArgumentException.ParamName"/> names the argument that held the text.
/// </summary>
public sealed class ICalendarFormatException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong with the text.</param>
    /// <param name="paramName">The argument that held the text.</param>
    /// <param name="innerException">The error Ical.Net reported, if any.</param>
    public ICalendarFormatException(string message, string? paramName, Exception? innerException = null)
        : base(message, paramName, innerException)
    {
    }
}
