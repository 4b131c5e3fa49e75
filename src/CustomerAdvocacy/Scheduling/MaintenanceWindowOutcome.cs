namespace CustomerAdvocacy.Scheduling;

/// <summary>How a search of <see cref="MaintenanceWindowFinder.FindEarliest(NodaTime.Instant, NodaTime.Duration)"/> ended.</summary>
public enum MaintenanceWindowOutcome
{
    /// <summary>A slot was found.</summary>
    Found = 1,

    /// <summary>The allowed calendar has no open time at all in the searched range.</summary>
    NoAllowedTime = 2,

    /// <summary>The allowed calendar is open in the range, but never for a stretch as long as the slot.</summary>
    NoAllowedStretchLongEnough = 3,

    /// <summary>Some allowed stretches are long enough, but blackouts leave no free part of them that is.</summary>
    BlockedByBlackouts = 4,
}
