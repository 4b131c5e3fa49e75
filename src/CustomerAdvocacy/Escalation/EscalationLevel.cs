namespace CustomerAdvocacy.Escalation;

/// <summary>The levels of an escalation ladder, lowest to highest.</summary>
public enum EscalationLevel
{
    /// <summary>Frontline service: the engineers and the accountable owner.</summary>
    FrontlineService = 0,

    /// <summary>Service management.</summary>
    ServiceManagement = 1,

    /// <summary>Senior management, above the power line.</summary>
    SeniorManagement = 2,

    /// <summary>The executive: the top of every ladder.</summary>
    Executive = 3,
}

/// <summary>Whether an escalation target is one person or a group paged through its on-call rota.</summary>
public enum EscalationTargetKind
{
    /// <summary>A named person.</summary>
    Person = 0,

    /// <summary>An on-call group; the host resolves who is on call.</summary>
    OnCallGroup = 1,
}

/// <summary>Who is told when an escalation reaches a rung: a person or an on-call group.</summary>
public sealed record EscalationTarget
{
    /// <summary>Creates a target.</summary>
    /// <param name="id">The host's identifier of the person or group.</param>
    /// <param name="kind">Person or on-call group.</param>
    /// <exception cref="System.ArgumentException"><paramref name="id"/> is blank.</exception>
    public EscalationTarget(string id, EscalationTargetKind kind)
    {
        Id = Preconditions.CheckNotNullOrWhiteSpace(id);
        Kind = kind;
    }

    /// <summary>The host's identifier of the person or group.</summary>
    public string Id { get; }

    /// <summary>Person or on-call group.</summary>
    public EscalationTargetKind Kind { get; }

    /// <summary>A named person.</summary>
    /// <param name="id">The person's identifier.</param>
    /// <returns>The target.</returns>
    public static EscalationTarget Person(string id) => new(id, EscalationTargetKind.Person);

    /// <summary>An on-call group.</summary>
    /// <param name="id">The group's identifier.</param>
    /// <returns>The target.</returns>
    public static EscalationTarget OnCallGroup(string id) => new(id, EscalationTargetKind.OnCallGroup);

    /// <inheritdoc />
    public override string ToString() => $"{Kind} {Id}";
}
