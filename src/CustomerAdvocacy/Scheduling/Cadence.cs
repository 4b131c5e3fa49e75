using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace CustomerAdvocacy.Scheduling;

/// <summary>
/// A repeating update deadline: while an incident is open the customer must hear from us every <see cref="Interval"/>
/// of business time in <see cref="Calendar"/>. Each deadline counts from the last actual update (or from the start
/// before the first one), not from the original start, so an early update moves the next deadline forward and a late
/// one does not make the following deadline shorter. Immutable; no timers.
/// </summary>
public sealed class Cadence
{
    /// <summary>Creates a cadence.</summary>
    /// <param name="interval">Business time allowed between updates; positive.</param>
    /// <param name="calendar">The calendar it is counted in (use <see cref="BusinessCalendar.AroundTheClock"/> for 24x7).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is not positive.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    public Cadence(Duration interval, BusinessCalendar calendar)
    {
        Interval = Preconditions.CheckPositive(interval);
        Calendar = Preconditions.CheckNotNull(calendar);
    }

    /// <summary>Business time allowed between updates.</summary>
    public Duration Interval { get; }

    /// <summary>The calendar <see cref="Interval"/> is counted in.</summary>
    public BusinessCalendar Calendar { get; }

    /// <summary>
    /// When the next update is due: <see cref="Interval"/> of business time after the last of <paramref name="updates"/>,
    /// or after <paramref name="start"/> when there was none.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="updates"/> is not in time order, or has an update before
    /// <paramref name="start"/>.</exception>
    public Instant NextDue(Instant start, IEnumerable<Instant> updates)
    {
        var list = CheckUpdates(start, updates, null);
        return Calendar.Add(list.Count == 0 ? start : list[list.Count - 1], Interval);
    }

    /// <summary>
    /// The next <paramref name="count"/> deadlines if, from now on, every update came exactly at its deadline: the
    /// next due instant, then each following one <see cref="Interval"/> of business time later. Strictly increasing.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="updates"/> is not in time order, or has an update before
    /// <paramref name="start"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public IReadOnlyList<Instant> UpcomingDeadlines(Instant start, IEnumerable<Instant> updates, int count)
    {
        Preconditions.CheckNonNegative(count);
        var deadlines = new List<Instant>(count);
        if (count == 0)
        {
            return deadlines;
        }

        deadlines.Add(NextDue(start, updates));
        while (deadlines.Count < count)
        {
            deadlines.Add(Calendar.Add(deadlines[deadlines.Count - 1], Interval));
        }

        return deadlines.AsReadOnly();
    }

    /// <summary>
    /// Every deadline so far at <paramref name="now"/>: one after the start and one after each update, each with the
    /// update that followed it (if any) and whether it was missed; then the next due instant.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="updates"/> is not in time order, has an update before
    /// <paramref name="start"/> or after <paramref name="now"/>, or <paramref name="now"/> is before
    /// <paramref name="start"/>.</exception>
    public CadenceReport Evaluate(Instant start, IEnumerable<Instant> updates, Instant now)
    {
        Preconditions.CheckSupported(now);
        Preconditions.CheckOrdered(start, now);
        var list = CheckUpdates(start, updates, now);
        var deadlines = new List<CadenceDeadline>(list.Count + 1);
        var previous = start;
        foreach (var update in list)
        {
            deadlines.Add(new CadenceDeadline(previous, Calendar.Add(previous, Interval), update, now));
            previous = update;
        }

        deadlines.Add(new CadenceDeadline(previous, Calendar.Add(previous, Interval), null, now));
        return new CadenceReport(this, start, now, list.AsReadOnly(), deadlines);
    }

    /// <summary>Evaluates the cadence at the current instant of <paramref name="clock"/>
    /// (see <see cref="Evaluate(Instant, IEnumerable{Instant}, Instant)"/>).</summary>
    public CadenceReport Evaluate(Instant start, IEnumerable<Instant> updates, IClock clock)
        => Evaluate(start, updates, Preconditions.CheckNotNull(clock).GetCurrentInstant());

    /// <inheritdoc />
    public override string ToString() => $"an update every {SlaFormat.Duration(Interval)} of business time in {Calendar}";

    private static List<Instant> CheckUpdates(Instant start, IEnumerable<Instant> updates, Instant? now)
    {
        Preconditions.CheckSupported(start);
        var list = Preconditions.CheckNotNull(updates).ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var update = list[i];
            Preconditions.CheckSupported(update, nameof(updates));
            if (update < start)
            {
                throw new ArgumentException($"updates[{i}] ({update}) is before the start ({start}).", nameof(updates));
            }

            if (i > 0 && update < list[i - 1])
            {
                throw new ArgumentException($"updates[{i}] ({update}) is before updates[{i - 1}] ({list[i - 1]}); give them in time order.", nameof(updates));
            }

            if (now is { } n && update > n)
            {
                throw new ArgumentException($"updates[{i}] ({update}) is after now ({n}).", nameof(updates));
            }
        }

        return list;
    }
}

/// <summary>One deadline of a <see cref="Cadence"/>: counted from an update (or the start), and what followed it.</summary>
public sealed class CadenceDeadline
{
    internal CadenceDeadline(Instant countedFrom, Instant due, Instant? followedBy, Instant now)
    {
        CountedFrom = countedFrom;
        Due = due;
        FollowedBy = followedBy;
        IsMissed = (followedBy ?? now) > due;
    }

    /// <summary>The update (or the start) the deadline counts from.</summary>
    public Instant CountedFrom { get; }

    /// <summary>When the next update was due.</summary>
    public Instant Due { get; }

    /// <summary>The update that followed, or null for the pending deadline.</summary>
    public Instant? FollowedBy { get; }

    /// <summary>True when the deadline passed before the update that followed it, or, for the pending deadline, before
    /// the evaluation's now. An update exactly at the deadline is in time.</summary>
    public bool IsMissed { get; }

    /// <inheritdoc />
    public override string ToString() => $"due {Due}" + (FollowedBy is { } f ? $", updated {f}" : ", pending") + (IsMissed ? ", missed" : string.Empty);
}

/// <summary>The result of <see cref="Cadence.Evaluate(Instant, IEnumerable{Instant}, Instant)"/>.</summary>
public sealed class CadenceReport
{
    internal CadenceReport(Cadence cadence, Instant start, Instant now, IReadOnlyList<Instant> updates, List<CadenceDeadline> deadlines)
    {
        Cadence = cadence;
        Start = start;
        Now = now;
        Updates = updates;
        Deadlines = deadlines.AsReadOnly();
        Missed = deadlines.Where(d => d.IsMissed).ToList().AsReadOnly();
        NextDue = deadlines[deadlines.Count - 1].Due;
    }

    /// <summary>The cadence evaluated.</summary>
    public Cadence Cadence { get; }

    /// <summary>When the cadence started (the incident opened, or updates became due).</summary>
    public Instant Start { get; }

    /// <summary>The instant of the evaluation.</summary>
    public Instant Now { get; }

    /// <summary>The updates given, in time order.</summary>
    public IReadOnlyList<Instant> Updates { get; }

    /// <summary>Every deadline so far, oldest first: one per update, then the pending one.</summary>
    public IReadOnlyList<CadenceDeadline> Deadlines { get; }

    /// <summary>The deadlines that were missed, oldest first (the pending one too, when it has passed).</summary>
    public IReadOnlyList<CadenceDeadline> Missed { get; }

    /// <summary>When the next update is due.</summary>
    public Instant NextDue { get; }

    /// <summary>True when the next update is already late at <see cref="Now"/>.</summary>
    public bool IsOverdue => Now > NextDue;
}
