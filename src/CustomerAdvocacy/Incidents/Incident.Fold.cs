using System;
using System.Collections.Generic;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Resolution;
using NodaTime;

namespace CustomerAdvocacy.Incidents;

/// <content>The fold: the only code that writes an incident's fields, on a copy before the copy is published.</content>
public sealed partial record Incident
{
    /// <summary>
    /// The one implementation of what each event does, over a working copy of the incident that nothing else has seen
    /// yet: <see cref="IncidentEvolver.Evolve"/> applies one event, <see cref="IncidentEvolver.Replay"/> many. The copy's
    /// fields are written in place and its lists copied once, when first changed, so evolving one event allocates one
    /// incident and a long replay copies each list once instead of once per event. The origin is never touched: an
    /// event that fails leaves it as it was.
    /// </summary>
    internal struct Fold
    {
        private readonly Incident _w;
        private WorkingList<ResolutionCriterion> _criteria;
        private WorkingList<Commitment> _commitments;
        private WorkingList<Commitment> _offers;
        private WorkingList<ConversationRecord> _conversations;
        private WorkingList<string> _relatedRecurrences;
        private WorkingList<IncidentId> _linkedIncidents;

        internal Fold(Incident origin)
        {
            _w = origin with { };
            _criteria = new(origin._criteria);
            _commitments = new(origin._commitments);
            _offers = new(origin._commitmentOffers);
            _conversations = new(origin._conversations);
            _relatedRecurrences = new(origin._relatedRecurrences);
            _linkedIncidents = new(origin._linkedIncidents);
        }

        internal readonly Incident Build()
        {
            // Only a written list is assigned: the copy already holds every other one.
            var w = _w;
            _criteria.HandOver(ref w._criteria);
            _commitments.HandOver(ref w._commitments);
            _offers.HandOver(ref w._commitmentOffers);
            _conversations.HandOver(ref w._conversations);
            _relatedRecurrences.HandOver(ref w._relatedRecurrences);
            _linkedIncidents.HandOver(ref w._linkedIncidents);
            return w;
        }

        internal void Apply(IncidentEvent @event)
        {
            if (@event.IncidentId != _w.Id)
            {
                throw new ArgumentException($"Event of incident {@event.IncidentId} applied to incident {_w.Id}.", nameof(@event));
            }

            if (@event.Version != _w._version + 1)
            {
                throw new ArgumentException($"Event version {@event.Version} does not follow incident version {_w._version}.", nameof(@event));
            }

            if (LifecycleTrigger(@event) is { } trigger)
            {
                // The destination is the definition's, never restated here.
                _w._state = IncidentLifecycle.Definition.Destination(_w._state, trigger)
                    ?? throw new ArgumentException($"Event {@event.EventType} ({trigger}) is not a transition of the lifecycle from {_w._state}.", nameof(@event));
            }

            var v = @event.Version;
            _w._version = v;
            switch (@event)
            {
                case IncidentOpened e:
                    _w._openedAt = e.Metadata.OccurredAt;
                    _w._customerId = e.CustomerId;
                    _w._accountableOwnerId = e.AccountableOwnerId;
                    _w._policy = e.Policy;
                    _w._linkedFrom = e.LinkedFrom;
                    break;
                case PerspectiveCaptured e:
                    _w._perspective = e.Perspective;
                    break;
                case AnalysisStarted:
                    break;
                case PlanProposed e:
                    _w._planTargetDate = e.TargetDate;
                    _w._proposedCriteria = EquatableList<CriterionDraft>.From(e.Criteria);
                    break;
                case PlanRejected:
                    _w._proposedCriteria = EquatableList<CriterionDraft>.Empty;
                    break;
                case PlanApproved:
                    Agree(_w._proposedCriteria, v);
                    _w._proposedCriteria = EquatableList<CriterionDraft>.Empty;
                    break;
                case ExecutionStarted:
                    break;
                case CriterionMet e:
                    for (var i = 0; i < _criteria.Count; i++)
                    {
                        if (_criteria[i].Id == e.CriterionId)
                        {
                            _criteria.Set(i, _criteria[i] with { Evidence = e.Evidence, VerifiedBy = e.VerifiedBy, MetAt = e.Metadata.OccurredAt });
                        }
                    }

                    _w._criteriaRevision = v;
                    break;
                case ResolutionProposed:
                    break;
                case ResolutionConfirmed e:
                    _w._lastConfirmation = new CustomerConfirmation(v, e.Metadata.Actor, e.Metadata.OccurredAt);
                    StopServiceLevel(ServiceLevelKind.Update, e.Metadata.OccurredAt);
                    break;
                case ResolutionDisputed e:
                    for (var i = 0; i < _criteria.Count; i++)
                    {
                        if (Contains(e.DisputedCriterionIds, _criteria[i].Id))
                        {
                            _criteria.Set(i, _criteria[i] with { Evidence = null, VerifiedBy = null, MetAt = null });
                        }
                    }

                    _w._criteriaRevision = v;
                    break;
                case IncidentResolved e:
                    _w._resolvedAt = e.Metadata.OccurredAt;
                    StopServiceLevel(ServiceLevelKind.FirstResponse, e.Metadata.OccurredAt);
                    StopServiceLevel(ServiceLevelKind.Update, e.Metadata.OccurredAt);
                    StopServiceLevel(ServiceLevelKind.Resolution, e.Metadata.OccurredAt);
                    break;
                case IncidentReturnedToSop:
                    break;
                case ReviewCompleted:
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
                    _w._pendingSuccessorId = e.SuccessorId;
                    break;
                case HandoffAccepted e:
                    _w._accountableOwnerId = e.NewOwnerId;
                    _w._pendingSuccessorId = null;
                    break;
                case RelatedRecurrenceJoined e:
                    _relatedRecurrences.Add(e.RecurrenceReference, null);
                    _w._pendingCriteriaChange = EquatableList<CriterionDraft>.From(e.ProposedCriteria);
                    break;
                case CriteriaChangeAgreed:
                    Agree(_w._pendingCriteriaChange, v);
                    _w._pendingCriteriaChange = EquatableList<CriterionDraft>.Empty;
                    _w._criteriaRevision = v;
                    break;
                case CriteriaChangeRejected:
                    _w._pendingCriteriaChange = EquatableList<CriterionDraft>.Empty;
                    break;
                case UnrelatedRecurrenceLinked e:
                    _linkedIncidents.Add(e.NewIncidentId, null);
                    break;
                case ServiceLevelsStarted e:
                    _w._serviceLevels = new IncidentServiceLevels(
                        new ServiceLevelDeadline(ServiceLevelKind.FirstResponse, 0, e.FirstResponse),
                        new ServiceLevelDeadline(ServiceLevelKind.Update, 1, e.FirstUpdate),
                        new ServiceLevelDeadline(ServiceLevelKind.Resolution, 0, e.Resolution));
                    break;
                case CustomerUpdateSent e:
                    ApplyCustomerUpdate(e.Metadata.OccurredAt);
                    break;
                case UpdateScheduled e:
                    if (_w._serviceLevels is { } scheduling)
                    {
                        _w._serviceLevels = scheduling with { Update = new ServiceLevelDeadline(ServiceLevelKind.Update, e.Occurrence, e.Schedule) };
                    }

                    break;
                case ServiceLevelWarningRaised e:
                    UpdateServiceLevel(e.Kind, e.Occurrence, d => d with { WarningRaised = true });
                    break;
                case ServiceLevelBreached e:
                    if (UpdateServiceLevel(e.Kind, e.Occurrence, d => d with { Breached = true }) && e.Kind == ServiceLevelKind.Update)
                    {
                        _w._serviceLevels = _w._serviceLevels! with { UpdatesMissed = _w._serviceLevels.UpdatesMissed + 1 };
                    }

                    break;
                default:
                    _w._processes = IncidentProcessFold.Apply(_w._processes, _w.Id, @event)
                        ?? throw new ArgumentException($"Unknown event type {@event.GetType().Name}.", nameof(@event));
                    break;
            }
        }

