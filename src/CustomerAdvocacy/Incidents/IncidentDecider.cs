using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Resolution;
using CustomerAdvocacy.Scheduling;
using CustomerAdvocacy.Segmentation;
using NodaTime;

namespace CustomerAdvocacy.Incidents;

/// <summary>
/// Decides commands: state + command + context + now → events or a typed rejection. Pure: it reads nothing but its
/// arguments and changes nothing (the lifecycle answers from its definition's table, without a machine).
/// </summary>
/// <remarks>
/// Checks run in this order: the expected version, the <see cref="AuthorizationTable"/> and the actor's identity,
/// the lifecycle (is the trigger permitted in this state?), then the rules of the command, with
/// <see cref="ClosureGate"/> deciding anything that closes. Thread-safe; one instance serves every incident.
/// </remarks>
public sealed class IncidentDecider
{
    private readonly IncidentProcessDecider _processes = new();

    /// <summary>Decides a command against an incident's state.</summary>
    /// <param name="incident">The incident's current state.</param>
    /// <param name="command">The command; it must be for this incident.</param>
    /// <param name="context">
    /// The rules in force: the policy the incident is (being) opened under and the customer's calendar. Every instant
    /// computed from it goes into the events.
    /// </param>
    /// <param name="now">The current instant, from the host's clock.</param>
    /// <returns><see cref="Accepted"/> with the events to record, or <see cref="Rejected"/>.</returns>
    /// <exception cref="ArgumentException">The command is for another incident.</exception>
    public Decision Decide(Incident incident, IncidentCommand command, IncidentContext context, Instant now)
    {
        Preconditions.CheckNotNull(context);

        // Asked once: the answer is a chain of type tests that both the check and the routing need.
        var isProcess = IncidentProcessDecider.IsProcessCommand(command);
        if (Check(incident, command, isProcess) is { } rejection)
        {
            return new Rejected(rejection);
        }

        if (isProcess && _processes.Decide(incident, command, context, now) is { } processDecision)
        {
            return processDecision;
        }

        if (IncidentProcessDecider.Gate(incident, command) is { } gated)
        {
            return new Rejected(gated);
        }

        var events = new EventFactory(incident, command, now);
        var broken = Apply(incident, command, context, now, events);
        return broken is null ? new Accepted(IncidentProcessDecider.WithEscalation(incident, events.Events, context, now)) : new Rejected(broken);
    }

    /// <summary>
    /// Decides a command for which no context can be found: one for an incident that is not opened (so no customer is
    /// known), or an opening that names no customer or policy. Such a command is always rejected, for the same reason
    /// <see cref="Decide"/> would give.
    /// </summary>
    internal Rejected RejectWithoutContext(Incident incident, IncidentCommand command)
    {
        if (Check(incident, command, IncidentProcessDecider.IsProcessCommand(command)) is { } rejection)
        {
            return new Rejected(rejection);
        }

        if (_processes.Decide(incident, command, null, default) is Rejected process)
        {
            return process;
        }

        return command is OpenIncident
            ? new Rejected(Broken(IncidentRules.TextRequired, "An incident needs a customer, an accountable owner and a policy."))
            : throw new InvalidOperationException($"The command {command.Trigger} on incident {incident.Id} needs a context.");
    }

    /// <summary>Whether <paramref name="command"/> needs an <see cref="IncidentContext"/>, and for which customer and policy.</summary>
    internal static (string CustomerId, PolicyReference Policy)? ContextKeyOf(Incident incident, IncidentCommand command)
    {
        if (command is OpenIncident open)
        {
            return Blank(open.CustomerId) || open.Policy is null ? null : (open.CustomerId, open.Policy);
        }

        return incident.CustomerId is { } customer && incident.Policy is { } policy ? (customer, policy) : null;
    }

    private Rejection? Check(Incident incident, IncidentCommand command, bool isProcess)
    {
        Preconditions.CheckNotNull(incident);
        Preconditions.CheckNotNull(command);
        if (command.IncidentId != incident.Id)
        {
            throw new ArgumentException($"Command for incident {command.IncidentId} decided against incident {incident.Id}.", nameof(command));
        }

        if (command.ExpectedVersion is { } expected && expected != incident.Version)
        {
            return new StaleVersion(expected, incident.Version);
        }

        var actor = command.Actor;
        var trigger = command.Trigger;
        if (!AuthorizationTable.IsAllowed(actor.Role, trigger))
        {
            return new NotAuthorized(actor.Role, trigger, $"The role {actor.Role} may not {trigger}.");
        }

        // A sub-process command is checked for identity and permission by the process router, in the process's terms.
        if (isProcess)
        {
            return null;
        }

        if (CheckIdentity(incident, command) is { } identity)
        {
            return identity;
        }

        return IncidentLifecycle.Definition.Permits(incident.State, trigger) ? null : new NotPermittedInState(incident.State, trigger);
    }

