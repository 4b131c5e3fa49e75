using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Engine;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Orleans;

/// <summary>
/// Runs incident commands on an Orleans cluster: each goes to its incident's grain, which applies it through the
/// <see cref="IncidentEngine"/> and the silo's <c>IIncidentStore</c>. Thread-safe. Resolve it from a client's (or a
/// silo's) services after <c>AddCustomerAdvocacyClient</c> or <c>AddCustomerAdvocacy</c>.
/// </summary>
public interface IAdvocacyClient
{
    /// <summary>
    /// Executes a command. A call lost to a failed or silent silo is sent again (up to five attempts, pausing 0.1 s and doubling) with the same command id;
    /// a caller retrying later with the same id likewise gets the recorded outcome, and the events are never recorded twice.
    /// </summary>
    /// <param name="command">The command.</param>
    /// <param name="cancellationToken">Cancels waiting for the outcome (the command may still be applied).</param>
    /// <returns>The outcome, as the engine returns it.</returns>
    Task<CommandResult> ExecuteAsync(IncidentCommand command, CancellationToken cancellationToken = default);

    /// <summary>Loads an incident's current state.</summary>
    /// <param name="incidentId">The incident.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>The state; not opened for an unknown incident.</returns>
    Task<Incident> LoadAsync(IncidentId incidentId, CancellationToken cancellationToken = default);

    /// <summary>The open incidents of a segment, by state, and those in breach.</summary>
    /// <param name="segmentId">The segment (<see cref="Segmentation.PolicyReference.SegmentId"/>).</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>The view.</returns>
    Task<PortfolioView> GetPortfolioAsync(string segmentId, CancellationToken cancellationToken = default);
}
