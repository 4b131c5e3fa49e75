using System.Collections.Generic;
using CustomerAdvocacy.Kernel;
using NodaTime;

namespace CustomerAdvocacy.Planning;

/// <summary>An immutable fact about a mitigation trial. The trial is the fold of its events.</summary>
/// <param name="Metadata">The stream position (within the trial), time, actor and command.</param>
public abstract record MitigationTrialEvent(EventMetadata Metadata) : IncidentEvent(Metadata);

/// <summary>The trial was offered.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="Service">The service.</param>
/// <param name="Length">How long it runs.</param>
/// <param name="ReminderDaysBeforeEnd">When to remind, in trial days before the end.</param>
/// <param name="RoiCase">The ROI case.</param>
public sealed record MitigationTrialOffered(EventMetadata Metadata, string Service, TrialLength Length, IReadOnlyList<int> ReminderDaysBeforeEnd, MitigationRoiCase RoiCase) : MitigationTrialEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="MitigationTrialOffered"/>.</summary>
    public const string TypeName = "mitigation-trial-offered";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>The customer accepted; the trial runs until its end.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="EndsAt">When it ends.</param>
/// <param name="Reminders">The reminders before the end, in due order.</param>
public sealed record MitigationTrialStarted(EventMetadata Metadata, Instant StartedAt, Instant EndsAt, IReadOnlyList<TrialReminder> Reminders) : MitigationTrialEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="MitigationTrialStarted"/>.</summary>
    public const string TypeName = "mitigation-trial-started";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>The customer declined the trial.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="Reason">Why.</param>
public sealed record MitigationTrialDeclined(EventMetadata Metadata, string Reason) : MitigationTrialEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="MitigationTrialDeclined"/>.</summary>
    public const string TypeName = "mitigation-trial-declined";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>A reminder before the end was sent.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="DaysBeforeEnd">Which reminder.</param>
public sealed record MitigationTrialReminded(EventMetadata Metadata, int DaysBeforeEnd) : MitigationTrialEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="MitigationTrialReminded"/>.</summary>
    public const string TypeName = "mitigation-trial-reminded";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>The customer bought the service.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
public sealed record MitigationPurchased(EventMetadata Metadata) : MitigationTrialEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="MitigationPurchased"/>.</summary>
    public const string TypeName = "mitigation-purchased";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>The trial ended without a purchase; the service was switched off.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="RiskNotice">What the customer was told about the returning risk.</param>
public sealed record MitigationTrialSwitchedOff(EventMetadata Metadata, string RiskNotice) : MitigationTrialEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="MitigationTrialSwitchedOff"/>.</summary>
    public const string TypeName = "mitigation-trial-switched-off";

    /// <inheritdoc />
    public override string EventType => TypeName;
}
