using System;
using System.Collections.Generic;
using NodaTime;

namespace CustomerAdvocacy.Scheduling;

/// <summary>
/// What <see cref="MaintenanceWindowFinder"/> found: the earliest slot, or why there is none. Finding nothing is an
/// ordinary answer, not an error.
/// </summary>
public sealed class MaintenanceWindowSearch
{
    private readonly Interval? _slot;

    internal MaintenanceWindowSearch(
        Interval searchRange,
        Duration length,
        MaintenanceWindowOutcome outcome,
        Interval? slot,
        Duration longestAllowedStretch,
        Duration longestFreeStretch,
        IReadOnlyList<BlackoutRule> blockingRules,
        string explanation)
    {
        SearchRange = searchRange;
        Length = length;
        Outcome = outcome;
        _slot = slot;
        LongestAllowedStretch = longestAllowedStretch;
        LongestFreeStretch = longestFreeStretch;
        BlockingRules = blockingRules;
        Explanation = explanation;
    }

    /// <summary>The range searched: from the search's start to its horizon.</summary>
    public Interval SearchRange { get; }

    /// <summary>The length of slot asked for.</summary>
    public Duration Length { get; }

    /// <summary>How the search ended.</summary>
    public MaintenanceWindowOutcome Outcome { get; }

    /// <summary>True when a slot was found.</summary>
    public bool IsFound => Outcome == MaintenanceWindowOutcome.Found;

    /// <summary>The earliest slot, exactly <see cref="Length"/> long.</summary>
    /// <exception cref="InvalidOperationException">No slot was found; see <see cref="Outcome"/> and <see cref="Explanation"/>.</exception>
    public Interval Slot => _slot ?? throw new InvalidOperationException(Explanation);

    /// <summary>
    /// When no slot was found: the longest continuous stretch of allowed (open) time in the range. Zero after a
    /// successful search, which stops at the first fit.
    /// </summary>
    public Duration LongestAllowedStretch { get; }

    /// <summary>
    /// When no slot was found: the longest continuous stretch of allowed time that no blackout touches. Zero after a
    /// successful search.
    /// </summary>
    public Duration LongestFreeStretch { get; }

    /// <summary>
    /// When the outcome is <see cref="MaintenanceWindowOutcome.BlockedByBlackouts"/>: the rules whose windows fall in the
    /// allowed stretches that would otherwise have been long enough, in order of first appearance. Empty otherwise.
    /// </summary>
    public IReadOnlyList<BlackoutRule> BlockingRules { get; }

    /// <summary>A sentence saying what was found, or why nothing was.</summary>
    public string Explanation { get; }

    /// <inheritdoc />
    public override string ToString() => Explanation;
}
