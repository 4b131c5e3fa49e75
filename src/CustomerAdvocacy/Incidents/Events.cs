using System.Collections.Generic;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Resolution;
using CustomerAdvocacy.Segmentation;
using NodaTime;

namespace CustomerAdvocacy.Incidents;

/// <summary>The incident was opened.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="AccountableOwnerId">The first accountable owner.</param>
/// <param name="Policy">The policy version it is opened under.</param>
/// <param name="LinkedFrom">The incident it was split from, if any.</param>
public sealed record IncidentOpened(EventMetadata Metadata, string CustomerId, string AccountableOwnerId, PolicyReference Policy, IncidentId? LinkedFrom) : IncidentEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="IncidentOpened"/>.</summary>
    public const string TypeName = "incident-opened";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>The customer's perspective was captured.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="Perspective">The perspective.</param>
public sealed record PerspectiveCaptured(EventMetadata Metadata, CustomerPerspective Perspective) : IncidentEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="PerspectiveCaptured"/>.</summary>
    public const string TypeName = "perspective-captured";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>Analysis started.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
public sealed record AnalysisStarted(EventMetadata Metadata) : IncidentEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="AnalysisStarted"/>.</summary>
    public const string TypeName = "analysis-started";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>A get-well plan was proposed.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="TargetDate">The plan's target date.</param>
/// <param name="Criteria">The proposed criteria.</param>
public sealed record PlanProposed(EventMetadata Metadata, Instant TargetDate, IReadOnlyList<CriterionDraft> Criteria) : IncidentEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="PlanProposed"/>.</summary>
    public const string TypeName = "plan-proposed";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>The customer rejected the plan.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="Reason">Why.</param>
public sealed record PlanRejected(EventMetadata Metadata, string Reason) : IncidentEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="PlanRejected"/>.</summary>
    public const string TypeName = "plan-rejected";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>The customer approved the plan and agreed its criteria.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
public sealed record PlanApproved(EventMetadata Metadata) : IncidentEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="PlanApproved"/>.</summary>
    public const string TypeName = "plan-approved";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>Execution of the get-well plan started.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
public sealed record ExecutionStarted(EventMetadata Metadata) : IncidentEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="ExecutionStarted"/>.</summary>
    public const string TypeName = "execution-started";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>Evidence was recorded that a criterion is met.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="CriterionId">The criterion.</param>
/// <param name="Evidence">The evidence.</param>
/// <param name="VerifiedBy">Who verified it.</param>
public sealed record CriterionMet(EventMetadata Metadata, string CriterionId, string Evidence, string VerifiedBy) : IncidentEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="CriterionMet"/>.</summary>
    public const string TypeName = "criterion-met";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>Resolution was proposed to the customer.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
public sealed record ResolutionProposed(EventMetadata Metadata) : IncidentEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="ResolutionProposed"/>.</summary>
    public const string TypeName = "resolution-proposed";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>The customer confirmed the resolution.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
public sealed record ResolutionConfirmed(EventMetadata Metadata) : IncidentEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="ResolutionConfirmed"/>.</summary>
    public const string TypeName = "resolution-confirmed";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>The customer disputed the resolution.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="DisputedCriterionIds">The criteria in doubt; they are unmet again.</param>
/// <param name="Reason">Why.</param>
public sealed record ResolutionDisputed(EventMetadata Metadata, IReadOnlyList<string> DisputedCriterionIds, string Reason) : IncidentEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="ResolutionDisputed"/>.</summary>
    public const string TypeName = "resolution-disputed";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>The incident was closed against its agreed criteria.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
public sealed record IncidentResolved(EventMetadata Metadata) : IncidentEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="IncidentResolved"/>.</summary>
    public const string TypeName = "incident-resolved";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>The customer was returned to standard operating procedure.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
public sealed record IncidentReturnedToSop(EventMetadata Metadata) : IncidentEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="IncidentReturnedToSop"/>.</summary>
    public const string TypeName = "incident-returned-to-sop";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>The internal management review was completed.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
