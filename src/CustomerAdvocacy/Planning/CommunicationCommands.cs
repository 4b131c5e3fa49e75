using System.Collections.Generic;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Incidents;
using NodaTime;

namespace CustomerAdvocacy.Planning;

/// <summary>A request to move a result meant for the customer, from an actor in a role, identified for idempotency.</summary>
/// <param name="CommunicationId">The communication the command is for.</param>
/// <param name="CommandId">Identifies the command; the same id applied twice records its events once.</param>
/// <param name="Actor">Who issues it, and in which role.</param>
public abstract record CommunicationCommand(CommunicationId CommunicationId, CommandId CommandId, Actor Actor)
{
    /// <summary>The trigger this command fires on the machine.</summary>
    public abstract CommunicationTrigger Trigger { get; }

    /// <summary>
    /// When set, the version the issuer saw; the command is rejected as stale (<see cref="StaleVersion"/>) when the
    /// communication has moved on.
    /// </summary>
    public long? ExpectedVersion { get; init; }
}

/// <summary>Anyone on the provider's side (or a third party) records a result meant for the customer, as a draft.</summary>
/// <param name="CommunicationId">The communication.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">The producer.</param>
/// <param name="Kind">Audit, report or analysis.</param>
/// <param name="Title">What it is.</param>
/// <param name="CustomerRecipientIds">The customer's people it is meant for; at least one.</param>
public sealed record DraftCommunication(CommunicationId CommunicationId, CommandId CommandId, Actor Actor, CommunicationKind Kind, string Title, IReadOnlyList<string> CustomerRecipientIds)
    : CommunicationCommand(CommunicationId, CommandId, Actor)
{
    /// <inheritdoc />
    public override CommunicationTrigger Trigger => CommunicationTrigger.Draft;
}

/// <summary>The producer or the account team sends the draft to the account team for internal review.</summary>
/// <param name="CommunicationId">The communication.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
public sealed record SubmitCommunicationForReview(CommunicationId CommunicationId, CommandId CommandId, Actor Actor)
    : CommunicationCommand(CommunicationId, CommandId, Actor)
{
    /// <inheritdoc />
    public override CommunicationTrigger Trigger => CommunicationTrigger.SubmitForReview;
}

/// <summary>
/// The account team releases the reviewed result to the customer in context. The release is recorded as a
/// <see cref="ConversationRecord"/> copied to every participant.
/// </summary>
/// <param name="CommunicationId">The communication.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who releases it: the accountable owner or a service manager, not its producer.</param>
/// <param name="ConversationId">The id of the conversation the release is recorded as.</param>
/// <param name="OtherParticipants">Anyone else in the conversation besides the producer, the submitter, the releaser
/// and the customer recipients, who are always included.</param>
public sealed record ReleaseCommunication(CommunicationId CommunicationId, CommandId CommandId, Actor Actor, string ConversationId, IReadOnlyList<string> OtherParticipants)
    : CommunicationCommand(CommunicationId, CommandId, Actor)
{
    /// <inheritdoc />
    public override CommunicationTrigger Trigger => CommunicationTrigger.Release;
}

/// <summary>The producer or the account team withdraws the result; it never reaches the customer.</summary>
/// <param name="CommunicationId">The communication.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="Reason">Why.</param>
public sealed record WithdrawCommunication(CommunicationId CommunicationId, CommandId CommandId, Actor Actor, string Reason)
    : CommunicationCommand(CommunicationId, CommandId, Actor)
{
    /// <inheritdoc />
    public override CommunicationTrigger Trigger => CommunicationTrigger.Withdraw;
}

/// <summary>What every communication event carries.</summary>
/// <param name="CommunicationId">The communication (the stream).</param>
/// <param name="Version">The event's position in the stream, from 1, contiguous.</param>
/// <param name="OccurredAt">When it was decided, from the host's clock.</param>
/// <param name="Actor">Who caused it.</param>
/// <param name="CommandId">The command that produced it.</param>
public sealed record CommunicationEventMetadata(CommunicationId CommunicationId, long Version, Instant OccurredAt, Actor Actor, CommandId CommandId);

/// <summary>An immutable fact about a result meant for the customer.</summary>
/// <param name="Metadata">The stream position, time, actor and command.</param>
public abstract record CommunicationEvent(CommunicationEventMetadata Metadata);

/// <summary>A draft was recorded.</summary>
/// <param name="Metadata">Stream position, time, actor (the producer), command.</param>
/// <param name="Kind">Audit, report or analysis.</param>
/// <param name="Title">What it is.</param>
/// <param name="CustomerRecipientIds">The customer's people it is meant for.</param>
public sealed record CommunicationDrafted(CommunicationEventMetadata Metadata, CommunicationKind Kind, string Title, IReadOnlyList<string> CustomerRecipientIds) : CommunicationEvent(Metadata);

/// <summary>The draft went to the account team for internal review.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
public sealed record CommunicationSubmittedForReview(CommunicationEventMetadata Metadata) : CommunicationEvent(Metadata);

/// <summary>The account team released the result to the customer, in a recorded conversation.</summary>
/// <param name="Metadata">Stream position, time, actor (the releaser), command.</param>
/// <param name="Conversation">The conversation, copied to every participant.</param>
public sealed record CommunicationReleased(CommunicationEventMetadata Metadata, ConversationRecord Conversation) : CommunicationEvent(Metadata);

/// <summary>The result was withdrawn.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="Reason">Why.</param>
public sealed record CommunicationWithdrawn(CommunicationEventMetadata Metadata, string Reason) : CommunicationEvent(Metadata);
