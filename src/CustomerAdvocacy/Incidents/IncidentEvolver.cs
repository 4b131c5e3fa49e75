using System;
using System.Collections.Generic;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Resolution;
using CustomerAdvocacy.Segmentation;
using NodaTime;

namespace CustomerAdvocacy.Incidents;

/// <summary>The pure fold of events into incident state. Replay uses it alone, never the state machines.</summary>
public static class IncidentEvolver
{
    /// <summary>Applies one event to a state.</summary>
    /// <param name="incident">The state before the event.</param>
    /// <param name="event">The next event of the stream; its version must follow the state's.</param>
    /// <returns>The state after the event.</returns>
    /// <exception cref="ArgumentException">The event belongs to another incident, is out of order or unknown.</exception>
    public static Incident Evolve(Incident incident, IncidentEvent @event)
    {
        var fold = new Fold(Preconditions.CheckNotNull(incident));
        fold.Apply(Preconditions.CheckNotNull(@event));
        return fold.Build();
    }

    /// <summary>Folds a whole stream from the unopened state.</summary>
    /// <param name="id">The incident.</param>
    /// <param name="events">Its events in order.</param>
    /// <returns>The current state; equal to evolving the events one by one.</returns>
    /// <exception cref="ArgumentException">An event belongs to another incident, is out of order or unknown.</exception>
    public static Incident Replay(IncidentId id, IEnumerable<IncidentEvent> events)
    {
        Preconditions.CheckNotNull(events);
        var fold = new Fold(Incident.NotOpened(id));
        foreach (var e in events)
        {
            fold.Apply(Preconditions.CheckNotNull(e));
        }

        return fold.Build();
    }

    /// <summary>
    /// The one implementation of what each event does, over a mutable working copy: <see cref="Evolve"/> applies one
    /// event, <see cref="Replay"/> many, and both build an immutable <see cref="Incident"/> at the end, so a long
    /// replay copies each list once instead of once per event.
    /// </summary>
    private struct Fold
    {
        private readonly Incident _origin;
        private readonly IncidentId _id;
        private long _version;
        private IncidentState _state;
        private string? _customerId;
        private Instant? _openedAt;
        private Instant? _resolvedAt;
        private PolicyReference? _policy;
        private string? _owner;
        private string? _pendingSuccessor;
        private IncidentId? _linkedFrom;
        private CustomerPerspective? _perspective;
        private Instant? _planTargetDate;
        private IReadOnlyList<CriterionDraft> _proposedCriteria;
        private IReadOnlyList<CriterionDraft> _pendingCriteriaChange;
        private long _criteriaRevision;
        private CustomerConfirmation? _lastConfirmation;
        private WorkingList<ResolutionCriterion> _criteria;
        private WorkingList<Commitment> _commitments;
        private WorkingList<Commitment> _offers;
        private WorkingList<ConversationRecord> _conversations;
        private WorkingList<string> _relatedRecurrences;
        private WorkingList<IncidentId> _linkedIncidents;
        private IncidentProcesses _processes;
        private IncidentServiceLevels? _serviceLevels;

        internal Fold(Incident origin)
        {
            _origin = origin;
            _id = origin.Id;
            _version = origin.Version;
            _state = origin.State;
            _customerId = origin.CustomerId;
            _openedAt = origin.OpenedAt;
            _resolvedAt = origin.ResolvedAt;
            _policy = origin.Policy;
            _owner = origin.AccountableOwnerId;
            _pendingSuccessor = origin.PendingSuccessorId;
            _linkedFrom = origin.LinkedFrom;
            _perspective = origin.Perspective;
            _planTargetDate = origin.PlanTargetDate;
            _proposedCriteria = origin.ProposedCriteria;
            _pendingCriteriaChange = origin.PendingCriteriaChange;
            _criteriaRevision = origin.CriteriaRevision;
            _lastConfirmation = origin.LastConfirmation;
            _criteria = new(origin.Criteria);
            _commitments = new(origin.Commitments);
            _offers = new(origin.CommitmentOffers);
            _conversations = new(origin.Conversations);
            _relatedRecurrences = new(origin.RelatedRecurrences);
            _linkedIncidents = new(origin.LinkedIncidents);
            _processes = origin.Processes;
            _serviceLevels = origin.ServiceLevels;
        }