    private static NotAuthorized? CheckIdentity(Incident incident, IncidentCommand command)
    {
        var actor = command.Actor;
        if (command is AcceptHandoff)
        {
            return null;
        }

        if (actor.Role != IncidentRole.AccountableOwner)
        {
            return null;
        }

        var owner = command is OpenIncident open ? open.AccountableOwnerId : incident.AccountableOwnerId;
        return owner is not null && actor.Id != owner
            ? new NotAuthorized(actor.Role, command.Trigger, "Only the incident's current accountable owner acts as accountable owner.")
            : null;
    }

    private static Rejection? Apply(Incident incident, IncidentCommand command, IncidentContext context, Instant now, EventFactory events)
    {
        switch (command)
        {
            case OpenIncident c:
                if (Blank(c.CustomerId) || Blank(c.AccountableOwnerId) || c.Policy is null)
                {
                    return Broken(IncidentRules.TextRequired, "An incident needs a customer, an accountable owner and a policy.");
                }

                events.Add(new IncidentOpened(events.Next, c.CustomerId, c.AccountableOwnerId, c.Policy, c.LinkedFrom));
                events.Add(ServiceLevelRules.Start(events.Next, context, now));
                return null;

            case CapturePerspective c:
                if (c.Perspective is null)
                {
                    return Broken(IncidentRules.TextRequired, "The customer's perspective is required.");
                }

                events.Add(new PerspectiveCaptured(events.Next, c.Perspective));
                return null;

            case StartAnalysis:
                events.Add(new AnalysisStarted(events.Next));
                return null;

            case ProposePlan c:
                {
                    var drafts = c.Criteria ?? Array.Empty<CriterionDraft>();
                    if (drafts.Count == 0)
                    {
                        return Broken(IncidentRules.PlanNeedsAgreedCriteria, "A plan carries at least one resolution criterion to agree with the customer.");
                    }

                    if (Duplicates(drafts.Select(d => d.Id).Concat(incident.Criteria.Select(x => x.Id))) is { } dup)
                    {
                        return Broken(IncidentRules.CriterionIdsUnique, $"The criterion id '{dup}' is used twice.");
                    }

                    if (c.TargetDate <= now)
                    {
                        return Broken(IncidentRules.PlanTargetInFuture, "The plan's target date must lie in the future.");
                    }

                    var list = EquatableList<CriterionDraft>.From(drafts);
                    events.Add(new PlanProposed(events.Next, c.TargetDate, list));
                    return null;
                }

            case RejectPlan c:
                if (Blank(c.Reason))
                {
                    return Broken(IncidentRules.TextRequired, "A rejected plan needs the customer's reason.");
                }

                events.Add(new PlanRejected(events.Next, c.Reason));
                return null;

            case ApprovePlan:
                events.Add(new PlanApproved(events.Next));
                return null;

            case StartExecution:
                events.Add(new ExecutionStarted(events.Next));
                return null;

            case RecordCriterionMet c:
                if (!HasCriterion(incident, c.CriterionId))
                {
                    return Broken(IncidentRules.CriterionMetNeedsEvidence, $"No agreed criterion '{c.CriterionId}'.");
                }

                if (Blank(c.Evidence) || Blank(c.VerifiedBy))
                {
                    return Broken(IncidentRules.CriterionMetNeedsEvidence, "A criterion is met only with evidence and who verified it.");
                }

                events.Add(new CriterionMet(events.Next, c.CriterionId, c.Evidence, c.VerifiedBy));
                return null;

            case ProposeResolution:
                {
                    var unmet = incident.Criteria.Where(x => !x.IsMet).Select(x => x.Id).ToArray();
                    if (unmet.Length > 0)
                    {
                        return Broken(IncidentRules.AllCriteriaMetBeforeProposal, "Criteria without evidence: " + string.Join(", ", unmet) + ".");
                    }

                    events.Add(new ResolutionProposed(events.Next));
                    return null;
                }

            case ConfirmResolution:
                events.Add(new ResolutionConfirmed(events.Next));
                return null;

            case DisputeResolution c:
                {
                    var ids = c.DisputedCriterionIds ?? Array.Empty<string>();
                    if (ids.Count == 0 || !AllAgreed(incident, ids))
                    {
                        return Broken(IncidentRules.DisputeNamesAgreedCriteria, "A dispute names the agreed criteria in doubt.");
                    }

                    if (Blank(c.Reason))
                    {
                        return Broken(IncidentRules.TextRequired, "A dispute needs the customer's reason.");
                    }

                    var list = EquatableList<string>.From(ids.Distinct());
                    events.Add(new ResolutionDisputed(events.Next, list, c.Reason));
                    ServiceLevelRules.ResumeCadence(incident, context, now, events);
                    return null;
                }

            case CloseIncident:
                {
                    var problems = ClosureGate.Evaluate(incident);
                    if (problems.Count > 0)
                    {
                        return ClosureGate.Refusal(problems);
                    }

                    events.Add(new IncidentResolved(events.Next));
                    return null;
                }

            case ReturnToSop:
                events.Add(new IncidentReturnedToSop(events.Next));
                return null;

            case CompleteReview:
                events.Add(new ReviewCompleted(events.Next));
                return null;

            case MakeCommitment c:
                {
                    if (c.Due is { } named && named <= now)
                    {
                        return Broken(IncidentRules.CommitmentDueInFuture, "A commitment is due after the moment it is made.");
                    }

                    if (Blank(c.CommitmentId) || Blank(c.OwnerId) || Blank(c.Description))
                    {
                        return Broken(IncidentRules.TextRequired, "A commitment has an id, an owner and a description.");
                    }

                    if (incident.Commitments.Any(x => x.Id == c.CommitmentId) || incident.CommitmentOffers.Any(x => x.Id == c.CommitmentId))
                    {
                        return Broken(IncidentRules.CommitmentIdsUnique, $"The commitment id '{c.CommitmentId}' is already used.");
                    }

                    if (c.Effort is { } effort && effort <= Duration.Zero)
                    {
                        return Broken(IncidentRules.CommitmentEffortPositive, "The effort of the work to propose a due instant for must be positive.");
                    }

                    if (c.Due is { } due)
                    {
                        events.Add(new CommitmentMade(events.Next, new Commitment(c.CommitmentId, c.OwnerId, c.Description, due)));
                        return null;
                    }

                    // No commitment without a due instant: the customer named none, so one is proposed and offered; the
                    // customer accepts it (the commitment is made) or rejects it with the constraint it missed.
                    var proposed = ProposeDue(incident, c, context, now);
                    events.Add(new CommitmentOffered(events.Next, new Commitment(c.CommitmentId, c.OwnerId, c.Description, proposed)));
                    return null;
                }

            case DeliverCommitment c:
                if (!incident.Commitments.Any(x => x.Id == c.CommitmentId && x.IsOutstanding))
                {
                    return Broken(IncidentRules.CommitmentMustBeOutstanding, $"No outstanding commitment '{c.CommitmentId}'.");
                }

                events.Add(new CommitmentDelivered(events.Next, c.CommitmentId));
                return null;

            case RecordCommitmentMissed c:
                {
                    var found = incident.Commitments.FirstOrDefault(x => x.Id == c.CommitmentId);
                    if (found is null || found.Status != CommitmentStatus.Open)
                    {
                        return Broken(IncidentRules.CommitmentMustBeOutstanding, $"No open commitment '{c.CommitmentId}'.");
                    }

                    if (now < found.Due)
                    {
                        return Broken(IncidentRules.CommitmentMissedOnlyAfterDue, $"The commitment '{c.CommitmentId}' is not due yet.");
                    }

                    events.Add(new CommitmentMissed(events.Next, c.CommitmentId));
                    return null;
                }

            case OfferCommitment c:
                {
                    if (c.ProposedDue <= now)
                    {
                        return Broken(IncidentRules.CommitmentDueInFuture, "A commitment is due after the moment it is offered.");
                    }

                    if (Blank(c.CommitmentId) || Blank(c.OwnerId) || Blank(c.Description))
                    {
                        return Broken(IncidentRules.TextRequired, "A commitment has an id, an owner and a description.");
                    }

                    if (incident.Commitments.Any(x => x.Id == c.CommitmentId) || incident.CommitmentOffers.Any(x => x.Id == c.CommitmentId))
                    {
                        return Broken(IncidentRules.CommitmentIdsUnique, $"The commitment id '{c.CommitmentId}' is already used.");
                    }

                    var offer = new Commitment(c.CommitmentId, c.OwnerId, c.Description, c.ProposedDue);
                    events.Add(new CommitmentOffered(events.Next, offer));
                    return null;
                }

            case AcceptCommitmentDue c:
                {
                    var offer = incident.CommitmentOffers.FirstOrDefault(x => x.Id == c.CommitmentId);
                    if (offer is null)
                    {
                        return Broken(IncidentRules.CommitmentOfferPending, $"No offered commitment '{c.CommitmentId}' awaits an answer.");
                    }

                    if (offer.Due <= now)
                    {
                        return Broken(IncidentRules.CommitmentDueInFuture, "The offered due instant has passed; offer a new one.");
                    }

                    events.Add(new CommitmentMade(events.Next, offer));
                    return null;
                }

            case RejectCommitmentDue c:
                if (!incident.CommitmentOffers.Any(x => x.Id == c.CommitmentId))
                {
                    return Broken(IncidentRules.CommitmentOfferPending, $"No offered commitment '{c.CommitmentId}' awaits an answer.");
                }

                if (Blank(c.Reason))
                {
                    return Broken(IncidentRules.CommitmentOfferPending, "A rejected due date needs the customer's reason: it reveals the constraint to respect.");
                }

                events.Add(new CommitmentDueRejected(events.Next, c.CommitmentId, c.Reason));
                return null;

            case RecordConversation c:
                return DecideConversation(incident, c, now, events);

            case SendCustomerUpdate c:
                return ServiceLevelRules.DecideUpdate(incident, c, context, now, events);

            case RecordServiceLevelWarning c:
                return ServiceLevelRules.DecideWarning(incident, c, now, events);

            case RecordServiceLevelBreach c:
                return ServiceLevelRules.DecideBreach(incident, c, context, now, events);

            case HandOff c:
                if (Blank(c.SuccessorId) || c.SuccessorId == incident.AccountableOwnerId)
                {
                    return Broken(IncidentRules.HandoffNeedsSuccessor, "A handoff names a successor other than the current owner.");
                }

                events.Add(new HandoffOffered(events.Next, c.SuccessorId));
                return null;

            case AcceptHandoff c:
                {
                    if (incident.PendingSuccessorId is not { } successor || c.Actor.Id != successor)
                    {
                        return Broken(IncidentRules.OnlyNamedSuccessorAccepts, "Only the named successor of a pending handoff accepts it.");
                    }

                    var previous = incident.AccountableOwnerId!;
                    events.Add(new HandoffAccepted(events.Next, previous, successor));
                    return null;
                }

            case ClassifyRelatedRecurrence c:
                {
                    if (Blank(c.RecurrenceReference))
                    {
                        return Broken(IncidentRules.TextRequired, "A recurrence needs the host's reference.");
                    }

                    var drafts = c.ProposedCriteria ?? Array.Empty<CriterionDraft>();
                    if (drafts.Count > 0 && incident.PendingCriteriaChange.Count > 0)
                    {
                        return Broken(IncidentRules.CriteriaChangeOneAtATime, "Another criteria change awaits the customer's agreement.");
                    }

                    if (Duplicates(drafts.Select(d => d.Id).Concat(incident.Criteria.Select(x => x.Id))) is { } dup)
                    {
                        return Broken(IncidentRules.CriterionIdsUnique, $"The criterion id '{dup}' is used twice.");
                    }

                    var list = EquatableList<CriterionDraft>.From(drafts.Count > 0 ? drafts : incident.PendingCriteriaChange);
                    events.Add(new RelatedRecurrenceJoined(events.Next, c.RecurrenceReference, list));
                    ServiceLevelRules.ResumeCadence(incident, context, now, events);
                    return null;
                }

            case AgreeCriteriaChange:
                if (incident.PendingCriteriaChange.Count == 0)
                {
                    return Broken(IncidentRules.CriteriaChangeOneAtATime, "No criteria change awaits agreement.");
                }

                events.Add(new CriteriaChangeAgreed(events.Next));
                return null;

            case RejectCriteriaChange c:
                if (incident.PendingCriteriaChange.Count == 0)
                {
                    return Broken(IncidentRules.CriteriaChangeOneAtATime, "No criteria change awaits agreement.");
                }

                if (Blank(c.Reason))
                {
                    return Broken(IncidentRules.TextRequired, "A rejected change needs the customer's reason.");
                }

                events.Add(new CriteriaChangeRejected(events.Next, c.Reason));
                return null;

            case ClassifyUnrelatedRecurrence c:
                if (Blank(c.RecurrenceReference))
                {
                    return Broken(IncidentRules.TextRequired, "A recurrence needs the host's reference.");
                }

                if (c.NewIncidentId == incident.Id || incident.LinkedIncidents.Contains(c.NewIncidentId)
                    || (incident.LinkedFrom is { } from && from == c.NewIncidentId))
                {
                    return Broken(IncidentRules.LinkedIncidentIsNew, "An unrelated recurrence is opened as a new incident.");
                }

                events.Add(new UnrelatedRecurrenceLinked(events.Next, c.RecurrenceReference, c.NewIncidentId));
                return null;

            default:
                throw new ArgumentException($"Unknown command type {command.GetType().Name}.", nameof(command));
        }
    }

