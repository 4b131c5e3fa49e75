using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Threading;
using NodaTime;
using NodaTime.TimeZones;

namespace CustomerAdvocacy.Scheduling;

/// <summary>
/// When a party (a customer, a team, an owner) is open for business, in its own IANA time zone: weekly hours,
/// holidays, date-specific hours and breaks. Answers business-time arithmetic on <see cref="Instant"/>s.
/// </summary>
/// <remarks>
/// <para>
/// Open periods are half-open local intervals <c>[start, end)</c> mapped to instants with the zone's real offsets.
/// Business time is real elapsed time inside them, so a daylight-saving transition never creates or loses business
/// time: a local boundary that falls in a gap moves forward by the length of the gap, one that falls in an overlap
/// takes the earlier instant. Touching periods form one continuous stretch.
/// </para>
/// <para>
/// A calendar is immutable and thread-safe; build one with <see cref="BusinessCalendarBuilder"/> and share it.
/// It materializes its open periods lazily, one local year at a time, as a sorted timeline with running totals, so
/// queries are binary searches that allocate nothing once the years they touch have been built.
/// </para>
/// </remarks>
public sealed class BusinessCalendar
{
    private const int MinimumYear = 1;
    private const int MaximumYear = 9998;
    private const long TicksPerAverageYear = 315_569_520_000_000L; // 365.2425 days
    private const int UnixEpochYear = 1970;

    private static readonly IReadOnlyList<DailyInterval> NoHours = Array.Empty<DailyInterval>();
    private static readonly Duration MaximumOffset = Duration.FromSeconds(Offset.MaxValue.Seconds);

    private readonly IReadOnlyList<DailyInterval>[] _weekly;
    private readonly Dictionary<LocalDate, string?> _holidays;
    private readonly Dictionary<LocalDate, IReadOnlyList<DailyInterval>> _shifts;
    private readonly LocalBreak[] _breaks;
    private readonly Instant[] _breakStarts;
    private readonly Instant[] _breakEnds;
    private readonly int _firstYearWithOpenTime;
    private readonly int _lastYearWithOpenTime;
    private readonly TimelineChunk?[]?[] _centuries = new TimelineChunk?[]?[(MaximumYear / 100) + 1];

    internal BusinessCalendar(
        string? name,
        DateTimeZone zone,
        IReadOnlyList<DailyInterval>[] weekly,
        Dictionary<LocalDate, string?> holidays,
        Dictionary<LocalDate, IReadOnlyList<DailyInterval>> shifts,
        LocalBreak[] breaks,
        bool aroundTheClock = false)
    {
        Name = name;
        Zone = zone;
        IsAroundTheClock = aroundTheClock;
        _weekly = weekly;
        _holidays = holidays;
        _shifts = shifts;
        _breaks = breaks;
        Holidays = new ReadOnlyDictionary<LocalDate, string?>(holidays);
        Shifts = new ReadOnlyDictionary<LocalDate, IReadOnlyList<DailyInterval>>(shifts);
        Breaks = Array.AsReadOnly(breaks);

        var mapped = breaks
            .Select(b => (Start: ResolveLocal(b.Start), End: ResolveLocal(b.End)))
            .Where(b => b.Start < b.End)
            .OrderBy(b => b.Start)
            .ToList();
        var merged = new List<(Instant Start, Instant End)>();
        foreach (var b in mapped)
        {
            if (merged.Count > 0 && b.Start <= merged[merged.Count - 1].End)
            {
                var last = merged[merged.Count - 1];
                merged[merged.Count - 1] = (last.Start, b.End > last.End ? b.End : last.End);
            }
            else
            {
                merged.Add(b);
            }
        }

        _breakStarts = merged.Select(b => b.Start).ToArray();
        _breakEnds = merged.Select(b => b.End).ToArray();

        // With no weekly hours, only the date-specific hours are open: outside their years there is nothing to find,
        // and searches stop there instead of walking to the end of time.
        if (weekly.Any(day => day.Count > 0))
        {
            _firstYearWithOpenTime = MinimumYear;
            _lastYearWithOpenTime = MaximumYear;
        }
        else
        {
            _firstYearWithOpenTime = Math.Max(MinimumYear, shifts.Keys.Min().Year);
            _lastYearWithOpenTime = Math.Min(MaximumYear, shifts.Keys.Max().PlusDays(2).Year);
        }
    }

