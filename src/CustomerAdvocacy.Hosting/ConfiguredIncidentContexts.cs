using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Segmentation;

namespace CustomerAdvocacy.Hosting;

/// <summary>
/// The incident contexts of the options: the policy version from the <see cref="PolicyRegistry"/> and the customer's
/// calendar from <see cref="ICustomerCalendars"/>. Registered as the host's <see cref="IIncidentContextProvider"/>
/// unless the host registers its own (to add escalation ladders, review policies or blackouts).
/// </summary>
public sealed class ConfiguredIncidentContexts : IIncidentContextProvider
{
    private readonly PolicyRegistry _policies;
    private readonly ICustomerCalendars _calendars;

    /// <summary>Creates the provider.</summary>
    /// <param name="policies">Every published policy version.</param>
    /// <param name="calendars">The customers' calendars.</param>
    public ConfiguredIncidentContexts(PolicyRegistry policies, ICustomerCalendars calendars)
    {
        _policies = Preconditions.CheckNotNull(policies);
        _calendars = Preconditions.CheckNotNull(calendars);
    }

    /// <inheritdoc />
    public ValueTask<IncidentContext> GetContextAsync(string customerId, PolicyReference policy, CancellationToken cancellationToken)
        => new(new IncidentContext(_policies.Resolve(Preconditions.CheckNotNull(policy)), _calendars.CalendarOf(Preconditions.CheckNotNull(customerId))));
}
