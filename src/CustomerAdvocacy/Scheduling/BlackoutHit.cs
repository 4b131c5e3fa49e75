using NodaTime;

namespace CustomerAdvocacy.Scheduling;

/// <summary>A blackout window that a proposed interval collides with.</summary>
/// <param name="Rule">The blackout rule hit.</param>
/// <param name="Window">The whole concrete window of the rule that was hit.</param>
/// <param name="Overlap">The part of the proposed interval inside the window (empty when an instant was checked).</param>
public readonly record struct BlackoutHit(BlackoutRule Rule, Interval Window, Interval Overlap);
