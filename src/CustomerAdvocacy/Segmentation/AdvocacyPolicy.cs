using NodaTime;

namespace CustomerAdvocacy.Segmentation;

/// <summary>How a policy's targets are measured.</summary>
public enum TargetClock
{
    /// <summary>In the customer's business time (their calendar, their zone).</summary>
    BusinessTime = 0,

    /// <summary>Around the clock (for critical segments).</summary>
    AroundTheClock = 1,
}

/// <summary>What a segment promises: response and update targets, the escalation ladder, how meetings are run.</summary>
public sealed record AdvocacyPolicy
{
    /// <summary>Creates a policy. Values are checked when the catalog is built, all problems reported together.</summary>
    /// <param name="firstResponseTarget">Time to the first response.</param>
    /// <param name="updateCadence">How often the customer hears from us while the incident is open.</param>
    /// <param name="resolutionTarget">Time to resolution (the get-well target).</param>
    /// <param name="clock">How the targets are measured.</param>
    /// <param name="escalationLadderId">The escalation ladder the segment uses (host registry id).</param>
    public AdvocacyPolicy(Duration firstResponseTarget, Duration updateCadence, Duration resolutionTarget, TargetClock clock, string escalationLadderId)
    {
        FirstResponseTarget = firstResponseTarget;
        UpdateCadence = updateCadence;
        ResolutionTarget = resolutionTarget;
        Clock = clock;
        EscalationLadderId = escalationLadderId;
    }

    /// <summary>Time to the first response.</summary>
    public Duration FirstResponseTarget { get; }

    /// <summary>How often the customer hears from us while the incident is open.</summary>
    public Duration UpdateCadence { get; }

    /// <summary>Time to resolution.</summary>
    public Duration ResolutionTarget { get; }

    /// <summary>How the targets are measured.</summary>
    public TargetClock Clock { get; }

    /// <summary>The escalation ladder the segment uses.</summary>
    public string EscalationLadderId { get; }

    /// <summary>Whether senior management joins the first customer meeting.</summary>
    public bool SeniorManagementAtFirstMeeting { get; init; }

    /// <summary>Whether a dry run with every participant is required before customer meetings.</summary>
    public bool DryRunRequired { get; init; }
}
