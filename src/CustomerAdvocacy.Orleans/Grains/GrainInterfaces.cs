using System;
using System.Threading.Tasks;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Orleans.Wire;
using Orleans;

namespace CustomerAdvocacy.Orleans.Grains;

/// <summary>One incident. Its single activation serializes the incident's commands; the store keeps its state.</summary>
[Alias("customer-advocacy.incident-grain")]
internal interface IIncidentGrain : IGrainWithGuidKey
{
    /// <summary>Executes a command for this incident.</summary>
    [Alias("execute")]
    Task<WireOutcome> Execute(WireCommand command);

    /// <summary>The incident's stream, for a caller to replay.</summary>
    [Alias("load")]
    Task<WireIncident> Load();

    /// <summary>Catches up with the store (another writer opened or changed the incident), re-arms and reports.</summary>
    [Alias("refresh")]
    Task<WireIncident> Refresh();

    /// <summary>The instant the due-action reminder is armed for; <see langword="null"/> when none is.</summary>
    [Alias("armed-for")]
    Task<DateTimeOffset?> ArmedFor();

    /// <summary>The silo the activation runs on (its runtime identity), for diagnostics and tests.</summary>
    [Alias("silo")]
    Task<string> Silo();
}

/// <summary>The open incidents of one segment (keyed by segment id), reported by their incident grains.</summary>
[Alias("customer-advocacy.portfolio-grain")]
internal interface IPortfolioGrain : IGrainWithStringKey
{
    /// <summary>Records where an incident stands; an older version never overwrites a newer one.</summary>
    [Alias("report")]
    Task Report(WirePortfolioEntry entry);

    /// <summary>The segment's open incidents.</summary>
    [Alias("view")]
    Task<WirePortfolioEntry[]> View();
}

/// <summary>A portfolio entry on the wire.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="State">Its state (<see cref="IncidentState"/> as a number: enums of core carry no Orleans codec).</param>
/// <param name="Version">The version the entry was computed at.</param>
/// <param name="MissedCommitments">Missed commitments.</param>
/// <param name="OverdueItems">Overdue items.</param>
[GenerateSerializer]
[Immutable]
[Alias("customer-advocacy.portfolio-entry.v1")]
internal sealed record WirePortfolioEntry(
    [property: Id(0)] Guid IncidentId,
    [property: Id(1)] int State,
    [property: Id(2)] long Version,
    [property: Id(3)] int MissedCommitments,
    [property: Id(4)] int OverdueItems);
