using System.Collections.Generic;
using NodaTime;

namespace CustomerAdvocacy.Scheduling;

/// <summary>
/// Whether a proposed slot may be used, from <see cref="MaintenanceWindowFinder.Check"/>: is it wholly inside the
/// allowed calendar's open time, and which blackouts does it hit.
/// </summary>
public sealed class MaintenanceSlotCheck
{
    internal MaintenanceSlotCheck(Interval slot, bool isInsideAllowedTime, IReadOnlyList<BlackoutHit> hits)
    {
        Slot = slot;
        IsInsideAllowedTime = isInsideAllowedTime;
        Hits = hits;
    }

    /// <summary>The slot checked.</summary>
    public Interval Slot { get; }

    /// <summary>
    /// True when the slot lies within one continuous stretch of the allowed calendar's open time (touching periods
    /// count as one stretch).
    /// </summary>
    public bool IsInsideAllowedTime { get; }

    /// <summary>The blackout windows the slot collides with, in order of start; empty when it is clear.</summary>
    public IReadOnlyList<BlackoutHit> Hits { get; }

    /// <summary>True when the slot may be used: inside allowed time and clear of every blackout.</summary>
    public bool IsAllowed => IsInsideAllowedTime && Hits.Count == 0;
}
