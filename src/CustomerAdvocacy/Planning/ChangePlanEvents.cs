using CustomerAdvocacy.Kernel;
using NodaTime;

namespace CustomerAdvocacy.Planning;

/// <summary>
/// An immutable fact about a change plan, recorded in the incident's stream (its version is the incident's) and tagged
/// with the plan it belongs to. The plan's progress is the fold of its events.
/// </summary>
/// <param name="Metadata">The incident stream position, time, actor and command.</param>
/// <param name="PlanId">The plan.</param>
public abstract record ChangePlanEvent(EventMetadata Metadata, ChangePlanId PlanId) : IncidentEvent(Metadata);

/// <summary>The plan was drafted into the incident; its definition is fixed from now on.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="Definition">The validated plan.</param>
public sealed record ChangePlanDrafted(EventMetadata Metadata, ChangePlanDefinition Definition) : ChangePlanEvent(Metadata, Definition.Id)
{
    /// <summary>The stable type name of <see cref="ChangePlanDrafted"/>.</summary>
    public const string TypeName = "change-plan-drafted";

    /// <inheritdoc />
    public override string EventType => TypeName;

    /// <summary>
    /// Compares the metadata and the definition's id: a drafted definition is immutable and its id names it within the
    /// incident, so the event read back from storage equals the one decided.
    /// </summary>
    /// <param name="other">The other event.</param>
    /// <returns><see langword="true"/> when both record the same plan at the same position.</returns>
    public bool Equals(ChangePlanDrafted? other)
        => other is not null && Metadata == other.Metadata && Definition.Id == other.Definition.Id;

    /// <inheritdoc />
    public override int GetHashCode() => (Metadata, Definition.Id).GetHashCode();
}

/// <summary>The plan was reviewed with the customer.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="PlanId">The plan.</param>
/// <param name="CustomerParticipantId">The customer's person it was reviewed with.</param>
public sealed record ChangePlanReviewedWithCustomer(EventMetadata Metadata, ChangePlanId PlanId, string CustomerParticipantId) : ChangePlanEvent(Metadata, PlanId)
{
    /// <summary>The stable type name of <see cref="ChangePlanReviewedWithCustomer"/>.</summary>
    public const string TypeName = "change-plan-reviewed-with-customer";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>The change's slot was booked.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="PlanId">The plan.</param>
/// <param name="Slot">The slot, inside the change windows and clear of every blackout.</param>
public sealed record ChangeScheduled(EventMetadata Metadata, ChangePlanId PlanId, Interval Slot) : ChangePlanEvent(Metadata, PlanId)
{
    /// <summary>The stable type name of <see cref="ChangeScheduled"/>.</summary>
    public const string TypeName = "change-scheduled";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>The change started.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="PlanId">The plan.</param>
public sealed record ChangeStarted(EventMetadata Metadata, ChangePlanId PlanId) : ChangePlanEvent(Metadata, PlanId)
{
    /// <summary>The stable type name of <see cref="ChangeStarted"/>.</summary>
    public const string TypeName = "change-started";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>The change passed its point of no return.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="PlanId">The plan.</param>
public sealed record ChangePointOfNoReturnPassed(EventMetadata Metadata, ChangePlanId PlanId) : ChangePlanEvent(Metadata, PlanId)
{
    /// <summary>The stable type name of <see cref="ChangePointOfNoReturnPassed"/>.</summary>
    public const string TypeName = "change-point-of-no-return-passed";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>The change was backed out.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="PlanId">The plan.</param>
/// <param name="Reason">Why.</param>
public sealed record ChangeBackedOut(EventMetadata Metadata, ChangePlanId PlanId, string Reason) : ChangePlanEvent(Metadata, PlanId)
{
    /// <summary>The stable type name of <see cref="ChangeBackedOut"/>.</summary>
    public const string TypeName = "change-backed-out";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>Validation started.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="PlanId">The plan.</param>
public sealed record ChangeValidationStarted(EventMetadata Metadata, ChangePlanId PlanId) : ChangePlanEvent(Metadata, PlanId)
{
    /// <summary>The stable type name of <see cref="ChangeValidationStarted"/>.</summary>
    public const string TypeName = "change-validation-started";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>The customer confirmed that all is well; the plan is closed.</summary>
/// <param name="Metadata">Stream position, time, actor (a customer role), command.</param>
/// <param name="PlanId">The plan.</param>
public sealed record ChangeConfirmedByCustomer(EventMetadata Metadata, ChangePlanId PlanId) : ChangePlanEvent(Metadata, PlanId)
{
    /// <summary>The stable type name of <see cref="ChangeConfirmedByCustomer"/>.</summary>
    public const string TypeName = "change-confirmed-by-customer";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>The accountable owner offered the plan to a named successor.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="PlanId">The plan.</param>
/// <param name="SuccessorId">The named successor.</param>
public sealed record ChangePlanHandoffOffered(EventMetadata Metadata, ChangePlanId PlanId, string SuccessorId) : ChangePlanEvent(Metadata, PlanId)
{
    /// <summary>The stable type name of <see cref="ChangePlanHandoffOffered"/>.</summary>
    public const string TypeName = "change-plan-handoff-offered";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>The named successor accepted; it is now the accountable owner.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="PlanId">The plan.</param>
/// <param name="PreviousOwnerId">The owner who handed off.</param>
/// <param name="NewOwnerId">The new accountable owner.</param>
public sealed record ChangePlanHandoffAccepted(EventMetadata Metadata, ChangePlanId PlanId, string PreviousOwnerId, string NewOwnerId) : ChangePlanEvent(Metadata, PlanId)
{
    /// <summary>The stable type name of <see cref="ChangePlanHandoffAccepted"/>.</summary>
    public const string TypeName = "change-plan-handoff-accepted";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>A provider person left the plan.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="PlanId">The plan.</param>
/// <param name="PersonId">Who left.</param>
public sealed record ChangePlanParticipantLeft(EventMetadata Metadata, ChangePlanId PlanId, string PersonId) : ChangePlanEvent(Metadata, PlanId)
{
    /// <summary>The stable type name of <see cref="ChangePlanParticipantLeft"/>.</summary>
    public const string TypeName = "change-plan-participant-left";

    /// <inheritdoc />
    public override string EventType => TypeName;
}
