using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.DueActions;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using NodaTime;

namespace CustomerAdvocacy.Storage;

/// <summary>An incident with something due, as the due index returns it.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="DueAt">The earliest instant something of it is due.</param>
public sealed record DueIncident(IncidentId IncidentId, Instant DueAt);

/// <summary>
/// An optional capability of an <see cref="IIncidentStore"/>: it keeps each incident's next due instant (the
/// <see cref="IncidentAppend.NextDueAt"/> of its latest append), so a scheduler or host finds incidents with
/// something due without reading every stream. The conformance suite checks it for every store that implements it.
/// </summary>
public interface IDueIncidentIndex
{
    /// <summary>Finds incidents whose next due instant is at or before an instant, earliest first.</summary>
    /// <param name="until">The latest due instant to include.</param>
    /// <param name="limit">The most incidents to return; at least 1.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The incidents ordered by due instant, then by id; at most <paramref name="limit"/>.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="limit"/> is less than 1.</exception>
    Task<IReadOnlyList<DueIncident>> FindDueAsync(Instant until, int limit, CancellationToken cancellationToken);
}

/// <summary>What the engine records as an incident's next due instant.</summary>
internal static class IncidentNextDue
{
    /// <summary>The earliest of the incident's due items (<see cref="DueItemSources.ForIncident"/>); <see langword="null"/> when none.</summary>
    internal static Instant? Of(Incident incident)
    {
        Instant? earliest = null;
        foreach (var item in DueItemSources.ForIncident(incident))
        {
            if (earliest is null || item.Due < earliest)
            {
                earliest = item.Due;
            }
        }

        return earliest;
    }
}
