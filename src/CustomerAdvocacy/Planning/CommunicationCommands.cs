using System.Collections.Generic;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Planning;

/// <summary>A request to move a result meant for the customer, from an actor in a role, identified for idempotency.</summary>
/// <param name="IncidentId">The incident whose stream records the communication.</param>
/// <param name="CommunicationId">The communication the command is for.</param>
/// <param name="CommandId">Identifies the command; the same id applied twice records its events once.</param>
/// <param name="Actor">Who issues it, and in which role.</param>
public abstract record CommunicationCommand(IncidentId IncidentId, CommunicationId CommunicationId, CommandId CommandId, Actor Actor)
    : IncidentCommand(IncidentId, CommandId, Actor)
{
    /// <summary>The trigger this command fires on the communication machine.</summary>
    public abstract CommunicationTrigger CommunicationTrigger { get; }

    /// <inheritdoc />
    public sealed override IncidentTrigger Trigger => IncidentTrigger.DraftCommunication + (int)CommunicationTrigger;
}

/// <summary>Anyone on the provider's side (or a third party) records a result meant for the customer, as a draft.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommunicationId">The communication.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">The producer.</param>
/// <param name="Kind">Audit, report or analysis.</param>
/// <param name="Title">What it is.</param>
/// <param name="CustomerRecipientIds">The customer's people it is meant for; at least one.</param>
public sealed record DraftCommunication(IncidentId IncidentId, CommunicationId CommunicationId, CommandId CommandId, Actor Actor, CommunicationKind Kind, string Title, IReadOnlyList<string> CustomerRecipientIds)
    : CommunicationCommand(IncidentId, CommunicationId, CommandId, Actor)
{
    /// <inheritdoc />
    public override CommunicationTrigger CommunicationTrigger => CommunicationTrigger.Draft;
}

/// <summary>The producer or the account team sends the draft to the account team for internal review.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommunicationId">The communication.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
public sealed record SubmitCommunicationForReview(IncidentId IncidentId, CommunicationId CommunicationId, CommandId CommandId, Actor Actor)
    : CommunicationCommand(IncidentId, CommunicationId, CommandId, Actor)
{
    /// <inheritdoc />
    public override CommunicationTrigger CommunicationTrigger => CommunicationTrigger.SubmitForReview;
}

/// <summary>
/// The account team releases the reviewed result to the customer in context. The release is recorded as a
/// <see cref="ConversationRecord"/> copied to every participant.
/// </summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommunicationId">The communication.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who releases it: the accountable owner or a service manager, not its producer.</param>
/// <param name="ConversationId">The id of the conversation the release is recorded as.</param>
/// <param name="OtherParticipants">Anyone else in the conversation besides the producer, the submitter, the releaser
/// and the customer recipients, who are always included.</param>
public sealed record ReleaseCommunication(IncidentId IncidentId, CommunicationId CommunicationId, CommandId CommandId, Actor Actor, string ConversationId, IReadOnlyList<string> OtherParticipants)
    : CommunicationCommand(IncidentId, CommunicationId, CommandId, Actor)
{
    /// <inheritdoc />
    public override CommunicationTrigger CommunicationTrigger => CommunicationTrigger.Release;
}

/// <summary>The producer or the account team withdraws the result; it never reaches the customer.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommunicationId">The communication.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="Reason">Why.</param>
public sealed record WithdrawCommunication(IncidentId IncidentId, CommunicationId CommunicationId, CommandId CommandId, Actor Actor, string Reason)
    : CommunicationCommand(IncidentId, CommunicationId, CommandId, Actor)
{
    /// <inheritdoc />
    public override CommunicationTrigger CommunicationTrigger => CommunicationTrigger.Withdraw;
}

/// <summary>
/// An immutable fact about a result meant for the customer, recorded in the incident's stream (its version is the
/// incident's) and tagged with the communication it belongs to.
/// </summary>
/// <param name="Metadata">The incident stream position, time, actor and command.</param>
/// <param name="CommunicationId">The communication.</param>
public abstract record CommunicationEvent(EventMetadata Metadata, CommunicationId CommunicationId) : IncidentEvent(Metadata);

/// <summary>A draft was recorded.</summary>
/// <param name="Metadata">Stream position, time, actor (the producer), command.</param>
/// <param name="CommunicationId">The communication.</param>
/// <param name="Kind">Audit, report or analysis.</param>
/// <param name="Title">What it is.</param>
/// <param name="CustomerRecipientIds">The customer's people it is meant for.</param>
public sealed record CommunicationDrafted(EventMetadata Metadata, CommunicationId CommunicationId, CommunicationKind Kind, string Title, IReadOnlyList<string> CustomerRecipientIds) : CommunicationEvent(Metadata, CommunicationId)
{
    /// <summary>The stable type name of <see cref="CommunicationDrafted"/>.</summary>
    public const string TypeName = "communication-drafted";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>The draft went to the account team for internal review.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="CommunicationId">The communication.</param>
public sealed record CommunicationSubmittedForReview(EventMetadata Metadata, CommunicationId CommunicationId) : CommunicationEvent(Metadata, CommunicationId)
{
    /// <summary>The stable type name of <see cref="CommunicationSubmittedForReview"/>.</summary>
    public const string TypeName = "communication-submitted-for-review";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>The account team released the result to the customer, in a recorded conversation.</summary>
/// <param name="Metadata">Stream position, time, actor (the releaser), command.</param>
/// <param name="CommunicationId">The communication.</param>
/// <param name="Conversation">The conversation, copied to every participant.</param>
public sealed record CommunicationReleased(EventMetadata Metadata, CommunicationId CommunicationId, ConversationRecord Conversation) : CommunicationEvent(Metadata, CommunicationId)
{
    /// <summary>The stable type name of <see cref="CommunicationReleased"/>.</summary>
    public const string TypeName = "communication-released";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>The result was withdrawn.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="CommunicationId">The communication.</param>
/// <param name="Reason">Why.</param>
public sealed record CommunicationWithdrawn(EventMetadata Metadata, CommunicationId CommunicationId, string Reason) : CommunicationEvent(Metadata, CommunicationId)
{
    /// <summary>The stable type name of <see cref="CommunicationWithdrawn"/>.</summary>
    public const string TypeName = "communication-withdrawn";

    /// <inheritdoc />
    public override string EventType => TypeName;
}
