using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using NodaTime;

namespace CustomerAdvocacy.Scheduling;

/// <summary>
/// A service-level clock: an <see cref="SlaTarget"/>, the party's <see cref="BusinessCalendar"/>, and the history of
/// what happened to the clock (start, pauses, resumes, then a stop or a cancel). An immutable value: every transition
/// returns a new clock, and every figure (<see cref="Evaluate(Instant)"/>) is computed from the history on demand, so a
/// clock can be recomputed retroactively with another calendar (<see cref="WithCalendar"/>). No timers, no threads.
/// </summary>
/// <remarks>
/// <para>
/// Time counts only while the clock runs, in the target's measure: business time in the calendar, or all elapsed time
/// for an around-the-clock target (in the calendar's zone). Paused time does not count, so it pushes the due instant
/// out by the business time it covered.
/// </para>
/// <para>
/// The due instant is when the counted time reaches the target (<see cref="BusinessCalendar.Add"/> semantics: it may
/// be the very end of an open period). The target is exceeded, and the clock breached at the due instant, once the
/// clock runs past it: a stop exactly at the due instant meets the target, any later stop is late, even when the
/// calendar has been closed since.
/// </para>
/// </remarks>
public sealed class SlaClock : IEquatable<SlaClock>
{
    private readonly SlaClockEntry[] _history;

    private SlaClock(SlaTarget target, BusinessCalendar calendar, SlaClockEntry[] history, BusinessCalendar? measuringCalendar = null)
    {
        Target = target;
        Calendar = calendar;
        MeasuringCalendar = measuringCalendar ?? target.CalendarFor(calendar);
        _history = history;
        History = Array.AsReadOnly(history);
    }

    /// <summary>The target the clock measures against.</summary>
    public SlaTarget Target { get; }

    /// <summary>The party's calendar, as given.</summary>
    public BusinessCalendar Calendar { get; }

    /// <summary>The calendar time is counted in: <see cref="Calendar"/> for a business-time target, a 24x7 calendar in
    /// its zone for an around-the-clock one.</summary>
    public BusinessCalendar MeasuringCalendar { get; }

    /// <summary>The history, oldest first; the first entry is the start.</summary>
    public IReadOnlyList<SlaClockEntry> History { get; }

    /// <summary>When the clock started.</summary>
    public Instant StartedAt => _history[0].At;

    /// <summary>Where the clock stands after its whole history.</summary>
    public SlaClockPhase Phase => PhaseAfter(_history[_history.Length - 1].Action);

    /// <summary>Starts a clock for <paramref name="target"/> in <paramref name="calendar"/> at <paramref name="at"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is outside <see cref="BusinessCalendar.SupportedInterval"/>.</exception>
    public static SlaClock Start(SlaTarget target, BusinessCalendar calendar, Instant at)
    {
        Preconditions.CheckNotNull(target);
        Preconditions.CheckNotNull(calendar);
        Preconditions.CheckSupported(at);
        return new SlaClock(target, calendar, [new SlaClockEntry(SlaClockAction.Start, at)]);
    }

    /// <summary>Rebuilds a clock from its history (for example as stored), checking every transition.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="history"/> is empty.</exception>
    /// <exception cref="SlaClockTransitionException">The history does not begin with a start, or has a transition that is
    /// not allowed, or goes back in time; the message names the entry's index.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An instant is outside <see cref="BusinessCalendar.SupportedInterval"/>.</exception>
    public static SlaClock FromHistory(SlaTarget target, BusinessCalendar calendar, IEnumerable<SlaClockEntry> history)
    {
        Preconditions.CheckNotNull(target);
        Preconditions.CheckNotNull(calendar);
        var entries = Preconditions.CheckNotNull(history).ToArray();
        if (entries.Length == 0)
        {
            throw new ArgumentException("The history must contain at least the start.", nameof(history));
        }

        for (var i = 0; i < entries.Length; i++)
        {
            Preconditions.CheckSupported(entries[i].At, nameof(history));
            if (i == 0)
            {
                if (entries[0].Action != SlaClockAction.Start)
                {
                    throw new SlaClockTransitionException(
                        $"history[0]: the history must begin with a start, not a {entries[0].Action}.",
                        nameof(history),
                        entries[0].Action,
                        null,
                        entries[0].At);
                }

                continue;
            }

            CheckTransition(PhaseAfter(entries[i - 1].Action), entries[i - 1].At, entries[i].Action, entries[i].At, nameof(history), $"history[{i}]: ");
        }

        return new SlaClock(target, calendar, entries);
    }

