namespace CustomerAdvocacy.Escalation;

/// <summary>Why an escalation is raised; each kind is detected by one <see cref="EscalationTriggerRule"/>.</summary>
public enum EscalationTriggerKind
{
    /// <summary>The first-response target is about to be breached (its warning point has passed).</summary>
    FirstResponseWarning = 0,

    /// <summary>The first-response target was breached.</summary>
    FirstResponseBreached = 1,

    /// <summary>The update target (the customer must hear from us every so often) is about to be breached.</summary>
    UpdateWarning = 2,

    /// <summary>The update target was breached.</summary>
    UpdateBreached = 3,

    /// <summary>A commitment was missed.</summary>
    CommitmentMissed = 4,

    /// <summary>The customer asked for the escalation.</summary>
    CustomerRequest = 5,

    /// <summary>The business impact is above the segment's threshold.</summary>
    BusinessImpact = 6,

    /// <summary>The customer had too many incidents within a window.</summary>
    RepeatIncidents = 7,

    /// <summary>The customer's contacts were left unanswered for too long.</summary>
    Avoidance = 8,

    /// <summary>The contract itself is disputed.</summary>
    ContractDispute = 9,
}
