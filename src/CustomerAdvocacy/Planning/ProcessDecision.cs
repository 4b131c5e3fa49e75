using System.Collections.Generic;
using CustomerAdvocacy.Incidents;

namespace CustomerAdvocacy.Planning;

/// <summary>
/// The outcome of deciding a command of a sub-process (analysis, mitigation trial, change plan, communication,
/// management review): events to record, or a rejection in the engine's vocabulary (<see cref="Rejection"/>). The same
/// shape as the engine's <see cref="Decision"/>, for processes whose events are not incident events.
/// </summary>
/// <typeparam name="TEvent">The process's event type.</typeparam>
public abstract record ProcessDecision<TEvent>
{
    private protected ProcessDecision()
    {
    }

    /// <summary>Whether the command was accepted (a repeated command id is accepted and records nothing).</summary>
    public abstract bool IsAccepted { get; }
}

/// <summary>The command was accepted and produced these events; none when the command id was already applied.</summary>
/// <typeparam name="TEvent">The process's event type.</typeparam>
/// <param name="Events">The events, with contiguous versions after the process's, or none for a repeated command.</param>
public sealed record ProcessAccepted<TEvent>(IReadOnlyList<TEvent> Events) : ProcessDecision<TEvent>
{
    /// <inheritdoc />
    public override bool IsAccepted => true;

    /// <summary>Whether the command id was applied before, so nothing new is recorded.</summary>
    public bool IsRepeat => Events.Count == 0;
}

/// <summary>The command was refused; nothing is recorded.</summary>
/// <typeparam name="TEvent">The process's event type.</typeparam>
/// <param name="Reason">Why.</param>
public sealed record ProcessRejected<TEvent>(Rejection Reason) : ProcessDecision<TEvent>
{
    /// <inheritdoc />
    public override bool IsAccepted => false;
}
