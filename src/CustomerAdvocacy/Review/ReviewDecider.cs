using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Planning;
using CustomerAdvocacy.Scheduling;
using NodaTime;

namespace CustomerAdvocacy.Review;

/// <summary>
/// Decides review commands: review + command + policy + the customer's calendar + now → events or a typed rejection.
/// The review's states and triggers are a Stateless machine defined once (<see cref="Definition"/>), whose
/// permissions and destinations are a table computed once by firing it; the review's fold reads the same table. Staff raise termination recommendations; only an executive decides them. Pure and
/// thread-safe.
/// </summary>
internal static class ReviewDecider
{
    private static readonly IncidentRole[] Staff =
    {
        IncidentRole.AccountableOwner, IncidentRole.Engineer, IncidentRole.ServiceManager, IncidentRole.SeniorManager, IncidentRole.Executive,
    };

    internal static ProcessMachine<ReviewState, ReviewTrigger> Definition { get; } = new(BuildTransitions());

    /// <summary>Whether <paramref name="role"/> may fire <paramref name="trigger"/>: our staff review, only an executive decides termination, customers and third parties take no part.</summary>
    /// <param name="role">The role.</param>
    /// <param name="trigger">The trigger.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    public static bool IsAllowed(IncidentRole role, ReviewTrigger trigger)
        => trigger == ReviewTrigger.DecideTermination ? role == IncidentRole.Executive : Staff.Contains(role);

    /// <summary>
    /// When a review of an incident closed at <paramref name="closedAt"/> is due: the policy's number of business days
    /// later by <see cref="BusinessCalendar.AddBusinessDays"/> (same local time of day, moved to the next opening
    /// when the calendar is closed then), so it is always an open instant of the customer's calendar.
    /// </summary>
    /// <param name="closedAt">When the incident was closed.</param>
    /// <param name="policy">The review policy.</param>
    /// <param name="calendar">The customer's business calendar.</param>
    /// <returns>The due instant.</returns>
    public static Instant DueAt(Instant closedAt, ReviewPolicy policy, BusinessCalendar calendar)
    {
        Preconditions.CheckNotNull(policy);
        Preconditions.CheckNotNull(calendar);
        return calendar.AddBusinessDays(closedAt, policy.BusinessDaysToReview);
    }

    /// <summary>Decides a command against a review.</summary>
    /// <param name="review">The review's current state.</param>
    /// <param name="command">The command; it must be for the same incident.</param>
    /// <param name="policy">The review policy.</param>
    /// <param name="calendar">The customer's business calendar, in which the due instant is computed.</param>
    /// <param name="now">The current instant, from the host's clock.</param>
    /// <returns>The events to record, or the rejection.</returns>
    /// <exception cref="ArgumentException">The command is for another incident.</exception>
    public static ProcessDecision<ReviewEvent> Decide(ManagementReview review, ReviewCommand command, ReviewPolicy policy, BusinessCalendar calendar, Instant now)
    {
        Preconditions.CheckNotNull(review);
        Preconditions.CheckNotNull(command);
        Preconditions.CheckNotNull(policy);
        Preconditions.CheckNotNull(calendar);
        if (command.IncidentId != review.IncidentId)
        {
            throw new ArgumentException($"Command for incident {command.IncidentId} decided against the review of {review.IncidentId}.", nameof(command));
        }

        if (review.AppliedCommands.Contains(command.CommandId))
        {
            return new ProcessAccepted<ReviewEvent>(Array.Empty<ReviewEvent>());
        }

        var role = command.Actor.Role;
        if (!IsAllowed(role, command.ReviewTrigger))
        {
            var who = command.ReviewTrigger == ReviewTrigger.DecideTermination ? "Only an executive decides termination." : "Only our staff take part in the internal review.";
            return new ProcessRejected<ReviewEvent>(new NotAuthorized<ReviewTrigger>(role, command.ReviewTrigger, who));
        }

        if (!Definition.CanFire(review.State, command.ReviewTrigger))
        {
            return new ProcessRejected<ReviewEvent>(new NotPermittedInState<ReviewState, ReviewTrigger>(review.State, command.ReviewTrigger));
        }

        var m = new EventMetadata(review.IncidentId, review.Version + 1, now, command.Actor, command.CommandId);
        var outcome = command switch
        {
            StartManagementReview c => c.ClosedAt > now
                ? Broken(ReviewRules.ClosedBeforeReview, "The review starts after the closure it reviews.")
                : Ok(new ManagementReviewStarted(m, c.ClosedAt, DueAt(c.ClosedAt, policy, calendar))),
            RecordReviewFindings c => Findings(c, m),
            AddPreventiveAction c => Preventive(review, c, m, now),
            AssessCustomerFit c => c.Facts is null || c.Facts.IncidentsInRecurrenceWindow < 1 || c.Facts.CostToServe < 0 || c.Facts.Revenue < 0
                ? Broken(ReviewRules.TextRequired, "Customer-fit facts count this incident and have no negative amounts.")
                : Ok(new CustomerFitAssessed(m, c.Facts, CustomerFitAssessment.Assess(c.Facts, policy))),
            RecommendTermination c => string.IsNullOrWhiteSpace(c.Rationale)
                ? Broken(ReviewRules.TextRequired, "A termination recommendation states why.")
                : review.CustomerFit is { } fit && fit.TerminationGrounds.Contains(c.Ground)
                    ? Ok(new TerminationRecommended(m, c.Ground, c.Rationale))
                    : Broken(ReviewRules.TerminationNeedsAssessedGround, $"The customer-fit assessment does not show the ground {c.Ground}."),
            DecideTermination c => string.IsNullOrWhiteSpace(c.Rationale)
                ? Broken(ReviewRules.TextRequired, "A termination decision states why.")
                : Ok(new TerminationDecided(m, c.Terminate, c.Rationale)),
            CompleteManagementReview => review.Chronology.Count == 0 || review.PreventiveActions.Count == 0
                ? Broken(ReviewRules.CompleteReview, "A review completes with its findings and at least one preventive action.")
                : Ok(new ManagementReviewCompleted(m, review.DueAt is { } due && now > due)),
            _ => Broken(ReviewRules.TextRequired, $"Unknown command {command.GetType().Name}."),
        };
        return outcome;
    }