    /// <summary>Pauses the running clock at <paramref name="at"/>.</summary>
    /// <exception cref="SlaClockTransitionException">The clock is not running, or <paramref name="at"/> is before its last entry.</exception>
    public SlaClock Pause(Instant at) => Append(SlaClockAction.Pause, at);

    /// <summary>Resumes the paused clock at <paramref name="at"/>.</summary>
    /// <exception cref="SlaClockTransitionException">The clock is not paused, or <paramref name="at"/> is before its last entry.</exception>
    public SlaClock Resume(Instant at) => Append(SlaClockAction.Resume, at);

    /// <summary>Stops the running or paused clock for good at <paramref name="at"/>: what it measured is done.</summary>
    /// <exception cref="SlaClockTransitionException">The clock was already stopped or cancelled, or <paramref name="at"/>
    /// is before its last entry.</exception>
    public SlaClock Stop(Instant at) => Append(SlaClockAction.Stop, at);

    /// <summary>Cancels the running or paused clock for good at <paramref name="at"/>.</summary>
    /// <exception cref="SlaClockTransitionException">The clock was already stopped or cancelled, or <paramref name="at"/>
    /// is before its last entry.</exception>
    public SlaClock Cancel(Instant at) => Append(SlaClockAction.Cancel, at);

    /// <summary>The same history and target measured in another calendar (for example one that has since gained a
    /// holiday): every figure is recomputed.</summary>
    public SlaClock WithCalendar(BusinessCalendar calendar)
        => new(Target, Preconditions.CheckNotNull(calendar), _history);

    /// <summary>The clock's figures at <paramref name="now"/>, from the history entries at or before it.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="now"/> is before the start, or outside
    /// <see cref="BusinessCalendar.SupportedInterval"/>.</exception>
    public SlaClockReading Evaluate(Instant now) => Walk(now, null);

    /// <summary>The clock's figures at the current instant of <paramref name="clock"/>.</summary>
    public SlaClockReading Evaluate(IClock clock) => Evaluate(Preconditions.CheckNotNull(clock).GetCurrentInstant());

    /// <summary>
    /// Explains the clock at <paramref name="now"/>, one line per stage in time order: the start, each pause (with the
    /// time counted so far) and resume (with the time paused and the new due instant), the warning and the breach when
    /// they happened, the stop or cancel, then a summary. Lines carry instants (UTC and local) and durations only.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="now"/> is before the start, or outside
    /// <see cref="BusinessCalendar.SupportedInterval"/>.</exception>
    public IReadOnlyList<string> Explain(Instant now)
    {
        var stages = new List<(Instant At, string Text)>();
        var reading = Walk(now, stages);
        var lines = stages
            .Select((stage, order) => (stage.At, stage.Text, Order: order))
            .OrderBy(stage => stage.At)
            .ThenBy(stage => stage.Order)
            .Select(stage => stage.Text)
            .ToList();
        lines.Add(
            $"As of {Format(now)}: {reading.Status}; counted {SlaFormat.Duration(reading.Elapsed)}, remaining {SlaFormat.Duration(reading.Remaining)}, "
            + $"paused {SlaFormat.Duration(reading.PausedBusinessTime)} ({SlaFormat.Duration(reading.PausedElapsed)} elapsed); due {Format(reading.Due)}.");
        return new ReadOnlyCollection<string>(lines);
    }

