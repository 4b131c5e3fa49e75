using NodaTime;

namespace CustomerAdvocacy.Kernel;

/// <summary>What every incident event carries.</summary>
/// <param name="IncidentId">The incident (the stream).</param>
/// <param name="Version">The event's position in the stream, from 1, contiguous.</param>
/// <param name="OccurredAt">When it was decided, from the injected clock.</param>
/// <param name="Actor">Who caused it.</param>
/// <param name="CommandId">The command that produced it.</param>
public sealed record EventMetadata(IncidentId IncidentId, long Version, Instant OccurredAt, Actor Actor, CommandId CommandId);
