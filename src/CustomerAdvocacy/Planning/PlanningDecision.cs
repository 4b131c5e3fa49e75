using System.Collections.Generic;
using CustomerAdvocacy.Incidents;

namespace CustomerAdvocacy.Planning;

/// <summary>
/// The outcome of deciding a planning command (a change plan's or a communication's): events to record, or a
/// rejection in the engine's vocabulary (<see cref="Rejection"/>).
/// </summary>
/// <typeparam name="TEvent">The kind of event the machine records.</typeparam>
public abstract record PlanningDecision<TEvent>
{
    private protected PlanningDecision()
    {
    }

    /// <summary>Whether the command was accepted.</summary>
    public abstract bool IsAccepted { get; }
}

/// <summary>The command was accepted.</summary>
/// <typeparam name="TEvent">The kind of event.</typeparam>
/// <param name="Events">The events to record; empty when the command id was already applied (idempotent repeat).</param>
/// <param name="AlreadyApplied">Whether this command id was applied before, so nothing new is recorded.</param>
public sealed record PlanningAccepted<TEvent>(IReadOnlyList<TEvent> Events, bool AlreadyApplied) : PlanningDecision<TEvent>
{
    /// <inheritdoc />
    public override bool IsAccepted => true;
}

/// <summary>The command was refused; nothing is recorded.</summary>
/// <typeparam name="TEvent">The kind of event.</typeparam>
/// <param name="Reason">Why.</param>
public sealed record PlanningRejected<TEvent>(Rejection Reason) : PlanningDecision<TEvent>
{
    /// <inheritdoc />
    public override bool IsAccepted => false;
}
