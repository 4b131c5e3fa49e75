using System.Collections.Generic;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Resolution;
using CustomerAdvocacy.Segmentation;
using NodaTime;

namespace CustomerAdvocacy.Incidents;

/// <summary>Opens an incident for a customer with its accountable owner and the policy it is opened under.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="CustomerId">The customer (opaque host identifier).</param>
/// <param name="AccountableOwnerId">The single point of accountability from the start.</param>
/// <param name="Policy">The segment policy version the incident is opened under.</param>
/// <param name="LinkedFrom">The incident this one was split from by an unrelated recurrence, if any.</param>
public sealed record OpenIncident(IncidentId IncidentId, CommandId CommandId, Actor Actor, string CustomerId, string AccountableOwnerId, PolicyReference Policy, IncidentId? LinkedFrom)
    : IncidentCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override IncidentTrigger Trigger => IncidentTrigger.Open;
}

/// <summary>Records the customer's perspective; nothing may be promised before it.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="Perspective">The customer's perspective.</param>
public sealed record CapturePerspective(IncidentId IncidentId, CommandId CommandId, Actor Actor, CustomerPerspective Perspective)
    : IncidentCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override IncidentTrigger Trigger => IncidentTrigger.CapturePerspective;
}

/// <summary>Starts establishing facts before remedies.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
public sealed record StartAnalysis(IncidentId IncidentId, CommandId CommandId, Actor Actor)
    : IncidentCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override IncidentTrigger Trigger => IncidentTrigger.StartAnalysis;
}

/// <summary>Proposes the get-well plan with its target date and the resolution criteria to agree with the customer.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="TargetDate">When the get-well plan should be done; advocacy must not stay open-ended.</param>
/// <param name="Criteria">The criteria for closing, to be agreed by the customer.</param>
public sealed record ProposePlan(IncidentId IncidentId, CommandId CommandId, Actor Actor, Instant TargetDate, IReadOnlyList<CriterionDraft> Criteria)
    : IncidentCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override IncidentTrigger Trigger => IncidentTrigger.ProposePlan;
}

/// <summary>The customer rejects the proposed plan; analysis resumes.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="Reason">Why the customer rejects it (the hidden constraint it reveals).</param>
public sealed record RejectPlan(IncidentId IncidentId, CommandId CommandId, Actor Actor, string Reason)
    : IncidentCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override IncidentTrigger Trigger => IncidentTrigger.RejectPlan;
}

/// <summary>The customer approves the proposed plan and thereby agrees its criteria.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
public sealed record ApprovePlan(IncidentId IncidentId, CommandId CommandId, Actor Actor)
    : IncidentCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override IncidentTrigger Trigger => IncidentTrigger.ApprovePlan;
}

/// <summary>Starts executing the approved get-well plan.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
public sealed record StartExecution(IncidentId IncidentId, CommandId CommandId, Actor Actor)
    : IncidentCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override IncidentTrigger Trigger => IncidentTrigger.StartExecution;
}

/// <summary>Records the evidence that an agreed criterion is met.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="CriterionId">The criterion.</param>
/// <param name="Evidence">The evidence.</param>
/// <param name="VerifiedBy">Who verified the evidence.</param>
public sealed record RecordCriterionMet(IncidentId IncidentId, CommandId CommandId, Actor Actor, string CriterionId, string Evidence, string VerifiedBy)
    : IncidentCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override IncidentTrigger Trigger => IncidentTrigger.RecordCriterionMet;
}

/// <summary>Tells the customer every criterion is met and asks for confirmation.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
public sealed record ProposeResolution(IncidentId IncidentId, CommandId CommandId, Actor Actor)
    : IncidentCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override IncidentTrigger Trigger => IncidentTrigger.ProposeResolution;
}

/// <summary>The customer confirms the incident is resolved. Only the customer can give it.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
public sealed record ConfirmResolution(IncidentId IncidentId, CommandId CommandId, Actor Actor)
    : IncidentCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override IncidentTrigger Trigger => IncidentTrigger.ConfirmResolution;
}

