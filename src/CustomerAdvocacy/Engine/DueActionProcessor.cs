using System;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.DueActions;
using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Engine;

/// <summary>
/// Told about every due action after its incident command (if it has one) went through the engine: the one handler a
/// host writes, whether the due actions run in the hosted runner (<c>CustomerAdvocacy.Hosting</c>) or in incident
/// grains' reminders (<c>CustomerAdvocacy.Orleans</c>); both hand their items to a <see cref="DueActionProcessor"/>.
/// </summary>
/// <remarks>
/// Every action that has a command is the processor's to apply, ladder time-outs (<see cref="DueActionKind.Escalate"/>)
/// included: the handler hears of those with the engine's outcome (to page the rung an escalation rose to, say) and
/// must not apply them again. What is left for the handler to carry out are the actions without a command
/// (<see cref="DueAction.IncidentCommand"/> is <see langword="null"/>): a trial ending, a review falling due, a health
/// check. Delivery is at least once: a host that failed (the handler threw, the process died) offers the same item
/// again, with the same <see cref="DueActionPlanner.CommandIdFor"/> id, and the outcome is then the recorded one
/// (<see cref="CommandResult.IsDuplicate"/>); key the handler's work on that id. An exception is the host's to retry:
/// the hosted runner tries the item again after its retry delay, a grain's reminder on its next tick.
/// </remarks>
public interface IDueActionHandler
{
    /// <summary>Handles one due action.</summary>
    /// <param name="action">The action, with its item and planned command.</param>
    /// <param name="result">The engine's outcome of <see cref="DueAction.IncidentCommand"/>; <see langword="null"/> when the action has no incident command.</param>
    /// <param name="cancellationToken">Cancelled when the host stops.</param>
    /// <returns>A task that completes when the action is handled.</returns>
    Task HandleAsync(DueAction action, CommandResult? result, CancellationToken cancellationToken);
}

/// <summary>What the <see cref="DueActionProcessor"/> did about one due item.</summary>
/// <param name="Action">The planned action.</param>
/// <param name="Result">The engine's outcome of the action's command; <see langword="null"/> when it has none.</param>
public sealed record DueActionOutcome(DueAction Action, CommandResult? Result);

/// <summary>
/// The one due-action step every host runs for an item that fell due: plan it (<see cref="DueActionPlanner"/>, so the
/// command id is derived from the item and a repeat is recorded once), execute its incident command through the
/// <see cref="IncidentEngine"/>, then tell the host's <see cref="IDueActionHandler"/>. The hosted runner and the
/// Orleans incident grain differ only in when they call it. Thread-safe when its handler is; it keeps no state. It
/// resumes on the caller's synchronization context or task scheduler, so the callback and the handler run where the
/// caller runs (in an Orleans grain: inside its activation).
/// </summary>
public sealed class DueActionProcessor
{
    private readonly IncidentEngine _engine;
    private readonly IDueActionHandler _handler;

    /// <summary>Creates a processor.</summary>
    /// <param name="engine">The engine the commands run through.</param>
    /// <param name="actor">Who the commands are issued as: a provider staff role (see <see cref="DueActionPlanner(Actor)"/>).</param>
    /// <param name="handler">The host's handler.</param>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/>, <paramref name="actor"/> or <paramref name="handler"/> is null.</exception>
    public DueActionProcessor(IncidentEngine engine, Actor actor, IDueActionHandler handler)
    {
        _engine = Preconditions.CheckNotNull(engine);
        Planner = new DueActionPlanner(Preconditions.CheckNotNull(actor));
        _handler = Preconditions.CheckNotNull(handler);
    }

    /// <summary>The planner the items are planned with.</summary>
    public DueActionPlanner Planner { get; }

    /// <summary>Plans an item, applies its command and tells the handler.</summary>
    /// <param name="item">The item that fell due.</param>
    /// <param name="cancellationToken">Cancels the command and the handler.</param>
    /// <returns>The action and the command's outcome.</returns>
    /// <exception cref="ArgumentException">The item cannot be planned (see <see cref="DueActionPlanner.Plan(DueItem)"/>).</exception>
    public Task<DueActionOutcome> ProcessAsync(DueItem item, CancellationToken cancellationToken)
        => ProcessAsync(item, null, cancellationToken);

    /// <summary>
    /// Plans an item, applies its command, runs <paramref name="commandApplied"/> and tells the handler. Whatever throws
    /// (the engine, the callback, the handler) propagates, and nothing after it runs; offering the same item again is
    /// safe, its command is then a duplicate.
    /// </summary>
    /// <param name="item">The item that fell due.</param>
    /// <param name="commandApplied">
    /// Runs after the engine settled the action's command and before the handler hears of it (not at all for an action
    /// without a command), so a host can bring what it shows up to date first (the Orleans grain reports to its
    /// portfolio); <see langword="null"/> for nothing.
    /// </param>
    /// <param name="cancellationToken">Cancels the command and the handler.</param>
    /// <returns>The action and the command's outcome.</returns>
    /// <exception cref="ArgumentException">The item cannot be planned (see <see cref="DueActionPlanner.Plan(DueItem)"/>).</exception>
    public async Task<DueActionOutcome> ProcessAsync(DueItem item, Func<DueAction, CommandResult, Task>? commandApplied, CancellationToken cancellationToken)
    {
        // Unlike the rest of the library, this resumes on the caller's context: an Orleans grain calls it, and its
        // callback and handler must run in the grain's activation, one turn at a time, as the grain's own code does.
        var action = Planner.Plan(item);
        CommandResult? result = null;
        if (action.IncidentCommand is { } command)
        {
            result = await _engine.ExecuteAsync(command, cancellationToken).ConfigureAwait(true);
            if (commandApplied is not null)
            {
                await commandApplied(action, result).ConfigureAwait(true);
            }
        }

        await _handler.HandleAsync(action, result, cancellationToken).ConfigureAwait(true);
        return new DueActionOutcome(action, result);
    }
}
