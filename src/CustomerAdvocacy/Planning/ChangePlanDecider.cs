using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Kernel;
using NodaTime;

namespace CustomerAdvocacy.Planning;

/// <summary>
/// Decides change-plan commands: plan + command + now → events or a typed rejection. Pure: it reads nothing but its
/// arguments (the machines it borrows are bound to a private cursor for the call). Thread-safe; one instance serves
/// every plan.
/// </summary>
/// <remarks>
/// Checks run in this order: the command id (a repeat is accepted with no new events), the expected version, who may
/// issue it, the execution machine, then the command's rules. Who may issue what: the customer roles confirm that all
/// is well and nothing else; the named successor accepts a handoff; anyone on the plan on the provider's or a third
/// party's side (owner, former or offered owner, task owner, 24x7 contact) may leave, except the current accountable
/// owner of an open plan; everything else is done by the current accountable owner, acting as
/// <see cref="IncidentRole.AccountableOwner"/>.
/// </remarks>
internal sealed class ChangePlanDecider
{
    /// <summary>Decides a command against a plan.</summary>
    /// <param name="plan">The plan's current progress.</param>
    /// <param name="command">The command; it must be for this plan.</param>
    /// <param name="now">The current instant, from the host's clock.</param>
    /// <returns>Accepted with the events to record, or rejected.</returns>
    /// <exception cref="ArgumentException">The command is for another plan, or a proposed slot is outside the supported
    /// range.</exception>
    public ProcessDecision<ChangePlanEvent> Decide(ChangePlan plan, ChangePlanCommand command, Instant now)
    {
        Preconditions.CheckNotNull(plan);
        Preconditions.CheckNotNull(command);
        if (command.PlanId != plan.Id)
        {
            throw new ArgumentException($"Command for plan {command.PlanId} decided against plan {plan.Id}.", nameof(command));
        }

        if (plan.HasApplied(command.CommandId))
        {
            return new ProcessAccepted<ChangePlanEvent>(Array.Empty<ChangePlanEvent>());
        }

        if (command.ExpectedVersion is { } expected && expected != plan.Version)
        {
            return new ProcessRejected<ChangePlanEvent>(new StaleVersion(expected, plan.Version));
        }

        if (Authorize(plan, command) is { } refused)
        {
            return new ProcessRejected<ChangePlanEvent>(refused);
        }

        if (!ChangePlanMachine.Definition.CanFire(plan.State, command.PlanTrigger))
        {
            return new ProcessRejected<ChangePlanEvent>(new NotPermittedInState<ChangePlanState, ChangePlanTrigger>(plan.State, command.PlanTrigger));
        }

        var meta = new EventMetadata(command.IncidentId, plan.Version + 1, now, command.Actor, command.CommandId);
        return Apply(plan, command, now, meta) switch
        {
            (ChangePlanEvent e, null) => new ProcessAccepted<ChangePlanEvent>(new[] { e }),
            (_, Rejection r) => new ProcessRejected<ChangePlanEvent>(r),
            _ => throw new InvalidOperationException("A decision yields an event or a rejection."),
        };
    }

    private static NotAuthorized<ChangePlanTrigger>? Authorize(ChangePlan plan, ChangePlanCommand command)
    {
        var actor = command.Actor;
        var trigger = command.PlanTrigger;
        NotAuthorized<ChangePlanTrigger> Refuse(string detail) => new(actor.Role, trigger, detail);
        switch (trigger)
        {
            case ChangePlanTrigger.ConfirmAllIsWell:
                return actor.Role.IsCustomer() ? null : Refuse("Only the customer confirms that all is well; the plan cannot be closed without it.");
            case ChangePlanTrigger.Leave:
                if (actor.Role.IsCustomer())
                {
                    return Refuse("The customer does not leave the provider's plan.");
                }

                return IsOnThePlan(plan, actor.Id) ? null : Refuse("Only someone on the plan (owner, task owner, contact) leaves it.");
            case ChangePlanTrigger.AcceptHandoff:
                if (actor.Role != IncidentRole.AccountableOwner)
                {
                    return Refuse("A handoff is accepted by acting as accountable owner.");
                }

                return plan.PendingSuccessorId == actor.Id ? null : Refuse("Only the named successor accepts a handoff.");
            default:
                if (actor.Role != IncidentRole.AccountableOwner)
                {
                    return Refuse($"Only the plan's accountable owner may {trigger}.");
                }

                return actor.Id == plan.AccountableOwnerId ? null : Refuse("Only the plan's current accountable owner acts as accountable owner.");
        }
    }

    private static bool IsOnThePlan(ChangePlan plan, string personId)
    {
        var definition = plan.Definition;
        return personId == plan.AccountableOwnerId
            || personId == plan.PendingSuccessorId
            || plan.FormerOwnerIds.Contains(personId)
            || definition.Tasks.Any(t => t.OwnerId == personId)
            || definition.Parties.Any(p => p.Kind != ChangePartyKind.Customer && (p.Primary.PersonId == personId || p.Backup.PersonId == personId));
    }

