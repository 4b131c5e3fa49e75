using System;
using CustomerAdvocacy.Diagnostics;
using CustomerAdvocacy.Kernel;
using Microsoft.Extensions.Logging;

namespace CustomerAdvocacy.Storage;

/// <summary>The storage side's log messages: ids, versions and shape fingerprints only.</summary>
internal static partial class StorageLog
{
    [LoggerMessage(EventId = LogEventIds.SnapshotIgnored, EventName = nameof(SnapshotIgnored), Level = LogLevel.Warning,
        Message = "Incident {IncidentId}: snapshot at version {Version} ignored, replaying all events: {Problem}")]
    internal static partial void SnapshotIgnored(ILogger logger, IncidentId incidentId, long version, string problem);

    [LoggerMessage(EventId = LogEventIds.SnapshotWriteFailed, EventName = nameof(SnapshotWriteFailed), Level = LogLevel.Warning,
        Message = "Incident {IncidentId}: snapshot at version {Version} not written; the command stands")]
    internal static partial void SnapshotWriteFailed(ILogger logger, Exception exception, IncidentId incidentId, long version);

    [LoggerMessage(EventId = LogEventIds.SnapshotsUnsupported, EventName = nameof(SnapshotsUnsupported), Level = LogLevel.Warning,
        Message = "Incident snapshots are off: {Reason}")]
    internal static partial void SnapshotsUnsupported(ILogger logger, string reason);
}