        internal void Apply(IncidentEvent @event)
        {
            if (@event.IncidentId != _id)
            {
                throw new ArgumentException($"Event of incident {@event.IncidentId} applied to incident {_id}.", nameof(@event));
            }

            if (@event.Version != _version + 1)
            {
                throw new ArgumentException($"Event version {@event.Version} does not follow incident version {_version}.", nameof(@event));
            }

            var v = @event.Version;
            _version = v;
            switch (@event)
            {
                case IncidentOpened e:
                    _state = IncidentState.Opened;
                    _openedAt = e.Metadata.OccurredAt;
                    _customerId = e.CustomerId;
                    _owner = e.AccountableOwnerId;
                    _policy = e.Policy;
                    _linkedFrom = e.LinkedFrom;
                    break;
                case PerspectiveCaptured e:
                    _state = IncidentState.Engaged;
                    _perspective = e.Perspective;
                    break;
                case AnalysisStarted:
                    _state = IncidentState.Analyzing;
                    break;
                case PlanProposed e:
                    _state = IncidentState.PlanProposed;
                    _planTargetDate = e.TargetDate;
                    _proposedCriteria = EquatableList<CriterionDraft>.From(e.Criteria);
                    break;
                case PlanRejected:
                    _state = IncidentState.Analyzing;
                    _proposedCriteria = EquatableList<CriterionDraft>.Empty;
                    break;
                case PlanApproved:
                    _state = IncidentState.PlanApproved;
                    Agree(_proposedCriteria, v);
                    _proposedCriteria = EquatableList<CriterionDraft>.Empty;
                    break;
                case ExecutionStarted:
                    _state = IncidentState.Executing;
                    break;
                case CriterionMet e:
                    for (var i = 0; i < _criteria.Count; i++)
                    {
                        if (_criteria[i].Id == e.CriterionId)
                        {
                            _criteria.Set(i, _criteria[i] with { Evidence = e.Evidence, VerifiedBy = e.VerifiedBy, MetAt = e.Metadata.OccurredAt });
                        }
                    }

                    _criteriaRevision = v;
                    break;
                case ResolutionProposed:
                    _state = IncidentState.ResolutionProposed;
                    break;
                case ResolutionConfirmed e:
                    _lastConfirmation = new CustomerConfirmation(v, e.Metadata.Actor, e.Metadata.OccurredAt);
                    StopServiceLevel(ServiceLevelKind.Update, e.Metadata.OccurredAt);
                    break;
                case ResolutionDisputed e:
                    _state = IncidentState.Executing;
                    for (var i = 0; i < _criteria.Count; i++)
                    {
                        if (Contains(e.DisputedCriterionIds, _criteria[i].Id))
                        {
                            _criteria.Set(i, _criteria[i] with { Evidence = null, VerifiedBy = null, MetAt = null });
                        }
                    }

                    _criteriaRevision = v;
                    break;
                case IncidentResolved e:
                    _state = IncidentState.Resolved;
                    _resolvedAt = e.Metadata.OccurredAt;
                    StopServiceLevel(ServiceLevelKind.FirstResponse, e.Metadata.OccurredAt);
                    StopServiceLevel(ServiceLevelKind.Update, e.Metadata.OccurredAt);
                    StopServiceLevel(ServiceLevelKind.Resolution, e.Metadata.OccurredAt);
                    break;
                case IncidentReturnedToSop:
                    _state = IncidentState.ReturnedToSop;
                    break;
                case ReviewCompleted:
                    _state = IncidentState.Reviewed;
                    break;
                case CommitmentMade e:
                    _commitments.Add(e.Commitment, e.Commitment.Id);
                    WithdrawOffer(e.Commitment.Id);
                    break;
                case CommitmentOffered e:
                    _offers.Add(e.Offer, null);
                    break;
                case CommitmentDueRejected e:
                    WithdrawOffer(e.CommitmentId);
                    break;
                case CommitmentDelivered e:
                    SetCommitmentStatus(e.CommitmentId, CommitmentStatus.Delivered);
                    break;
                case CommitmentMissed e:
                    SetCommitmentStatus(e.CommitmentId, CommitmentStatus.Missed);
                    break;
                case ConversationRecorded e:
                    _conversations.Add(e.Conversation, null);
                    break;
                case HandoffOffered e:
                    _pendingSuccessor = e.SuccessorId;
                    break;
                case HandoffAccepted e:
                    _owner = e.NewOwnerId;
                    _pendingSuccessor = null;
                    break;
                case RelatedRecurrenceJoined e:
                    _state = IncidentState.Executing;
                    _relatedRecurrences.Add(e.RecurrenceReference, null);
                    _pendingCriteriaChange = EquatableList<CriterionDraft>.From(e.ProposedCriteria);
                    break;
                case CriteriaChangeAgreed:
                    Agree(_pendingCriteriaChange, v);
                    _pendingCriteriaChange = EquatableList<CriterionDraft>.Empty;
                    _criteriaRevision = v;
                    break;
                case CriteriaChangeRejected:
                    _pendingCriteriaChange = EquatableList<CriterionDraft>.Empty;
                    break;
                case UnrelatedRecurrenceLinked e:
                    _linkedIncidents.Add(e.NewIncidentId, null);
                    break;
                case ServiceLevelsStarted e:
                    _serviceLevels = new IncidentServiceLevels(
                        new ServiceLevelDeadline(ServiceLevelKind.FirstResponse, 0, e.FirstResponse),
                        new ServiceLevelDeadline(ServiceLevelKind.Update, 1, e.FirstUpdate),
                        new ServiceLevelDeadline(ServiceLevelKind.Resolution, 0, e.Resolution));
                    break;
                case CustomerUpdateSent e:
                    ApplyCustomerUpdate(e.Metadata.OccurredAt);
                    break;
                case UpdateScheduled e:
                    if (_serviceLevels is { } scheduling)
                    {
                        _serviceLevels = scheduling with { Update = new ServiceLevelDeadline(ServiceLevelKind.Update, e.Occurrence, e.Schedule) };
                    }

                    break;
                case ServiceLevelWarningRaised e:
                    UpdateServiceLevel(e.Kind, e.Occurrence, d => d with { WarningRaised = true });
                    break;
                case ServiceLevelBreached e:
                    if (UpdateServiceLevel(e.Kind, e.Occurrence, d => d with { Breached = true }) && e.Kind == ServiceLevelKind.Update)
                    {
                        _serviceLevels = _serviceLevels! with { UpdatesMissed = _serviceLevels.UpdatesMissed + 1 };
                    }

                    break;
                default:
                    _processes = IncidentProcessFold.Apply(_processes, _id, @event)
                        ?? throw new ArgumentException($"Unknown event type {@event.GetType().Name}.", nameof(@event));
                    break;
            }
        }