    /// <inheritdoc />
    public bool Equals(SlaClock? other)
        => other is not null
            && Target.Equals(other.Target)
            && ReferenceEquals(Calendar, other.Calendar)
            && _history.SequenceEqual(other._history);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SlaClock);

    /// <inheritdoc />
    public override int GetHashCode() => (Target, Calendar, _history.Length, _history[_history.Length - 1]).GetHashCode();

    /// <inheritdoc />
    public override string ToString() => $"SLA clock {Target}, {Phase}, started {StartedAt}";

    private static SlaClockPhase PhaseAfter(SlaClockAction action) => action switch
    {
        SlaClockAction.Start or SlaClockAction.Resume => SlaClockPhase.Running,
        SlaClockAction.Pause => SlaClockPhase.Paused,
        SlaClockAction.Stop => SlaClockPhase.Stopped,
        _ => SlaClockPhase.Cancelled,
    };

    private static void CheckTransition(SlaClockPhase phase, Instant lastAt, SlaClockAction action, Instant at, string paramName, string prefix)
    {
        var allowed = (phase, action) switch
        {
            (SlaClockPhase.Running, SlaClockAction.Pause or SlaClockAction.Stop or SlaClockAction.Cancel) => true,
            (SlaClockPhase.Paused, SlaClockAction.Resume or SlaClockAction.Stop or SlaClockAction.Cancel) => true,
            _ => false,
        };
        if (!allowed)
        {
            throw new SlaClockTransitionException($"{prefix}a {phase.ToString().ToLowerInvariant()} clock cannot take a {action}.", paramName, action, phase, at);
        }

        if (at < lastAt)
        {
            throw new SlaClockTransitionException($"{prefix}the {action} at {at} is before the clock's last entry at {lastAt}.", paramName, action, phase, at);
        }
    }

    private SlaClock Append(SlaClockAction action, Instant at)
    {
        Preconditions.CheckSupported(at);
        var last = _history[_history.Length - 1];
        CheckTransition(PhaseAfter(last.Action), last.At, action, at, nameof(at), string.Empty);
        var history = new SlaClockEntry[_history.Length + 1];
        Array.Copy(_history, history, _history.Length);
        history[_history.Length] = new SlaClockEntry(action, at);
        return new SlaClock(Target, Calendar, history, MeasuringCalendar);
    }

    private string Format(Instant instant) => SlaFormat.Instant(instant, Calendar.Zone);

    private SlaClockReading Walk(Instant now, List<(Instant At, string Text)>? stages)
    {
        Preconditions.CheckSupported(now);
        if (now < StartedAt)
        {
            throw new ArgumentOutOfRangeException(nameof(now), now, $"The clock had not started yet: it started at {StartedAt}.");
        }

        var calendar = MeasuringCalendar;
        var target = Target.Duration;
        var warning = Target.WarningDuration;
        var elapsed = Duration.Zero;
        var pausedBusiness = Duration.Zero;
        var pausedReal = Duration.Zero;
        Instant? warningAt = null;
        Instant? breachedAt = null;
        Instant? endedAt = null;
        var phase = SlaClockPhase.Running;
        var since = StartedAt;

        stages?.Add((StartedAt, $"Started at {Format(StartedAt)}: target {SlaFormat.Duration(target)} "
            + (Target.Measure == SlaMeasure.BusinessTime ? "of business time" : "around the clock")
            + $" in {calendar.Zone.Id}; warning at {SlaFormat.Percent(Target.WarningShare)} ({SlaFormat.Duration(warning)})."));

        var count = 0;
        while (count < _history.Length && _history[count].At <= now)
        {
            count++;
        }

        Instant? projectedDue = null;
        for (var i = 1; i <= count; i++)
        {
            var entry = i == count ? default(SlaClockEntry?) : _history[i];
            var until = entry?.At ?? now;
            if (phase == SlaClockPhase.Running)
            {
                if (warningAt is null && elapsed <= warning)
                {
                    var candidate = calendar.Add(since, warning - elapsed);
                    if (candidate <= until)
                    {
                        warningAt = candidate;
                        stages?.Add((candidate, $"Warning share {SlaFormat.Percent(Target.WarningShare)} ({SlaFormat.Duration(warning)}) reached at {Format(candidate)}."));
                    }
                }

                if (breachedAt is null)
                {
                    // A run that ends exactly at the due instant has not exceeded the target: a stop there meets it, and
                    // after a pause there the breach comes with the first counted time after the resume.
                    var candidate = calendar.Add(since, target - elapsed);
                    if (candidate < until)
                    {
                        breachedAt = candidate;
                        stages?.Add((candidate, $"Breached at {Format(candidate)}: the target of {SlaFormat.Duration(target)} was exceeded."));
                    }
                    else if (entry is not { Action: SlaClockAction.Pause })
                    {
                        projectedDue = candidate;
                    }
                }

                elapsed += calendar.BusinessTimeBetween(since, until);
            }
            else if (phase == SlaClockPhase.Paused)
            {
                pausedBusiness += calendar.BusinessTimeBetween(since, until);
                pausedReal += until - since;
            }

            if (entry is not { } e)
            {
                break;
            }

            switch (e.Action)
            {
                case SlaClockAction.Pause:
                    stages?.Add((e.At, $"Paused at {Format(e.At)} with {SlaFormat.Duration(elapsed)} counted."));
                    phase = SlaClockPhase.Paused;
                    break;
                case SlaClockAction.Resume:
                    stages?.Add((e.At, $"Resumed at {Format(e.At)}, paused for {SlaFormat.Duration(calendar.BusinessTimeBetween(since, e.At))} of counted time "
                        + $"({SlaFormat.Duration(e.At - since)} elapsed)"
                        + (breachedAt is null ? $"; due at {Format(calendar.Add(e.At, target - elapsed))}." : ".")));
                    phase = SlaClockPhase.Running;
                    break;
                case SlaClockAction.Stop:
                    var dueAtStop = breachedAt ?? projectedDue ?? calendar.Add(e.At, target - elapsed);
                    stages?.Add((e.At, breachedAt is null
                        ? $"Stopped at {Format(e.At)}: met, due at {Format(dueAtStop)}, with {SlaFormat.Duration(target - elapsed)} to spare."
                        : $"Stopped at {Format(e.At)}: late, due at {Format(dueAtStop)}."));
                    phase = SlaClockPhase.Stopped;
                    endedAt = e.At;
                    break;
                default:
                    stages?.Add((e.At, $"Cancelled at {Format(e.At)} with {SlaFormat.Duration(elapsed)} counted."));
                    phase = SlaClockPhase.Cancelled;
                    endedAt = e.At;
                    break;
            }

            since = e.At;
        }

        var reference = endedAt ?? now;
        var dueInstant = breachedAt ?? projectedDue ?? calendar.Add(reference, target - elapsed);
        var warningInstant = warningAt ?? calendar.Add(reference, Max(Duration.Zero, warning - elapsed));
        if (stages is not null && breachedAt is null && endedAt is null)
        {
            if (warningAt is null)
            {
                stages.Add((warningInstant, $"Warning share {SlaFormat.Percent(Target.WarningShare)} ({SlaFormat.Duration(warning)}) due at {Format(warningInstant)}"
                    + (phase == SlaClockPhase.Running ? "." : " if resumed now.")));
            }

            stages.Add((dueInstant, phase == SlaClockPhase.Running
                ? $"Due at {Format(dueInstant)}."
                : $"Due at {Format(dueInstant)} if resumed now."));
        }

        Duration remaining;
        if (breachedAt is not null)
        {
            remaining = Duration.Zero;
        }
        else if (phase == SlaClockPhase.Running)
        {
            // Computed from the calendar rather than as target - elapsed, so that the two figures check each other.
            remaining = calendar.BusinessTimeBetween(now, dueInstant);
        }
        else
        {
            remaining = Max(Duration.Zero, target - elapsed);
        }

        var status = phase switch
        {
            SlaClockPhase.Cancelled => SlaClockStatus.Cancelled,
            _ when breachedAt is not null => SlaClockStatus.Breached,
            SlaClockPhase.Stopped => SlaClockStatus.Met,
            SlaClockPhase.Paused => SlaClockStatus.Paused,
            _ => SlaClockStatus.Running,
        };

        return new SlaClockReading(
            now,
            phase,
            status,
            dueInstant,
            warningInstant,
            elapsed,
            remaining,
            Max(Duration.Zero, elapsed - target),
            pausedBusiness,
            pausedReal,
            breachedAt,
            endedAt);
    }

    private static Duration Max(Duration a, Duration b) => a > b ? a : b;
}
