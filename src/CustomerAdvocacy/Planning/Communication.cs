using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Planning;

/// <summary>
/// A result meant for the customer (audit, report, analysis) on its way to them: the fold of its events. Immutable.
/// </summary>
public sealed class Communication : IEquatable<Communication>
{
    private readonly HashSet<CommandId> _applied;

    private Communication(
        CommunicationId id,
        CommunicationState state,
        long version,
        CommunicationKind kind,
        string? title,
        string? producerId,
        string? submitterId,
        IReadOnlyList<string> customerRecipientIds,
        ConversationRecord? release,
        HashSet<CommandId> applied)
    {
        Id = id;
        State = state;
        Version = version;
        Kind = kind;
        Title = title;
        ProducerId = producerId;
        SubmitterId = submitterId;
        CustomerRecipientIds = customerRecipientIds;
        Release = release;
        _applied = applied;
    }

    /// <summary>The communication's id.</summary>
    public CommunicationId Id { get; }

    /// <summary>Where it is.</summary>
    public CommunicationState State { get; }

    /// <summary>The number of events folded; 0 before the draft.</summary>
    public long Version { get; }

    /// <summary>Audit, report or analysis (meaningful once drafted).</summary>
    public CommunicationKind Kind { get; }

    /// <summary>What it is, once drafted.</summary>
    public string? Title { get; }

    /// <summary>Who produced it, once drafted.</summary>
    public string? ProducerId { get; }

    /// <summary>Who sent it to internal review, once submitted.</summary>
    public string? SubmitterId { get; }

    /// <summary>The customer's people it is meant for.</summary>
    public IReadOnlyList<string> CustomerRecipientIds { get; }

    /// <summary>The recorded conversation it was released in, once released.</summary>
    public ConversationRecord? Release { get; }

    /// <summary>A communication with nothing drafted yet.</summary>
    /// <param name="id">Its id.</param>
    /// <returns>It, at version 0.</returns>
    public static Communication New(CommunicationId id)
        => new(id, CommunicationState.NotDrafted, 0, default, null, null, null, EquatableList<string>.Empty, null, new HashSet<CommandId>());

    /// <summary>Replays events onto a new communication.</summary>
    /// <param name="id">Its id.</param>
    /// <param name="events">Its events, in order.</param>
    /// <returns>It, after them.</returns>
    public static Communication Replay(CommunicationId id, IEnumerable<CommunicationEvent> events)
        => Preconditions.CheckNotNull(events).Aggregate(New(id), (c, e) => c.Evolve(e));

    /// <inheritdoc />
    public bool Equals(Communication? other)
        => other is not null
            && (ReferenceEquals(this, other)
                || (Id == other.Id && State == other.State && Version == other.Version && Kind == other.Kind
                    && Title == other.Title && ProducerId == other.ProducerId && SubmitterId == other.SubmitterId
                    && CustomerRecipientIds.SequenceEqual(other.CustomerRecipientIds) && Equals(Release, other.Release)
                    && _applied.SetEquals(other._applied)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Communication);

    /// <inheritdoc />
    public override int GetHashCode() => (Id, State, Version).GetHashCode();

    /// <summary>The same communication carried to a stream version, so the next event decided for it follows the incident's last event.</summary>
    internal Communication AtVersion(long version)
        => new(Id, State, version, Kind, Title, ProducerId, SubmitterId, CustomerRecipientIds, Release, _applied);

    /// <summary>Whether a command with this id was applied.</summary>
    /// <param name="commandId">The command id.</param>
    /// <returns><see langword="true"/> when one of its events came from it.</returns>
    public bool HasApplied(CommandId commandId) => _applied.Contains(commandId);

    /// <summary>Folds one event. Pure: this value is unchanged.</summary>
    /// <param name="event">The next event: for this communication, at version <see cref="Version"/> + 1.</param>
    /// <returns>The communication after it.</returns>
    /// <exception cref="ArgumentException">The event is for another communication or out of sequence.</exception>
    public Communication Evolve(CommunicationEvent @event)
    {
        Preconditions.CheckNotNull(@event);
        var meta = @event.Metadata;
        if (@event.CommunicationId != Id || meta.Version != Version + 1)
        {
            throw new ArgumentException($"Event {@event.CommunicationId}#{meta.Version} does not follow {Id}#{Version}.", nameof(@event));
        }

        var applied = new HashSet<CommandId>(_applied) { meta.CommandId };
        var next = Version + 1;
        var state = TriggerOf(@event) is { } trigger
            ? CommunicationMachine.Definition.Follow(State, trigger, @event.GetType().Name)
            : throw new ArgumentException($"Unknown communication event {@event.GetType().Name}.", nameof(@event));
        return @event switch
        {
            CommunicationDrafted e => new Communication(Id, state, next, e.Kind, e.Title, meta.Actor.Id, null, EquatableList<string>.From(e.CustomerRecipientIds), null, applied),
            CommunicationSubmittedForReview => new Communication(Id, state, next, Kind, Title, ProducerId, meta.Actor.Id, CustomerRecipientIds, null, applied),
            CommunicationReleased e => new Communication(Id, state, next, Kind, Title, ProducerId, SubmitterId, CustomerRecipientIds, e.Conversation, applied),
            CommunicationWithdrawn => new Communication(Id, state, next, Kind, Title, ProducerId, SubmitterId, CustomerRecipientIds, null, applied),
            _ => throw new ArgumentException($"Unknown communication event {@event.GetType().Name}.", nameof(@event)),
        };
    }

    /// <summary>The trigger an event records: the state it leaves comes from the definition.</summary>
    private static CommunicationTrigger? TriggerOf(CommunicationEvent @event) => @event switch
    {
        CommunicationDrafted => CommunicationTrigger.Draft,
        CommunicationSubmittedForReview => CommunicationTrigger.SubmitForReview,
        CommunicationReleased => CommunicationTrigger.Release,
        CommunicationWithdrawn => CommunicationTrigger.Withdraw,
        _ => null,
    };
}
