using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Planning;

/// <summary>
/// An incident's response planning and analysis: facts, candidate scenarios, the situation summary, the proposal to
/// the customer and the customer meetings. Immutable; the fold of its <see cref="AnalysisEvent"/>s.
/// </summary>
public sealed record Analysis
{
    private Analysis(IncidentId incidentId) => IncidentId = incidentId;

    /// <summary>The incident the analysis belongs to.</summary>
    public IncidentId IncidentId { get; }

    /// <summary>The version of the last event applied; 0 before any.</summary>
    public long Version { get; private init; }

    /// <summary>The facts, in the order they were recorded.</summary>
    public IReadOnlyList<Fact> Facts { get; private init; } = EquatableList<Fact>.Empty;

    /// <summary>The candidate scenarios, in the order they were proposed.</summary>
    public IReadOnlyList<Scenario> Scenarios { get; private init; } = EquatableList<Scenario>.Empty;

    /// <summary>The situation summary, once recorded.</summary>
    public SituationSummary? Summary { get; private init; }

    /// <summary>The current proposal, once drafted.</summary>
    public Proposal? Proposal { get; private init; }

    /// <summary>Where the current proposal stands with the customer.</summary>
    public ProposalStatus ProposalStatus { get; private init; }

    /// <summary>The ids of the approved actions being carried out.</summary>
    public IReadOnlyList<string> ExecutedActions { get; private init; } = EquatableList<string>.Empty;

    /// <summary>The customer meetings, in the order they were scheduled.</summary>
    public IReadOnlyList<CustomerMeeting> Meetings { get; private init; } = EquatableList<CustomerMeeting>.Empty;

    /// <summary>The commands applied, for idempotency.</summary>
    public IReadOnlyList<CommandId> AppliedCommands { get; private init; } = EquatableList<CommandId>.Empty;

    /// <summary>Every scenario with its verdict against the facts.</summary>
    public IReadOnlyList<ScenarioVerdict> Verdicts => ScenarioElimination.Assess(Scenarios, Facts);

    /// <summary>The scenarios consistent with every fact.</summary>
    public IEnumerable<Scenario> RemainingScenarios => Verdicts.Where(v => v.Remains).Select(v => v.Scenario);

    /// <summary>An empty analysis for an incident.</summary>
    /// <param name="incidentId">The incident.</param>
    /// <returns>The analysis before any event.</returns>
    public static Analysis Start(IncidentId incidentId) => new(incidentId);

    /// <summary>Applies one event.</summary>
    /// <param name="analysis">The state before the event.</param>
    /// <param name="event">The next event; its version must follow the state's.</param>
    /// <returns>The state after the event.</returns>
    /// <exception cref="ArgumentException">The event belongs to another incident or is out of order.</exception>
    public static Analysis Evolve(Analysis analysis, AnalysisEvent @event)
    {
        Preconditions.CheckNotNull(analysis);
        Preconditions.CheckNotNull(@event);
        var m = @event.Metadata;
        if (m.IncidentId != analysis.IncidentId)
        {
            throw new ArgumentException($"Event of incident {m.IncidentId} applied to the analysis of {analysis.IncidentId}.", nameof(@event));
        }

        if (m.Version != analysis.Version + 1)
        {
            throw new ArgumentException($"Event version {m.Version} does not follow analysis version {analysis.Version}.", nameof(@event));
        }

        var commands = (EquatableList<CommandId>)analysis.AppliedCommands;
        var next = analysis with
        {
            Version = m.Version,
            AppliedCommands = commands.AddIfAbsent(m.CommandId),
        };
        return @event switch
        {
            FactRecorded e => next with { Facts = ((EquatableList<Fact>)next.Facts).Add(e.Fact) },
            ScenarioProposed e => next with { Scenarios = ((EquatableList<Scenario>)next.Scenarios).Add(e.Scenario) },
            ScenarioEliminated => next,
            SituationSummaryRecorded e => next with { Summary = e.Summary },
            ProposalDrafted e => next with { Proposal = e.Proposal, ProposalStatus = ProposalStatus.AwaitingApproval, ExecutedActions = EquatableList<string>.Empty },
            ProposalApproved => next with { ProposalStatus = ProposalStatus.Approved },
            ProposalRejected => next with { ProposalStatus = ProposalStatus.Rejected },
            ProposalActionExecuted e => next with { ExecutedActions = ((EquatableList<string>)next.ExecutedActions).Add(e.ActionId) },
            CustomerMeetingScheduled e => next with
            {
                Meetings = ((EquatableList<CustomerMeeting>)next.Meetings).Add(
                    new CustomerMeeting(e.MeetingId, EquatableList<MeetingParticipant>.From(e.Participants), EquatableList<string>.Empty, Held: false)),
            },
            MeetingDryRunRecorded e => next with { Meetings = UpdateMeeting(next, e.MeetingId, x => x with { DryRunAttendees = EquatableList<string>.From(e.Attendees) }) },
            CustomerMeetingHeld e => next with { Meetings = UpdateMeeting(next, e.MeetingId, x => x with { Held = true }) },
            _ => throw new ArgumentException($"Unknown analysis event {@event.EventType}.", nameof(@event)),
        };
    }

    /// <summary>Folds events into an analysis.</summary>
    /// <param name="incidentId">The incident.</param>
    /// <param name="events">Its analysis events, in order.</param>
    /// <returns>The analysis.</returns>
    public static Analysis Replay(IncidentId incidentId, IEnumerable<AnalysisEvent> events)
        => Preconditions.CheckNotNull(events).Aggregate(Start(incidentId), Evolve);

    private static EquatableList<CustomerMeeting> UpdateMeeting(Analysis analysis, string id, Func<CustomerMeeting, CustomerMeeting> change)
    {
        var list = (EquatableList<CustomerMeeting>)analysis.Meetings;
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Id == id)
            {
                return list.ReplaceAt(i, change(list[i]));
            }
        }

        throw new ArgumentException($"The meeting '{id}' is not scheduled.", nameof(id));
    }

    /// <summary>The same state carried to a stream version, so the next event decided for it follows the incident's last event.</summary>
    internal Analysis AtVersion(long version) => this with { Version = version };
}
