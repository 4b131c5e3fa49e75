using System.Linq;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Scheduling;
using NodaTime;

namespace CustomerAdvocacy.Engagement;

/// <summary>
/// Proposes a due instant for a new commitment when the customer names none: the owner's next free business time
/// after the commitments they still owe on this incident, plus a buffer (see <see cref="DueDateProposer"/>). The host
/// offers it with <see cref="OfferCommitment"/>; the customer accepts it or rejects it with the reason.
/// </summary>
public static class CommitmentDuePlanner
{
    /// <summary>Proposes a due instant for new work by an owner.</summary>
    /// <param name="incident">The incident; the owner's outstanding commitments on it are worked first.</param>
    /// <param name="ownerId">Who will deliver the new commitment.</param>
    /// <param name="proposer">The proposer over the owner's business calendar and the host's clock.</param>
    /// <param name="effort">The owner's business time the new work needs.</param>
    /// <param name="buffer">The business time added after the work.</param>
    /// <param name="effortPerOutstandingCommitment">The business time each outstanding commitment is assumed to still need.</param>
    /// <returns>The proposal, with its explanation.</returns>
    public static DueDateProposal Propose(Incident incident, string ownerId, DueDateProposer proposer, Duration effort, Duration buffer, Duration effortPerOutstandingCommitment)
    {
        Preconditions.CheckNotNull(incident);
        Preconditions.CheckNotNullOrWhiteSpace(ownerId);
        Preconditions.CheckNotNull(proposer);
        Preconditions.CheckNonNegative(effortPerOutstandingCommitment);
        var owed = incident.Commitments
            .Where(c => c.IsOutstanding && c.OwnerId == ownerId)
            .Select(c => new OpenCommitment(c.Id, effortPerOutstandingCommitment, c.Due))
            .ToArray();
        return proposer.Propose(owed, effort, buffer);
    }
}
