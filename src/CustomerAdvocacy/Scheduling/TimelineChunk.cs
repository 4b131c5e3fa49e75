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
    private const long NanosecondsPerBucket = 86_400_000_000_000L;

    private readonly int[] _periodsBeforeBucket;

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

        // For each day-long bucket of offsets, how many periods start before it: a lookup then needs one division and
        // a step or two instead of a binary search whose unpredictable branches cost more than everything else in
        // IsOpen.
        var length = (end - start).ToInt64Nanoseconds();
        _periodsBeforeBucket = new int[(length / NanosecondsPerBucket) + 2];
        var next = 0;
        for (var b = 0; b < _periodsBeforeBucket.Length; b++)
        {
            var bucketStart = b * NanosecondsPerBucket;
            while (next < starts.Length && starts[next] < bucketStart)
            {
                next++;
            }

            _periodsBeforeBucket[b] = next;
        }

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
        var bucket = offset / NanosecondsPerBucket;
        if (offset < 0 || bucket + 1 >= _periodsBeforeBucket.Length)
        {
            return CountAtOrBelow(Starts, offset) - 1;
        }

        var i = _periodsBeforeBucket[bucket];
        var next = _periodsBeforeBucket[bucket + 1];
        while (i < next && Starts[i] <= offset)
        {
            i++;
        }

        return i - 1;
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
        // The first period whose running total reaches the target.
        var i = CountBelow(CumulativeAfter, target);
        return Starts[i] + (target - CumulativeBefore[i]);
    }

    /// <summary>The latest offset before which exactly <paramref name="target"/> (0 ≤ target &lt; Total) of business time elapses in the chunk.</summary>
    public long OffsetBeforeBusinessTime(long target)
    {
        // The last period with at most the target before it.
        var i = CountAtOrBelow(CumulativeBefore, target) - 1;
        return Starts[i] + (target - CumulativeBefore[i]);
    }

    /// <summary>How many of the sorted <paramref name="values"/> are at or below <paramref name="value"/>.</summary>
    /// <remarks>Hand-written rather than <see cref="Array.BinarySearch{T}(T[], T)"/>: these searches are most of the
    /// cost of a query, and the generic search neither inlines its comparisons nor needs to find an exact match.</remarks>
    private static int CountAtOrBelow(long[] values, long value)
    {
        int low = 0, high = values.Length;
        while (low < high)
        {
            var mid = (int)((uint)(low + high) >> 1);
            if (values[mid] <= value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>How many of the sorted <paramref name="values"/> are strictly below <paramref name="value"/>.</summary>
    private static int CountBelow(long[] values, long value)
    {
        int low = 0, high = values.Length;
        while (low < high)
        {
            var mid = (int)((uint)(low + high) >> 1);
            if (values[mid] < value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
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
