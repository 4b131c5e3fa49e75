using System.Collections.Generic;
using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Escalation;

/// <summary>The escalation machine does not permit the command's trigger in the current phase.</summary>
/// <param name="Phase">The escalation's phase.</param>
/// <param name="Trigger">The trigger asked for.</param>
public sealed record EscalationNotPermitted(EscalationPhase Phase, EscalationTrigger Trigger) : Rejection
{
    /// <inheritdoc />
    public override string Kind => nameof(EscalationNotPermitted);
}

/// <summary>The actor's role may not issue the escalation command (or is below the level it must act at).</summary>
/// <param name="Role">The role the actor acted in.</param>
/// <param name="Trigger">The trigger asked for.</param>
/// <param name="Detail">Why, in words.</param>
public sealed record EscalationNotAuthorized(IncidentRole Role, EscalationTrigger Trigger, string Detail) : Rejection
{
    /// <inheritdoc />
    public override string Kind => nameof(EscalationNotAuthorized);
}

/// <summary>The outcome of deciding an escalation command: events to record, or a rejection.</summary>
internal abstract record EscalationDecision
{
    private protected EscalationDecision()
    {
    }

    /// <summary>Whether the command was accepted.</summary>
    public abstract bool IsAccepted { get; }
}

/// <summary>The command was accepted and produced these events (at least one).</summary>
/// <param name="Events">The events, with contiguous versions after the escalation's.</param>
internal sealed record EscalationAccepted(IReadOnlyList<EscalationEvent> Events) : EscalationDecision
{
    /// <inheritdoc />
    public override bool IsAccepted => true;
}

/// <summary>
/// The command was refused: <see cref="StaleVersion"/>, <see cref="EscalationNotAuthorized"/>,
/// <see cref="EscalationNotPermitted"/>, or <see cref="RuleBroken"/> with a rule of <see cref="EscalationRules"/>.
/// </summary>
/// <param name="Reason">Why.</param>
internal sealed record EscalationRejected(Rejection Reason) : EscalationDecision
{
    /// <inheritdoc />
    public override bool IsAccepted => false;
}

