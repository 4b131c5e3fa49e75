using System.Collections.Generic;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Kernel;
using NodaTime;

namespace CustomerAdvocacy.Incidents;

/// <summary>
/// The incident's service-level deadlines started with its opening: first response, first update occurrence and
/// resolution, computed in the customer's calendar under the policy the incident was opened under.
/// </summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="FirstResponse">The first-response deadline.</param>
/// <param name="FirstUpdate">The first occurrence of the update cadence.</param>
/// <param name="Resolution">The resolution deadline.</param>
public sealed record ServiceLevelsStarted(EventMetadata Metadata, ServiceLevelSchedule FirstResponse, ServiceLevelSchedule FirstUpdate, ServiceLevelSchedule Resolution) : IncidentEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="ServiceLevelsStarted"/>.</summary>
    public const string TypeName = "service-levels-started";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>
/// An update was sent to the customer's participants: it answers the first response and delivers the pending cadence
/// occurrence.
/// </summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="Recipients">Everyone it was sent to.</param>
public sealed record CustomerUpdateSent(EventMetadata Metadata, IReadOnlyList<string> Recipients) : IncidentEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="CustomerUpdateSent"/>.</summary>
    public const string TypeName = "customer-update-sent";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>The next occurrence of the update cadence was scheduled (after an update, a missed occurrence, or a resumption).</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="Occurrence">The occurrence number, from 1.</param>
/// <param name="Schedule">When it counts from, warns and is due.</param>
public sealed record UpdateScheduled(EventMetadata Metadata, int Occurrence, ServiceLevelSchedule Schedule) : IncidentEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="UpdateScheduled"/>.</summary>
    public const string TypeName = "update-scheduled";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>A service-level deadline reached its warning point while still running.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="Kind">Which deadline.</param>
/// <param name="Occurrence">The cadence occurrence for <see cref="ServiceLevelKind.Update"/>; 0 otherwise.</param>
/// <param name="WarningAt">The warning point that was reached.</param>
public sealed record ServiceLevelWarningRaised(EventMetadata Metadata, ServiceLevelKind Kind, int Occurrence, Instant WarningAt) : IncidentEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="ServiceLevelWarningRaised"/>.</summary>
    public const string TypeName = "service-level-warning-raised";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>
/// A service-level deadline passed while still running. For <see cref="ServiceLevelKind.Update"/> this records the
/// cadence occurrence as missed; the next occurrence is scheduled in the same command.
/// </summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="Kind">Which deadline.</param>
/// <param name="Occurrence">The cadence occurrence for <see cref="ServiceLevelKind.Update"/>; 0 otherwise.</param>
/// <param name="Due">The due instant that passed.</param>
public sealed record ServiceLevelBreached(EventMetadata Metadata, ServiceLevelKind Kind, int Occurrence, Instant Due) : IncidentEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="ServiceLevelBreached"/>.</summary>
    public const string TypeName = "service-level-breached";

    /// <inheritdoc />
    public override string EventType => TypeName;
}
