using System;
using System.Collections.Generic;
using CustomerAdvocacy.Escalation;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Planning;
using CustomerAdvocacy.Review;
using NodaTime;

namespace CustomerAdvocacy.Incidents;

/// <summary>
/// Routes sub-process commands to their deciders against the incident's state and context, and applies the rules that
/// tie the sub-processes to the lifecycle: where each process may act, what blocks closing, and which incident events
/// raise the escalation in the same decision.
/// </summary>
internal sealed class IncidentProcessDecider
{
    private readonly EscalationDecider _escalation = new();
    private readonly ChangePlanDecider _changePlans = new();
    private readonly CommunicationDecider _communications = new();

    /// <summary>Decides a sub-process command; <see langword="null"/> when the command is the lifecycle's.</summary>
    internal Decision? Decide(Incident incident, IncidentCommand command, IncidentContext? context, Instant now)
    {
        if (!IsProcessCommand(command))
        {
            return null;
        }

        if (!IsPermittedIn(incident.State, command))
        {
            return new Rejected(new NotPermittedInState(incident.State, command.Trigger));
        }

        // A change plan has its own accountable owner, checked by its decider; everywhere else acting as accountable
        // owner means being the incident's.
        if (command is not (ChangePlanCommand or DraftChangePlan) && command.Actor.Role == IncidentRole.AccountableOwner && command.Actor.Id != incident.AccountableOwnerId)
        {
            return new Rejected(new NotAuthorized(command.Actor.Role, command.Trigger, "Only the incident's current accountable owner acts as accountable owner."));
        }

        var processes = incident.Processes;
        var version = incident.Version;
        switch (command)
        {
            case EscalationCommand c:
                {
                    if (context?.EscalationLadder is not { } ladder)
                    {
                        return Broken(IncidentProcessRules.ContextRequired, "The incident's policy defines no escalation ladder.");
                    }

                    var status = (processes.Escalation ?? EscalationStatus.Initial(incident.Id)) with { Version = version };
                    return _escalation.Decide(status, ladder, c, now) switch
                    {
                        EscalationAccepted a => Accept(a.Events),
                        EscalationRejected r => new Rejected(r.Reason),
                        _ => throw new InvalidOperationException("An escalation decision is accepted or rejected."),
                    };
                }

            case AnalysisCommand c:
                return From(AnalysisDecider.Decide((processes.Analysis ?? Analysis.Start(incident.Id)).AtVersion(version), c, context!.Policy, now));

            case MitigationTrialCommand c:
                return From(MitigationTrialDecider.Decide((processes.MitigationTrial ?? MitigationTrial.Start(incident.Id)).AtVersion(version), c, context!.Calendar, now));

            case ReviewCommand c:
                {
                    if (context?.ReviewPolicy is not { } policy)
                    {
                        return Broken(IncidentProcessRules.ContextRequired, "The incident's policy defines no management-review policy.");
                    }

                    if (c is StartManagementReview start && start.ClosedAt != incident.ResolvedAt)
                    {
                        return Broken(IncidentProcessRules.ReviewOfThisClosure, $"The incident was closed at {incident.ResolvedAt}; the review starts from that closure.");
                    }

                    return From(ReviewDecider.Decide((processes.ManagementReview ?? ManagementReview.Start(incident.Id)).AtVersion(version), c, policy, context.Calendar, now));
                }

            case DraftChangePlan c:
                {
                    if (c.Definition is null)
                    {
                        return Broken(IncidentProcessRules.ProcessMustExist, "A change plan is drafted from a validated definition.");
                    }

                    if (c.Actor.Role != IncidentRole.AccountableOwner || c.Actor.Id != c.Definition.AccountableOwnerId)
                    {
                        return new Rejected(new NotAuthorized(c.Actor.Role, c.Trigger, "The plan's accountable owner drafts it, acting as accountable owner."));
                    }

                    if (processes.FindChangePlan(c.Definition.Id) is not null)
                    {
                        return Broken(IncidentProcessRules.ProcessMustExist, $"The change plan {c.Definition.Id} is already drafted.");
                    }

                    var meta = new EventMetadata(incident.Id, version + 1, now, c.Actor, c.CommandId);
                    return new Accepted(EquatableList<IncidentEvent>.Wrap(new IncidentEvent[] { new ChangePlanDrafted(meta, c.Definition) }));
                }

            case ChangePlanCommand c:
                return processes.FindChangePlan(c.PlanId) is { } plan
                    ? From(_changePlans.Decide(plan.AtVersion(version), c, now))
                    : Broken(IncidentProcessRules.ProcessMustExist, $"The incident has no change plan {c.PlanId}.");

            case CommunicationCommand c:
                {
                    var communication = processes.FindCommunication(c.CommunicationId);
                    if (communication is null && c is not DraftCommunication)
                    {
                        return Broken(IncidentProcessRules.ProcessMustExist, $"The incident has no communication {c.CommunicationId}.");
                    }

                    return From(_communications.Decide((communication ?? Communication.New(c.CommunicationId)).AtVersion(version), c, now));
                }

            default:
                throw new ArgumentException($"Unknown sub-process command {command.GetType().Name}.", nameof(command));
        }
    }

