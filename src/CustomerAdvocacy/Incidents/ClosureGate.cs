using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Incidents;

/// <summary>
/// The one place that decides whether an incident may close: every agreed criterion met with evidence, the customer's
/// confirmation given after the last criterion change, no outstanding commitment, no commitment offer awaiting the
/// customer's answer, an accountable owner in place with no handoff half done, and every change plan confirmed by the
/// customer. Every path that closes asks it, and a refused close lists every unmet condition at once.
/// </summary>
public static class ClosureGate
{
    /// <summary>Lists every closure condition the incident does not meet.</summary>
    /// <param name="incident">The incident.</param>
    /// <returns>The unmet conditions; empty when the incident may close.</returns>
    public static IReadOnlyList<ClosureProblem> Evaluate(Incident incident)
    {
        Preconditions.CheckNotNull(incident);
        var problems = new List<ClosureProblem>();

        var unmet = incident.Criteria.Where(c => !c.IsMet).Select(c => c.Id).ToArray();
        if (incident.Criteria.Count == 0)
        {
            problems.Add(Problem(ClosureCondition.EveryCriterionMetWithEvidence, IncidentRules.EveryCriterionMetWithEvidence, "No resolution criterion was agreed with the customer."));
        }
        else if (unmet.Length > 0)
        {
            problems.Add(Problem(ClosureCondition.EveryCriterionMetWithEvidence, IncidentRules.EveryCriterionMetWithEvidence, "Criteria without evidence: " + string.Join(", ", unmet) + ".", unmet));
        }

        var confirmation = incident.LastConfirmation;
        if (confirmation is null || !confirmation.By.Role.IsCustomer())
        {
            problems.Add(Problem(ClosureCondition.CustomerConfirmedAfterLastCriterionChange, IncidentRules.CustomerConfirmedAfterLastCriterionChange, "The customer has not confirmed the resolution."));
        }
        else if (confirmation.Version <= incident.CriteriaRevision)
        {
            problems.Add(Problem(
                ClosureCondition.CustomerConfirmedAfterLastCriterionChange,
                IncidentRules.CustomerConfirmedAfterLastCriterionChange,
                $"The customer confirmed at version {confirmation.Version}, before the criteria last changed at version {incident.CriteriaRevision}."));
        }

        var outstanding = incident.Commitments.Where(c => c.IsOutstanding).Select(c => c.Id).ToArray();
        if (outstanding.Length > 0)
        {
            problems.Add(Problem(ClosureCondition.NoOpenCommitment, IncidentRules.NoOpenCommitment, "Outstanding commitments: " + string.Join(", ", outstanding) + ".", outstanding));
        }

        var offers = incident.CommitmentOffers.Select(c => c.Id).ToArray();
        if (offers.Length > 0)
        {
            problems.Add(Problem(ClosureCondition.NoPendingCommitmentOffer, IncidentRules.NoPendingCommitmentOffer, "Commitment offers awaiting the customer's answer: " + string.Join(", ", offers) + ".", offers));
        }

        if (string.IsNullOrWhiteSpace(incident.AccountableOwnerId))
        {
            problems.Add(Problem(ClosureCondition.AccountableOwnerInPlace, IncidentRules.AccountableOwnerInPlace, "The incident has no accountable owner."));
        }
        else if (incident.PendingSuccessorId is { } successor)
        {
            problems.Add(Problem(ClosureCondition.AccountableOwnerInPlace, IncidentRules.AccountableOwnerInPlace, "A handoff is offered and not yet accepted by the named successor.", successor));
        }

        var openPlans = incident.Processes.ChangePlans.Where(p => !p.IsClosed).ToArray();
        if (openPlans.Length > 0)
        {
            problems.Add(Problem(
                ClosureCondition.ChangePlansConfirmedByCustomer,
                IncidentProcessRules.ChangePlansConfirmed,
                "The customer has not confirmed that all is well for: " + string.Join(", ", openPlans.Select(p => $"{p.Definition.Title} ({p.State})")) + ".",
                openPlans.Select(p => p.Id.ToString()).ToArray()));
        }

        return problems;
    }

    /// <summary>
    /// The refusal of a close: every unmet condition in <see cref="RuleBroken.Violations"/>, the first as its rule, and
    /// every detail in its text.
    /// </summary>
    /// <param name="problems">The unmet conditions, at least one.</param>
    /// <returns>The rejection.</returns>
    internal static RuleBroken Refusal(IReadOnlyList<ClosureProblem> problems)
        => new(problems[0].Rule, string.Join(" ", problems.Select(p => p.Detail))) { Violations = problems };

    /// <summary>Whether the incident may close.</summary>
    /// <param name="incident">The incident.</param>
    /// <returns><see langword="true"/> when <see cref="Evaluate"/> finds nothing.</returns>
    public static bool MayClose(Incident incident) => Evaluate(incident).Count == 0;

    private static ClosureProblem Problem(ClosureCondition condition, string rule, string detail, params string[] references)
        => new(condition, rule, detail, EquatableList<string>.Wrap(references));
}
