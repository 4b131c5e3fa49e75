namespace CustomerAdvocacy.Review;

/// <summary>Where an internal management review stands.</summary>
public enum ReviewState
{
    /// <summary>Not started: the incident has not returned to SOP.</summary>
    NotStarted = 0,

    /// <summary>Open: findings, preventive actions and customer fit are recorded.</summary>
    Open = 1,

    /// <summary>A termination recommendation awaits an executive's decision.</summary>
    AwaitingExecutiveDecision = 2,

    /// <summary>Completed.</summary>
    Completed = 3,
}

/// <summary>What moves a review.</summary>
public enum ReviewTrigger
{
    /// <summary>Start the review after the return to SOP.</summary>
    Start = 0,

    /// <summary>Record chronology, contributing factors and learnings.</summary>
    RecordFindings = 1,

    /// <summary>Add a preventive action.</summary>
    AddPreventiveAction = 2,

    /// <summary>Assess the customer's fit.</summary>
    AssessCustomerFit = 3,

    /// <summary>Staff raise a termination recommendation.</summary>
    RecommendTermination = 4,

    /// <summary>An executive decides the termination recommendation.</summary>
    DecideTermination = 5,

    /// <summary>Complete the review.</summary>
    Complete = 6,
}
