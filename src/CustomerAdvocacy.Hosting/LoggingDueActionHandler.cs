using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.DueActions;
using CustomerAdvocacy.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustomerAdvocacy.Hosting;

/// <summary>
/// The hosting package's default <see cref="IDueActionHandler"/>. The runner's <see cref="DueActionProcessor"/> has
/// already applied every planned incident command (SLA warnings and breaches, missed commitments, escalation rises on a
/// rung's time-out, mitigation-trial reminders); what needs a person and has no command (a trial's end, the management
/// review falling due, a customer health check) is logged (event 7004) for the host to route. Register your own
/// handler to route those; the same handler works unchanged in an Orleans silo.
/// </summary>
public sealed class LoggingDueActionHandler : IDueActionHandler
{
    private readonly ILogger _logger;

    /// <summary>Creates the handler.</summary>
    /// <param name="logger">Where to log; <see langword="null"/> logs nothing.</param>
    public LoggingDueActionHandler(ILogger<LoggingDueActionHandler>? logger = null)
        => _logger = (ILogger?)logger ?? NullLogger.Instance;

    /// <inheritdoc />
    /// <exception cref="System.ArgumentNullException"><paramref name="action"/> is null.</exception>
    public Task HandleAsync(DueAction action, CommandResult? result, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(action);
        if (action.IncidentCommand is null)
        {
            HostingLog.DueActionForHost(_logger, action.Item.Key.IncidentId?.ToString() ?? string.Empty, action.Item.Key.Kind, action.Kind);
        }

        return Task.CompletedTask;
    }
}
