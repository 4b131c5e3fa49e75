using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.DueActions;

namespace CustomerAdvocacy.Hosting;

/// <summary>
/// Applies one due action for the <see cref="DueActionRunner"/>. The default, <see cref="EngineDueActionHandler"/>,
/// runs every planned incident command through the engine; register your own to route what needs a person (a trial's
/// end, a review falling due, a health check), delegating the rest to it.
/// An exception is logged by the runner, which tries the action again after the options' retry delay.
/// </summary>
public interface IDueActionHandler
{
    /// <summary>Applies the action.</summary>
    /// <param name="action">What fell due and the command planned for it.</param>
    /// <param name="cancellationToken">Cancelled when the host stops.</param>
    /// <returns>A task that completes when the action is applied.</returns>
    Task HandleAsync(DueAction action, CancellationToken cancellationToken);
}
