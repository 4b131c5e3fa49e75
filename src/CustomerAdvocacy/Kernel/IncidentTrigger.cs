namespace CustomerAdvocacy.Kernel;

/// <summary>What a command asks of the lifecycle: one trigger per command type.</summary>
public enum IncidentTrigger
{
    /// <summary><see cref="Incidents.OpenIncident"/>.</summary>
    Open = 0,

    /// <summary><see cref="CapturePerspective"/>.</summary>
    CapturePerspective,

    /// <summary><see cref="StartAnalysis"/>.</summary>
    StartAnalysis,

    /// <summary><see cref="ProposePlan"/>.</summary>
    ProposePlan,

    /// <summary><see cref="RejectPlan"/>.</summary>
    RejectPlan,

    /// <summary><see cref="ApprovePlan"/>.</summary>
    ApprovePlan,

    /// <summary><see cref="StartExecution"/>.</summary>
    StartExecution,

    /// <summary><see cref="RecordCriterionMet"/>.</summary>
    RecordCriterionMet,

    /// <summary><see cref="ProposeResolution"/>.</summary>
    ProposeResolution,

    /// <summary><see cref="ConfirmResolution"/>.</summary>
    ConfirmResolution,

    /// <summary><see cref="DisputeResolution"/>.</summary>
    DisputeResolution,

    /// <summary><see cref="Incidents.CloseIncident"/>.</summary>
    Close,

    /// <summary><see cref="ReturnToSop"/>.</summary>
    ReturnToSop,

    /// <summary><see cref="CompleteReview"/>.</summary>
    CompleteReview,

    /// <summary><see cref="MakeCommitment"/>.</summary>
    MakeCommitment,

    /// <summary><see cref="DeliverCommitment"/>.</summary>
    DeliverCommitment,

    /// <summary><see cref="RecordCommitmentMissed"/>.</summary>
    RecordCommitmentMissed,

    /// <summary><see cref="RecordConversation"/>.</summary>
    RecordConversation,

    /// <summary><see cref="HandOff"/>.</summary>
    HandOff,

    /// <summary><see cref="AcceptHandoff"/>.</summary>
    AcceptHandoff,

    /// <summary><see cref="ClassifyRelatedRecurrence"/>.</summary>
    ClassifyRelatedRecurrence,

    /// <summary><see cref="AgreeCriteriaChange"/>.</summary>
    AgreeCriteriaChange,

    /// <summary><see cref="RejectCriteriaChange"/>.</summary>
    RejectCriteriaChange,

    /// <summary><see cref="ClassifyUnrelatedRecurrence"/>.</summary>
    ClassifyUnrelatedRecurrence,

    /// <summary><see cref="OfferCommitment"/>.</summary>
    OfferCommitment,

    /// <summary><see cref="AcceptCommitmentDue"/>.</summary>
    AcceptCommitmentDue,

    /// <summary><see cref="RejectCommitmentDue"/>.</summary>
    RejectCommitmentDue,

    /// <summary><see cref="SendCustomerUpdate"/>.</summary>
    SendCustomerUpdate,

    /// <summary><see cref="RecordServiceLevelWarning"/>.</summary>
    RecordServiceLevelWarning,

    /// <summary><see cref="RecordServiceLevelBreach"/>.</summary>
    RecordServiceLevelBreach,

    // Sub-process triggers are numbered from 100, in blocks of ten per process, so lifecycle triggers can be added
    // after RejectCommitmentDue without renumbering them (the authorization table is indexed by value).

    /// <summary>Escalation: <see cref="CustomerAdvocacy.Escalation.RaiseEscalation"/>.</summary>
    RaiseEscalation = 100,

    /// <summary>Escalation: <see cref="CustomerAdvocacy.Escalation.AcknowledgeEscalation"/>.</summary>
    AcknowledgeEscalation = 101,

    /// <summary>Escalation: <see cref="CustomerAdvocacy.Escalation.RecordEscalationTimeOut"/>.</summary>
    RecordEscalationTimeOut = 102,

    /// <summary>Escalation: <see cref="CustomerAdvocacy.Escalation.ClearEscalationTrigger"/>.</summary>
    ClearEscalationTrigger = 103,

    /// <summary>Escalation: <see cref="CustomerAdvocacy.Escalation.RecordPowerLineDecision"/>.</summary>
    RecordPowerLineDecision = 104,

    /// <summary>Analysis: <see cref="CustomerAdvocacy.Planning.RecordFact"/>.</summary>
    RecordFact = 110,

    /// <summary>Analysis: <see cref="CustomerAdvocacy.Planning.ProposeScenario"/>.</summary>
    ProposeScenario = 111,

    /// <summary>Analysis: <see cref="CustomerAdvocacy.Planning.RecordSituationSummary"/>.</summary>
    RecordSituationSummary = 112,

    /// <summary>Analysis: <see cref="CustomerAdvocacy.Planning.DraftProposal"/>.</summary>
    DraftProposal = 113,

    /// <summary>Analysis: <see cref="CustomerAdvocacy.Planning.ApproveProposal"/>.</summary>
    ApproveProposal = 114,

    /// <summary>Analysis: <see cref="CustomerAdvocacy.Planning.RejectProposal"/>.</summary>
    RejectProposal = 115,

