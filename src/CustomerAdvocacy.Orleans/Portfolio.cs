using System.Collections.Generic;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Orleans;

/// <summary>Where one open incident stands, as its grain last reported it.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="State">Its lifecycle state.</param>
/// <param name="Version">The incident version the entry was computed at; older reports never overwrite newer ones.</param>
/// <param name="MissedCommitments">Commitments recorded as missed and not delivered since.</param>
/// <param name="OverdueItems">Due items whose instant has passed (SLA breaches, warnings, commitments, time-outs), as the due-item source reports them.</param>
public sealed record PortfolioEntry(IncidentId IncidentId, IncidentState State, long Version, int MissedCommitments, int OverdueItems)
{
    /// <summary>Whether the incident is in breach: a missed commitment or an overdue item.</summary>
    public bool IsBreached => MissedCommitments > 0 || OverdueItems > 0;
}

/// <summary>The open incidents of one segment.</summary>
/// <param name="SegmentId">The segment (the incidents' policy segment).</param>
/// <param name="OpenByState">How many open incidents are in each state (states with none are left out).</param>
/// <param name="Breached">The open incidents in breach, by incident id.</param>
/// <param name="OpenCount">How many incidents are open.</param>
public sealed record PortfolioView(string SegmentId, IReadOnlyDictionary<IncidentState, int> OpenByState, IReadOnlyList<PortfolioEntry> Breached, int OpenCount);
