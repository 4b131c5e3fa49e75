using System.Collections.Generic;
using CustomerAdvocacy.Kernel;
using NodaTime;

namespace CustomerAdvocacy.Escalation;

/// <summary>
/// An immutable fact about an incident's escalation. It carries the engine's <see cref="EventMetadata"/> so it can be
/// folded into the incident's event stream.
/// </summary>
/// <param name="Metadata">The stream position, time, actor and command.</param>
public abstract record EscalationEvent(EventMetadata Metadata) : IncidentEvent(Metadata);

/// <summary>The escalation started at a rung (from calm), or was re-armed there by a new trigger after an acknowledgement.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="Reason">The trigger.</param>
/// <param name="Detail">Why, in words.</param>
/// <param name="Rung">The rung's index in the ladder.</param>
/// <param name="Level">The rung's level.</param>
/// <param name="TimeOutAt">When the rung times out if nobody acknowledges it.</param>
public sealed record EscalationRaised(EventMetadata Metadata, EscalationTriggerKind Reason, string Detail, int Rung, EscalationLevel Level, Instant TimeOutAt) : EscalationEvent(Metadata)
{
    /// <summary>The stable type name.</summary>
    public const string TypeName = "escalation-raised";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>Another trigger joined a running escalation; the time-out is unchanged.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="Reason">The trigger.</param>
/// <param name="Detail">Why, in words.</param>
public sealed record EscalationTriggerAdded(EventMetadata Metadata, EscalationTriggerKind Reason, string Detail) : EscalationEvent(Metadata)
{
    /// <summary>The stable type name.</summary>
    public const string TypeName = "escalation-trigger-added";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>Someone at the rung's level or higher took the escalation on; the time-out stopped.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="Rung">The rung acknowledged.</param>
/// <param name="Level">Its level.</param>
public sealed record EscalationAcknowledged(EventMetadata Metadata, int Rung, EscalationLevel Level) : EscalationEvent(Metadata)
{
    /// <summary>The stable type name.</summary>
    public const string TypeName = "escalation-acknowledged";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>The rung timed out unacknowledged and the escalation rose to the next rung, or repeated the top one.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="FromRung">The rung that timed out.</param>
/// <param name="ToRung">The rung reached (the same, top rung for a repeat).</param>
/// <param name="Level">The level reached.</param>
/// <param name="Repeat">The repeat of the top rung this is (zero when it is not a repeat).</param>
/// <param name="TimeOutAt">When the reached rung times out.</param>
public sealed record EscalationRose(EventMetadata Metadata, int FromRung, int ToRung, EscalationLevel Level, int Repeat, Instant TimeOutAt) : EscalationEvent(Metadata)
{
    /// <summary>The stable type name.</summary>
    public const string TypeName = "escalation-rose";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>The top rung timed out with no repeat left: nobody is left to escalate to.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="Level">The top level.</param>
public sealed record EscalationExhausted(EventMetadata Metadata, EscalationLevel Level) : EscalationEvent(Metadata)
{
    /// <summary>The stable type name.</summary>
    public const string TypeName = "escalation-exhausted";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>A trigger was cleared; when <paramref name="Deescalated"/>, it was the last and the escalation is calm again.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="Reason">The trigger cleared.</param>
/// <param name="Deescalated">Whether the escalation returned to calm.</param>
public sealed record EscalationTriggerCleared(EventMetadata Metadata, EscalationTriggerKind Reason, bool Deescalated) : EscalationEvent(Metadata)
{
    /// <summary>The stable type name.</summary>
    public const string TypeName = "escalation-trigger-cleared";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>A decision above the power line was recorded.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="Decision">The decision.</param>
/// <param name="Participants">Who took part.</param>
/// <param name="Summary">What was decided.</param>
public sealed record PowerLineDecisionRecorded(EventMetadata Metadata, PowerLineDecisionKind Decision, IReadOnlyList<Stakeholder> Participants, string Summary) : EscalationEvent(Metadata)
{
    /// <summary>The stable type name.</summary>
    public const string TypeName = "power-line-decision-recorded";

    /// <inheritdoc />
    public override string EventType => TypeName;
}