    // The bounds of SupportedInterval as plain fields: every query checks them, and Interval.Start/End check for
    // infinite bounds first.
    private static readonly Instant EarliestSupported = Instant.FromUtc(MinimumYear + 1, 1, 1, 0, 0);
    private static readonly Instant LatestSupported = Instant.FromUtc(MaximumYear - 1, 12, 31, 0, 0);

    /// <summary>The earliest and latest instants the calendar computes with; others are rejected.</summary>
    public static Interval SupportedInterval { get; } = new(EarliestSupported, LatestSupported);

    /// <summary>A calendar open around the clock (24x7) in UTC: business time is plain elapsed time.</summary>
    public static BusinessCalendar AroundTheClockUtc { get; } = AroundTheClock(DateTimeZone.Utc);

    /// <summary>
    /// A calendar open around the clock (24x7) in <paramref name="zone"/>, for policies measured in elapsed time.
    /// The zone still matters to <see cref="AddBusinessDays"/>, which keeps the local time of day.
    /// </summary>
    /// <param name="zone">The zone whose local time of day <see cref="AddBusinessDays"/> keeps.</param>
    /// <param name="name">The calendar's name, for example the policy or party it belongs to.</param>
    public static BusinessCalendar AroundTheClock(DateTimeZone zone, string? name = null)
    {
        Preconditions.CheckNotNull(zone);
        var weekly = Enumerable.Range(0, 7).Select(_ => (IReadOnlyList<DailyInterval>)new[] { DailyInterval.AllDay }).ToArray();
        return new BusinessCalendar(name, zone, weekly, [], [], [], aroundTheClock: true);
    }

    /// <summary>The calendar's name, if it was given one.</summary>
    public string? Name { get; }

    /// <summary>The time zone the calendar's local times are in.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>True for a calendar open around the clock, every day (<see cref="AroundTheClock"/>).</summary>
    public bool IsAroundTheClock { get; }

    /// <summary>Holidays by local date, with their names where given.</summary>
    public IReadOnlyDictionary<LocalDate, string?> Holidays { get; }

    /// <summary>Date-specific hours, replacing the weekly hours of their local date.</summary>
    public IReadOnlyDictionary<LocalDate, IReadOnlyList<DailyInterval>> Shifts { get; }

    /// <summary>Local date-time ranges cut out of business time.</summary>
    public IReadOnlyList<LocalBreak> Breaks { get; }

    /// <summary>The weekly hours of <paramref name="day"/>, sorted by start.</summary>
    public IReadOnlyList<DailyInterval> GetWeeklyHours(IsoDayOfWeek day)
    {
        if (day is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, "Not a day of the week.");
        }

