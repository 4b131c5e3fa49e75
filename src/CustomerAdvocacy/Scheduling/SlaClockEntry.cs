using System;
using NodaTime;

namespace CustomerAdvocacy.Scheduling;

/// <summary>What happened to an <see cref="SlaClock"/> at one instant of its history.</summary>
public enum SlaClockAction
{
    /// <summary>The clock started running; always and only the first entry.</summary>
    Start = 0,

    /// <summary>The clock stopped counting for a while (for example while waiting on the customer).</summary>
    Pause = 1,

    /// <summary>A paused clock counts again.</summary>
    Resume = 2,

    /// <summary>The clock stopped for good because what it measured was done (the target is met or breached).</summary>
    Stop = 3,

    /// <summary>The clock stopped for good because what it measured no longer applies.</summary>
    Cancel = 4,
}

/// <summary>Where an <see cref="SlaClock"/> stands after its history so far, whatever the time.</summary>
public enum SlaClockPhase
{
    /// <summary>Started or resumed, and counting.</summary>
    Running = 0,

    /// <summary>Paused; not counting until resumed.</summary>
    Paused = 1,

    /// <summary>Stopped for good: what it measured is done.</summary>
    Stopped = 2,

    /// <summary>Cancelled for good.</summary>
    Cancelled = 3,
}

/// <summary>One entry of an <see cref="SlaClock"/>'s history: an action at an instant.</summary>
public readonly struct SlaClockEntry : IEquatable<SlaClockEntry>
{
    /// <summary>Creates an entry.</summary>
    public SlaClockEntry(SlaClockAction action, Instant at)
    {
        Action = action;
        At = at;
    }

    /// <summary>What happened.</summary>
    public SlaClockAction Action { get; }

    /// <summary>When it happened.</summary>
    public Instant At { get; }

    /// <summary>Compares two entries for equality.</summary>
    public static bool operator ==(SlaClockEntry left, SlaClockEntry right) => left.Equals(right);

    /// <summary>Compares two entries for inequality.</summary>
    public static bool operator !=(SlaClockEntry left, SlaClockEntry right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(SlaClockEntry other) => Action == other.Action && At == other.At;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SlaClockEntry other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (Action, At).GetHashCode();

    /// <inheritdoc />
    public override string ToString() => $"{Action} at {At}";
}

/// <summary>
/// Thrown when an <see cref="SlaClock"/> is asked for a transition its history does not allow: pausing a paused clock,
/// resuming a running one, anything after a stop or a cancel, a second start, or an instant earlier than the last entry.
/// </summary>
public sealed class SlaClockTransitionException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="paramName">The argument that carried the transition (<c>at</c>, or <c>history</c>).</param>
    /// <param name="attempted">The action that was refused.</param>
    /// <param name="phase">The clock's phase before the action, or null when it had no history yet.</param>
    /// <param name="at">The instant the action was given.</param>
    public SlaClockTransitionException(string message, string paramName, SlaClockAction attempted, SlaClockPhase? phase, Instant at)
        : base(message, paramName)
    {
        Attempted = attempted;
        Phase = phase;
        At = at;
    }

    /// <summary>The action that was refused.</summary>
    public SlaClockAction Attempted { get; }

    /// <summary>The clock's phase before the action, or null when it had no history yet.</summary>
    public SlaClockPhase? Phase { get; }

    /// <summary>The instant the action was given.</summary>
    public Instant At { get; }
}
