using System;
using NodaTime;
using NodaTime.Text;

namespace CustomerAdvocacy.Scheduling;

/// <summary>
/// A stretch of local wall-clock time within a day, <c>[Start, End)</c>, such as 09:00–17:30.
/// An interval whose end is at or before its start crosses midnight and ends on the next day
/// (22:00–06:00); it belongs to the day it starts. An end of <c>24:00</c> means the next local midnight.
/// </summary>
/// <remarks>
/// The interval is nominal local time: how much real time it covers on a given date depends on the
/// zone's offsets that day, which the <see cref="BusinessCalendar"/> resolves.
/// </remarks>
public readonly struct DailyInterval : IEquatable<DailyInterval>
{
    private const long NanosecondsPerDay = 86_400_000_000_000L;
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    private static readonly LocalTimePattern PreciseTimePattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm:ss.FFFFFFFFF");

    private readonly long _startNanoOfDay;
    private readonly long _endNanoOfDay; // in (start, start + 1 day]; past one day means the next day

    private DailyInterval(long startNanoOfDay, long endNanoOfDay)
    {
        _startNanoOfDay = startNanoOfDay;
        _endNanoOfDay = endNanoOfDay;
    }

    /// <summary>The whole day, 00:00–24:00.</summary>
    public static DailyInterval AllDay { get; } = new(0, NanosecondsPerDay);

    /// <summary>
    /// Creates the interval from <paramref name="start"/> to <paramref name="end"/>. An end at or before the start
    /// means the interval crosses midnight; <see cref="LocalTime.Midnight"/> as the end means 24:00.
    /// </summary>
    /// <exception cref="ArgumentException">The start and end are the same time other than midnight: the interval
    /// would be empty. 00:00–00:00 is the whole day, like <see cref="AllDay"/>.</exception>
    public static DailyInterval Create(LocalTime start, LocalTime end)
    {
        if (!TryCreate(start, end, out var interval))
        {
            throw new ArgumentException(
                $"The interval {Format(start)}-{Format(end)} is empty: its start and end are the same time. Use 00:00-24:00 for a whole day.",
                nameof(end));
        }

        return interval;
    }

    /// <summary>
    /// Tries to create the interval from <paramref name="start"/> to <paramref name="end"/> (see <see cref="Create"/>);
    /// returns false when start and end are the same time other than midnight.
    /// </summary>
    public static bool TryCreate(LocalTime start, LocalTime end, out DailyInterval interval)
    {
        var startNanos = start.NanosecondOfDay;
        var endNanos = end.NanosecondOfDay;
        if (endNanos == startNanos)
        {
            // Midnight as an end means 24:00, so 00:00-00:00 is the whole day; any other equal pair is empty.
            interval = startNanos == 0 ? AllDay : default;
            return startNanos == 0;
        }

        interval = new DailyInterval(startNanos, endNanos > startNanos ? endNanos : endNanos + NanosecondsPerDay);
        return true;
    }

    /// <summary>
    /// Parses <c>HH:mm-HH:mm</c> (also with an en dash), for example <c>09:00-17:30</c>, <c>22:00-06:00</c> or
    /// <c>00:00-24:00</c>; seconds and fractions may follow the minutes (<c>09:00:30-17:00</c>), as <see cref="ToString"/>
    /// writes them.
    /// </summary>
    /// <exception cref="FormatException">The text is not an interval in that form, or the interval is empty.</exception>
    public static DailyInterval Parse(string text)
    {
        Preconditions.CheckNotNull(text);
        return TryParse(text, out var interval, out var error)
            ? interval
            : throw new FormatException(error);
    }

    /// <summary>Tries to parse the form <see cref="Parse"/> accepts.</summary>
    public static bool TryParse(string? text, out DailyInterval interval) => TryParse(text, out interval, out _);

    internal static bool TryParse(string? text, out DailyInterval interval, out string error)
    {
        interval = default;
        var parts = text?.Split('-', '–');
        if (parts is not { Length: 2 })
        {
            error = $"'{text}' is not an interval of the form HH:mm-HH:mm.";
            return false;
        }

        if (!TryParseTime(parts[0].Trim(), allowEndOfDay: false, out var start) ||
            !TryParseTime(parts[1].Trim(), allowEndOfDay: true, out var end))
        {
            error = $"'{text}' is not an interval of the form HH:mm-HH:mm (times from 00:00 to 24:00).";
            return false;
        }

        if (end == start && start != 0)
        {
            error = $"The interval '{text}' is empty: its start and end are the same time. Use 00:00-24:00 for a whole day.";
            return false;
        }

        interval = new DailyInterval(start, end > start ? end : end + NanosecondsPerDay); // 00:00-00:00 is the whole day
        error = string.Empty;
        return true;
    }

    private static bool TryParseTime(string text, bool allowEndOfDay, out long nanoOfDay)
    {
        if (allowEndOfDay && text == "24:00")
        {
            nanoOfDay = NanosecondsPerDay;
            return true;
        }

        // ToString writes seconds (and fractions) when a time has them, so parsing accepts them back.
        var result = TimePattern.Parse(text);
        if (!result.Success)
        {
            result = PreciseTimePattern.Parse(text);
        }

        nanoOfDay = result.Success ? result.Value.NanosecondOfDay : 0;
        return result.Success;
    }

    /// <summary>When the interval starts, in local time.</summary>
    public LocalTime Start => LocalTime.FromNanosecondsSinceMidnight(_startNanoOfDay);

    /// <summary>When the interval ends, in local time (<see cref="LocalTime.Midnight"/> for 24:00).</summary>
    public LocalTime End => LocalTime.FromNanosecondsSinceMidnight(_endNanoOfDay % NanosecondsPerDay);

    /// <summary>True when the interval ends on the day after the one it starts (this includes an end of 24:00).</summary>
    public bool EndsNextDay => _endNanoOfDay >= NanosecondsPerDay;

    /// <summary>The nominal length of the interval on a day with no offset change.</summary>
    public Duration NominalLength => Duration.FromNanoseconds(_endNanoOfDay - _startNanoOfDay);

    internal long StartNanoOfDay => _startNanoOfDay;

    internal long EndNanoOfDay => _endNanoOfDay;

    /// <summary>The local start of the interval on <paramref name="date"/>.</summary>
    public LocalDateTime StartOn(LocalDate date) => date + Start;

    /// <summary>The local end of the interval when it starts on <paramref name="date"/> (the next day when it crosses midnight).</summary>
    public LocalDateTime EndOn(LocalDate date) => (EndsNextDay ? date.PlusDays(1) : date) + End;

    /// <summary>True when the two intervals, both starting on the same day, share any time.</summary>
    public bool Overlaps(DailyInterval other)
        => _startNanoOfDay < other._endNanoOfDay && other._startNanoOfDay < _endNanoOfDay;

    /// <inheritdoc />
    public bool Equals(DailyInterval other)
        => _startNanoOfDay == other._startNanoOfDay && _endNanoOfDay == other._endNanoOfDay;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DailyInterval other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (_startNanoOfDay * 31 + _endNanoOfDay).GetHashCode();

    /// <summary>Compares two intervals for equality.</summary>
    public static bool operator ==(DailyInterval left, DailyInterval right) => left.Equals(right);

    /// <summary>Compares two intervals for inequality.</summary>
    public static bool operator !=(DailyInterval left, DailyInterval right) => !left.Equals(right);

    /// <summary>Formats the interval as <c>HH:mm-HH:mm</c>, with <c>24:00</c> for an end at the next midnight.</summary>
    public override string ToString()
        => Format(Start) + "-" + (_endNanoOfDay == NanosecondsPerDay ? "24:00" : Format(End));

    private static string Format(LocalTime time)
        => time.Second == 0 && time.NanosecondOfSecond == 0
            ? TimePattern.Format(time)
            : PreciseTimePattern.Format(time);
}
