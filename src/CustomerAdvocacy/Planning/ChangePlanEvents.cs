using CustomerAdvocacy.Incidents;
using NodaTime;

namespace CustomerAdvocacy.Planning;

/// <summary>What every change-plan event carries.</summary>
/// <param name="PlanId">The plan (the stream).</param>
/// <param name="Version">The event's position in the stream, from 1, contiguous.</param>
/// <param name="OccurredAt">When it was decided, from the host's clock.</param>
/// <param name="Actor">Who caused it.</param>
/// <param name="CommandId">The command that produced it.</param>
public sealed record ChangePlanEventMetadata(ChangePlanId PlanId, long Version, Instant OccurredAt, Actor Actor, CommandId CommandId);

/// <summary>An immutable fact about a change plan. The plan's progress is the fold of its events.</summary>
/// <param name="Metadata">The stream position, time, actor and command.</param>
public abstract record ChangePlanEvent(ChangePlanEventMetadata Metadata);

/// <summary>The plan was reviewed with the customer.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="CustomerParticipantId">The customer's person it was reviewed with.</param>
public sealed record ChangePlanReviewedWithCustomer(ChangePlanEventMetadata Metadata, string CustomerParticipantId) : ChangePlanEvent(Metadata);

/// <summary>The change's slot was booked.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="Slot">The slot, inside the change windows and clear of every blackout.</param>
public sealed record ChangeScheduled(ChangePlanEventMetadata Metadata, Interval Slot) : ChangePlanEvent(Metadata);

/// <summary>The change started.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
public sealed record ChangeStarted(ChangePlanEventMetadata Metadata) : ChangePlanEvent(Metadata);

/// <summary>The change passed its point of no return.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
public sealed record ChangePointOfNoReturnPassed(ChangePlanEventMetadata Metadata) : ChangePlanEvent(Metadata);

/// <summary>The change was backed out.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="Reason">Why.</param>
public sealed record ChangeBackedOut(ChangePlanEventMetadata Metadata, string Reason) : ChangePlanEvent(Metadata);

/// <summary>Validation started.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
public sealed record ChangeValidationStarted(ChangePlanEventMetadata Metadata) : ChangePlanEvent(Metadata);

/// <summary>The customer confirmed that all is well; the plan is closed.</summary>
/// <param name="Metadata">Stream position, time, actor (a customer role), command.</param>
public sealed record ChangeConfirmedByCustomer(ChangePlanEventMetadata Metadata) : ChangePlanEvent(Metadata);

/// <summary>The accountable owner offered the plan to a named successor.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="SuccessorId">The named successor.</param>
public sealed record ChangePlanHandoffOffered(ChangePlanEventMetadata Metadata, string SuccessorId) : ChangePlanEvent(Metadata);

/// <summary>The named successor accepted; it is now the accountable owner.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="PreviousOwnerId">The owner who handed off.</param>
/// <param name="NewOwnerId">The new accountable owner.</param>
public sealed record ChangePlanHandoffAccepted(ChangePlanEventMetadata Metadata, string PreviousOwnerId, string NewOwnerId) : ChangePlanEvent(Metadata);

/// <summary>A provider person left the plan.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="PersonId">Who left.</param>
public sealed record ChangePlanParticipantLeft(ChangePlanEventMetadata Metadata, string PersonId) : ChangePlanEvent(Metadata);