    private static Rejection? DecideConversation(Incident incident, RecordConversation c, Instant now, EventFactory events)
    {
        var participants = (c.Participants ?? Array.Empty<string>()).Where(p => !Blank(p)).Distinct().ToArray();
        if (Blank(c.ConversationId) || participants.Length == 0 || incident.Conversations.Any(x => x.Id == c.ConversationId))
        {
            return Broken(IncidentRules.ConversationNeedsParticipants, "A conversation has a new id and names its participants.");
        }

        var aside = Blank(c.PrivateAsideWith) ? null : c.PrivateAsideWith;
        Commitment? followUp = null;
        if (aside is not null)
        {
            if (c.FollowUpDue is not { } due || due <= now)
            {
                return Broken(IncidentRules.PrivateAsideNeedsFollowUp, "A private aside needs a future due instant for the update to every participant.");
            }

            var followUpId = "follow-up:" + c.ConversationId;
            if (incident.Commitments.Any(x => x.Id == followUpId))
            {
                return Broken(IncidentRules.CommitmentIdsUnique, $"The commitment id '{followUpId}' is already used.");
            }

            followUp = new Commitment(followUpId, c.Actor.Id, "Update every participant after the private aside in conversation " + c.ConversationId + ".", due);
        }

        var record = new ConversationRecord(c.ConversationId, participants, now, aside);
        events.Add(new ConversationRecorded(events.Next, record));
        if (followUp is not null)
        {
            events.Add(new CommitmentMade(events.Next, followUp));
        }

        return null;
    }

