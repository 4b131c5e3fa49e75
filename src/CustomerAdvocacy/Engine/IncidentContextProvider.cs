using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Escalation;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Review;
using CustomerAdvocacy.Segmentation;

namespace CustomerAdvocacy.Engine;

/// <summary>
/// The ready <see cref="IIncidentContextProvider"/>: the policy version from a <see cref="PolicyRegistry"/>, the
/// customer's calendar and blackouts from an <see cref="ICustomerDirectory"/>, and optionally the escalation ladder
/// the policy names and the review policy. Thread-safe when its sources are.
/// </summary>
public sealed class IncidentContextProvider : IIncidentContextProvider
{
    private readonly PolicyRegistry _policies;
    private readonly ICustomerDirectory _customers;
    private readonly IReadOnlyDictionary<string, EscalationLadder>? _ladders;
    private readonly ReviewPolicy? _reviewPolicy;

    /// <summary>Creates a provider.</summary>
    /// <param name="policies">The published policy versions.</param>
    /// <param name="customers">The customers' profiles with their calendars.</param>
    /// <param name="ladders">The escalation ladders by the id a policy names (<see cref="AdvocacyPolicy.EscalationLadderId"/>), if the host defines them.</param>
    /// <param name="reviewPolicy">The management-review policy, if the host defines one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="policies"/> or <paramref name="customers"/> is null.</exception>
    public IncidentContextProvider(PolicyRegistry policies, ICustomerDirectory customers, IReadOnlyDictionary<string, EscalationLadder>? ladders = null, ReviewPolicy? reviewPolicy = null)
    {
        _policies = Preconditions.CheckNotNull(policies);
        _customers = Preconditions.CheckNotNull(customers);
        _ladders = ladders;
        _reviewPolicy = reviewPolicy;
    }

    /// <inheritdoc />
    /// <exception cref="UnknownPolicyException">The policy version is not published, or lacks the segment (a <see cref="KeyNotFoundException"/>).</exception>
    /// <exception cref="UnknownCustomerException">The directory does not know the customer (a <see cref="KeyNotFoundException"/>).</exception>
    public async ValueTask<IncidentContext> GetContextAsync(string customerId, PolicyReference policy, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(customerId);
        Preconditions.CheckNotNull(policy);
        var resolved = _policies.Resolve(policy);
        var profile = await _customers.FindAsync(customerId, cancellationToken).ConfigureAwait(false)
            ?? throw new UnknownCustomerException(customerId);
        EscalationLadder? ladder = null;
        _ladders?.TryGetValue(resolved.EscalationLadderId, out ladder);
        return new IncidentContext(resolved, profile.Calendar)
        {
            EscalationLadder = ladder,
            ReviewPolicy = _reviewPolicy,
            Blackouts = profile.Blackouts,
        };
    }
}
