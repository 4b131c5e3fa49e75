using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using NodaTime.Text;

namespace CustomerAdvocacy.Scheduling;

/// <summary>
/// Finds when a change may be made: the earliest slot of a given real length that lies wholly inside an allowed
/// calendar's open time (for example Saturdays 08:00–18:00 customer local) and clear of every blackout; and checks a
/// proposed slot against both.
/// </summary>
/// <remarks>
/// <para>
/// A slot is a half-open interval of real elapsed time. It must fit inside one continuous stretch of open time: it may
/// run from one open period into the next only when they touch (Saturday 00:00–24:00 then Sunday 00:00–06:00). It may
/// start exactly when a blackout ends and end exactly when one starts.
/// </para>
/// <para>
/// The search walks the open periods (<see cref="BusinessCalendar.GetOpenPeriods"/>) and the blackout windows in order
/// of time together, once, so its cost grows with the number of periods and windows in the range, not with its length
/// in minutes. A finder is immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class MaintenanceWindowFinder
{
    private static readonly Duration DefaultHorizonLength = Duration.FromDays(366);
    private static readonly ZonedDateTimePattern InstantFormat =
        ZonedDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm o<g> '('z')'", DateTimeZoneProviders.Tzdb);

    /// <summary>Creates a finder for changes allowed during <paramref name="allowed"/>'s open time, outside
    /// <paramref name="blackouts"/>.</summary>
    /// <param name="allowed">When changes may be made at all, for example Saturdays 08:00–18:00 in the customer's zone.
    /// Use <see cref="BusinessCalendar.AroundTheClock"/> to allow any time outside the blackouts.</param>
    /// <param name="blackouts">When nothing may be scheduled.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public MaintenanceWindowFinder(BusinessCalendar allowed, BlackoutSet blackouts)
    {
        Allowed = Preconditions.CheckNotNull(allowed);
        Blackouts = Preconditions.CheckNotNull(blackouts);
    }

    /// <summary>How far ahead <see cref="FindEarliest(Instant, Duration)"/> searches when no horizon is given: 366 days.</summary>
    public static Duration DefaultHorizon => DefaultHorizonLength;

    /// <summary>When changes may be made at all.</summary>
    public BusinessCalendar Allowed { get; }

    /// <summary>When nothing may be scheduled.</summary>
    public BlackoutSet Blackouts { get; }

    /// <summary>
    /// The earliest slot of <paramref name="length"/> starting at or after <paramref name="from"/> and ending within
    /// <see cref="DefaultHorizon"/> of it (or at the end of <see cref="BusinessCalendar.SupportedInterval"/>, if sooner).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is zero or negative, or
    /// <paramref name="from"/> is outside <see cref="BusinessCalendar.SupportedInterval"/>.</exception>
    public MaintenanceWindowSearch FindEarliest(Instant from, Duration length)
    {
        CheckSupported(from);
        var supportedEnd = BusinessCalendar.SupportedInterval.End;
        var horizon = supportedEnd - from > DefaultHorizonLength ? from + DefaultHorizonLength : supportedEnd;
        return FindEarliest(from, length, horizon);
    }

    /// <summary>
    /// The earliest slot of <paramref name="length"/> real time that starts at or after <paramref name="from"/>, ends at
    /// or before <paramref name="searchUntil"/>, lies inside one continuous stretch of <see cref="Allowed"/>'s open time
    /// and collides with no blackout. When there is none, the result says why.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is zero or negative, or an instant is
    /// outside <see cref="BusinessCalendar.SupportedInterval"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="searchUntil"/> is before <paramref name="from"/>.</exception>
    public MaintenanceWindowSearch FindEarliest(Instant from, Duration length, Instant searchUntil)
    {
        Preconditions.CheckPositive(length);
        CheckSupported(from);
        CheckSupported(searchUntil);
        Preconditions.CheckOrdered(from, searchUntil);
        var range = new Interval(from, searchUntil);

        var anyAllowed = false;
        var longestAllowed = Duration.Zero;
        var longestFree = Duration.Zero;
        using var blocked = Blackouts.GetBlockedIntervals(range).GetEnumerator();
        var hasBlocked = blocked.MoveNext();
        foreach (var open in Allowed.GetOpenPeriods(range))
        {
            anyAllowed = true;
            longestAllowed = Max(longestAllowed, open.Duration);
            var cursor = open.Start;
            while (hasBlocked && blocked.Current.End <= cursor)
            {
                hasBlocked = blocked.MoveNext();
            }

            while (hasBlocked && blocked.Current.Start < open.End)
            {
                var window = blocked.Current;
                if (window.Start > cursor)
                {
                    var free = window.Start - cursor;
                    if (free >= length)
                    {
                        return Found(range, length, cursor);
                    }

                    longestFree = Max(longestFree, free);
                }

                cursor = window.End > cursor ? window.End : cursor;
                if (window.End >= open.End)
                {
                    // The window may reach into the next open period too: keep it for that one.
                    break;
                }

                hasBlocked = blocked.MoveNext();
            }

            if (cursor < open.End)
            {
                var free = open.End - cursor;
                if (free >= length)
                {
                    return Found(range, length, cursor);
                }

                longestFree = Max(longestFree, free);
            }
        }

        return NotFound(range, length, anyAllowed, longestAllowed, longestFree);
    }

    /// <summary>
    /// Checks a proposed slot: whether it lies inside one continuous stretch of <see cref="Allowed"/>'s open time, and
    /// which blackout windows it collides with.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="slot"/> has no start or no end, or is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slot"/> is outside
    /// <see cref="BusinessCalendar.SupportedInterval"/>.</exception>
    public MaintenanceSlotCheck Check(Interval slot)
    {
        Preconditions.CheckBoundedWithin(slot, BusinessCalendar.SupportedInterval);
        if (slot.Start == slot.End)
        {
            throw new ArgumentException("The slot is empty: it must last some time.", nameof(slot));
        }

        // Open periods come clipped to the slot with touching periods joined, so the slot is inside open time exactly
        // when the first of them is the slot itself.
        var inside = Allowed.GetOpenPeriods(slot).Take(1).Any(period => period == slot);
        return new MaintenanceSlotCheck(slot, inside, Blackouts.GetCollisions(slot));
    }

    /// <inheritdoc />
    public override string ToString() => $"maintenance windows in {Allowed} outside {Blackouts}";

    private static void CheckSupported(Instant instant, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(instant))] string? paramName = null)
    {
        var supported = BusinessCalendar.SupportedInterval;
        if (instant < supported.Start || instant > supported.End)
        {
            throw new ArgumentOutOfRangeException(paramName, instant, $"The instant is outside the supported range {supported}.");
        }
    }

    private static Duration Max(Duration a, Duration b) => a > b ? a : b;

    private MaintenanceWindowSearch Found(Interval range, Duration length, Instant start)
    {
        var slot = new Interval(start, start + length);
        return new MaintenanceWindowSearch(
            range,
            length,
            MaintenanceWindowOutcome.Found,
            slot,
            Duration.Zero,
            Duration.Zero,
            [],
            $"The earliest slot of {Format(length)} is {Format(slot.Start)} to {Format(slot.End)}.");
    }

    private MaintenanceWindowSearch NotFound(Interval range, Duration length, bool anyAllowed, Duration longestAllowed, Duration longestFree)
    {
        var searched = $"No slot of {Format(length)} between {Format(range.Start)} and {Format(range.End)}";
        if (!anyAllowed)
        {
            return new MaintenanceWindowSearch(
                range, length, MaintenanceWindowOutcome.NoAllowedTime, null, Duration.Zero, Duration.Zero, [],
                $"{searched}: the allowed calendar ({Allowed}) has no open time in that range.");
        }

        if (longestAllowed < length)
        {
            return new MaintenanceWindowSearch(
                range, length, MaintenanceWindowOutcome.NoAllowedStretchLongEnough, null, longestAllowed, longestFree, [],
                $"{searched}: the allowed calendar ({Allowed}) is open for at most {Format(longestAllowed)} at a stretch in that range.");
        }

        // Only reached when nothing fits, so collecting the culprits here keeps the search itself lean.
        var blocking = new List<BlackoutRule>();
        foreach (var open in Allowed.GetOpenPeriods(range).Where(open => open.Duration >= length))
        {
            foreach (var window in Blackouts.GetWindows(open))
            {
                if (!blocking.Contains(window.Rule))
                {
                    blocking.Add(window.Rule);
                }
            }
        }

        var names = string.Join(", ", blocking.Select(rule => $"'{rule.Name}'"));
        return new MaintenanceWindowSearch(
            range, length, MaintenanceWindowOutcome.BlockedByBlackouts, null, longestAllowed, longestFree, blocking.AsReadOnly(),
            $"{searched}: the allowed time is long enough (up to {Format(longestAllowed)} at a stretch), but blackouts ({names}) leave at most {Format(longestFree)} free at a stretch.");
    }

    private string Format(Instant instant) => InstantFormat.Format(instant.InZone(Allowed.Zone));

    private static string Format(Duration duration)
        => duration.ToString(duration.SubsecondTicks == 0 && duration.Seconds == 0 ? "-H:mm" : "-H:mm:ss.FFFFFFFFF", CultureInfo.InvariantCulture);
}
