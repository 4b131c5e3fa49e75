using NodaTime;

namespace CustomerAdvocacy.Resolution;

/// <summary>A criterion as proposed in a plan or a criteria change, before the customer agrees to it.</summary>
public sealed record CriterionDraft
{
    /// <summary>Creates a draft criterion.</summary>
    /// <param name="id">A stable identifier, unique within the incident (for example <c>server-up</c>).</param>
    /// <param name="description">What must be true for the customer to call the incident resolved.</param>
    public CriterionDraft(string id, string description)
    {
        Id = Preconditions.CheckNotNullOrWhiteSpace(id);
        Description = Preconditions.CheckNotNullOrWhiteSpace(description);
    }

    /// <summary>A stable identifier, unique within the incident.</summary>
    public string Id { get; }

    /// <summary>What must be true.</summary>
    public string Description { get; }
}

/// <summary>
/// A resolution criterion agreed with the customer. Closing requires every one met with evidence.
/// </summary>
public sealed record ResolutionCriterion
{
    /// <summary>Creates an agreed criterion, not yet met.</summary>
    /// <param name="id">A stable identifier, unique within the incident.</param>
    /// <param name="description">What must be true.</param>
    /// <param name="agreedAtVersion">The incident version at which the customer agreed to it.</param>
    public ResolutionCriterion(string id, string description, long agreedAtVersion)
    {
        Id = Preconditions.CheckNotNullOrWhiteSpace(id);
        Description = Preconditions.CheckNotNullOrWhiteSpace(description);
        AgreedAtVersion = agreedAtVersion;
    }

    /// <summary>A stable identifier, unique within the incident.</summary>
    public string Id { get; }

    /// <summary>What must be true.</summary>
    public string Description { get; }

    /// <summary>The incident version at which the customer agreed to it.</summary>
    public long AgreedAtVersion { get; }

    /// <summary>The evidence that the criterion is met; <see langword="null"/> while unmet.</summary>
    public string? Evidence { get; init; }

    /// <summary>Who verified the evidence; <see langword="null"/> while unmet.</summary>
    public string? VerifiedBy { get; init; }

    /// <summary>When the evidence was recorded; <see langword="null"/> while unmet.</summary>
    public Instant? MetAt { get; init; }

    /// <summary>Whether the criterion is met with evidence and a verifier.</summary>
    public bool IsMet => !string.IsNullOrWhiteSpace(Evidence) && !string.IsNullOrWhiteSpace(VerifiedBy);
}
