using NodaTime;

namespace CustomerAdvocacy.Scheduling;

/// <summary>How an <see cref="SlaClock"/> stands at a given instant.</summary>
public enum SlaClockStatus
{
    /// <summary>Counting, and the due instant has not passed.</summary>
    Running = 0,

    /// <summary>Paused, and the target was not exceeded before the pause.</summary>
    Paused = 1,

    /// <summary>Stopped at or before its due instant.</summary>
    Met = 2,

    /// <summary>The target was exceeded: the clock ran past its due instant (whether it is still running, paused or
    /// stopped since).</summary>
    Breached = 3,

    /// <summary>Cancelled; a breach that happened before the cancel is still reported in
    /// <see cref="SlaClockReading.BreachedAt"/>.</summary>
    Cancelled = 4,
}

/// <summary>
/// What an <see cref="SlaClock"/> reports at one instant (<see cref="Now"/>): a plain immutable snapshot, computed from
/// the clock's history entries at or before <see cref="Now"/>.
/// </summary>
public sealed class SlaClockReading
{
    internal SlaClockReading(
        Instant now,
        SlaClockPhase phase,
        SlaClockStatus status,
        Instant due,
        Instant warningAt,
        Duration elapsed,
        Duration remaining,
        Duration overrun,
        Duration pausedBusinessTime,
        Duration pausedElapsed,
        Instant? breachedAt,
        Instant? endedAt)
    {
        Now = now;
        Phase = phase;
        Status = status;
        Due = due;
        WarningAt = warningAt;
        Elapsed = elapsed;
        Remaining = remaining;
        Overrun = overrun;
        PausedBusinessTime = pausedBusinessTime;
        PausedElapsed = pausedElapsed;
        BreachedAt = breachedAt;
        EndedAt = endedAt;
    }

    /// <summary>The instant the reading is for.</summary>
    public Instant Now { get; }

    /// <summary>Where the clock's history stands at <see cref="Now"/>.</summary>
    public SlaClockPhase Phase { get; }

    /// <summary>The clock's status at <see cref="Now"/>.</summary>
    public SlaClockStatus Status { get; }

    /// <summary>
    /// The instant the target is reached: once the clock has run past it (a breach) it is fixed; while running it is the
    /// start of the current run plus the remaining business time; while paused, or after a stop or cancel during a
    /// pause, it is where the target would fall if the clock ran again from <see cref="Now"/> (or from the stop), so
    /// paused business time pushes it out.
    /// </summary>
    public Instant Due { get; }

    /// <summary>The instant the warning share of the target is reached, computed the same way as <see cref="Due"/>.</summary>
    public Instant WarningAt { get; }

    /// <summary>True when the warning share of the target had been reached by <see cref="Now"/> (or by the end of the
    /// clock, if it ended).</summary>
    public bool IsWarningReached => WarningAt <= (EndedAt ?? Now);

    /// <summary>The measured time counted while running, up to <see cref="Now"/> or the end of the clock; past the
    /// target when breached.</summary>
    public Duration Elapsed { get; }

    /// <summary>The measured time left before the target is reached; zero once breached.</summary>
    public Duration Remaining { get; }

    /// <summary>How far <see cref="Elapsed"/> is past the target; zero unless breached (and zero when the breach is
    /// real time only, the calendar being closed since the due instant).</summary>
    public Duration Overrun { get; }

    /// <summary>The measured time (business time, or all time for an around-the-clock target) spent paused.</summary>
    public Duration PausedBusinessTime { get; }

    /// <summary>The real time spent paused.</summary>
    public Duration PausedElapsed { get; }

    /// <summary>The instant the target was exceeded (the due instant, once the clock ran past it); null if it was not.</summary>
    public Instant? BreachedAt { get; }

    /// <summary>The instant the clock was stopped or cancelled; null while it runs or is paused.</summary>
    public Instant? EndedAt { get; }

    /// <summary>For a stopped clock, whether it stopped at or before its due instant; null otherwise.</summary>
    public bool? StoppedInTime => Phase == SlaClockPhase.Stopped ? BreachedAt is null : null;

    /// <inheritdoc />
    public override string ToString()
        => $"{Status} at {Now}: due {Due}, elapsed {SlaFormat.Duration(Elapsed)}, remaining {SlaFormat.Duration(Remaining)}";
}
