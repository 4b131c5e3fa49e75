using System.Collections.Generic;

namespace CustomerAdvocacy.Incidents;

/// <summary>Why a command was refused. A rejection is a value: it changes nothing and records no event.</summary>
public abstract record Rejection
{
    private protected Rejection()
    {
    }

    /// <summary>A short, stable name for the kind of rejection (safe to log).</summary>
    public abstract string Kind { get; }
}

/// <summary>The lifecycle does not permit the command's trigger in the incident's current state.</summary>
/// <param name="State">The incident's state.</param>
/// <param name="Trigger">The trigger asked for.</param>
public sealed record NotPermittedInState(IncidentState State, IncidentTrigger Trigger) : Rejection
{
    /// <inheritdoc />
    public override string Kind => nameof(NotPermittedInState);
}

/// <summary>The actor may not issue the command: its role is not allowed, or it is not who the role requires.</summary>
/// <param name="Role">The role the actor acted in.</param>
/// <param name="Trigger">The trigger asked for.</param>
/// <param name="Detail">Why, in words.</param>
public sealed record NotAuthorized(IncidentRole Role, IncidentTrigger Trigger, string Detail) : Rejection
{
    /// <inheritdoc />
    public override string Kind => nameof(NotAuthorized);
}

/// <summary>
/// A sub-process's state machine (a change plan's, a communication's, a trial's, a review's) does not permit the
/// command's trigger in the process's current state: the same kind of rejection as the lifecycle's
/// <see cref="NotPermittedInState"/>, typed by the process's own states and triggers.
/// </summary>
/// <typeparam name="TState">The process's state type.</typeparam>
/// <typeparam name="TTrigger">The process's trigger type.</typeparam>
/// <param name="State">The process's state.</param>
/// <param name="Trigger">The trigger asked for.</param>
public sealed record NotPermittedInState<TState, TTrigger>(TState State, TTrigger Trigger) : Rejection
{
    /// <inheritdoc />
    public override string Kind => nameof(NotPermittedInState);
}

/// <summary>
/// The actor may not issue a sub-process's command: its role is not allowed, or it is not who the role requires. The
/// same kind of rejection as the lifecycle's <see cref="NotAuthorized"/>, typed by the process's own triggers.
/// </summary>
/// <typeparam name="TTrigger">The process's trigger type; the command's name for a process without triggers.</typeparam>
/// <param name="Role">The role the actor acted in.</param>
/// <param name="Trigger">The trigger asked for.</param>
/// <param name="Detail">Why, in words.</param>
public sealed record NotAuthorized<TTrigger>(IncidentRole Role, TTrigger Trigger, string Detail) : Rejection
{
    /// <inheritdoc />
    public override string Kind => nameof(NotAuthorized);
}

/// <summary>A business rule refuses the command.</summary>
/// <param name="Rule">The rule's stable name, from the deciding process's rule set (<see cref="IncidentRules"/> for the incident itself; each sub-process has its own, such as <c>PlanningRules</c> or <c>EscalationRules</c>).</param>
/// <param name="Detail">What is wrong, in words.</param>
public sealed record RuleBroken(string Rule, string Detail) : Rejection
{
    /// <inheritdoc />
    public override string Kind => nameof(RuleBroken);
}

/// <summary>The command was issued against a version the incident has moved past.</summary>
/// <param name="ExpectedVersion">The version the issuer saw.</param>
/// <param name="ActualVersion">The incident's version.</param>
public sealed record StaleVersion(long ExpectedVersion, long ActualVersion) : Rejection
{
    /// <inheritdoc />
    public override string Kind => nameof(StaleVersion);
}

/// <summary>The outcome of deciding a command: events to record, or a rejection.</summary>
public abstract record Decision
{
    private protected Decision()
    {
    }

    /// <summary>Whether the command was accepted.</summary>
    public abstract bool IsAccepted { get; }
}

/// <summary>The command was accepted and produced these events (at least one).</summary>
/// <param name="Events">The events, with contiguous versions after the incident's.</param>
public sealed record Accepted(IReadOnlyList<IncidentEvent> Events) : Decision
{
    /// <inheritdoc />
    public override bool IsAccepted => true;
}

/// <summary>The command was refused.</summary>
/// <param name="Reason">Why.</param>
public sealed record Rejected(Rejection Reason) : Decision
{
    /// <inheritdoc />
    public override bool IsAccepted => false;
}
