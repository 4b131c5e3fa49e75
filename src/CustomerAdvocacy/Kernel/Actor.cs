namespace CustomerAdvocacy.Kernel;

/// <summary>Who issues a command, and in which role.</summary>
public sealed record Actor
{
    /// <summary>Creates an actor.</summary>
    /// <param name="id">The host's opaque identifier for the person (never logged).</param>
    /// <param name="role">The role the person acts in.</param>
    public Actor(string id, IncidentRole role)
    {
        Id = Preconditions.CheckNotNullOrWhiteSpace(id);
        Role = role;
    }

    /// <summary>The host's opaque identifier for the person.</summary>
    public string Id { get; }

    /// <summary>The role the person acts in.</summary>
    public IncidentRole Role { get; }
}