    /// <summary>
    /// What a sub-process implies for a lifecycle command, checked once the lifecycle permits it: execution waits for
    /// the customer's approval of a drafted proposal, and the lifecycle's review step for a started management review
    /// to complete. Closing is <see cref="ClosureGate"/>'s alone.
    /// </summary>
    internal static Rejection? Gate(Incident incident, IncidentCommand command)
    {
        var processes = incident.Processes;
        switch (command)
        {
            case StartExecution when processes.Analysis is { ProposalStatus: not (ProposalStatus.None or ProposalStatus.Approved) } analysis:
                return new RuleBroken(IncidentProcessRules.ProposalApprovedBeforeExecution, $"The proposal to the customer is {analysis.ProposalStatus}; nothing executes before the customer approves it.");

            case CompleteReview when processes.ManagementReview is { State: not ReviewState.Completed and not ReviewState.NotStarted } review:
                return new RuleBroken(IncidentProcessRules.ManagementReviewComplete, $"The management review is {review.State}.");

            default:
                return null;
        }
    }

    /// <summary>
    /// Appends the escalation that <paramref name="events"/> trigger, in the same decision, so the incident never records
    /// a missed commitment (or a breached service level) without the escalation it causes.
    /// </summary>
    internal static IReadOnlyList<IncidentEvent> WithEscalation(Incident incident, IReadOnlyList<IncidentEvent> events, IncidentContext? context, Instant now)
    {
        if (context?.EscalationLadder is not { } ladder || !IsOpen(incident.State))
        {
            return events;
        }

        List<IncidentEvent>? all = null;
        EscalationStatus? status = null;

        // Indexed, and the status looked up only for an event that raises something: most decisions raise nothing and
        // should not pay for an enumerator or an initial status.
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (IncidentEventTriggers.Raised(e) is not { } raised)
            {
                continue;
            }

            status ??= incident.Processes.Escalation ?? EscalationStatus.Initial(incident.Id);
            if (status.IsActive(raised.Kind))
            {
                continue;
            }

            all ??= new List<IncidentEvent>(events);
            var meta = new EventMetadata(incident.Id, incident.Version + all.Count + 1, now, e.Metadata.Actor, e.Metadata.CommandId);
            var escalation = EscalationDecider.RaiseEvent(status, ladder, raised.Kind, raised.Detail, meta, now);
            status = EscalationEvolver.Evolve(status with { Version = meta.Version - 1 }, escalation);
            all.Add(escalation);
        }

        return all is null ? events : EquatableList<IncidentEvent>.From(all);
    }

    internal static bool IsProcessCommand(IncidentCommand command)
        => command is EscalationCommand or AnalysisCommand or MitigationTrialCommand or ReviewCommand or DraftChangePlan or ChangePlanCommand or CommunicationCommand;

    private static bool IsOpen(IncidentState state) => state is not (IncidentState.NotOpened or IncidentState.Resolved or IncidentState.ReturnedToSop or IncidentState.Reviewed);

    /// <summary>
    /// Where each process may act: the review only after return to SOP; a trial, which outlives the incident, in any
    /// state once opened, as may the follow-through of an escalation (acknowledge, time out, clear, decide) and of a
    /// change plan (the customer's confirmation, leaving); everything else while the incident is open.
    /// </summary>
    private static bool IsPermittedIn(IncidentState state, IncidentCommand command) => command switch
    {
        _ when state == IncidentState.NotOpened => false,
        ReviewCommand => state is IncidentState.ReturnedToSop or IncidentState.Reviewed,
        MitigationTrialCommand => true,
        EscalationCommand c when c is not RaiseEscalation => true,
        ConfirmAllIsWell or LeaveChangePlan => true,
        _ => IsOpen(state),
    };

    private static Decision From<TEvent>(ProcessDecision<TEvent> decision)
        where TEvent : IncidentEvent
        => decision switch
        {
            ProcessAccepted<TEvent> a => Accept(a.Events),
            ProcessRejected<TEvent> r => new Rejected(r.Reason),
            _ => throw new InvalidOperationException("A process decision is accepted or rejected."),
        };

    private static Accepted Accept<TEvent>(IReadOnlyList<TEvent> events)
        where TEvent : IncidentEvent
        => new(EquatableList<IncidentEvent>.From(events));

    private static Rejected Broken(string rule, string detail) => new(new RuleBroken(rule, detail));
}
