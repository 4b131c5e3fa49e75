using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Incidents;

/// <summary>The stable names of the business rules a <see cref="RuleBroken"/> rejection refers to.</summary>
public static class IncidentRules
{
    /// <summary>A plan must carry at least one resolution criterion, each id once.</summary>
    public const string PlanNeedsAgreedCriteria = nameof(PlanNeedsAgreedCriteria);

    /// <summary>Criterion ids are unique within an incident.</summary>
    public const string CriterionIdsUnique = nameof(CriterionIdsUnique);

    /// <summary>A plan's target date lies in the future.</summary>
    public const string PlanTargetInFuture = nameof(PlanTargetInFuture);

    /// <summary>Evidence of a criterion names the evidence and who verified it, for a criterion that was agreed.</summary>
    public const string CriterionMetNeedsEvidence = nameof(CriterionMetNeedsEvidence);

    /// <summary>Resolution is proposed only when every criterion is met.</summary>
    public const string AllCriteriaMetBeforeProposal = nameof(AllCriteriaMetBeforeProposal);

    /// <summary>A dispute names at least one agreed criterion.</summary>
    public const string DisputeNamesAgreedCriteria = nameof(DisputeNamesAgreedCriteria);

    /// <summary>Closure gate: every agreed criterion is met with evidence (and there is at least one).</summary>
    public const string EveryCriterionMetWithEvidence = nameof(EveryCriterionMetWithEvidence);

    /// <summary>Closure gate: the customer confirmed after the last change to any criterion.</summary>
    public const string CustomerConfirmedAfterLastCriterionChange = nameof(CustomerConfirmedAfterLastCriterionChange);

    /// <summary>Closure gate: no commitment is outstanding.</summary>
    public const string NoOpenCommitment = nameof(NoOpenCommitment);

    /// <summary>Closure gate: an accountable owner is in place and no handoff is half done.</summary>
    public const string AccountableOwnerInPlace = nameof(AccountableOwnerInPlace);

    /// <summary>Closure gate: no commitment offer awaits the customer's answer.</summary>
    public const string NoPendingCommitmentOffer = nameof(NoPendingCommitmentOffer);

    /// <summary>
    /// A commitment has a due instant. Commands no longer break it (a commitment without one is offered with a proposed
    /// due instant instead); the name stays because stored rejections of earlier versions refer to it.
    /// </summary>
    public const string CommitmentNeedsDueDate = nameof(CommitmentNeedsDueDate);

    /// <summary>A commitment is due after the moment it is made.</summary>
    public const string CommitmentDueInFuture = nameof(CommitmentDueInFuture);

    /// <summary>The effort a commitment command names for its proposed due instant is positive.</summary>
    public const string CommitmentEffortPositive = nameof(CommitmentEffortPositive);

    /// <summary>Commitment ids are unique within an incident.</summary>
    public const string CommitmentIdsUnique = nameof(CommitmentIdsUnique);

    /// <summary>Only a known, outstanding commitment can be delivered or declared missed.</summary>
    public const string CommitmentMustBeOutstanding = nameof(CommitmentMustBeOutstanding);

    /// <summary>A commitment is declared missed only once its due instant has passed.</summary>
    public const string CommitmentMissedOnlyAfterDue = nameof(CommitmentMissedOnlyAfterDue);

    /// <summary>Only a pending offer's due instant can be accepted or rejected; a rejection gives its reason.</summary>
    public const string CommitmentOfferPending = nameof(CommitmentOfferPending);

    /// <summary>A conversation names its participants and has a unique id.</summary>
    public const string ConversationNeedsParticipants = nameof(ConversationNeedsParticipants);

    /// <summary>A private aside with an authority figure needs a due instant for the update to all participants.</summary>
    public const string PrivateAsideNeedsFollowUp = nameof(PrivateAsideNeedsFollowUp);

    /// <summary>A handoff names a successor other than the current owner.</summary>
    public const string HandoffNeedsSuccessor = nameof(HandoffNeedsSuccessor);

    /// <summary>Only the named successor of a pending handoff accepts it.</summary>
    public const string OnlyNamedSuccessorAccepts = nameof(OnlyNamedSuccessorAccepts);

    /// <summary>Only one criteria change is pending at a time, and agreeing or rejecting needs one.</summary>
    public const string CriteriaChangeOneAtATime = nameof(CriteriaChangeOneAtATime);

    /// <summary>An unrelated recurrence is opened as a different incident.</summary>
    public const string LinkedIncidentIsNew = nameof(LinkedIncidentIsNew);

    /// <summary>A customer update names its recipients.</summary>
    public const string CustomerUpdateNeedsRecipients = nameof(CustomerUpdateNeedsRecipients);

    /// <summary>
    /// A service-level warning or breach is recorded for a deadline the incident tracks and that still runs, once, and
    /// only when it is due.
    /// </summary>
    public const string ServiceLevelMustBeDue = nameof(ServiceLevelMustBeDue);

    /// <summary>Free text that a rule needs (a reason, a reference) is not blank.</summary>
    public const string TextRequired = nameof(TextRequired);
}