    private static Instant ProposeDue(Incident incident, MakeCommitment command, IncidentContext context, Instant now)
    {
        var settings = context.CommitmentProposals;
        var owed = incident.Commitments
            .Where(x => x.IsOutstanding && x.OwnerId == command.OwnerId)
            .Select(x => new OpenCommitment(x.Id, settings.EffortPerOutstandingCommitment, x.Due));
        var proposer = new DueDateProposer(context.Calendar, new FrozenClock(now));
        return proposer.Propose(now, owed, command.Effort ?? settings.DefaultEffort, settings.Buffer).Due;
    }

    private static RuleBroken Broken(string rule, string detail) => new(rule, detail);

    // A loop rather than a lambda: a lambda capturing the incident would allocate its closure on every decision.
    private static bool AllAgreed(Incident incident, IReadOnlyList<string> ids)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (!HasCriterion(incident, ids[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasCriterion(Incident incident, string id)
    {
        var criteria = incident.Criteria;
        for (var i = 0; i < criteria.Count; i++)
        {
            if (criteria[i].Id == id)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);

    private static string? Duplicates(IEnumerable<string> ids)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return ids.FirstOrDefault(id => !seen.Add(id));
    }

    internal sealed class EventFactory
    {
        private readonly Incident _incident;
        private readonly IncidentCommand _command;
        private readonly Instant _now;
        private IncidentEvent? _first;
        private IncidentEvent? _second;
        private int _count;

        internal EventFactory(Incident incident, IncidentCommand command, Instant now)
        {
            _incident = incident;
            _command = command;
            _now = now;
        }

        internal IReadOnlyList<IncidentEvent> Events => EquatableList<IncidentEvent>.Wrap(_count switch
        {
            1 => new[] { _first! },
            2 => new[] { _first!, _second! },
            _ => throw new InvalidOperationException("An accepted command produces at least one event."),
        });

        /// <summary>How many events were added so far.</summary>
        internal int Count => _count;

        /// <summary>The metadata of the next event to add; read it once per <see cref="Add"/>.</summary>
        internal EventMetadata Next => new(_incident.Id, _incident.Version + _count + 1, _now, _command.Actor, _command.CommandId);

        /// <summary>Adds an event; a command produces one or two.</summary>
        internal void Add(IncidentEvent e)
        {
            switch (_count++)
            {
                case 0:
                    _first = e;
                    break;
                case 1:
                    _second = e;
                    break;
                default:
                    throw new InvalidOperationException("A command produces at most two events.");
            }
        }
    }
}