public sealed record ReviewCompleted(EventMetadata Metadata) : IncidentEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="ReviewCompleted"/>.</summary>
    public const string TypeName = "review-completed";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>A commitment was made.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="Commitment">The commitment, open.</param>
public sealed record CommitmentMade(EventMetadata Metadata, Commitment Commitment) : IncidentEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="CommitmentMade"/>.</summary>
    public const string TypeName = "commitment-made";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>A commitment was delivered.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="CommitmentId">The commitment.</param>
public sealed record CommitmentDelivered(EventMetadata Metadata, string CommitmentId) : IncidentEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="CommitmentDelivered"/>.</summary>
    public const string TypeName = "commitment-delivered";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>A commitment's due instant passed without delivery.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="CommitmentId">The commitment.</param>
public sealed record CommitmentMissed(EventMetadata Metadata, string CommitmentId) : IncidentEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="CommitmentMissed"/>.</summary>
    public const string TypeName = "commitment-missed";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>A conversation was recorded.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="Conversation">The record.</param>
public sealed record ConversationRecorded(EventMetadata Metadata, ConversationRecord Conversation) : IncidentEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="ConversationRecorded"/>.</summary>
    public const string TypeName = "conversation-recorded";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>The accountable owner offered the incident to a named successor.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="SuccessorId">The successor.</param>
public sealed record HandoffOffered(EventMetadata Metadata, string SuccessorId) : IncidentEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="HandoffOffered"/>.</summary>
    public const string TypeName = "handoff-offered";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>The named successor accepted; ownership moved in one step.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="PreviousOwnerId">The previous owner.</param>
/// <param name="NewOwnerId">The new owner.</param>
public sealed record HandoffAccepted(EventMetadata Metadata, string PreviousOwnerId, string NewOwnerId) : IncidentEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="HandoffAccepted"/>.</summary>
    public const string TypeName = "handoff-accepted";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>A related recurrence joined the incident.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="RecurrenceReference">The host's reference.</param>
/// <param name="ProposedCriteria">Criteria awaiting the customer's agreement.</param>
public sealed record RelatedRecurrenceJoined(EventMetadata Metadata, string RecurrenceReference, IReadOnlyList<CriterionDraft> ProposedCriteria) : IncidentEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="RelatedRecurrenceJoined"/>.</summary>
    public const string TypeName = "related-recurrence-joined";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>The customer agreed the pending criteria change; the criteria were added.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
public sealed record CriteriaChangeAgreed(EventMetadata Metadata) : IncidentEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="CriteriaChangeAgreed"/>.</summary>
    public const string TypeName = "criteria-change-agreed";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>The customer rejected the pending criteria change.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="Reason">Why.</param>
public sealed record CriteriaChangeRejected(EventMetadata Metadata, string Reason) : IncidentEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="CriteriaChangeRejected"/>.</summary>
    public const string TypeName = "criteria-change-rejected";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>An unrelated recurrence was split into a new, linked incident.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="RecurrenceReference">The host's reference.</param>
/// <param name="NewIncidentId">The linked incident.</param>
public sealed record UnrelatedRecurrenceLinked(EventMetadata Metadata, string RecurrenceReference, IncidentId NewIncidentId) : IncidentEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="UnrelatedRecurrenceLinked"/>.</summary>
    public const string TypeName = "unrelated-recurrence-linked";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>A commitment with a proposed due instant was offered to the customer.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="Offer">The commitment as offered; it is made only when the customer accepts.</param>
public sealed record CommitmentOffered(EventMetadata Metadata, Commitment Offer) : IncidentEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="CommitmentOffered"/>.</summary>
    public const string TypeName = "commitment-offered";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>The customer rejected an offered due instant.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="CommitmentId">The offered commitment, withdrawn.</param>
/// <param name="Reason">The customer's reason: the constraint the date did not respect.</param>
public sealed record CommitmentDueRejected(EventMetadata Metadata, string CommitmentId, string Reason) : IncidentEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="CommitmentDueRejected"/>.</summary>
    public const string TypeName = "commitment-due-rejected";

    /// <inheritdoc />
    public override string EventType => TypeName;
}
