using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.DueActions;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Incidents;
using NodaTime;

namespace CustomerAdvocacy.Orleans.Grains;

/// <summary>Computes an incident's portfolio entry; incident grains and a recovering portfolio grain share it.</summary>
internal static class PortfolioEntries
{
    internal static readonly IncidentState[] OpenStates =
    {
        IncidentState.Opened, IncidentState.Engaged, IncidentState.Analyzing, IncidentState.PlanProposed,
        IncidentState.PlanApproved, IncidentState.Executing, IncidentState.ResolutionProposed,
    };

    internal static bool IsOpen(IncidentState state) => state is >= IncidentState.Opened and <= IncidentState.ResolutionProposed;

    internal static WirePortfolioEntry For(Incident incident, IReadOnlyList<DueItem> dueItems, Instant now)
    {
        var missed = incident.Commitments.Count(c => c.Status == CommitmentStatus.Missed);

        // An open commitment past its due instant counts as overdue until the reminder records it as missed.
        var overdue = IsOpen(incident.State) ? dueItems.Count(i => i.Due <= now) : 0;
        return new WirePortfolioEntry(incident.Id.Value, (int)incident.State, incident.Version, missed, overdue);
    }
}
