using System.Collections.Generic;

namespace CustomerAdvocacy.Review;

/// <summary>What the review knows about how well the customer fits the service.</summary>
/// <param name="IncidentsInRecurrenceWindow">The customer's incidents within the host's recurrence window, this one included.</param>
/// <param name="SolutionOutdated">Whether the customer's solution is out of support or out of revision.</param>
/// <param name="CostToServe">What serving the customer costs over the period.</param>
/// <param name="Revenue">What the customer pays over the same period.</param>
/// <param name="StaffAbuseReported">Whether abuse of our staff was reported and substantiated.</param>
public sealed record CustomerFitFacts(int IncidentsInRecurrenceWindow, bool SolutionOutdated, decimal CostToServe, decimal Revenue, bool StaffAbuseReported);

/// <summary>Why a customer may be recommended for termination.</summary>
public enum TerminationGround
{
    /// <summary>The customer costs more to serve than the policy allows.</summary>
    CostToServe = 0,

    /// <summary>The customer abuses our staff.</summary>
    StaffAbuse = 1,
}

/// <summary>What the facts recommend.</summary>
/// <param name="UpgradeRecommended">Recurring incidents on an outdated solution: "you get what you pay for"; recommend an upgrade.</param>
/// <param name="TerminationGrounds">The grounds on which staff may recommend termination; an executive decides.</param>
public sealed record CustomerFitAssessment(bool UpgradeRecommended, IReadOnlyList<TerminationGround> TerminationGrounds)
{
    /// <summary>Judges the customer's fit by the policy.</summary>
    /// <param name="facts">The facts.</param>
    /// <param name="policy">The review policy.</param>
    /// <returns>The assessment.</returns>
    public static CustomerFitAssessment Assess(CustomerFitFacts facts, ReviewPolicy policy)
    {
        Preconditions.CheckNotNull(facts);
        Preconditions.CheckNotNull(policy);
        var upgrade = facts.SolutionOutdated && facts.IncidentsInRecurrenceWindow >= policy.RecurringIncidentThreshold;
        var grounds = new List<TerminationGround>();
        if (facts.CostToServe > facts.Revenue * policy.MaxCostToServeRatio)
        {
            grounds.Add(TerminationGround.CostToServe);
        }

        if (facts.StaffAbuseReported)
        {
            grounds.Add(TerminationGround.StaffAbuse);
        }

        return new CustomerFitAssessment(upgrade, EquatableList<TerminationGround>.From(grounds));
    }
}