    /// <summary>Analysis: <see cref="CustomerAdvocacy.Planning.ExecuteProposalAction"/>.</summary>
    ExecuteProposalAction = 116,

    /// <summary>Analysis: <see cref="CustomerAdvocacy.Planning.ScheduleCustomerMeeting"/>.</summary>
    ScheduleCustomerMeeting = 117,

    /// <summary>Analysis: <see cref="CustomerAdvocacy.Planning.RecordMeetingDryRun"/>.</summary>
    RecordMeetingDryRun = 118,

    /// <summary>Analysis: <see cref="CustomerAdvocacy.Planning.HoldCustomerMeeting"/>.</summary>
    HoldCustomerMeeting = 119,

    /// <summary>Mitigation trial: <see cref="CustomerAdvocacy.Planning.OfferMitigationTrial"/>.</summary>
    OfferMitigationTrial = 120,

    /// <summary>Mitigation trial: <see cref="CustomerAdvocacy.Planning.AcceptMitigationTrial"/>.</summary>
    AcceptMitigationTrial = 121,

    /// <summary>Mitigation trial: <see cref="CustomerAdvocacy.Planning.DeclineMitigationTrial"/>.</summary>
    DeclineMitigationTrial = 122,

    /// <summary>Mitigation trial: <see cref="CustomerAdvocacy.Planning.RemindMitigationTrialEnd"/>.</summary>
    RemindMitigationTrialEnd = 123,

    /// <summary>Mitigation trial: <see cref="CustomerAdvocacy.Planning.PurchaseMitigation"/>.</summary>
    PurchaseMitigation = 124,

    /// <summary>Mitigation trial: <see cref="CustomerAdvocacy.Planning.SwitchOffMitigationTrial"/>.</summary>
    SwitchOffMitigationTrial = 125,

    /// <summary>Change plan: <see cref="CustomerAdvocacy.Planning.DraftChangePlan"/>.</summary>
    DraftChangePlan = 130,

    /// <summary>Change plan: <see cref="CustomerAdvocacy.Planning.ReviewChangePlanWithCustomer"/>.</summary>
    ReviewChangePlanWithCustomer = 131,

    /// <summary>Change plan: <see cref="CustomerAdvocacy.Planning.ProposeChangeSlot"/> and <see cref="CustomerAdvocacy.Planning.ScheduleEarliestChangeSlot"/>.</summary>
    ScheduleChange = 132,

    /// <summary>Change plan: <see cref="CustomerAdvocacy.Planning.StartChange"/>.</summary>
    StartChange = 133,

    /// <summary>Change plan: <see cref="CustomerAdvocacy.Planning.PassPointOfNoReturn"/>.</summary>
    PassPointOfNoReturn = 134,

    /// <summary>Change plan: <see cref="CustomerAdvocacy.Planning.BackOutChange"/>.</summary>
    BackOutChange = 135,

    /// <summary>Change plan: <see cref="CustomerAdvocacy.Planning.StartChangeValidation"/>.</summary>
    StartChangeValidation = 136,

    /// <summary>Change plan: <see cref="CustomerAdvocacy.Planning.ConfirmAllIsWell"/>.</summary>
    ConfirmAllIsWell = 137,

    /// <summary>Change plan: <see cref="CustomerAdvocacy.Planning.HandOffChangePlan"/>.</summary>
    HandOffChangePlan = 138,

    /// <summary>Change plan: <see cref="CustomerAdvocacy.Planning.AcceptChangePlanHandoff"/>.</summary>
    AcceptChangePlanHandoff = 139,

    /// <summary>Change plan: <see cref="CustomerAdvocacy.Planning.LeaveChangePlan"/>.</summary>
    LeaveChangePlan = 140,

    /// <summary>Communication: <see cref="CustomerAdvocacy.Planning.DraftCommunication"/>.</summary>
    DraftCommunication = 150,

    /// <summary>Communication: <see cref="CustomerAdvocacy.Planning.SubmitCommunicationForReview"/>.</summary>
    SubmitCommunicationForReview = 151,

    /// <summary>Communication: <see cref="CustomerAdvocacy.Planning.ReleaseCommunication"/>.</summary>
    ReleaseCommunication = 152,

    /// <summary>Communication: <see cref="CustomerAdvocacy.Planning.WithdrawCommunication"/>.</summary>
    WithdrawCommunication = 153,

    /// <summary>Management review: <see cref="CustomerAdvocacy.Review.StartManagementReview"/>.</summary>
    StartManagementReview = 160,

    /// <summary>Management review: <see cref="CustomerAdvocacy.Review.RecordReviewFindings"/>.</summary>
    RecordReviewFindings = 161,

    /// <summary>Management review: <see cref="CustomerAdvocacy.Review.AddPreventiveAction"/>.</summary>
    AddPreventiveAction = 162,

    /// <summary>Management review: <see cref="CustomerAdvocacy.Review.AssessCustomerFit"/>.</summary>
    AssessCustomerFit = 163,

    /// <summary>Management review: <see cref="CustomerAdvocacy.Review.RecommendTermination"/>.</summary>
    RecommendTermination = 164,

    /// <summary>Management review: <see cref="CustomerAdvocacy.Review.DecideTermination"/>.</summary>
    DecideTermination = 165,

    /// <summary>Management review: <see cref="CustomerAdvocacy.Review.CompleteManagementReview"/>.</summary>
    CompleteManagementReview = 166,
}
