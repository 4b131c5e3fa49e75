using NodaTime;

namespace CustomerAdvocacy.Engagement;

/// <summary>Where a commitment stands.</summary>
public enum CommitmentStatus
{
    /// <summary>Made and not yet delivered; its due instant has not been declared missed.</summary>
    Open = 0,

    /// <summary>Its due instant passed without delivery. It stays outstanding until delivered late.</summary>
    Missed = 1,

    /// <summary>Delivered.</summary>
    Delivered = 2,
}

/// <summary>A promise with an owner and a due instant. There is no commitment without a due instant.</summary>
public sealed record Commitment
{
    /// <summary>Creates an open commitment.</summary>
    /// <param name="id">A stable identifier, unique within the incident.</param>
    /// <param name="ownerId">Who delivers it.</param>
    /// <param name="description">What is promised.</param>
    /// <param name="due">When it is due.</param>
    public Commitment(string id, string ownerId, string description, Instant due)
    {
        Id = Preconditions.CheckNotNullOrWhiteSpace(id);
        OwnerId = Preconditions.CheckNotNullOrWhiteSpace(ownerId);
        Description = Preconditions.CheckNotNullOrWhiteSpace(description);
        Due = due;
    }

    /// <summary>A stable identifier, unique within the incident.</summary>
    public string Id { get; }

    /// <summary>Who delivers it.</summary>
    public string OwnerId { get; }

    /// <summary>What is promised.</summary>
    public string Description { get; }

    /// <summary>When it is due.</summary>
    public Instant Due { get; }

    /// <summary>Where it stands.</summary>
    public CommitmentStatus Status { get; init; }

    /// <summary>Whether it is still outstanding (open or missed, not delivered).</summary>
    public bool IsOutstanding => Status != CommitmentStatus.Delivered;
}
