using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.DueActions;
using CustomerAdvocacy.Incidents;

namespace CustomerAdvocacy.Orleans;

/// <summary>
/// Told about every due action an incident grain's reminder fired, after the grain applied the action's incident
/// command (if any) through the engine and reported to the portfolio; the Orleans counterpart of the hosted runner's
/// <c>CustomerAdvocacy.Hosting.IDueActionHandler</c>. Every action that has a command is the grain's to apply, ladder
/// time-outs (<see cref="DueActionKind.Escalate"/>) included: the handler hears of those with the engine's outcome
/// (to page the rung an escalation rose to, say) and must not apply them again. What is left for the handler to carry
/// out are the actions without a command (<see cref="DueAction.IncidentCommand"/> is <see langword="null"/>): a trial
/// ending, a review falling due, a health check. Delivery is at least once: after a silo failure the same action can
/// come again with the same <see cref="DueActionPlanner.CommandIdFor"/> id (then the outcome is the recorded one,
/// <see cref="CommandResult.IsDuplicate"/>), so handlers key their work on it. Runs inside the grain: keep it short and
/// never call back into the same incident's grain.
/// </summary>
public interface IReminderActionHandler
{
    /// <summary>Handles one fired due action.</summary>
    /// <param name="action">The action, with its item and planned command.</param>
    /// <param name="result">The engine's outcome of <see cref="DueAction.IncidentCommand"/>; <see langword="null"/> when the action has no incident command.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the action is handled.</returns>
    Task HandleAsync(DueAction action, CommandResult? result, CancellationToken cancellationToken);
}