/// <summary>The customer disputes the resolution; work returns to the disputed criteria only.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="DisputedCriterionIds">The criteria the customer doubts.</param>
/// <param name="Reason">Why.</param>
public sealed record DisputeResolution(IncidentId IncidentId, CommandId CommandId, Actor Actor, IReadOnlyList<string> DisputedCriterionIds, string Reason)
    : IncidentCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override IncidentTrigger Trigger => IncidentTrigger.DisputeResolution;
}

/// <summary>Closes the incident. The closure gate decides.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
public sealed record CloseIncident(IncidentId IncidentId, CommandId CommandId, Actor Actor)
    : IncidentCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override IncidentTrigger Trigger => IncidentTrigger.Close;
}

/// <summary>Hands the customer back to standard operating procedure.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
public sealed record ReturnToSop(IncidentId IncidentId, CommandId CommandId, Actor Actor)
    : IncidentCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override IncidentTrigger Trigger => IncidentTrigger.ReturnToSop;
}

/// <summary>Records that the internal management review is complete.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
public sealed record CompleteReview(IncidentId IncidentId, CommandId CommandId, Actor Actor)
    : IncidentCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override IncidentTrigger Trigger => IncidentTrigger.CompleteReview;
}

/// <summary>
/// Makes a commitment with the due instant the customer named. There is no commitment without a due instant: when the
/// customer names none, the decider proposes one in the customer's calendar (the owner's outstanding commitments on
/// the incident first, then the work, then a buffer) and records it as an offer for the customer to accept or reject.
/// </summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="CommitmentId">A stable identifier, unique within the incident.</param>
/// <param name="OwnerId">Who delivers it.</param>
/// <param name="Description">What is promised.</param>
/// <param name="Due">When it is due, as named by the customer; <see langword="null"/> to have one proposed and offered.</param>
public sealed record MakeCommitment(IncidentId IncidentId, CommandId CommandId, Actor Actor, string CommitmentId, string OwnerId, string Description, Instant? Due)
    : IncidentCommand(IncidentId, CommandId, Actor)
{
    /// <summary>
    /// The business time the work needs, for proposing a due instant when <see cref="Due"/> is absent;
    /// <see langword="null"/> uses <see cref="CommitmentProposalSettings.DefaultEffort"/> of the context.
    /// </summary>
    public Duration? Effort { get; init; }

    /// <inheritdoc />
    public override IncidentTrigger Trigger => IncidentTrigger.MakeCommitment;
}

/// <summary>Records that a commitment was delivered.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="CommitmentId">The commitment.</param>
public sealed record DeliverCommitment(IncidentId IncidentId, CommandId CommandId, Actor Actor, string CommitmentId)
    : IncidentCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override IncidentTrigger Trigger => IncidentTrigger.DeliverCommitment;
}

/// <summary>Records that a commitment's due instant passed without delivery.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="CommitmentId">The commitment.</param>
public sealed record RecordCommitmentMissed(IncidentId IncidentId, CommandId CommandId, Actor Actor, string CommitmentId)
    : IncidentCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override IncidentTrigger Trigger => IncidentTrigger.RecordCommitmentMissed;
}

/// <summary>Records a conversation with its participants; a private aside demands a follow-up update to all.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="ConversationId">A stable identifier, unique within the incident.</param>
/// <param name="Participants">Everyone involved.</param>
/// <param name="PrivateAsideWith">The authority figure of a private aside, or <see langword="null"/>.</param>
/// <param name="FollowUpDue">When the update to all participants is due; required for a private aside.</param>
public sealed record RecordConversation(IncidentId IncidentId, CommandId CommandId, Actor Actor, string ConversationId, IReadOnlyList<string> Participants, string? PrivateAsideWith, Instant? FollowUpDue)
    : IncidentCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override IncidentTrigger Trigger => IncidentTrigger.RecordConversation;
}

