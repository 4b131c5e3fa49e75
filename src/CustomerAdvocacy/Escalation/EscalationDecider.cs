using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Kernel;
using NodaTime;

namespace CustomerAdvocacy.Escalation;

/// <summary>
/// Decides escalation commands: status + ladder + command + now → events or a typed rejection. Pure; never touches the
/// incident's lifecycle state. Thread-safe; one instance serves every incident.
/// </summary>
/// <remarks>
/// Checks run in the engine's order: the expected version, <see cref="EscalationAuthorization"/> (and, for a customer
/// raising, only a request or a contract dispute; to acknowledge, acting at the current rung's level or higher; to end
/// the relationship, being an executive), the escalation machine
/// (is the trigger permitted in this phase?), then the command's rules.
/// </remarks>
internal sealed class EscalationDecider
{
    private readonly SharedMachinePool<EscalationPhase, EscalationTrigger, EscalationGuards> _machines = new(EscalationMachine.Definition.Configure);

    /// <summary>Decides a command.</summary>
    /// <param name="status">The incident's escalation.</param>
    /// <param name="ladder">The ladder of the incident's policy.</param>
    /// <param name="command">The command; it must be for the same incident.</param>
    /// <param name="now">The current instant, from the host's clock.</param>
    /// <returns><see cref="EscalationAccepted"/> with the events to record, or <see cref="EscalationRejected"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The command is for another incident.</exception>
    public EscalationDecision Decide(EscalationStatus status, EscalationLadder ladder, EscalationCommand command, Instant now)
    {
        Preconditions.CheckNotNull(status);
        Preconditions.CheckNotNull(ladder);
        Preconditions.CheckNotNull(command);
        if (command.IncidentId != status.IncidentId)
        {
            throw new ArgumentException($"Command for incident {command.IncidentId} decided against incident {status.IncidentId}.", nameof(command));
        }

        if (command.ExpectedVersion is { } expected && expected != status.Version)
        {
            return Reject(new StaleVersion(expected, status.Version));
        }

        var role = command.Actor.Role;
        if (!EscalationAuthorization.IsAllowed(role, command.EscalationTrigger))
        {
            return Reject(new EscalationNotAuthorized(role, command.EscalationTrigger, $"The role {role} may not {command.EscalationTrigger}."));
        }

        if (command is RaiseEscalation { Reason: not (EscalationTriggerKind.CustomerRequest or EscalationTriggerKind.ContractDispute) } && role.IsCustomer())
        {
            return Reject(new EscalationNotAuthorized(role, command.EscalationTrigger, "The customer raises an escalation by asking for one or by disputing the contract; the other triggers are detected by the provider."));
        }

        if (command is AcknowledgeEscalation && status.Level is { } level && EscalationAuthorization.ActsAt(role) < level)
        {
            return Reject(new EscalationNotAuthorized(role, command.EscalationTrigger, $"The escalation is at {level}; {role} acts below it."));
        }

        if (command is RecordPowerLineDecision { Decision: PowerLineDecisionKind.EndRelationship } && role != IncidentRole.Executive)
        {
            return Reject(new EscalationNotAuthorized(role, command.EscalationTrigger, "Only an executive decides to end the relationship."));
        }

        var rung = status.Rung is { } r ? Math.Min(r, ladder.TopIndex) : (int?)null;
        var next = rung is { } current ? ladder.NextRungAfterTimeOut(current, status.RepeatsDone) : null;
        var clearsLast = command is ClearEscalationTrigger clear && status.ActiveTriggers.Count == 1 && status.IsActive(clear.Reason);
        if (!_machines.CanFire(status.Phase, new EscalationGuards(next is not null, clearsLast), command.EscalationTrigger))
        {
            return Reject(new EscalationNotPermitted(status.Phase, command.EscalationTrigger));
        }

        var events = new List<EscalationEvent>(1);
        EventMetadata Meta() => new(status.IncidentId, status.Version + events.Count + 1, now, command.Actor, command.CommandId);
        switch (command)
        {
            case RaiseEscalation c:
                if (string.IsNullOrWhiteSpace(c.Detail))
                {
                    return Broken(EscalationRules.TextRequired, "An escalation says why it is raised.");
                }

                if (!Enum.IsDefined(typeof(EscalationTriggerKind), c.Reason) || status.IsActive(c.Reason))
                {
                    return Broken(EscalationRules.TriggerAlreadyActive, $"The trigger {c.Reason} is already active.");
                }

                events.Add(RaiseEvent(status, ladder, c.Reason, c.Detail, Meta(), now));
                break;

            case AcknowledgeEscalation:
                events.Add(new EscalationAcknowledged(Meta(), rung!.Value, ladder.Rungs[rung.Value].Level));
                break;

            case RecordEscalationTimeOut:
                {
                    var due = status.TimeOutAt!.Value;
                    if (now < due)
                    {
                        return Broken(EscalationRules.TimeOutNotYetDue, $"The rung times out at {due}.");
                    }

                    var from = rung!.Value;
                    if (next is { } to)
                    {
                        // Counted from the time-out itself, not from when the host got round to recording it, so a late
                        // sweep does not stretch the next rung.
                        var repeat = from == ladder.TopIndex ? status.RepeatsDone + 1 : 0;
                        events.Add(new EscalationRose(Meta(), from, to, ladder.Rungs[to].Level, repeat, ladder.Rungs[to].TimeOutAfter(due)));
                    }
                    else
                    {
                        events.Add(new EscalationExhausted(Meta(), ladder.Rungs[from].Level));
                    }

                    break;
                }

            case ClearEscalationTrigger c:
                if (!status.IsActive(c.Reason))
                {
                    return Broken(EscalationRules.TriggerMustBeActive, $"The trigger {c.Reason} is not active.");
                }

                events.Add(new EscalationTriggerCleared(Meta(), c.Reason, clearsLast));
                break;

            case RecordPowerLineDecision c:
                {
                    if (string.IsNullOrWhiteSpace(c.Summary))
                    {
                        return Broken(EscalationRules.TextRequired, "A decision says what was decided.");
                    }

                    var participants = (c.Participants ?? Array.Empty<Stakeholder>()).Where(p => p is not null).ToArray();
                    if (participants.Length == 0)
                    {
                        return Broken(EscalationRules.AbovePowerLine, "A decision names its participants.");
                    }

                    if (!Enum.IsDefined(typeof(PowerLineDecisionKind), c.Decision))
                    {
                        return Broken(EscalationRules.AbovePowerLine, $"{(int)c.Decision} is not a power-line decision.");
                    }

                    if (PowerLine.WhyNotSettledBy(c.Decision, participants) is { } why)
                    {
                        return Broken(EscalationRules.AbovePowerLine, why);
                    }

                    events.Add(new PowerLineDecisionRecorded(Meta(), c.Decision, EquatableList<Stakeholder>.From(participants), c.Summary));
                    break;
                }

            default:
                throw new ArgumentException($"Unknown command type {command.GetType().Name}.", nameof(command));
        }

        return new EscalationAccepted(EquatableList<EscalationEvent>.From(events));
    }

