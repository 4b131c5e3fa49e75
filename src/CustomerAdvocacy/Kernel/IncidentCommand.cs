namespace CustomerAdvocacy.Kernel;

/// <summary>A request to change an incident, from an actor in a role, identified for idempotency.</summary>
/// <param name="IncidentId">The incident the command is for.</param>
/// <param name="CommandId">Identifies the command; the same id applied twice records its events once.</param>
/// <param name="Actor">Who issues it, and in which role.</param>
public abstract record IncidentCommand(IncidentId IncidentId, CommandId CommandId, Actor Actor)
{
    /// <summary>The trigger this command fires on the lifecycle, and its row in the authorization table.</summary>
    public abstract IncidentTrigger Trigger { get; }

    /// <summary>
    /// When set, the version the issuer saw; the command is rejected as stale when the incident has moved on.
    /// </summary>
    public long? ExpectedVersion { get; init; }
}
