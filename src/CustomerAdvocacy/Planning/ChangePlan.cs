using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Kernel;
using NodaTime;

namespace CustomerAdvocacy.Planning;

/// <summary>
/// A change plan's progress: its definition and the fold of its events. Immutable; <see cref="Evolve"/> returns a new
/// value.
/// </summary>
public sealed class ChangePlan : IEquatable<ChangePlan>
{
    private readonly HashSet<CommandId> _applied;

    private ChangePlan(
        ChangePlanDefinition definition,
        ChangePlanState state,
        long version,
        string accountableOwnerId,
        string? pendingSuccessorId,
        IReadOnlyList<string> formerOwnerIds,
        Interval? slot,
        HashSet<CommandId> applied)
    {
        Definition = definition;
        State = state;
        Version = version;
        AccountableOwnerId = accountableOwnerId;
        PendingSuccessorId = pendingSuccessorId;
        FormerOwnerIds = formerOwnerIds;
        Slot = slot;
        _applied = applied;
    }

    /// <summary>The plan.</summary>
    public ChangePlanDefinition Definition { get; }

    /// <summary>The plan's id.</summary>
    public ChangePlanId Id => Definition.Id;

    /// <summary>Where the plan is.</summary>
    public ChangePlanState State { get; }

    /// <summary>The number of events folded; 0 for a new plan.</summary>
    public long Version { get; }

    /// <summary>The single point of accountability now.</summary>
    public string AccountableOwnerId { get; }

    /// <summary>The successor a handoff was offered to and who has not accepted yet, or <see langword="null"/>.</summary>
    public string? PendingSuccessorId { get; }

    /// <summary>Who owned the plan before, oldest first.</summary>
    public IReadOnlyList<string> FormerOwnerIds { get; }

    /// <summary>The booked slot, once scheduled.</summary>
    public Interval? Slot { get; }

    /// <summary>Whether the plan is closed: only the customer's confirmation closes it.</summary>
    public bool IsClosed => State == ChangePlanState.ConfirmedByCustomer;

    /// <summary>A new plan in <see cref="ChangePlanState.Draft"/>, owned by the definition's accountable owner.</summary>
    /// <param name="definition">The validated plan.</param>
    /// <returns>The plan at version 0.</returns>
    public static ChangePlan Start(ChangePlanDefinition definition)
    {
        Preconditions.CheckNotNull(definition);
        return new ChangePlan(definition, ChangePlanState.Draft, 0, definition.AccountableOwnerId, null, EquatableList<string>.Empty, null, new HashSet<CommandId>());
    }

    /// <summary>Replays events onto a new plan.</summary>
    /// <param name="definition">The plan.</param>
    /// <param name="events">Its events, in order.</param>
    /// <returns>The plan after them.</returns>
    public static ChangePlan Replay(ChangePlanDefinition definition, IEnumerable<ChangePlanEvent> events)
        => Preconditions.CheckNotNull(events).Aggregate(Start(definition), (plan, e) => plan.Evolve(e));

    /// <inheritdoc />
    /// <remarks>The definition is compared by id: it is fixed when the plan is drafted, so within an incident the id
    /// stands for it, and a plan read back from storage equals the live one.</remarks>
    public bool Equals(ChangePlan? other)
        => other is not null
            && (ReferenceEquals(this, other)
                || (Id == other.Id && State == other.State && Version == other.Version
                    && AccountableOwnerId == other.AccountableOwnerId && PendingSuccessorId == other.PendingSuccessorId
                    && FormerOwnerIds.SequenceEqual(other.FormerOwnerIds) && Slot == other.Slot && _applied.SetEquals(other._applied)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ChangePlan);

    /// <inheritdoc />
    public override int GetHashCode() => (Id, State, Version, AccountableOwnerId).GetHashCode();

    /// <summary>The same plan carried to a stream version, so the next event decided for it follows the incident's last event.</summary>
    internal ChangePlan AtVersion(long version)
        => new(Definition, State, version, AccountableOwnerId, PendingSuccessorId, FormerOwnerIds, Slot, _applied);

    /// <summary>Whether a command with this id was applied.</summary>
    /// <param name="commandId">The command id.</param>
    /// <returns><see langword="true"/> when one of the plan's events came from it.</returns>
    public bool HasApplied(CommandId commandId) => _applied.Contains(commandId);

    /// <summary>Folds one event. Pure: this plan is unchanged.</summary>
    /// <param name="event">The next event: for this plan, at version <see cref="Version"/> + 1.</param>
    /// <returns>The plan after it.</returns>
    /// <exception cref="ArgumentException">The event is for another plan or out of sequence.</exception>
    public ChangePlan Evolve(ChangePlanEvent @event)
    {
        Preconditions.CheckNotNull(@event);
        var meta = @event.Metadata;
        if (@event.PlanId != Id || meta.Version != Version + 1)
        {
            throw new ArgumentException($"Event {@event.PlanId}#{meta.Version} does not follow plan {Id}#{Version}.", nameof(@event));
        }

        var applied = new HashSet<CommandId>(_applied) { meta.CommandId };
        var state = TriggerOf(@event) is { } trigger ? ChangePlanMachine.Definition.Follow(State, trigger, @event.GetType().Name) : State;
        var owner = AccountableOwnerId;
        var pending = PendingSuccessorId;
        IReadOnlyList<string> former = FormerOwnerIds;
        var slot = Slot;
        switch (@event)
        {
            case ChangePlanDrafted or ChangePlanReviewedWithCustomer:
                break;
            case ChangeScheduled e:
                slot = e.Slot;
                break;
            case ChangeStarted or ChangePointOfNoReturnPassed or ChangeBackedOut or ChangeValidationStarted or ChangeConfirmedByCustomer:
                break;
            case ChangePlanHandoffOffered e:
                pending = e.SuccessorId;
                break;
            case ChangePlanHandoffAccepted e:
                former = EquatableList<string>.From(FormerOwnerIds.Concat(new[] { e.PreviousOwnerId }));
                owner = e.NewOwnerId;
                pending = null;
                break;
            case ChangePlanParticipantLeft:
                break;
            default:
                throw new ArgumentException($"Unknown change-plan event {@event.GetType().Name}.", nameof(@event));
        }

        return new ChangePlan(Definition, state, Version + 1, owner, pending, former, slot, applied);
    }

    /// <summary>The trigger an event records; <see langword="null"/> for the draft, which starts the plan.</summary>
    private static ChangePlanTrigger? TriggerOf(ChangePlanEvent @event) => @event switch
    {
        ChangePlanReviewedWithCustomer => ChangePlanTrigger.ReviewWithCustomer,
        ChangeScheduled => ChangePlanTrigger.Schedule,
        ChangeStarted => ChangePlanTrigger.StartExecution,
        ChangePointOfNoReturnPassed => ChangePlanTrigger.PassPointOfNoReturn,
        ChangeBackedOut => ChangePlanTrigger.BackOut,
        ChangeValidationStarted => ChangePlanTrigger.StartValidation,
        ChangeConfirmedByCustomer => ChangePlanTrigger.ConfirmAllIsWell,
        ChangePlanHandoffOffered => ChangePlanTrigger.HandOff,
        ChangePlanHandoffAccepted => ChangePlanTrigger.AcceptHandoff,
        ChangePlanParticipantLeft => ChangePlanTrigger.Leave,
        _ => null,
    };
}