        internal readonly Incident Build() => new(_id)
        {
            Version = _version,
            State = _state,
            CustomerId = _customerId,
            OpenedAt = _openedAt,
            ResolvedAt = _resolvedAt,
            Policy = _policy,
            AccountableOwnerId = _owner,
            PendingSuccessorId = _pendingSuccessor,
            LinkedFrom = _linkedFrom,
            Perspective = _perspective,
            PlanTargetDate = _planTargetDate,
            ProposedCriteria = _proposedCriteria,
            PendingCriteriaChange = _pendingCriteriaChange,
            Criteria = _criteria.Build(_origin.Criteria),
            CriteriaRevision = _criteriaRevision,
            LastConfirmation = _lastConfirmation,
            Commitments = _commitments.Build(_origin.Commitments),
            CommitmentOffers = _offers.Build(_origin.CommitmentOffers),
            Conversations = _conversations.Build(_origin.Conversations),
            RelatedRecurrences = _relatedRecurrences.Build(_origin.RelatedRecurrences),
            LinkedIncidents = _linkedIncidents.Build(_origin.LinkedIncidents),
            Processes = _processes,
            ServiceLevels = _serviceLevels,
        };

        private void Agree(IReadOnlyList<CriterionDraft> drafts, long version)
        {
            foreach (var d in drafts)
            {
                _criteria.Add(new ResolutionCriterion(d.Id, d.Description, version), null);
            }
        }

        private static bool Contains(IReadOnlyList<string> ids, string id)
        {
            for (var i = 0; i < ids.Count; i++)
            {
                if (ids[i] == id)
                {
                    return true;
                }
            }

            return false;
        }

