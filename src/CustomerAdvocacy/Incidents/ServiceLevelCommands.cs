using System.Collections.Generic;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Incidents;

/// <summary>
/// Sends an update to the customer's participants (written, to everyone involved). The first one answers the
/// first-response target; each one delivers the pending cadence occurrence and schedules the next in the customer's
/// calendar.
/// </summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="Recipients">Everyone the update goes to (host identifiers); at least one.</param>
public sealed record SendCustomerUpdate(IncidentId IncidentId, CommandId CommandId, Actor Actor, IReadOnlyList<string> Recipients)
    : IncidentCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override IncidentTrigger Trigger => IncidentTrigger.SendCustomerUpdate;
}

/// <summary>
/// Records that a running service-level deadline reached its warning point. Issued by the host's due-action sweep
/// (<see cref="DueActions.DueActionPlanner"/>); rejected unless the warning is actually due and not yet recorded.
/// </summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command (derived from the due item, so a repeated sweep is idempotent).</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="Kind">Which deadline.</param>
public sealed record RecordServiceLevelWarning(IncidentId IncidentId, CommandId CommandId, Actor Actor, ServiceLevelKind Kind)
    : IncidentCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override IncidentTrigger Trigger => IncidentTrigger.RecordServiceLevelWarning;
}

/// <summary>
/// Records that a running service-level deadline passed. For the update cadence it records the occurrence as missed and
/// schedules the next one. Rejected unless the breach is actually due and not yet recorded.
/// </summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command (derived from the due item, so a repeated sweep is idempotent).</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="Kind">Which deadline.</param>
public sealed record RecordServiceLevelBreach(IncidentId IncidentId, CommandId CommandId, Actor Actor, ServiceLevelKind Kind)
    : IncidentCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override IncidentTrigger Trigger => IncidentTrigger.RecordServiceLevelBreach;
}
