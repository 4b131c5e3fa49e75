namespace CustomerAdvocacy.Incidents;

/// <summary>A condition an incident must meet to close; <see cref="ClosureGate"/> checks every one.</summary>
public enum ClosureCondition
{
    /// <summary>At least one criterion was agreed with the customer and every agreed criterion is met with evidence.</summary>
    EveryCriterionMetWithEvidence = 0,

    /// <summary>The customer confirmed the resolution after the criteria last changed.</summary>
    CustomerConfirmedAfterLastCriterionChange = 1,

    /// <summary>No commitment to the customer is outstanding (a missed one counts until delivered).</summary>
    NoOpenCommitment = 2,

    /// <summary>No commitment offer awaits the customer's answer.</summary>
    NoPendingCommitmentOffer = 3,

    /// <summary>An accountable owner is in place and no handoff is half done.</summary>
    AccountableOwnerInPlace = 4,

    /// <summary>The customer confirmed that all is well after every change plan.</summary>
    ChangePlansConfirmedByCustomer = 5,
}