        private void ApplyCustomerUpdate(Instant at)
        {
            if (_serviceLevels is not { } levels)
            {
                return;
            }

            if (levels.FirstResponse.IsRunning)
            {
                levels = levels with { FirstResponse = levels.FirstResponse with { StoppedAt = at } };
            }

            if (levels.Update.IsRunning)
            {
                levels = levels with { Update = levels.Update with { StoppedAt = at }, UpdatesDelivered = levels.UpdatesDelivered + 1 };
            }

            _serviceLevels = levels;
        }

        private void StopServiceLevel(ServiceLevelKind kind, Instant at)
        {
            if (_serviceLevels is { } levels && levels.Of(kind) is { IsRunning: true } running)
            {
                _serviceLevels = levels.With(running with { StoppedAt = at });
            }
        }

        private bool UpdateServiceLevel(ServiceLevelKind kind, int occurrence, Func<ServiceLevelDeadline, ServiceLevelDeadline> update)
        {
            if (_serviceLevels is { } levels && levels.Of(kind) is { } deadline && deadline.Occurrence == occurrence)
            {
                _serviceLevels = levels.With(update(deadline));
                return true;
            }

            return false;
        }

        private void WithdrawOffer(string id)
        {
            for (var i = 0; i < _offers.Count; i++)
            {
                if (_offers[i].Id == id)
                {
                    _offers.RemoveAt(i);
                    return;
                }
            }
        }

        private void SetCommitmentStatus(string id, CommitmentStatus status)
        {
            var index = _commitments.IndexOf(id, c => c.Id);
            if (index >= 0)
            {
                _commitments.Set(index, _commitments[index] with { Status = status });
            }
        }
    }

    /// <summary>
    /// A list copied from the incident only when first written, with an optional index by key. The copy is an array
    /// handed over to the built <see cref="EquatableList{T}"/> when it is exactly full, so evolving one event that
    /// changes an element copies the list once, not into a list and again into the result.
    /// </summary>
    private struct WorkingList<T>
    {
        private readonly IReadOnlyList<T> _origin;
        private T[]? _items;
        private int _count;
        private Dictionary<string, int>? _index;

        internal WorkingList(IReadOnlyList<T> origin)
        {
            _origin = origin;
            _items = null;
            _count = 0;
            _index = null;
        }

        internal readonly int Count => _items is null ? _origin.Count : _count;

        internal readonly T this[int index] => _items is null ? _origin[index] : _items[index];

        internal void Set(int index, T item)
        {
            EnsureRoom(0);
            _items![index] = item;
        }

        internal void RemoveAt(int index)
        {
            EnsureRoom(0);
            var items = _items!;
            _count--;
            Array.Copy(items, index + 1, items, index, _count - index);
            items[_count] = default!;
        }

        internal void Add(T item, string? key)
        {
            EnsureRoom(1);
            if (key is not null && _index is not null)
            {
                _index[key] = _count;
            }

            _items![_count++] = item;
        }

        internal int IndexOf(string key, Func<T, string> keyOf)
        {
            if (_index is null)
            {
                var count = Count;
                _index = new Dictionary<string, int>(count, StringComparer.Ordinal);
                for (var i = 0; i < count; i++)
                {
                    _index[keyOf(this[i])] = i;
                }
            }

            return _index.TryGetValue(key, out var index) ? index : -1;
        }

        internal readonly IReadOnlyList<T> Build(IReadOnlyList<T> origin)
        {
            if (_items is null)
            {
                return origin;
            }

            if (_count == _items.Length)
            {
                return EquatableList<T>.Wrap(_items);
            }

            var exact = new T[_count];
            Array.Copy(_items, exact, _count);
            return EquatableList<T>.Wrap(exact);
        }

        private void EnsureRoom(int extra)
        {
            if (_items is null)
            {
                var count = _origin.Count;
                var items = new T[count + extra];
                for (var i = 0; i < count; i++)
                {
                    items[i] = _origin[i];
                }

                _items = items;
                _count = count;
            }
            else if (_count + extra > _items.Length)
            {
                Array.Resize(ref _items, Math.Max(_items.Length * 2, _count + extra));
            }
        }
    }
}