    private static (ChangePlanEvent? Event, Rejection? Rejection) Apply(ChangePlan plan, ChangePlanCommand command, Instant now, EventMetadata meta)
    {
        switch (command)
        {
            case ReviewChangePlanWithCustomer c:
                return Blank(c.CustomerParticipantId)
                    ? Broken(ChangePlanRules.TextRequired, "Name the customer's person the plan was reviewed with.")
                    : (new ChangePlanReviewedWithCustomer(meta, plan.Id, c.CustomerParticipantId), null);

            case ProposeChangeSlot c:
                return ProposeSlot(plan, c.Slot, now, meta);

            case ScheduleEarliestChangeSlot c:
                {
                    var from = c.SearchFrom > now ? c.SearchFrom : now;
                    var search = plan.Definition.SchedulingConstraints.FindEarliest(from, plan.Definition.ExpectedLength);
                    return search.IsFound
                        ? (new ChangeScheduled(meta, plan.Id, search.Slot), null)
                        : Broken(ChangePlanRules.NoSlotFound, search.Explanation);
                }

            case StartChange:
                return plan.Slot is { } slot && now < slot.Start
                    ? Broken(ChangePlanRules.StartInSlot, $"The change's slot starts at {slot.Start}; it is {now}.")
                    : (new ChangeStarted(meta, plan.Id), null);

            case PassPointOfNoReturn:
                return (new ChangePointOfNoReturnPassed(meta, plan.Id), null);

            case BackOutChange c:
                return Blank(c.Reason)
                    ? Broken(ChangePlanRules.TextRequired, "Say why the change is backed out.")
                    : (new ChangeBackedOut(meta, plan.Id, c.Reason), null);

            case StartChangeValidation:
                return (new ChangeValidationStarted(meta, plan.Id), null);

            case ConfirmAllIsWell:
                return (new ChangeConfirmedByCustomer(meta, plan.Id), null);

            case HandOffChangePlan c:
                if (Blank(c.SuccessorId))
                {
                    return Broken(ChangePlanRules.TextRequired, "A handoff names its successor.");
                }

                return c.SuccessorId == plan.AccountableOwnerId
                    ? Broken(ChangePlanRules.HandoffToAnother, "A handoff names someone other than the current owner.")
                    : (new ChangePlanHandoffOffered(meta, plan.Id, c.SuccessorId), null);

            case AcceptChangePlanHandoff c:
                return (new ChangePlanHandoffAccepted(meta, plan.Id, plan.AccountableOwnerId, c.Actor.Id), null);

            case LeaveChangePlan c:
                if (c.Actor.Id == plan.AccountableOwnerId && !plan.IsClosed)
                {
                    var pending = plan.PendingSuccessorId is { } s ? $" The handoff to {s} is not accepted yet." : string.Empty;
                    return Broken(
                        ChangePlanRules.OwnerMustHandOff,
                        "The accountable owner may not leave the plan without handing off to a named successor who accepts." + pending);
                }

                return (new ChangePlanParticipantLeft(meta, plan.Id, c.Actor.Id), null);

            default:
                throw new ArgumentException($"Unknown change-plan command {command.GetType().Name}.", nameof(command));
        }
    }

    private static (ChangePlanEvent?, Rejection?) ProposeSlot(ChangePlan plan, Interval slot, Instant now, EventMetadata meta)
    {
        var length = plan.Definition.ExpectedLength;
        if (slot.HasStart && slot.HasEnd && (slot.Duration < length || slot.Start < now))
        {
            return Broken(ChangePlanRules.SlotFitsTheChange, $"The slot {slot} must last at least {length} and not start before {now}.");
        }

        var check = plan.Definition.SchedulingConstraints.Check(slot);
        if (check.IsAllowed)
        {
            return (new ChangeScheduled(meta, plan.Id, slot), null);
        }

        var reasons = new List<string>();
        if (!check.IsInsideAllowedTime)
        {
            reasons.Add($"it is not inside one stretch of the customer's change windows ({plan.Definition.SchedulingConstraints.Allowed})");
        }

        reasons.AddRange(check.Hits.Select(h => $"it collides with the blackout '{h.Rule.Name}' ({h.Window})"));
        return (null, new ChangeSlotRefused(slot, check.Hits, check.IsInsideAllowedTime, $"The slot {slot} is refused: {string.Join("; ", reasons)}."));
    }

    private static (ChangePlanEvent?, Rejection?) Broken(string rule, string detail) => (null, new RuleBroken(rule, detail));

    private static bool Blank(string? text) => text is null || text.Trim().Length == 0;
}
