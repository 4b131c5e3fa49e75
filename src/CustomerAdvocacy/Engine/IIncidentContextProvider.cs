using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Segmentation;

namespace CustomerAdvocacy.Engine;

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
