using NodaTime;

namespace CustomerAdvocacy.ICalendar;

/// <summary>A holiday read from an iCalendar file: one local date, with the event's summary as its name.</summary>
/// <param name="Date">The closed local date.</param>
/// <param name="Name">The summary of the event, or the summaries of every event on that date joined with " / "; null
/// when none had one.</param>
public readonly record struct ImportedHoliday(LocalDate Date, string? Name);