        /// <summary>
        /// The lifecycle trigger an event is the record of, for the events that move the lifecycle; every other event
        /// leaves the state where it is.
        /// </summary>
        private static IncidentTrigger? LifecycleTrigger(IncidentEvent @event) => @event switch
        {
            IncidentOpened => IncidentTrigger.Open,
            PerspectiveCaptured => IncidentTrigger.CapturePerspective,
            AnalysisStarted => IncidentTrigger.StartAnalysis,
            PlanProposed => IncidentTrigger.ProposePlan,
            PlanRejected => IncidentTrigger.RejectPlan,
            PlanApproved => IncidentTrigger.ApprovePlan,
            ExecutionStarted => IncidentTrigger.StartExecution,
            ResolutionProposed => IncidentTrigger.ProposeResolution,
            ResolutionDisputed => IncidentTrigger.DisputeResolution,
            RelatedRecurrenceJoined => IncidentTrigger.ClassifyRelatedRecurrence,
            IncidentResolved => IncidentTrigger.Close,
            IncidentReturnedToSop => IncidentTrigger.ReturnToSop,
            ReviewCompleted => IncidentTrigger.CompleteReview,
            _ => null,
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
            if (_w._serviceLevels is not { } levels)
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

            _w._serviceLevels = levels;
        }

        private void StopServiceLevel(ServiceLevelKind kind, Instant at)
        {
            if (_w._serviceLevels is { } levels && levels.Of(kind) is { IsRunning: true } running)
            {
                _w._serviceLevels = levels.With(running with { StoppedAt = at });
            }
        }

        private bool UpdateServiceLevel(ServiceLevelKind kind, int occurrence, Func<ServiceLevelDeadline, ServiceLevelDeadline> update)
        {
            if (_w._serviceLevels is { } levels && levels.Of(kind) is { } deadline && deadline.Occurrence == occurrence)
            {
                _w._serviceLevels = levels.With(update(deadline));
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

        /// <summary>Puts the written copy, as an immutable list, into <paramref name="target"/>; leaves it alone when nothing was written.</summary>
        internal readonly void HandOver(ref IReadOnlyList<T> target)
        {
            if (_items is not { } items)
            {
                return;
            }

            if (_count == items.Length)
            {
                target = EquatableList<T>.Wrap(items);
                return;
            }

            var exact = new T[_count];
            Array.Copy(items, exact, _count);
            target = EquatableList<T>.Wrap(exact);
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
