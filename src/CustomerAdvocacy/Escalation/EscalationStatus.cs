using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Kernel;
using NodaTime;

namespace CustomerAdvocacy.Escalation;

/// <summary>Where an incident's escalation stands; orthogonal to the incident's lifecycle state.</summary>
public enum EscalationPhase
{
    /// <summary>No trigger is active.</summary>
    Calm = 0,

    /// <summary>Raised and not acknowledged: the current rung's time-out is running.</summary>
    Escalating = 1,

    /// <summary>Someone at the current rung took it on; no time-out runs.</summary>
    Acknowledged = 2,

    /// <summary>The top rung timed out with no repeat left; it waits for an acknowledgement or for the triggers to clear.</summary>
    Exhausted = 3,
}

/// <summary>
/// An incident's escalation: the fold of its <see cref="EscalationEvent"/>s by <see cref="EscalationEvolver"/>.
/// Immutable.
/// </summary>
public sealed record EscalationStatus
{
    private EscalationStatus(IncidentId incidentId) => IncidentId = incidentId;

    /// <summary>The incident.</summary>
    public IncidentId IncidentId { get; }

    /// <summary>The number of escalation events folded in.</summary>
    public long Version { get; init; }

    /// <summary>The phase.</summary>
    public EscalationPhase Phase { get; init; }

    /// <summary>The current rung's index, or <see langword="null"/> when calm.</summary>
    public int? Rung { get; init; }

    /// <summary>The current level, or <see langword="null"/> when calm.</summary>
    public EscalationLevel? Level { get; init; }

    /// <summary>How many repeats of the top rung were done.</summary>
    public int RepeatsDone { get; init; }

    /// <summary>When the current rung times out; set only while <see cref="EscalationPhase.Escalating"/>.</summary>
    public Instant? TimeOutAt { get; init; }

    /// <summary>The active triggers, in the order they were raised.</summary>
    public IReadOnlyList<EscalationTriggerKind> ActiveTriggers { get; init; } = EquatableList<EscalationTriggerKind>.Empty;

    /// <summary>The decisions recorded above the power line, oldest first.</summary>
    public IReadOnlyList<PowerLineDecisionKind> Decisions { get; init; } = EquatableList<PowerLineDecisionKind>.Empty;

    /// <summary>The calm escalation of an incident, before any event.</summary>
    /// <param name="incidentId">The incident.</param>
    /// <returns>The initial status.</returns>
    public static EscalationStatus Initial(IncidentId incidentId) => new(incidentId);

    /// <summary>Whether the trigger is active.</summary>
    /// <param name="kind">The trigger.</param>
    /// <returns><see langword="true"/> when it is.</returns>
    public bool IsActive(EscalationTriggerKind kind) => ActiveTriggers.Contains(kind);
}
