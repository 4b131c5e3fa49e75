using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Escalation;
using CustomerAdvocacy.Review;
using CustomerAdvocacy.Scheduling;
using CustomerAdvocacy.Segmentation;

namespace CustomerAdvocacy.Incidents;

/// <summary>
/// The rules in force for one incident when a command is decided: its policy version and the customer's business
/// calendar, plus the definitions its sub-processes need. Deciding reads it; folding events never does, because every
/// instant computed from it (due dates, SLA deadlines, ladder time-outs) is written into the events, so a replay needs
/// no context and gives the same state even after the host changed its calendars.
/// </summary>
/// <param name="Policy">The policy version the incident was opened under.</param>
/// <param name="Calendar">The customer's business calendar (its zone is the customer's zone).</param>
public sealed record IncidentContext(AdvocacyPolicy Policy, BusinessCalendar Calendar)
{
    private readonly CommitmentProposalSettings _commitmentProposals = CommitmentProposalSettings.Default;

    /// <summary>The escalation ladder the policy names, when the host defines one.</summary>
    public EscalationLadder? EscalationLadder { get; init; }

    /// <summary>The management-review policy, when the host defines one.</summary>
    public ReviewPolicy? ReviewPolicy { get; init; }

    /// <summary>The customer's blackout windows for change scheduling, when the host defines them.</summary>
    public BlackoutSet? Blackouts { get; init; }

    /// <summary>How due instants are proposed for commitments made without one.</summary>
    /// <exception cref="System.ArgumentNullException">The value is null.</exception>
    public CommitmentProposalSettings CommitmentProposals
    {
        get => _commitmentProposals;
        init => _commitmentProposals = Preconditions.CheckNotNull(value);
    }
}

/// <summary>
/// Supplies the <see cref="IncidentContext"/> for a customer and policy version. The engine asks it before deciding a
/// command; implementations usually cache, so it returns a <see cref="ValueTask{TResult}"/>.
/// </summary>
public interface IIncidentContextProvider
{
    /// <summary>Returns the context for an incident of <paramref name="customerId"/> opened under <paramref name="policy"/>.</summary>
    /// <param name="customerId">The customer (opaque host identifier).</param>
    /// <param name="policy">The policy version the incident was (or is being) opened under.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The context.</returns>
    /// <exception cref="Segmentation.UnknownCustomerException">
    /// The customer is unknown. Implementations throw it (rather than a plain <see cref="System.Collections.Generic.KeyNotFoundException"/>)
    /// so the engine, and every host above it, can tell a caller's wrong id from a fault.
    /// </exception>
    /// <exception cref="Segmentation.UnknownPolicyException">The policy version is not published, or lacks the segment.</exception>
    ValueTask<IncidentContext> GetContextAsync(string customerId, PolicyReference policy, CancellationToken cancellationToken);
}