        return _weekly[(int)day - 1];
    }

    /// <summary>The hours that start on <paramref name="date"/>: none on a holiday, the date's own hours if it has
    /// any, else its weekday's hours.</summary>
    public IReadOnlyList<DailyInterval> GetHoursOn(LocalDate date)
    {
        if (_holidays.ContainsKey(date))
        {
            return NoHours;
        }

        return _shifts.TryGetValue(date, out var shift) ? shift : _weekly[(int)date.DayOfWeek - 1];
    }

    /// <summary>True when <paramref name="date"/> is a business day: not a holiday, and some open hours start on it.</summary>
    public bool IsBusinessDay(LocalDate date) => GetHoursOn(date).Count > 0;

    /// <summary>True when the calendar is open at <paramref name="instant"/>: some period has start ≤ instant &lt; end.</summary>
    public bool IsOpen(Instant instant)
    {
        CheckSupported(instant);
        if (IsAroundTheClock)
        {
            return true;
        }

        var chunk = ChunkContaining(instant);
        var offset = chunk.Offset(instant);
        var i = chunk.LastStartingAtOrBefore(offset);
        return i >= 0 && offset < chunk.Ends[i];
    }

    /// <summary>
    /// The first instant at or after <paramref name="instant"/> at which the calendar is open:
    /// <paramref name="instant"/> itself when open, else the start of the next period.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The instant is outside <see cref="SupportedInterval"/>, or the
    /// calendar has no open time after it.</exception>
    public Instant GetNextOpening(Instant instant)
    {
        CheckSupported(instant);
        if (IsAroundTheClock)
        {
            return instant;
        }

        var chunk = ChunkContaining(instant);
        var offset = chunk.Offset(instant);
        var i = chunk.LastStartingAtOrBefore(offset);
        if (i >= 0 && offset < chunk.Ends[i])
        {
            return instant;
        }

        if (i + 1 < chunk.Count)
        {
            return chunk.At(chunk.Starts[i + 1]);
        }

        do
        {
            chunk = NextChunk(chunk, nameof(instant), "The calendar has no open time after this instant.");
        }
        while (chunk.Count == 0);
        return chunk.At(chunk.Starts[0]);
    }

    /// <summary>
    /// The last instant at or before <paramref name="instant"/> at which an open period ends:
    /// <paramref name="instant"/> itself when it lies within a period or at its end, else the end of the previous period.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The instant is outside <see cref="SupportedInterval"/>, or the
    /// calendar has no open time before it.</exception>
    public Instant GetPreviousClosing(Instant instant)
    {
        CheckSupported(instant);
        if (IsAroundTheClock)
        {
            return instant;
        }

        var chunk = ChunkContaining(instant);
        var offset = chunk.Offset(instant);
        var i = chunk.LastStartingAtOrBefore(offset);
        if (i >= 0)
        {
            return offset <= chunk.Ends[i] ? instant : chunk.At(chunk.Ends[i]);
        }

        do
        {
            chunk = PreviousChunk(chunk, nameof(instant), "The calendar has no open time before this instant.");
        }
        while (chunk.Count == 0);
        return chunk.At(chunk.Ends[chunk.Count - 1]);
    }

    /// <summary>
    /// The instant at which <paramref name="businessTime"/> of business time, counted from <paramref name="start"/>,
    /// completes: the earliest instant x with <c>BusinessTimeBetween(start, x) == businessTime</c>. When the time runs
    /// out exactly at the end of a period, that end is the answer (not the next opening). Adding zero gives the first
    /// open instant at or after <paramref name="start"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="businessTime"/> is negative, <paramref name="start"/>
    /// is outside <see cref="SupportedInterval"/>, or the calendar does not have that much business time after it.</exception>
    public Instant Add(Instant start, Duration businessTime)
    {
        CheckSupported(start);
        Preconditions.CheckNonNegative(businessTime);
        if (businessTime == Duration.Zero)
        {
            return GetNextOpening(start);
        }

        if (IsAroundTheClock)
        {
            var end = start + businessTime;
            return SupportedInterval.Contains(end) || end == SupportedInterval.End
                ? end
                : throw new ArgumentOutOfRangeException(nameof(businessTime), businessTime, "The result is past the calendar's supported range.");
        }

        var chunk = ChunkContaining(start);
        var before = chunk.BusinessTimeBefore(chunk.Offset(start));
        var remaining = businessTime;
        while (true)
        {
            var available = chunk.Total - before;
            if (remaining <= Duration.FromNanoseconds(available))
            {
                return chunk.At(chunk.OffsetAfterBusinessTime(before + remaining.ToInt64Nanoseconds()));
            }

            remaining -= Duration.FromNanoseconds(available);
            chunk = NextChunk(chunk, nameof(businessTime), "The calendar does not have that much business time after the start.");
            before = 0;
        }
    }

    /// <summary>
    /// The inverse of <see cref="Add"/>: the latest instant x with <c>BusinessTimeBetween(x, end) == businessTime</c>
    /// (a period's start when the time fits exactly). Subtracting zero gives <see cref="GetPreviousClosing"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="businessTime"/> is negative, <paramref name="end"/>
    /// is outside <see cref="SupportedInterval"/>, or the calendar does not have that much business time before it.</exception>
    public Instant Subtract(Instant end, Duration businessTime)
    {
        CheckSupported(end);
        Preconditions.CheckNonNegative(businessTime);
        if (businessTime == Duration.Zero)
        {
            return GetPreviousClosing(end);
        }

        if (IsAroundTheClock)
        {
            var start = end - businessTime;
            return SupportedInterval.Contains(start)
                ? start
                : throw new ArgumentOutOfRangeException(nameof(businessTime), businessTime, "The result is before the calendar's supported range.");
        }

        var chunk = ChunkContaining(end);
        var before = chunk.BusinessTimeBefore(chunk.Offset(end));
        var remaining = businessTime;
        while (true)
        {
            if (remaining <= Duration.FromNanoseconds(before))
            {
                return chunk.At(chunk.OffsetBeforeBusinessTime(before - remaining.ToInt64Nanoseconds()));
            }

            remaining -= Duration.FromNanoseconds(before);
            chunk = PreviousChunk(chunk, nameof(businessTime), "The calendar does not have that much business time before the end.");
            before = chunk.Total;
        }
    }

    /// <summary>The business time inside [<paramref name="start"/>, <paramref name="end"/>].</summary>
    /// <exception cref="ArgumentException"><paramref name="end"/> is before <paramref name="start"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An instant is outside <see cref="SupportedInterval"/>.</exception>
    public Duration BusinessTimeBetween(Instant start, Instant end)
    {
        CheckSupported(start);
        CheckSupported(end);
        Preconditions.CheckOrdered(start, end);
        if (IsAroundTheClock)
        {
            return end - start;
        }

        var first = ChunkContaining(start);
        var last = ChunkContaining(end);
        var startBefore = first.BusinessTimeBefore(first.Offset(start));
        var endBefore = last.BusinessTimeBefore(last.Offset(end));
        if (ReferenceEquals(first, last))
        {
            return Duration.FromNanoseconds(endBefore - startBefore);
        }

        var total = Duration.FromNanoseconds(first.Total - startBefore) + Duration.FromNanoseconds(endBefore);
        for (var year = first.Year + 1; year < last.Year; year++)
        {
            total += Duration.FromNanoseconds(GetChunk(year).Total);
        }

        return total;
    }

    /// <summary>
    /// Adds whole business days: the result is the same local time of day on the <paramref name="days"/>-th business day
    /// after <paramref name="start"/>'s local date, moved to the next opening if the calendar is closed then. A business
    /// day is a local date that is not a holiday and on which some open hours start (see <see cref="IsBusinessDay"/>).
    /// Adding zero days gives <see cref="GetNextOpening"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative, <paramref name="start"/> is outside
    /// <see cref="SupportedInterval"/>, or the calendar has too few business days after it.</exception>
    public Instant AddBusinessDays(Instant start, int days)
    {
        CheckSupported(start);
        Preconditions.CheckNonNegative(days);
        if (days == 0)
        {
            return GetNextOpening(start);
        }

        var local = start.InZone(Zone).LocalDateTime;
        var chunk = GetChunk(local.Year);
        var target = chunk.BusinessDaysThrough[local.DayOfYear - 1] + days;
        while (target > chunk.BusinessDayCount)
        {
            target -= chunk.BusinessDayCount;
            chunk = NextChunk(chunk, nameof(days), "The calendar has too few business days after the start.");
        }

        var date = new LocalDate(chunk.Year, 1, 1).PlusDays(chunk.DayIndexOfBusinessDay(target));
        var candidate = ResolveLocal(date + local.TimeOfDay);
        return GetNextOpening(candidate);
    }

    /// <summary>
    /// The open periods that intersect <paramref name="range"/>, clipped to it, in order. Touching periods are
    /// returned as one.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is not within <see cref="SupportedInterval"/>.</exception>
    public IEnumerable<Interval> GetOpenPeriods(Interval range)
    {
        CheckSupported(range.Start, nameof(range));
        CheckSupported(range.End, nameof(range));
        return Enumerate(range);

        IEnumerable<Interval> Enumerate(Interval range)
        {
            if (IsAroundTheClock)
            {
                if (range.Start < range.End)
                {
                    yield return range;
                }

                yield break;
            }

            Instant? pendingStart = null;
            var pendingEnd = range.Start;
            var chunk = ChunkContaining(range.Start);
            while (true)
            {
                var from = chunk.Offset(range.Start > chunk.Start ? range.Start : chunk.Start);
                var to = range.End < chunk.End ? chunk.Offset(range.End) : chunk.Offset(chunk.End);
                for (var i = Math.Max(0, chunk.LastStartingAtOrBefore(from)); i < chunk.Count && chunk.Starts[i] < to; i++)
                {
                    var start = chunk.At(Math.Max(chunk.Starts[i], from));
                    var end = chunk.At(Math.Min(chunk.Ends[i], to));
                    if (start >= end)
                    {
                        continue;
                    }

                    if (pendingStart is { } open && start == pendingEnd)
                    {
                        pendingEnd = end;
                        continue;
                    }

                    if (pendingStart is { } done)
                    {
                        yield return new Interval(done, pendingEnd);
                    }

                    pendingStart = start;
                    pendingEnd = end;
                }

                if (range.End <= chunk.End || chunk.Year >= _lastYearWithOpenTime)
                {
                    break;
                }

                chunk = GetChunk(chunk.Year + 1);
            }

            if (pendingStart is { } last)
            {
                yield return new Interval(last, pendingEnd);
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name ?? (IsAroundTheClock ? "around the clock" : "business calendar")} ({Zone.Id})";

    /// <summary>
    /// Maps a local date-time to an instant exactly as <see cref="Resolvers.LenientResolver"/> does (a time in a gap
    /// moves forward by the gap, an ambiguous time takes the earlier instant), without allocating the
    /// <see cref="ZoneLocalMapping"/> that <see cref="DateTimeZone.ResolveLocal(LocalDateTime, ZoneLocalMappingResolver)"/>
    /// creates on every call: <see cref="AddBusinessDays"/> resolves one local time per call and must not allocate.
    /// </summary>
    internal Instant ResolveLocal(LocalDateTime local)
    {
        // Reading the local time with each offset in force around it gives one candidate per zone interval; walking
        // the intervals forward from the earliest that can hold it, the first candidate inside its own interval is the
        // earliest valid instant. A candidate before its interval's start means the local time fell into the gap after
        // the previous interval, and the lenient answer reads it with that previous interval's offset.
        var interval = Zone.GetZoneInterval(local.InUtc().ToInstant() - MaximumOffset);
        ZoneInterval? previous = null;
        while (true)
        {
            var candidate = local.WithOffset(interval.WallOffset).ToInstant();
            if (previous is not null && candidate < interval.Start)
            {
                return local.WithOffset(previous.WallOffset).ToInstant();
            }

            if (!interval.HasEnd || candidate < interval.End)
            {
                return candidate;
            }

            previous = interval;
            interval = Zone.GetZoneInterval(interval.End);
        }
    }

    private static void CheckSupported(Instant instant, string paramName = "instant")
    {
        if (instant < EarliestSupported || instant > LatestSupported)
        {
            throw new ArgumentOutOfRangeException(paramName, instant, $"The instant is outside the supported range {SupportedInterval}.");
        }
    }

    private TimelineChunk ChunkContaining(Instant instant)
    {
        var ticks = instant.ToUnixTimeTicks();
        var yearsSinceEpoch = ticks >= 0 ? ticks / TicksPerAverageYear : ((ticks + 1) / TicksPerAverageYear) - 1;
        var chunk = GetChunk((int)(UnixEpochYear + yearsSinceEpoch));
        while (instant < chunk.Start)
        {
            chunk = GetChunk(chunk.Year - 1);
        }

        while (instant >= chunk.End)
        {
            chunk = GetChunk(chunk.Year + 1);
        }

        return chunk;
    }

    private TimelineChunk NextChunk(TimelineChunk chunk, string paramName, string message)
        => chunk.Year < _lastYearWithOpenTime
            ? GetChunk(chunk.Year + 1)
            : throw new ArgumentOutOfRangeException(paramName, message);

    private TimelineChunk PreviousChunk(TimelineChunk chunk, string paramName, string message)
        => chunk.Year > _firstYearWithOpenTime
            ? GetChunk(chunk.Year - 1)
            : throw new ArgumentOutOfRangeException(paramName, message);

    private TimelineChunk GetChunk(int year)
    {
        var centuryIndex = year / 100;
        var century = Volatile.Read(ref _centuries[centuryIndex]);
        if (century is null)
        {
            Interlocked.CompareExchange(ref _centuries[centuryIndex], new TimelineChunk?[100], null);
            century = Volatile.Read(ref _centuries[centuryIndex])!;
        }

        var chunk = Volatile.Read(ref century[year % 100]);
        if (chunk is null)
        {
            // Two threads may build the same year at once; both results are equal and the first one published wins.
            var built = BuildChunk(year);
            chunk = Interlocked.CompareExchange(ref century[year % 100], built, null) ?? built;
        }

        return chunk;
    }

    private TimelineChunk BuildChunk(int year)
    {
        var chunkStart = ResolveLocal(new LocalDateTime(year, 1, 1, 0, 0));
        var chunkEnd = ResolveLocal(new LocalDateTime(year + 1, 1, 1, 0, 0));
        var periods = new List<(Instant Start, Instant End)>();

        // Two days of the previous year are included: their overnight hours, or hours pushed forward by a skipped
        // day, can run into this year.
        var lastDate = new LocalDate(year, 12, 31);
        for (var date = new LocalDate(year - 1, 12, 30); date <= lastDate; date = date.PlusDays(1))
        {
            var midnight = date.AtMidnight();
            foreach (var hours in GetHoursOn(date))
            {
                var start = ResolveLocal(midnight.PlusNanoseconds(hours.StartNanoOfDay));
                var end = ResolveLocal(midnight.PlusNanoseconds(hours.EndNanoOfDay));
                start = start < chunkStart ? chunkStart : start;
                end = end > chunkEnd ? chunkEnd : end;
                if (start < end)
                {
                    periods.Add((start, end));
                }
            }
        }

        periods.Sort((a, b) => a.Start.CompareTo(b.Start));
        var starts = new List<long>(periods.Count);
        var ends = new List<long>(periods.Count);
        foreach (var (start, end) in SubtractBreaks(Merge(periods)))
        {
            starts.Add((start - chunkStart).ToInt64Nanoseconds());
            ends.Add((end - chunkStart).ToInt64Nanoseconds());
        }

        var daysInYear = lastDate.DayOfYear;
        var businessDaysThrough = new ushort[daysInYear];
        ushort count = 0;
        var day = new LocalDate(year, 1, 1);
        for (var i = 0; i < daysInYear; i++, day = day.PlusDays(1))
        {
            if (IsBusinessDay(day))
            {
                count++;
            }

            businessDaysThrough[i] = count;
        }

        return new TimelineChunk(year, chunkStart, chunkEnd, starts.ToArray(), ends.ToArray(), businessDaysThrough);
    }

    private static List<(Instant Start, Instant End)> Merge(List<(Instant Start, Instant End)> sorted)
    {
        var merged = new List<(Instant Start, Instant End)>(sorted.Count);
        foreach (var period in sorted)
        {
            if (merged.Count > 0 && period.Start <= merged[merged.Count - 1].End)
            {
                var last = merged[merged.Count - 1];
                merged[merged.Count - 1] = (last.Start, period.End > last.End ? period.End : last.End);
            }
            else
            {
                merged.Add(period);
            }
        }

        return merged;
    }

    private IEnumerable<(Instant Start, Instant End)> SubtractBreaks(List<(Instant Start, Instant End)> periods)
    {
        var b = 0;
        foreach (var (periodStart, periodEnd) in periods)
        {
            var start = periodStart;
            while (b < _breakStarts.Length && _breakEnds[b] <= start)
            {
                b++;
            }

            var k = b;
            while (k < _breakStarts.Length && _breakStarts[k] < periodEnd)
            {
                if (_breakStarts[k] > start)
                {
                    yield return (start, _breakStarts[k]);
                }

                if (_breakEnds[k] > start)
                {
                    start = _breakEnds[k];
                }

                k++;
            }

            if (start < periodEnd)
            {
                yield return (start, periodEnd);
            }
        }
    }
}
