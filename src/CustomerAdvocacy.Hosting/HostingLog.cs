using System;
using CustomerAdvocacy.DueActions;
using CustomerAdvocacy.Kernel;
using Microsoft.Extensions.Logging;

namespace CustomerAdvocacy.Hosting;

/// <summary>The hosting package's log messages (event ids 7001–7099): ids, kinds, triggers and states only.</summary>
internal static partial class HostingLog
{
    internal const int RunnerStartedId = 7001;
    internal const int DueActionFailedId = 7002;
    internal const int DueCommandRejectedId = 7003;
    internal const int DueActionForHostId = 7004;
    internal const int RearmFailedId = 7005;
    internal const int RunnerStoppedId = 7006;
    internal const int LoadFailedId = 7007;
    internal const int InMemoryStoreId = 7008;

    [LoggerMessage(EventId = RunnerStartedId, EventName = nameof(RunnerStarted), Level = LogLevel.Information,
        Message = "Due-action runner started with {IncidentCount} open incidents")]
    internal static partial void RunnerStarted(ILogger logger, int incidentCount);

    [LoggerMessage(EventId = DueActionFailedId, EventName = nameof(DueActionFailed), Level = LogLevel.Error,
        Message = "Due action {Kind} for {ItemKind} of incident {IncidentId} failed; trying again at {RetryAt}")]
    internal static partial void DueActionFailed(ILogger logger, Exception exception, DueActionKind kind, DueItemKind itemKind, string incidentId, NodaTime.Instant retryAt);

    [LoggerMessage(EventId = DueCommandRejectedId, EventName = nameof(DueCommandRejected), Level = LogLevel.Information,
        Message = "Incident {IncidentId}: due command {Trigger} rejected ({RejectionKind}); the incident moved on")]
    internal static partial void DueCommandRejected(ILogger logger, IncidentId incidentId, IncidentTrigger trigger, string rejectionKind);

    [LoggerMessage(EventId = DueActionForHostId, EventName = nameof(DueActionForHost), Level = LogLevel.Warning,
        Message = "Incident {IncidentId}: {ItemKind} fell due ({Kind}); it needs a person (register an IDueActionHandler to route it)")]
    internal static partial void DueActionForHost(ILogger logger, string incidentId, DueItemKind itemKind, DueActionKind kind);

    [LoggerMessage(EventId = RearmFailedId, EventName = nameof(RearmFailed), Level = LogLevel.Error,
        Message = "Incident {IncidentId}: its due items could not be computed; trying again at {RetryAt}")]
    internal static partial void RearmFailed(ILogger logger, Exception exception, IncidentId incidentId, NodaTime.Instant retryAt);

    [LoggerMessage(EventId = RunnerStoppedId, EventName = nameof(RunnerStopped), Level = LogLevel.Information,
        Message = "Due-action runner stopped")]
    internal static partial void RunnerStopped(ILogger logger);

    [LoggerMessage(EventId = LoadFailedId, EventName = nameof(LoadFailed), Level = LogLevel.Error,
        Message = "Due-action runner could not list the open incidents; trying again at {RetryAt}")]
    internal static partial void LoadFailed(ILogger logger, Exception exception, NodaTime.Instant retryAt);

    [LoggerMessage(EventId = InMemoryStoreId, EventName = nameof(InMemoryStore), Level = LogLevel.Warning,
        Message = "Incidents are kept in memory and lost when the process ends; choose a store with CustomerAdvocacyOptions.UseStore")]
    internal static partial void InMemoryStore(ILogger logger);
}
