using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Review;

/// <summary>The stable names of the rules a <see cref="RuleBroken"/> rejection of a review refers to.</summary>
public static class ReviewRules
{
    /// <summary>Required text or values are present, and ids are unique.</summary>
    public const string TextRequired = "review.text-required";

    /// <summary>A review starts after the closure it reviews.</summary>
    public const string ClosedBeforeReview = "review.closed-before-review";

    /// <summary>Findings carry a chronology, contributing factors each with an owner, and learnings.</summary>
    public const string FindingsComplete = "review.findings-complete";

    /// <summary>A preventive action has an owner and a due date in the future.</summary>
    public const string PreventiveActionOwnedAndDue = "review.preventive-action-owned-and-due";

    /// <summary>A termination recommendation rests on a ground the customer-fit assessment found.</summary>
    public const string TerminationNeedsAssessedGround = "review.termination-needs-assessed-ground";

    /// <summary>A review completes only with findings and at least one preventive action.</summary>
    public const string CompleteReview = "review.complete-review";
}
