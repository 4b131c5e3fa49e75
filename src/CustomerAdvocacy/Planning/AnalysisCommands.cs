using System.Collections.Generic;
using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Planning;

/// <summary>A request to change an incident's analysis, from an actor in a role, identified for idempotency.</summary>
/// <param name="IncidentId">The incident the analysis belongs to.</param>
/// <param name="CommandId">Identifies the command; the same id applied twice records its events once.</param>
/// <param name="Actor">Who issues it, and in which role.</param>
public abstract record AnalysisCommand(IncidentId IncidentId, CommandId CommandId, Actor Actor)
    : IncidentCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public sealed override IncidentTrigger Trigger => this switch
    {
        RecordFact => IncidentTrigger.RecordFact,
        ProposeScenario => IncidentTrigger.ProposeScenario,
        RecordSituationSummary => IncidentTrigger.RecordSituationSummary,
        DraftProposal => IncidentTrigger.DraftProposal,
        ApproveProposal => IncidentTrigger.ApproveProposal,
        RejectProposal => IncidentTrigger.RejectProposal,
        ExecuteProposalAction => IncidentTrigger.ExecuteProposalAction,
        ScheduleCustomerMeeting => IncidentTrigger.ScheduleCustomerMeeting,
        RecordMeetingDryRun => IncidentTrigger.RecordMeetingDryRun,
        HoldCustomerMeeting => IncidentTrigger.HoldCustomerMeeting,
        _ => throw new System.InvalidOperationException($"{GetType().Name} is not an analysis command of this library."),
    };

    /// <summary>The command's stable name, as rejections report it.</summary>
    public string Name => GetType().Name;
}

/// <summary>Records a fact with its evidence; scenarios it contradicts are eliminated.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="Fact">The fact.</param>
public sealed record RecordFact(IncidentId IncidentId, CommandId CommandId, Actor Actor, Fact Fact) : AnalysisCommand(IncidentId, CommandId, Actor);

/// <summary>Adds a candidate scenario; if a recorded fact already contradicts it, it is eliminated at once.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="Scenario">The scenario.</param>
public sealed record ProposeScenario(IncidentId IncidentId, CommandId CommandId, Actor Actor, Scenario Scenario) : AnalysisCommand(IncidentId, CommandId, Actor);

/// <summary>Records (or replaces) the situation summary.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="Summary">The summary.</param>
public sealed record RecordSituationSummary(IncidentId IncidentId, CommandId CommandId, Actor Actor, SituationSummary Summary) : AnalysisCommand(IncidentId, CommandId, Actor);

/// <summary>Drafts the proposal to the customer; a new draft replaces the previous one and needs a new approval.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="Proposal">The proposal.</param>
public sealed record DraftProposal(IncidentId IncidentId, CommandId CommandId, Actor Actor, Proposal Proposal) : AnalysisCommand(IncidentId, CommandId, Actor);

/// <summary>The customer approves the proposal: its fifth part. Only a customer role may issue it.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
public sealed record ApproveProposal(IncidentId IncidentId, CommandId CommandId, Actor Actor) : AnalysisCommand(IncidentId, CommandId, Actor);

/// <summary>The customer rejects the proposal.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="Reason">Why (often the hidden constraint: the fire department's industrial laundry).</param>
public sealed record RejectProposal(IncidentId IncidentId, CommandId CommandId, Actor Actor, string Reason) : AnalysisCommand(IncidentId, CommandId, Actor);

/// <summary>Records that an action of the approved proposal is being carried out.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="ActionId">The action's id in the proposal.</param>
public sealed record ExecuteProposalAction(IncidentId IncidentId, CommandId CommandId, Actor Actor, string ActionId) : AnalysisCommand(IncidentId, CommandId, Actor);

/// <summary>Schedules a customer meeting with its participants.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="MeetingId">Identifies the meeting.</param>
/// <param name="Participants">Who is invited (the customer, our people, third parties).</param>
public sealed record ScheduleCustomerMeeting(IncidentId IncidentId, CommandId CommandId, Actor Actor, string MeetingId, IReadOnlyList<MeetingParticipant> Participants)
    : AnalysisCommand(IncidentId, CommandId, Actor);

/// <summary>Records the dry run of a customer meeting and who attended it.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="MeetingId">The meeting.</param>
/// <param name="Attendees">Who attended the dry run (person ids).</param>
public sealed record RecordMeetingDryRun(IncidentId IncidentId, CommandId CommandId, Actor Actor, string MeetingId, IReadOnlyList<string> Attendees)
    : AnalysisCommand(IncidentId, CommandId, Actor);

/// <summary>Records that the customer meeting was held, and who attended.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="MeetingId">The meeting.</param>
/// <param name="Attendees">Who attended (person ids, among the participants).</param>
public sealed record HoldCustomerMeeting(IncidentId IncidentId, CommandId CommandId, Actor Actor, string MeetingId, IReadOnlyList<string> Attendees)
    : AnalysisCommand(IncidentId, CommandId, Actor);
