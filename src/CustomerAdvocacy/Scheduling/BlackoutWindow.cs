using NodaTime;

namespace CustomerAdvocacy.Scheduling;

/// <summary>One concrete window of a blackout rule, as instants.</summary>
/// <param name="Rule">The rule the window comes from.</param>
/// <param name="Interval">When the window runs, <c>[start, end)</c>.</param>
public readonly record struct BlackoutWindow(BlackoutRule Rule, Interval Interval);
