using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Planning;
using NodaTime;

namespace CustomerAdvocacy.Review;

/// <summary>
/// The internal management review of an incident after its return to SOP: chronology, contributing factors,
/// learnings, preventive actions, and the customer's fit. Immutable; the fold of its <see cref="ReviewEvent"/>s.
/// </summary>
public sealed record ManagementReview
{
    private ManagementReview(IncidentId incidentId) => IncidentId = incidentId;

    /// <summary>The incident reviewed.</summary>
    public IncidentId IncidentId { get; }

    /// <summary>The version of the last event applied; 0 before any.</summary>
    public long Version { get; private init; }

    /// <summary>Where the review stands.</summary>
    public ReviewState State { get; private init; }

    /// <summary>When the incident was closed, once started.</summary>
    public Instant? ClosedAt { get; private init; }

    /// <summary>When the review is due, once started.</summary>
    public Instant? DueAt { get; private init; }

    /// <summary>The chronology.</summary>
    public IReadOnlyList<ChronologyEntry> Chronology { get; private init; } = EquatableList<ChronologyEntry>.Empty;

    /// <summary>The contributing factors, each with its owner.</summary>
    public IReadOnlyList<ContributingFactor> Factors { get; private init; } = EquatableList<ContributingFactor>.Empty;

    /// <summary>The learnings.</summary>
    public IReadOnlyList<string> Learnings { get; private init; } = EquatableList<string>.Empty;

    /// <summary>The preventive actions.</summary>
    public IReadOnlyList<PreventiveAction> PreventiveActions { get; private init; } = EquatableList<PreventiveAction>.Empty;

    /// <summary>The last customer-fit assessment, if any.</summary>
    public CustomerFitAssessment? CustomerFit { get; private init; }

    /// <summary>The termination recommendation awaiting or having had an executive's decision, if any.</summary>
    public TerminationGround? TerminationRecommendation { get; private init; }

    /// <summary>The executive's decision on the last termination recommendation, if made.</summary>
    public bool? TerminationDecision { get; private init; }

    /// <summary>Whether the review was completed after its due instant.</summary>
    public bool CompletedLate { get; private init; }

    /// <summary>The commands applied, for idempotency.</summary>
    public IReadOnlyList<CommandId> AppliedCommands { get; private init; } = EquatableList<CommandId>.Empty;

    /// <summary>A review not yet started.</summary>
    /// <param name="incidentId">The incident.</param>
    /// <returns>The review before any event.</returns>
    public static ManagementReview Start(IncidentId incidentId) => new(incidentId);

    /// <summary>Folds events into a review.</summary>
    /// <param name="incidentId">The incident.</param>
    /// <param name="events">The review's events, in order.</param>
    /// <returns>The review.</returns>
    public static ManagementReview Replay(IncidentId incidentId, IEnumerable<ReviewEvent> events)
        => Preconditions.CheckNotNull(events).Aggregate(Start(incidentId), Evolve);

    /// <summary>Applies one event. Replay never uses the state machine.</summary>
    /// <param name="review">The state before the event.</param>
    /// <param name="event">The next event; its version must follow the state's.</param>
    /// <returns>The state after the event.</returns>
    /// <exception cref="ArgumentException">The event belongs to another incident or is out of order.</exception>
    public static ManagementReview Evolve(ManagementReview review, ReviewEvent @event)
    {
        Preconditions.CheckNotNull(review);
        Preconditions.CheckNotNull(@event);
        var m = @event.Metadata;
        if (m.IncidentId != review.IncidentId || m.Version != review.Version + 1)
        {
            throw new ArgumentException($"Event {m.IncidentId}@{m.Version} does not follow review {review.IncidentId}@{review.Version}.", nameof(@event));
        }

        var commands = (EquatableList<CommandId>)review.AppliedCommands;
        var state = TriggerOf(@event) is { } trigger
            ? ReviewDecider.Definition.Follow(review.State, trigger, @event.EventType)
            : throw new ArgumentException($"Unknown review event {@event.EventType}.", nameof(@event));
        var next = review with { Version = m.Version, AppliedCommands = commands.AddIfAbsent(m.CommandId), State = state };
        return @event switch
        {
            ManagementReviewStarted e => next with { ClosedAt = e.ClosedAt, DueAt = e.DueAt },
            ReviewFindingsRecorded e => next with
            {
                Chronology = EquatableList<ChronologyEntry>.From(e.Chronology),
                Factors = EquatableList<ContributingFactor>.From(e.Factors),
                Learnings = EquatableList<string>.From(e.Learnings),
            },
            PreventiveActionAdded e => next with { PreventiveActions = ((EquatableList<PreventiveAction>)next.PreventiveActions).Add(e.Action) },
            CustomerFitAssessed e => next with { CustomerFit = e.Assessment },
            TerminationRecommended e => next with { TerminationRecommendation = e.Ground, TerminationDecision = null },
            TerminationDecided e => next with { TerminationDecision = e.Terminate },
            ManagementReviewCompleted e => next with { CompletedLate = e.Late },
            _ => throw new ArgumentException($"Unknown review event {@event.EventType}.", nameof(@event)),
        };
    }

    /// <summary>The trigger an event records: the state it leaves comes from the definition.</summary>
    private static ReviewTrigger? TriggerOf(ReviewEvent @event) => @event switch
    {
        ManagementReviewStarted => ReviewTrigger.Start,
        ReviewFindingsRecorded => ReviewTrigger.RecordFindings,
        PreventiveActionAdded => ReviewTrigger.AddPreventiveAction,
        CustomerFitAssessed => ReviewTrigger.AssessCustomerFit,
        TerminationRecommended => ReviewTrigger.RecommendTermination,
        TerminationDecided => ReviewTrigger.DecideTermination,
        ManagementReviewCompleted => ReviewTrigger.Complete,
        _ => null,
    };

    /// <summary>The same state carried to a stream version, so the next event decided for it follows the incident's last event.</summary>
    internal ManagementReview AtVersion(long version) => this with { Version = version };
}
