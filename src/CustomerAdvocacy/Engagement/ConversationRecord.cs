using System.Collections.Generic;
using NodaTime;

namespace CustomerAdvocacy.Engagement;

/// <summary>
/// A recorded conversation: if it wasn't written, it didn't happen. A private aside with an authority figure creates
/// a commitment to update every participant.
/// </summary>
public sealed record ConversationRecord
{
    /// <summary>Creates a conversation record.</summary>
    /// <param name="id">A stable identifier, unique within the incident.</param>
    /// <param name="participants">Everyone involved; at least one.</param>
    /// <param name="at">When it was recorded.</param>
    /// <param name="privateAsideWith">The authority figure of a private aside, or <see langword="null"/>.</param>
    public ConversationRecord(string id, IEnumerable<string> participants, Instant at, string? privateAsideWith)
    {
        Id = Preconditions.CheckNotNullOrWhiteSpace(id);
        Participants = EquatableList<string>.From(Preconditions.CheckNotNull(participants));
        At = at;
        PrivateAsideWith = privateAsideWith;
    }

    /// <summary>A stable identifier, unique within the incident.</summary>
    public string Id { get; }

    /// <summary>Everyone involved.</summary>
    public IReadOnlyList<string> Participants { get; }

    /// <summary>When it was recorded.</summary>
    public Instant At { get; }

    /// <summary>The authority figure of a private aside, or <see langword="null"/> for an open conversation.</summary>
    public string? PrivateAsideWith { get; }
}
