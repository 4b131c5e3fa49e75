namespace CustomerAdvocacy.Incidents;

/// <summary>What a command asks of the lifecycle: one trigger per command type.</summary>
public enum IncidentTrigger
{
    /// <summary><see cref="OpenIncident"/>.</summary>
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

    /// <summary><see cref="CloseIncident"/>.</summary>
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
}