/// <summary>The accountable owner offers the incident to a named successor.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="SuccessorId">The named successor.</param>
public sealed record HandOff(IncidentId IncidentId, CommandId CommandId, Actor Actor, string SuccessorId)
    : IncidentCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override IncidentTrigger Trigger => IncidentTrigger.HandOff;
}

/// <summary>The named successor accepts ownership.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
public sealed record AcceptHandoff(IncidentId IncidentId, CommandId CommandId, Actor Actor)
    : IncidentCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override IncidentTrigger Trigger => IncidentTrigger.AcceptHandoff;
}

/// <summary>Classifies a similar incident as related: it joins this one and may propose criteria for the customer to agree.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="RecurrenceReference">The host's reference for the recurrence.</param>
/// <param name="ProposedCriteria">Criteria to add, once the customer agrees; may be empty.</param>
public sealed record ClassifyRelatedRecurrence(IncidentId IncidentId, CommandId CommandId, Actor Actor, string RecurrenceReference, IReadOnlyList<CriterionDraft> ProposedCriteria)
    : IncidentCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override IncidentTrigger Trigger => IncidentTrigger.ClassifyRelatedRecurrence;
}

/// <summary>The customer agrees the pending criteria change.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
public sealed record AgreeCriteriaChange(IncidentId IncidentId, CommandId CommandId, Actor Actor)
    : IncidentCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override IncidentTrigger Trigger => IncidentTrigger.AgreeCriteriaChange;
}

/// <summary>The customer rejects the pending criteria change.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="Reason">Why.</param>
public sealed record RejectCriteriaChange(IncidentId IncidentId, CommandId CommandId, Actor Actor, string Reason)
    : IncidentCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override IncidentTrigger Trigger => IncidentTrigger.RejectCriteriaChange;
}

/// <summary>Classifies a similar incident as unrelated: a new incident is opened and linked; this one can still close.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="RecurrenceReference">The host's reference for the recurrence.</param>
/// <param name="NewIncidentId">The id of the incident to open for it.</param>
public sealed record ClassifyUnrelatedRecurrence(IncidentId IncidentId, CommandId CommandId, Actor Actor, string RecurrenceReference, IncidentId NewIncidentId)
    : IncidentCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override IncidentTrigger Trigger => IncidentTrigger.ClassifyUnrelatedRecurrence;
}

/// <summary>
/// Offers the customer a commitment with a due instant the issuer proposes (a <see cref="MakeCommitment"/> without a due
/// instant has the decider propose one instead). It becomes a commitment only when the customer accepts.
/// </summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="CommitmentId">A stable identifier, unique within the incident.</param>
/// <param name="OwnerId">Who would deliver it.</param>
/// <param name="Description">What is promised.</param>
/// <param name="ProposedDue">The proposed due instant.</param>
public sealed record OfferCommitment(IncidentId IncidentId, CommandId CommandId, Actor Actor, string CommitmentId, string OwnerId, string Description, Instant ProposedDue)
    : IncidentCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override IncidentTrigger Trigger => IncidentTrigger.OfferCommitment;
}

/// <summary>The customer accepts an offered commitment's due instant: the commitment is made.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="CommitmentId">The offered commitment.</param>
public sealed record AcceptCommitmentDue(IncidentId IncidentId, CommandId CommandId, Actor Actor, string CommitmentId)
    : IncidentCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override IncidentTrigger Trigger => IncidentTrigger.AcceptCommitmentDue;
}

/// <summary>
/// The customer rejects an offered due instant, saying why (the hidden constraint it reveals); a date is then
/// negotiated and made with <see cref="MakeCommitment"/> or a new offer.
/// </summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="CommitmentId">The offered commitment.</param>
/// <param name="Reason">Why the date does not work for the customer.</param>
public sealed record RejectCommitmentDue(IncidentId IncidentId, CommandId CommandId, Actor Actor, string CommitmentId, string Reason)
    : IncidentCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override IncidentTrigger Trigger => IncidentTrigger.RejectCommitmentDue;
}
