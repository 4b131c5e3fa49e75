using System.Collections.Generic;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Planning;
using NodaTime;

namespace CustomerAdvocacy.Review;

/// <summary>A request to move an internal management review, from an actor in a role, identified for idempotency.</summary>
/// <param name="IncidentId">The incident reviewed.</param>
/// <param name="CommandId">Identifies the command; the same id applied twice records its events once.</param>
/// <param name="Actor">Who issues it, and in which role.</param>
public abstract record ReviewCommand(IncidentId IncidentId, CommandId CommandId, Actor Actor)
    : IncidentCommand(IncidentId, CommandId, Actor)
{
    /// <summary>The trigger the command fires on the review machine.</summary>
    public abstract ReviewTrigger ReviewTrigger { get; }

    /// <inheritdoc />
    public sealed override IncidentTrigger Trigger => IncidentTrigger.StartManagementReview + (int)ReviewTrigger;
}

/// <summary>Starts the review after the incident returned to SOP; it is due the policy's business days after closure.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="ClosedAt">When the incident was closed.</param>
public sealed record StartManagementReview(IncidentId IncidentId, CommandId CommandId, Actor Actor, Instant ClosedAt) : ReviewCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override ReviewTrigger ReviewTrigger => ReviewTrigger.Start;
}

/// <summary>Records (or replaces) the chronology, contributing factors and learnings.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="Chronology">What happened when.</param>
/// <param name="Factors">What contributed, each with its owner.</param>
/// <param name="Learnings">What we learned.</param>
public sealed record RecordReviewFindings(IncidentId IncidentId, CommandId CommandId, Actor Actor, IReadOnlyList<ChronologyEntry> Chronology, IReadOnlyList<ContributingFactor> Factors, IReadOnlyList<string> Learnings) : ReviewCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override ReviewTrigger ReviewTrigger => ReviewTrigger.RecordFindings;
}

/// <summary>Adds a preventive action with its owner and due date.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="Action">The action.</param>
public sealed record AddPreventiveAction(IncidentId IncidentId, CommandId CommandId, Actor Actor, PreventiveAction Action) : ReviewCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override ReviewTrigger ReviewTrigger => ReviewTrigger.AddPreventiveAction;
}

/// <summary>Assesses the customer's fit; an outdated solution with recurring incidents gets an upgrade recommendation.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="Facts">The facts.</param>
public sealed record AssessCustomerFit(IncidentId IncidentId, CommandId CommandId, Actor Actor, CustomerFitFacts Facts) : ReviewCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override ReviewTrigger ReviewTrigger => ReviewTrigger.AssessCustomerFit;
}

/// <summary>Staff recommend ending the relationship on an assessed ground; only an executive decides.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="Ground">The ground.</param>
/// <param name="Rationale">Why, in words.</param>
public sealed record RecommendTermination(IncidentId IncidentId, CommandId CommandId, Actor Actor, TerminationGround Ground, string Rationale) : ReviewCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override ReviewTrigger ReviewTrigger => ReviewTrigger.RecommendTermination;
}

/// <summary>An executive decides the termination recommendation.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="Terminate">Whether the relationship ends.</param>
/// <param name="Rationale">Why, in words.</param>
public sealed record DecideTermination(IncidentId IncidentId, CommandId CommandId, Actor Actor, bool Terminate, string Rationale) : ReviewCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override ReviewTrigger ReviewTrigger => ReviewTrigger.DecideTermination;
}

/// <summary>Completes the review.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
public sealed record CompleteManagementReview(IncidentId IncidentId, CommandId CommandId, Actor Actor) : ReviewCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override ReviewTrigger ReviewTrigger => ReviewTrigger.Complete;
}
