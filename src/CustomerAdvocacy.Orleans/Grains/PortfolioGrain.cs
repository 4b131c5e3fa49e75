using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Incidents;
using Microsoft.Extensions.Logging;
using Orleans;

namespace CustomerAdvocacy.Orleans.Grains;

/// <summary>
/// The open incidents of one segment, kept in memory and updated by the incident grains after every accepted command
/// and reminder tick, so a query never touches an incident grain. When an activation starts (first use, or after its
/// silo was lost) it rebuilds from the store: the store's state index lists the open incidents, and each is replayed
/// from its stream (not activated as a grain); the reports that arrive afterwards keep it current.
/// </summary>
internal sealed class PortfolioGrain : Grain, IPortfolioGrain
{
    private readonly AdvocacyServices _services;
    private readonly ILogger<PortfolioGrain> _logger;
    private readonly Dictionary<Guid, WirePortfolioEntry> _entries = new();

    public PortfolioGrain(AdvocacyServices services, ILogger<PortfolioGrain> logger)
    {
        _services = services;
        _logger = logger;
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var segment = this.GetPrimaryKeyString();
        var now = _services.Clock.GetCurrentInstant();
        foreach (var state in PortfolioEntries.OpenStates)
        {
            foreach (var id in await _services.Store.ListByStateAsync(state, cancellationToken).ConfigureAwait(true))
            {
                var incident = await _services.Engine.LoadAsync(id, cancellationToken).ConfigureAwait(true);
                if (incident.Policy is { } policy && string.Equals(policy.SegmentId, segment, StringComparison.Ordinal) && PortfolioEntries.IsOpen(incident.State))
                {
                    Apply(PortfolioEntries.For(incident, _services.DueItems.DueItems(incident, now), now));
                }
            }
        }

        Log.PortfolioRebuilt(_logger, segment, _entries.Count);
    }

    public Task Report(WirePortfolioEntry entry)
    {
        Apply(entry);
        return Task.CompletedTask;
    }

    public Task<WirePortfolioEntry[]> View() => Task.FromResult(_entries.Values.Where(e => PortfolioEntries.IsOpen((IncidentState)e.State)).ToArray());

    private void Apply(WirePortfolioEntry entry)
    {
        if (_entries.TryGetValue(entry.IncidentId, out var known) && known.Version > entry.Version)
        {
            return;
        }

        // A closed incident's entry stays (it is small) so that a late report from before the closing cannot bring it back.
        _entries[entry.IncidentId] = entry;
    }
}
