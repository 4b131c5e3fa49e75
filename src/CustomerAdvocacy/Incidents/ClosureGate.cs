using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Incidents;

/// <summary>
/// The one place that decides whether an incident may close: every agreed criterion met with evidence, the customer's
/// confirmation given after the last criterion change, no outstanding commitment, no commitment offer awaiting the
/// customer's answer, and an accountable owner in place with no handoff half done. Every path that closes asks it.
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
            problems.Add(new(IncidentRules.EveryCriterionMetWithEvidence, "No resolution criterion was agreed with the customer."));
        }
        else if (unmet.Length > 0)
        {
            problems.Add(new(IncidentRules.EveryCriterionMetWithEvidence, "Criteria without evidence: " + string.Join(", ", unmet) + "."));
        }

        var confirmation = incident.LastConfirmation;
        if (confirmation is null || !confirmation.By.Role.IsCustomer())
        {
            problems.Add(new(IncidentRules.CustomerConfirmedAfterLastCriterionChange, "The customer has not confirmed the resolution."));
        }
        else if (confirmation.Version <= incident.CriteriaRevision)
        {
            problems.Add(new(
                IncidentRules.CustomerConfirmedAfterLastCriterionChange,
                $"The customer confirmed at version {confirmation.Version}, before the criteria last changed at version {incident.CriteriaRevision}."));
        }

        var outstanding = incident.Commitments.Where(c => c.IsOutstanding).Select(c => c.Id).ToArray();
        if (outstanding.Length > 0)
        {
            problems.Add(new(IncidentRules.NoOpenCommitment, "Outstanding commitments: " + string.Join(", ", outstanding) + "."));
        }

        var offers = incident.CommitmentOffers.Select(c => c.Id).ToArray();
        if (offers.Length > 0)
        {
            problems.Add(new(IncidentRules.NoPendingCommitmentOffer, "Commitment offers awaiting the customer's answer: " + string.Join(", ", offers) + "."));
        }

        if (string.IsNullOrWhiteSpace(incident.AccountableOwnerId))
        {
            problems.Add(new(IncidentRules.AccountableOwnerInPlace, "The incident has no accountable owner."));
        }
        else if (incident.PendingSuccessorId is not null)
        {
            problems.Add(new(IncidentRules.AccountableOwnerInPlace, "A handoff is offered and not yet accepted by the named successor."));
        }

        return problems;
    }

    /// <summary>Whether the incident may close.</summary>
    /// <param name="incident">The incident.</param>
    /// <returns><see langword="true"/> when <see cref="Evaluate"/> finds nothing.</returns>
    public static bool MayClose(Incident incident) => Evaluate(incident).Count == 0;
}