    private static ProcessDecision<ReviewEvent> Findings(RecordReviewFindings c, EventMetadata m)
    {
        var summary = new SituationSummary(c.Chronology ?? Array.Empty<ChronologyEntry>(), c.Factors ?? Array.Empty<ContributingFactor>());
        var problems = summary.Validate(requireCustomerDisclosure: false)
            .Select(p => p.Message)
            .ToList();
        var learnings = c.Learnings ?? Array.Empty<string>();
        if (learnings.Count == 0 || learnings.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add("The review records what we learned.");
        }

        return problems.Count > 0
            ? Broken(ReviewRules.FindingsComplete, string.Join(" ", problems))
            : Ok(new ReviewFindingsRecorded(m, summary.Chronology, summary.Factors, EquatableList<string>.From(learnings)));
    }

    private static ProcessDecision<ReviewEvent> Preventive(ManagementReview review, AddPreventiveAction c, EventMetadata m, Instant now)
    {
        var a = c.Action;
        if (a is null || string.IsNullOrWhiteSpace(a.Id) || string.IsNullOrWhiteSpace(a.Description)
            || review.PreventiveActions.Any(x => x.Id == a.Id)
            || a.Kind is not (PreventiveActionKind.Process or PreventiveActionKind.Training or PreventiveActionKind.TermsAndConditions))
        {
            return Broken(ReviewRules.TextRequired, "A preventive action has a unique id, a description and a kind.");
        }

        return string.IsNullOrWhiteSpace(a.OwnerId) || a.DueAt <= now
            ? Broken(ReviewRules.PreventiveActionOwnedAndDue, "A preventive action has an owner and a due date in the future.")
            : Ok(new PreventiveActionAdded(m, a));
    }

    private static ProcessDecision<ReviewEvent> Ok(ReviewEvent e) => new ProcessAccepted<ReviewEvent>(new[] { e });

    private static ProcessDecision<ReviewEvent> Broken(string rule, string detail) => new ProcessRejected<ReviewEvent>(new RuleBroken(rule, detail));

    private static List<(ReviewState, ReviewTrigger, ReviewState)> BuildTransitions()
    {
        var list = new List<(ReviewState, ReviewTrigger, ReviewState)>
        {
            (ReviewState.NotStarted, ReviewTrigger.Start, ReviewState.Open),
            (ReviewState.Open, ReviewTrigger.RecordFindings, ReviewState.Open),
            (ReviewState.Open, ReviewTrigger.AddPreventiveAction, ReviewState.Open),
            (ReviewState.Open, ReviewTrigger.AssessCustomerFit, ReviewState.Open),
            (ReviewState.Open, ReviewTrigger.RecommendTermination, ReviewState.AwaitingExecutiveDecision),
            (ReviewState.AwaitingExecutiveDecision, ReviewTrigger.RecordFindings, ReviewState.AwaitingExecutiveDecision),
            (ReviewState.AwaitingExecutiveDecision, ReviewTrigger.AddPreventiveAction, ReviewState.AwaitingExecutiveDecision),
            (ReviewState.AwaitingExecutiveDecision, ReviewTrigger.DecideTermination, ReviewState.Open),
            (ReviewState.Open, ReviewTrigger.Complete, ReviewState.Completed),
        };
        return list;
    }
}
