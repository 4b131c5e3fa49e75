using System.Collections.Generic;
using CustomerAdvocacy.DueActions;
using CustomerAdvocacy.Incidents;
using NodaTime;

namespace CustomerAdvocacy.Orleans;

/// <summary>
/// What is due for an incident: the incident grain asks after every command and every reminder tick, arms its reminder
/// for the earliest item, and applies the <see cref="DueActionPlanner"/>'s commands for the items that fell due.
/// Register one in the silo's services to add items beyond what the incident's state tells (a customer's health
/// checks, say; see <see cref="DueItemSources"/>); the default is <see cref="IncidentStateDueItemSource"/>.
/// </summary>
public interface IIncidentDueItemSource
{
    /// <summary>The incident's due items, past and future, at an instant. Must be pure: the same incident and instant give the same items.</summary>
    /// <param name="incident">The incident, opened.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The items; at most one per key.</returns>
    IReadOnlyList<DueItem> DueItems(Incident incident, Instant now);
}

/// <summary>
/// What the incident's own folded state has due (<see cref="DueItemSources.ForIncident"/>): open commitments, the
/// service-level deadlines, the escalation ladder's time-out, a mitigation trial's reminders and end, and the management
/// review's deadline.
/// </summary>
public sealed class IncidentStateDueItemSource : IIncidentDueItemSource
{
    /// <inheritdoc />
    public IReadOnlyList<DueItem> DueItems(Incident incident, Instant now) => DueItemSources.ForIncident(incident);
}
