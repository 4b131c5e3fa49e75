using System;
using CustomerAdvocacy.DueActions;
using CustomerAdvocacy.Kernel;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CustomerAdvocacy.Orleans;

/// <summary>The log messages of the Orleans integration: ids, kinds and instants only.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = OrleansLogEventIds.ReminderArmed, Level = LogLevel.Debug, Message = "Incident {IncidentId}: reminder armed for {Kind} due {Due} (in {DueTime})")]
    public static partial void ReminderArmed(ILogger logger, IncidentId incidentId, DueItemKind kind, Instant due, TimeSpan dueTime);

    [LoggerMessage(EventId = OrleansLogEventIds.ReminderCleared, Level = LogLevel.Debug, Message = "Incident {IncidentId}: nothing due, reminder removed")]
    public static partial void ReminderCleared(ILogger logger, IncidentId incidentId);

    [LoggerMessage(EventId = OrleansLogEventIds.ReminderFired, Level = LogLevel.Information, Message = "Incident {IncidentId}: due-action reminder fired, {Count} item(s) due")]
    public static partial void ReminderFired(ILogger logger, IncidentId incidentId, int count);

    [LoggerMessage(EventId = OrleansLogEventIds.DueActionApplied, Level = LogLevel.Information, Message = "Incident {IncidentId}: due {Kind} applied as command {CommandId} (accepted {Accepted}, duplicate {Duplicate})")]
    public static partial void DueActionApplied(ILogger logger, IncidentId incidentId, DueItemKind kind, CommandId commandId, bool accepted, bool duplicate);

    [LoggerMessage(EventId = OrleansLogEventIds.PortfolioRebuilt, Level = LogLevel.Information, Message = "Portfolio {SegmentId} rebuilt from the store with {Count} incident(s)")]
    public static partial void PortfolioRebuilt(ILogger logger, string segmentId, int count);
}