    /// <summary>
    /// The event that raising <paramref name="reason"/> records: from calm, or after an acknowledgement, the escalation
    /// (re)starts at its rung with a fresh time-out; while it is escalating the trigger joins it. Shared by the command
    /// and by the trigger rules that raise an escalation from incident events.
    /// </summary>
    internal static EscalationEvent RaiseEvent(EscalationStatus status, EscalationLadder ladder, EscalationTriggerKind reason, string detail, EventMetadata meta, Instant now)
    {
        if (status.Phase is EscalationPhase.Calm or EscalationPhase.Acknowledged)
        {
            var at = status.Rung is { } r ? Math.Min(r, ladder.TopIndex) : 0;
            return new EscalationRaised(meta, reason, detail, at, ladder.Rungs[at].Level, ladder.Rungs[at].TimeOutAfter(now));
        }

        return new EscalationTriggerAdded(meta, reason, detail);
    }

    private static EscalationRejected Reject(Rejection reason) => new(reason);

    private static EscalationRejected Broken(string rule, string detail) => new(new RuleBroken(rule, detail));
}

/// <summary>Folds escalation events into <see cref="EscalationStatus"/>. Pure; replay never uses the machine.</summary>
internal static class EscalationEvolver
{
    /// <summary>Applies one event.</summary>
    /// <param name="status">The status before the event.</param>
    /// <param name="event">The event; its version follows the status's.</param>
    /// <returns>The status after it.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The event is for another incident or out of order.</exception>
    public static EscalationStatus Evolve(EscalationStatus status, EscalationEvent @event)
    {
        Preconditions.CheckNotNull(status);
        Preconditions.CheckNotNull(@event);
        if (@event.Metadata.IncidentId != status.IncidentId || @event.Metadata.Version != status.Version + 1)
        {
            throw new ArgumentException($"Event {@event.Metadata.Version} of incident {@event.Metadata.IncidentId} does not follow version {status.Version} of {status.IncidentId}.", nameof(@event));
        }

        var next = status with { Version = @event.Metadata.Version };
        return @event switch
        {
            EscalationRaised e => next with
            {
                Phase = EscalationPhase.Escalating,
                Rung = e.Rung,
                Level = e.Level,
                TimeOutAt = e.TimeOutAt,
                ActiveTriggers = AddTrigger(status, e.Reason),
            },
            EscalationTriggerAdded e => next with { ActiveTriggers = AddTrigger(status, e.Reason) },
            EscalationAcknowledged => next with { Phase = EscalationPhase.Acknowledged, TimeOutAt = null },
            EscalationRose e => next with
            {
                Phase = EscalationPhase.Escalating,
                Rung = e.ToRung,
                Level = e.Level,
                TimeOutAt = e.TimeOutAt,
                RepeatsDone = e.Repeat > 0 ? e.Repeat : status.RepeatsDone,
            },
            EscalationExhausted => next with { Phase = EscalationPhase.Exhausted, TimeOutAt = null },
            EscalationTriggerCleared { Deescalated: true } => next with
            {
                Phase = EscalationPhase.Calm,
                Rung = null,
                Level = null,
                TimeOutAt = null,
                RepeatsDone = 0,
                ActiveTriggers = EquatableList<EscalationTriggerKind>.Empty,
            },
            EscalationTriggerCleared e => next with
            {
                ActiveTriggers = EquatableList<EscalationTriggerKind>.From(status.ActiveTriggers.Where(k => k != e.Reason)),
            },
            PowerLineDecisionRecorded e => next with { Decisions = EquatableList<PowerLineDecisionKind>.From(status.Decisions.Append(e.Decision)) },
            _ => throw new ArgumentException($"Unknown escalation event {@event.GetType().Name}.", nameof(@event)),
        };
    }

    /// <summary>Folds events from the initial status.</summary>
    /// <param name="incidentId">The incident.</param>
    /// <param name="events">Its escalation events, in order.</param>
    /// <returns>The status.</returns>
    public static EscalationStatus Replay(IncidentId incidentId, IEnumerable<EscalationEvent> events)
        => Preconditions.CheckNotNull(events).Aggregate(EscalationStatus.Initial(incidentId), Evolve);

    private static EquatableList<EscalationTriggerKind> AddTrigger(EscalationStatus status, EscalationTriggerKind kind)
        => status.IsActive(kind) ? EquatableList<EscalationTriggerKind>.From(status.ActiveTriggers) : EquatableList<EscalationTriggerKind>.From(status.ActiveTriggers.Append(kind));
}
