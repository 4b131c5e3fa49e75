using System;

namespace CustomerAdvocacy.Review;

/// <summary>The policy of internal management reviews: when a review is due, and when a customer no longer fits.</summary>
public sealed record ReviewPolicy
{
    /// <summary>Creates a review policy.</summary>
    /// <param name="businessDaysToReview">The review is due this many business days after closure; positive.</param>
    /// <param name="recurringIncidentThreshold">This many incidents within the recurrence window make them recurring; at least 2.</param>
    /// <param name="maxCostToServeRatio">Cost to serve above this share of the customer's revenue makes the customer a termination candidate; positive.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public ReviewPolicy(int businessDaysToReview, int recurringIncidentThreshold, decimal maxCostToServeRatio)
    {
        BusinessDaysToReview = businessDaysToReview > 0
            ? businessDaysToReview
            : throw new ArgumentOutOfRangeException(nameof(businessDaysToReview), businessDaysToReview, "A review is due at least one business day after closure.");
        RecurringIncidentThreshold = recurringIncidentThreshold >= 2
            ? recurringIncidentThreshold
            : throw new ArgumentOutOfRangeException(nameof(recurringIncidentThreshold), recurringIncidentThreshold, "Recurrence needs at least two incidents.");
        MaxCostToServeRatio = maxCostToServeRatio > 0
            ? maxCostToServeRatio
            : throw new ArgumentOutOfRangeException(nameof(maxCostToServeRatio), maxCostToServeRatio, "The ratio must be positive.");
    }

    /// <summary>Five business days to review, three incidents make a recurrence, cost to serve above revenue makes a termination candidate.</summary>
    public static ReviewPolicy Default { get; } = new(5, 3, 1m);

    /// <summary>The review is due this many business days after closure.</summary>
    public int BusinessDaysToReview { get; }

    /// <summary>This many incidents within the recurrence window make them recurring.</summary>
    public int RecurringIncidentThreshold { get; }

    /// <summary>Cost to serve above this share of revenue makes the customer a termination candidate.</summary>
    public decimal MaxCostToServeRatio { get; }
}
