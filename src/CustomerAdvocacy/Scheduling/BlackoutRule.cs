using System;
using System.Collections.Generic;
using NodaTime;
using NodaTime.TimeZones;

namespace CustomerAdvocacy.Scheduling;

/// <summary>
/// A named rule that says when changes and meetings must not be scheduled (month-end processing, a freeze, every
/// Friday evening): it turns into concrete blackout windows, as instants, once a time zone is given.
/// </summary>
/// <remarks>
/// <para>
/// Derive from this class to add a rule of your own: implement <see cref="EnumerateWindows"/>. Callers use
/// <see cref="GetWindows"/>, which checks the arguments, drops empty windows and those outside the range, and stops at
/// the first window that starts after the range, so an implementation may simply walk forward from a little before the
/// range without deciding where to stop.
/// </para>
/// <para>
/// Windows are half-open <c>[start, end)</c>. Local boundaries are mapped to instants like the
/// <see cref="BusinessCalendar"/> maps its hours (<see cref="ResolveLocal"/>): a boundary that falls in a
/// daylight-saving gap moves forward by the length of the gap, one that falls in an overlap takes the earlier instant.
/// </para>
/// <para>Rules are immutable and thread-safe.</para>
/// </remarks>
public abstract class BlackoutRule
{
    /// <summary>Initializes the rule's name and reason.</summary>
    /// <param name="name">What the blackout is called, for example <c>month-end processing</c>; unique within a
    /// <see cref="BlackoutSet"/>.</param>
    /// <param name="reason">Why nothing may be scheduled then, if worth saying.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or white space.</exception>
    protected BlackoutRule(string name, string? reason)
    {
        Name = Preconditions.CheckNotNullOrWhiteSpace(name);
        Reason = reason;
    }

    /// <summary>What the blackout is called; it identifies the rule within a <see cref="BlackoutSet"/>.</summary>
    public string Name { get; }

    /// <summary>Why nothing may be scheduled during the blackout, if given.</summary>
    public string? Reason { get; }

    /// <summary>
    /// The rule's concrete windows in <paramref name="zone"/> that share time with <paramref name="range"/>, in order of
    /// their start, not clipped to the range. An empty range is treated as its instant: the windows that contain it.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="range"/> has no start or no end.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="range"/> is outside
    /// <see cref="BusinessCalendar.SupportedInterval"/>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The rule produced its windows out of order.</exception>
    public IEnumerable<Interval> GetWindows(Interval range, DateTimeZone zone)
    {
        Preconditions.CheckBoundedWithin(range, BusinessCalendar.SupportedInterval);
        Preconditions.CheckNotNull(zone);
        return Filter(range, zone);
    }

    /// <inheritdoc />
    public override string ToString() => Reason is null ? Name : $"{Name} ({Reason})";

    /// <summary>
    /// Produces the rule's windows in <paramref name="zone"/> in order of their start, beginning with any window that
    /// may share time with <paramref name="range"/>. Windows wholly before the range and empty windows are allowed (they
    /// are dropped); enumeration is abandoned at the first window that starts after the range, so the sequence may be
    /// endless.
    /// </summary>
    /// <param name="range">The bounded range asked for, within <see cref="BusinessCalendar.SupportedInterval"/>.</param>
    /// <param name="zone">The zone whose local time the rule is defined in.</param>
    protected abstract IEnumerable<Interval> EnumerateWindows(Interval range, DateTimeZone zone);

    /// <summary>
    /// Maps a local date and time in <paramref name="zone"/> to an instant as the business calendar does: in a gap the
    /// time moves forward by the length of the gap, in an overlap it takes the earlier instant.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    protected static Instant ResolveLocal(LocalDateTime local, DateTimeZone zone)
        => Preconditions.CheckNotNull(zone).ResolveLocal(local, Resolvers.LenientResolver).ToInstant();

    internal static bool StartsAfter(Interval window, Interval range)
        => range.Start == range.End ? window.Start > range.Start : window.Start >= range.End;

    private IEnumerable<Interval> Filter(Interval range, DateTimeZone zone)
    {
        var previousStart = Instant.MinValue;
        foreach (var window in EnumerateWindows(range, zone))
        {
            if (window.Start < previousStart)
            {
                throw new InvalidOperationException(
                    $"The blackout rule '{Name}' produced a window starting {window.Start} after one starting {previousStart}; windows must come in order of their start.");
            }

            previousStart = window.Start;
            if (StartsAfter(window, range))
            {
                yield break;
            }

            if (window.End > range.Start && window.Start < window.End)
            {
                yield return window;
            }
        }
    }
}
