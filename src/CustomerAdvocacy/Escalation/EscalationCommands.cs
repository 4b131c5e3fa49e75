using System.Collections.Generic;
using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Escalation;

/// <summary>What an escalation command asks of the escalation machine: one trigger per command type.</summary>
public enum EscalationTrigger
{
    /// <summary><see cref="RaiseEscalation"/>.</summary>
    Raise = 0,

    /// <summary><see cref="AcknowledgeEscalation"/>.</summary>
    Acknowledge = 1,

    /// <summary><see cref="RecordEscalationTimeOut"/>.</summary>
    TimeOut = 2,

    /// <summary><see cref="ClearEscalationTrigger"/>.</summary>
    Clear = 3,

    /// <summary><see cref="RecordPowerLineDecision"/>.</summary>
    RecordDecision = 4,
}

/// <summary>A request to change an incident's escalation, from an actor in a role, identified for idempotency.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it, and in which role.</param>
public abstract record EscalationCommand(IncidentId IncidentId, CommandId CommandId, Actor Actor)
    : IncidentCommand(IncidentId, CommandId, Actor)
{
    /// <summary>The trigger this command fires on the escalation machine.</summary>
    public abstract EscalationTrigger EscalationTrigger { get; }

    /// <inheritdoc />
    public sealed override IncidentTrigger Trigger => IncidentTrigger.RaiseEscalation + (int)EscalationTrigger;
}

/// <summary>
/// Raises an escalation for a trigger: from calm it starts at the ladder's first rung; while escalating it adds the
/// trigger; while acknowledged a new trigger re-arms the time-out at the current rung.
/// </summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="Reason">The trigger.</param>
/// <param name="Detail">Why, in words.</param>
public sealed record RaiseEscalation(IncidentId IncidentId, CommandId CommandId, Actor Actor, EscalationTriggerKind Reason, string Detail)
    : EscalationCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override EscalationTrigger EscalationTrigger => EscalationTrigger.Raise;
}

/// <summary>Someone at the current rung's level (or higher) takes the escalation on; the time-out stops.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
public sealed record AcknowledgeEscalation(IncidentId IncidentId, CommandId CommandId, Actor Actor)
    : EscalationCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override EscalationTrigger EscalationTrigger => EscalationTrigger.Acknowledge;
}

/// <summary>
/// Records that the current rung timed out unacknowledged (the due-action scheduler issues it): the escalation rises
/// one rung, repeats the top rung, or is exhausted. Refused before the time-out instant.
/// </summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
public sealed record RecordEscalationTimeOut(IncidentId IncidentId, CommandId CommandId, Actor Actor)
    : EscalationCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override EscalationTrigger EscalationTrigger => EscalationTrigger.TimeOut;
}

/// <summary>A trigger is cleared; when it was the last one, the escalation de-escalates to calm.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="Reason">The trigger cleared.</param>
public sealed record ClearEscalationTrigger(IncidentId IncidentId, CommandId CommandId, Actor Actor, EscalationTriggerKind Reason)
    : EscalationCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override EscalationTrigger EscalationTrigger => EscalationTrigger.Clear;
}

/// <summary>Records a decision that only stakeholders above the power line settle.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="Decision">The decision.</param>
/// <param name="Participants">Who took part, marked above or below the power line.</param>
/// <param name="Summary">What was decided.</param>
public sealed record RecordPowerLineDecision(IncidentId IncidentId, CommandId CommandId, Actor Actor, PowerLineDecisionKind Decision, IReadOnlyList<Stakeholder> Participants, string Summary)
    : EscalationCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override EscalationTrigger EscalationTrigger => EscalationTrigger.RecordDecision;
}
