using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Incidents;

/// <summary>The stable names of the business rules a <see cref="RuleBroken"/> rejection refers to.</summary>
public static class IncidentRules
{
    /// <summary>A plan must carry at least one resolution criterion, each id once.</summary>
    public const string PlanNeedsAgreedCriteria = "incident.plan-needs-agreed-criteria";

    /// <summary>Criterion ids are unique within an incident.</summary>
    public const string CriterionIdsUnique = "incident.criterion-ids-unique";

    /// <summary>A plan's target date lies in the future.</summary>
    public const string PlanTargetInFuture = "incident.plan-target-in-future";

    /// <summary>Evidence of a criterion names the evidence and who verified it, for a criterion that was agreed.</summary>
    public const string CriterionMetNeedsEvidence = "incident.criterion-met-needs-evidence";

    /// <summary>Resolution is proposed only when every criterion is met.</summary>
    public const string AllCriteriaMetBeforeProposal = "incident.all-criteria-met-before-proposal";

    /// <summary>A dispute names at least one agreed criterion.</summary>
    public const string DisputeNamesAgreedCriteria = "incident.dispute-names-agreed-criteria";

    /// <summary>Closure gate: every agreed criterion is met with evidence (and there is at least one).</summary>
    public const string EveryCriterionMetWithEvidence = "incident.every-criterion-met-with-evidence";

    /// <summary>Closure gate: the customer confirmed after the last change to any criterion.</summary>
    public const string CustomerConfirmedAfterLastCriterionChange = "incident.customer-confirmed-after-last-criterion-change";

    /// <summary>Closure gate: no commitment is outstanding.</summary>
    public const string NoOpenCommitment = "incident.no-open-commitment";

    /// <summary>Closure gate: an accountable owner is in place and no handoff is half done.</summary>
    public const string AccountableOwnerInPlace = "incident.accountable-owner-in-place";

    /// <summary>Closure gate: no commitment offer awaits the customer's answer.</summary>
    public const string NoPendingCommitmentOffer = "incident.no-pending-commitment-offer";

    /// <summary>
    /// A commitment has a due instant. Commands no longer break it (a commitment without one is offered with a proposed
    /// due instant instead); the name stays because stored rejections of earlier versions refer to it.
    /// </summary>
    public const string CommitmentNeedsDueDate = "incident.commitment-needs-due-date";

    /// <summary>A commitment is due after the moment it is made.</summary>
    public const string CommitmentDueInFuture = "incident.commitment-due-in-future";

    /// <summary>The effort a commitment command names for its proposed due instant is positive.</summary>
    public const string CommitmentEffortPositive = "incident.commitment-effort-positive";

    /// <summary>Commitment ids are unique within an incident.</summary>
    public const string CommitmentIdsUnique = "incident.commitment-ids-unique";

    /// <summary>Only a known, outstanding commitment can be delivered or declared missed.</summary>
    public const string CommitmentMustBeOutstanding = "incident.commitment-must-be-outstanding";

    /// <summary>A commitment is declared missed only once its due instant has passed.</summary>
    public const string CommitmentMissedOnlyAfterDue = "incident.commitment-missed-only-after-due";

    /// <summary>Only a pending offer's due instant can be accepted or rejected; a rejection gives its reason.</summary>
    public const string CommitmentOfferPending = "incident.commitment-offer-pending";

    /// <summary>A conversation names its participants and has a unique id.</summary>
    public const string ConversationNeedsParticipants = "incident.conversation-needs-participants";

    /// <summary>A private aside with an authority figure needs a due instant for the update to all participants.</summary>
    public const string PrivateAsideNeedsFollowUp = "incident.private-aside-needs-follow-up";

    /// <summary>A handoff names a successor other than the current owner.</summary>
    public const string HandoffNeedsSuccessor = "incident.handoff-needs-successor";

    /// <summary>Only the named successor of a pending handoff accepts it.</summary>
    public const string OnlyNamedSuccessorAccepts = "incident.only-named-successor-accepts";

    /// <summary>Only one criteria change is pending at a time, and agreeing or rejecting needs one.</summary>
    public const string CriteriaChangeOneAtATime = "incident.criteria-change-one-at-a-time";

    /// <summary>An unrelated recurrence is opened as a different incident.</summary>
    public const string LinkedIncidentIsNew = "incident.linked-incident-is-new";

    /// <summary>A customer update names its recipients.</summary>
    public const string CustomerUpdateNeedsRecipients = "incident.customer-update-needs-recipients";

    /// <summary>
    /// A service-level warning or breach is recorded for a deadline the incident tracks and that still runs, once, and
    /// only when it is due.
    /// </summary>
    public const string ServiceLevelMustBeDue = "incident.service-level-must-be-due";

    /// <summary>Free text that a rule needs (a reason, a reference) is not blank.</summary>
    public const string TextRequired = "incident.text-required";
}
