using NodaTime;

namespace CustomerAdvocacy.ICalendar;

/// <summary>A break read from a timed iCalendar event, in the local time of the business calendar's zone.</summary>
/// <param name="Start">When the event starts, local time.</param>
/// <param name="End">When the event ends (exclusive), local time.</param>
/// <param name="Reason">The summary of the event, if it has one.</param>
public readonly record struct ImportedBreak(LocalDateTime Start, LocalDateTime End, string? Reason);
