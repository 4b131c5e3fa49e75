using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Resolution;

namespace CustomerAdvocacy.Incidents;

/// <summary>The pure fold of events into incident state. Replay uses it alone, never the state machines.</summary>
public static class IncidentEvolver
{
    /// <summary>Applies one event to a state.</summary>
    /// <param name="incident">The state before the event.</param>
    /// <param name="event">The next event of the stream; its version must follow the state's.</param>
    /// <returns>The state after the event.</returns>
    /// <exception cref="ArgumentException">The event belongs to another incident or is out of order.</exception>
    public static Incident Evolve(Incident incident, IncidentEvent @event)
    {
        Preconditions.CheckNotNull(incident);
        Preconditions.CheckNotNull(@event);
        if (@event.IncidentId != incident.Id)
        {
            throw new ArgumentException($"Event of incident {@event.IncidentId} applied to incident {incident.Id}.", nameof(@event));
        }

        if (@event.Version != incident.Version + 1)
        {
            throw new ArgumentException($"Event version {@event.Version} does not follow incident version {incident.Version}.", nameof(@event));
        }

        var v = @event.Version;
        var next = incident with { Version = v };
        return @event switch
        {
            IncidentOpened e => next with
            {
                State = IncidentState.Opened,
                CustomerId = e.CustomerId,
                AccountableOwnerId = e.AccountableOwnerId,
                Policy = e.Policy,
                LinkedFrom = e.LinkedFrom,
            },
            PerspectiveCaptured e => next with { State = IncidentState.Engaged, Perspective = e.Perspective },
            AnalysisStarted => next with { State = IncidentState.Analyzing },
            PlanProposed e => next with
            {
                State = IncidentState.PlanProposed,
                PlanTargetDate = e.TargetDate,
                ProposedCriteria = EquatableList<CriterionDraft>.From(e.Criteria),
            },
            PlanRejected => next with { State = IncidentState.Analyzing, ProposedCriteria = EquatableList<CriterionDraft>.Empty },
            PlanApproved => next with
            {
                State = IncidentState.PlanApproved,
                Criteria = List(incident.Criteria).AddRange(
                    incident.ProposedCriteria.Select(d => new ResolutionCriterion(d.Id, d.Description, v)).ToArray()),
                ProposedCriteria = EquatableList<CriterionDraft>.Empty,
                CriteriaRevision = v,
            },
            ExecutionStarted => next with { State = IncidentState.Executing },
            CriterionMet e => next with
            {
                Criteria = List(incident.Criteria).Select(c => c.Id == e.CriterionId
                    ? c with { Evidence = e.Evidence, VerifiedBy = e.VerifiedBy, MetAt = e.Metadata.OccurredAt }
                    : c),
                CriteriaRevision = v,
            },
            ResolutionProposed => next with { State = IncidentState.ResolutionProposed },
            ResolutionConfirmed e => next with
            {
                LastConfirmation = new CustomerConfirmation(v, e.Metadata.Actor, e.Metadata.OccurredAt),
            },
            ResolutionDisputed e => next with
            {
                State = IncidentState.Executing,
                Criteria = List(incident.Criteria).Select(c => e.DisputedCriterionIds.Contains(c.Id)
                    ? c with { Evidence = null, VerifiedBy = null, MetAt = null }
                    : c),
                CriteriaRevision = v,
            },
            IncidentResolved => next with { State = IncidentState.Resolved },
            IncidentReturnedToSop => next with { State = IncidentState.ReturnedToSop },
            ReviewCompleted => next with { State = IncidentState.Reviewed },
            CommitmentMade e => next with { Commitments = List(incident.Commitments).Add(e.Commitment) },
            CommitmentDelivered e => next with
            {
                Commitments = List(incident.Commitments).Select(c => c.Id == e.CommitmentId
                    ? c with { Status = CommitmentStatus.Delivered }
                    : c),
            },
            CommitmentMissed e => next with
            {
                Commitments = List(incident.Commitments).Select(c => c.Id == e.CommitmentId
                    ? c with { Status = CommitmentStatus.Missed }
                    : c),
            },
            ConversationRecorded e => next with { Conversations = List(incident.Conversations).Add(e.Conversation) },
            HandoffOffered e => next with { PendingSuccessorId = e.SuccessorId },
            HandoffAccepted e => next with { AccountableOwnerId = e.NewOwnerId, PendingSuccessorId = null },
            RelatedRecurrenceJoined e => next with
            {
                State = IncidentState.Executing,
                RelatedRecurrences = List(incident.RelatedRecurrences).Add(e.RecurrenceReference),
                PendingCriteriaChange = EquatableList<CriterionDraft>.From(e.ProposedCriteria),
            },
            CriteriaChangeAgreed => next with
            {
                Criteria = List(incident.Criteria).AddRange(
                    incident.PendingCriteriaChange.Select(d => new ResolutionCriterion(d.Id, d.Description, v)).ToArray()),
                PendingCriteriaChange = EquatableList<CriterionDraft>.Empty,
                CriteriaRevision = v,
            },
            CriteriaChangeRejected => next with { PendingCriteriaChange = EquatableList<CriterionDraft>.Empty },
            UnrelatedRecurrenceLinked e => next with { LinkedIncidents = List(incident.LinkedIncidents).Add(e.NewIncidentId) },
            _ => throw new ArgumentException($"Unknown event type {@event.GetType().Name}.", nameof(@event)),
        };
    }

    /// <summary>Folds a whole stream from the unopened state.</summary>
    /// <param name="id">The incident.</param>
    /// <param name="events">Its events in order.</param>
    /// <returns>The current state.</returns>
    public static Incident Replay(IncidentId id, IEnumerable<IncidentEvent> events)
    {
        Preconditions.CheckNotNull(events);
        var state = Incident.NotOpened(id);
        foreach (var e in events)
        {
            state = Evolve(state, e);
        }

        return state;
    }

    private static EquatableList<T> List<T>(IReadOnlyList<T> list) => EquatableList<T>.From(list);
}
