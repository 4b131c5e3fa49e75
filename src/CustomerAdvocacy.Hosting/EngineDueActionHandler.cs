using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.DueActions;
using CustomerAdvocacy.Incidents;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustomerAdvocacy.Hosting;

/// <summary>
/// The default due-action handler: every planned incident command runs through the engine in the incident's own
/// stream (SLA warnings and breaches, missed commitments, escalation rises on a rung's time-out, mitigation-trial
/// reminders); a rejection is logged, not retried (the incident moved on). What needs a person and has no command
/// (a trial's end, the management review falling due, a customer health check) is logged for the host to route.
/// </summary>
public sealed class EngineDueActionHandler : IDueActionHandler
{
    private readonly IncidentEngine _engine;
    private readonly ILogger _logger;

    /// <summary>Creates the handler.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="logger">Where to log; <see langword="null"/> logs nothing.</param>
    public EngineDueActionHandler(IncidentEngine engine, ILogger<EngineDueActionHandler>? logger = null)
    {
        _engine = Preconditions.CheckNotNull(engine);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public async Task HandleAsync(DueAction action, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(action);
        if (action.IncidentCommand is { } command)
        {
            var result = await _engine.ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
            if (result.Decision is Rejected rejected)
            {
                HostingLog.DueCommandRejected(_logger, command.IncidentId, command.Trigger, rejected.Reason.Kind);
            }

            return;
        }

        HostingLog.DueActionForHost(_logger, action.Item.Key.IncidentId?.ToString() ?? string.Empty, action.Item.Key.Kind, action.Kind);
    }
}
