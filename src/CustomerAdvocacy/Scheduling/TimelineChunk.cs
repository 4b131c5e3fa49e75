using System;

namespace CustomerAdvocacy.Scheduling;

/// <summary>
/// The open periods of one local calendar year as instants: sorted, merged and with breaks removed, each with the
/// business time that precedes it within the year. Offsets are nanoseconds from <see cref="Start"/>.
/// </summary>
/// <remarks>
/// A chunk covers the instants from the first instant of its year's 1 January to the first instant of the next year's;
/// a period that crosses into the next year is split there, so chunks never overlap and their totals simply add up.
/// </remarks>
internal sealed class TimelineChunk
{
    internal TimelineChunk(
        int year,
        NodaTime.Instant start,
        NodaTime.Instant end,
        long[] starts,
        long[] ends,
        ushort[] businessDaysThrough)
    {
        Year = year;
        Start = start;
        End = end;
        Starts = starts;
        Ends = ends;
        CumulativeBefore = new long[starts.Length];
        CumulativeAfter = new long[starts.Length];
        long total = 0;
        for (var i = 0; i < starts.Length; i++)
        {
            CumulativeBefore[i] = total;
            total += ends[i] - starts[i];
            CumulativeAfter[i] = total;
        }

        Total = total;
        BusinessDaysThrough = businessDaysThrough;
        BusinessDayCount = businessDaysThrough.Length == 0 ? 0 : businessDaysThrough[businessDaysThrough.Length - 1];
    }

    public int Year { get; }

    public NodaTime.Instant Start { get; }

    public NodaTime.Instant End { get; }

    public long[] Starts { get; }

    public long[] Ends { get; }

    /// <summary>Business time in the chunk before period i starts.</summary>
    public long[] CumulativeBefore { get; }

    /// <summary>Business time in the chunk up to the end of period i.</summary>
    public long[] CumulativeAfter { get; }

    public long Total { get; }

    public int Count => Starts.Length;

    /// <summary>For each day of the year (index = day of year - 1), how many business days there are from 1 January through it.</summary>
    public ushort[] BusinessDaysThrough { get; }

    public int BusinessDayCount { get; }

    public long Offset(NodaTime.Instant instant) => (instant - Start).ToInt64Nanoseconds();

    public NodaTime.Instant At(long offset) => Start + NodaTime.Duration.FromNanoseconds(offset);

    /// <summary>The index of the last period starting at or before <paramref name="offset"/>, or -1.</summary>
    public int LastStartingAtOrBefore(long offset)
    {
        var index = Array.BinarySearch(Starts, offset);
        return index >= 0 ? index : ~index - 1;
    }

    /// <summary>Business time in the chunk before <paramref name="offset"/>.</summary>
    public long BusinessTimeBefore(long offset)
    {
        var i = LastStartingAtOrBefore(offset);
        return i < 0 ? 0 : CumulativeBefore[i] + Math.Min(offset, Ends[i]) - Starts[i];
    }

    /// <summary>The earliest offset by which <paramref name="target"/> of business time (0 &lt; target ≤ Total) has elapsed in the chunk.</summary>
    public long OffsetAfterBusinessTime(long target)
    {
        var index = Array.BinarySearch(CumulativeAfter, target);
        var i = index >= 0 ? index : ~index;
        return Starts[i] + (target - CumulativeBefore[i]);
    }

    /// <summary>The latest offset before which exactly <paramref name="target"/> (0 ≤ target &lt; Total) of business time elapses in the chunk.</summary>
    public long OffsetBeforeBusinessTime(long target)
    {
        var index = Array.BinarySearch(CumulativeBefore, target);
        var i = index >= 0 ? index : ~index - 1;
        return Starts[i] + (target - CumulativeBefore[i]);
    }

    /// <summary>The 0-based day of the year of the first business day counted <paramref name="count"/> (≥ 1) from 1 January.</summary>
    public int DayIndexOfBusinessDay(int count)
    {
        int low = 0, high = BusinessDaysThrough.Length - 1;
        while (low < high)
        {
            var mid = (low + high) >> 1;
            if (BusinessDaysThrough[mid] >= count)
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }

        return low;
    }
}
