using System;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using Microsoft.Extensions.Logging;

namespace CustomerAdvocacy.Diagnostics;

/// <summary>The engine's log messages: ids, roles, triggers, states and rule names only.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = LogEventIds.CommandAccepted, EventName = nameof(CommandAccepted), Level = LogLevel.Information,
        Message = "Incident {IncidentId}: command {CommandId} ({Trigger} as {Role}) accepted, {FromState} -> {ToState}, now at version {Version}")]
    internal static partial void CommandAccepted(ILogger logger, IncidentId incidentId, CommandId commandId, IncidentTrigger trigger, IncidentRole role, IncidentState fromState, IncidentState toState, long version);

    [LoggerMessage(EventId = LogEventIds.CommandRejected, EventName = nameof(CommandRejected), Level = LogLevel.Information,
        Message = "Incident {IncidentId}: command {CommandId} ({Trigger} as {Role}) rejected in state {State}: {RejectionKind} {Rule}")]
    internal static partial void CommandRejected(ILogger logger, IncidentId incidentId, CommandId commandId, IncidentTrigger trigger, IncidentRole role, IncidentState state, string rejectionKind, string? rule);

    [LoggerMessage(EventId = LogEventIds.DuplicateCommand, EventName = nameof(DuplicateCommand), Level = LogLevel.Debug,
        Message = "Incident {IncidentId}: command {CommandId} seen before, returning its recorded outcome")]
    internal static partial void DuplicateCommand(ILogger logger, IncidentId incidentId, CommandId commandId);

    [LoggerMessage(EventId = LogEventIds.ConcurrencyConflict, EventName = nameof(ConcurrencyConflict), Level = LogLevel.Warning,
        Message = "Incident {IncidentId}: expected version {ExpectedVersion} but found {ActualVersion} (attempt {Attempt}), deciding again")]
    internal static partial void ConcurrencyConflict(ILogger logger, IncidentId incidentId, long expectedVersion, long actualVersion, int attempt);

    [LoggerMessage(EventId = LogEventIds.CommandFailed, EventName = nameof(CommandFailed), Level = LogLevel.Error,
        Message = "Incident {IncidentId}: command {CommandId} ({Trigger}) failed; the incident is unchanged")]
    internal static partial void CommandFailed(ILogger logger, Exception exception, IncidentId incidentId, CommandId commandId, IncidentTrigger trigger);

    [LoggerMessage(EventId = LogEventIds.CommandContextNotFound, EventName = nameof(CommandContextNotFound), Level = LogLevel.Warning,
        Message = "Incident {IncidentId}: command {CommandId} ({Trigger}) names a customer or policy version that is not known ({ExceptionType}); the incident is unchanged")]
    internal static partial void CommandContextNotFound(ILogger logger, IncidentId incidentId, CommandId commandId, IncidentTrigger trigger, string exceptionType);

    [LoggerMessage(EventId = LogEventIds.LinkedIncidentOpened, EventName = nameof(LinkedIncidentOpened), Level = LogLevel.Information,
        Message = "Incident {IncidentId}: unrelated recurrence opened as linked incident {LinkedIncidentId}")]
    internal static partial void LinkedIncidentOpened(ILogger logger, IncidentId incidentId, IncidentId linkedIncidentId);

    [LoggerMessage(EventId = LogEventIds.CommandObserverFailed, EventName = nameof(CommandObserverFailed), Level = LogLevel.Error,
        Message = "Incident {IncidentId}: a CommandExecuted handler failed after command {CommandId}; the command stays recorded")]
    internal static partial void CommandObserverFailed(ILogger logger, Exception exception, IncidentId incidentId, CommandId commandId);
}
