using System;
using Orleans;

namespace CustomerAdvocacy.Orleans.Wire;

/// <summary>A command on the wire: its type's name and its JSON (<see cref="IncidentCommandCodec"/>).</summary>
/// <param name="Type">The command type's name.</param>
/// <param name="Json">The command.</param>
[GenerateSerializer]
[Immutable]
[Alias("customer-advocacy.command.v1")]
internal sealed record WireCommand([property: Id(0)] string Type, [property: Id(1)] string Json);

/// <summary>An event on the wire, in the form the stores keep (the canonical <c>IncidentEventSerializer</c> JSON).</summary>
/// <param name="Version">The event's version in its stream.</param>
/// <param name="EventType">The stable type name.</param>
/// <param name="SchemaVersion">The schema version of <paramref name="Payload"/>.</param>
/// <param name="Payload">The event's JSON.</param>
[GenerateSerializer]
[Immutable]
[Alias("customer-advocacy.event.v1")]
internal sealed record WireEvent([property: Id(0)] long Version, [property: Id(1)] string EventType, [property: Id(2)] int SchemaVersion, [property: Id(3)] string Payload);

/// <summary>An incident on the wire: its stream up to the version the state was folded to; the receiver replays it.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="Events">Its events from version 1, contiguous.</param>
[GenerateSerializer]
[Immutable]
[Alias("customer-advocacy.incident.v1")]
internal sealed record WireIncident([property: Id(0)] Guid IncidentId, [property: Id(1)] WireEvent[] Events);

/// <summary>A command's outcome on the wire.</summary>
/// <param name="Incident">The incident after the command.</param>
/// <param name="FirstEventVersion">For an accepted command, the version of its first event; 0 when rejected.</param>
/// <param name="EventCount">For an accepted command, how many events it recorded; 0 when rejected.</param>
/// <param name="Rejection">For a rejected command, the rejection's stored JSON; <see langword="null"/> when accepted.</param>
/// <param name="IsDuplicate">Whether the command id had been seen before.</param>
/// <param name="FollowUps">The outcomes of the commands the engine issued as a consequence.</param>
[GenerateSerializer]
[Immutable]
[Alias("customer-advocacy.outcome.v1")]
internal sealed record WireOutcome(
    [property: Id(0)] WireIncident Incident,
    [property: Id(1)] long FirstEventVersion,
    [property: Id(2)] int EventCount,
    [property: Id(3)] string? Rejection,
    [property: Id(4)] bool IsDuplicate,
    [property: Id(5)] WireOutcome[] FollowUps);
