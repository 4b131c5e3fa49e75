using NodaTime;

namespace CustomerAdvocacy.Scheduling;

/// <summary>
/// A local date-time range <c>[Start, End)</c> cut out of a <see cref="BusinessCalendar"/>'s business time
/// (an all-hands meeting, an office move).
/// </summary>
public sealed class LocalBreak
{
    internal LocalBreak(LocalDateTime start, LocalDateTime end, string? reason)
    {
        Start = start;
        End = end;
        Reason = reason;
    }

    /// <summary>When the break starts, in the calendar's local time.</summary>
    public LocalDateTime Start { get; }

    /// <summary>When the break ends (exclusive), in the calendar's local time.</summary>
    public LocalDateTime End { get; }

    /// <summary>Why business time stops, if given.</summary>
    public string? Reason { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Start:uuuu-MM-dd'T'HH:mm}..{End:uuuu-MM-dd'T'HH:mm}";
}
