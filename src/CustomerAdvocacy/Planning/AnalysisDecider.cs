using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Segmentation;
using NodaTime;

namespace CustomerAdvocacy.Planning;

/// <summary>
/// Decides analysis commands: analysis + command + policy + now → events or a typed rejection. Pure and thread-safe.
/// </summary>
/// <remarks>
/// Checks run in this order: a command id already applied is accepted with no new events; the actor's role; then the
/// rules of the command (<see cref="AnalysisRules"/>). Facts come before remedies, the customer approves before
/// anything in the proposal executes, and customer meetings follow the policy's dry-run and senior-management flags.
/// </remarks>
internal static class AnalysisDecider
{
    private static readonly IncidentRole[] Staff =
    {
        IncidentRole.AccountableOwner, IncidentRole.Engineer, IncidentRole.ServiceManager, IncidentRole.SeniorManager, IncidentRole.Executive,
    };

    /// <summary>Whether <paramref name="role"/> may issue a command of type <paramref name="command"/>.</summary>
    /// <param name="role">The role.</param>
    /// <param name="command">The command type.</param>
    /// <returns><see langword="true"/> when allowed: only customer roles approve or reject; third parties record facts and carry out approved actions; our staff do the rest.</returns>
    public static bool IsAllowed(IncidentRole role, Type command)
    {
        Preconditions.CheckNotNull(command);
        if (command == typeof(ApproveProposal) || command == typeof(RejectProposal))
        {
            return role.IsCustomer();
        }

        if (command == typeof(RecordFact) || command == typeof(ExecuteProposalAction))
        {
            return Staff.Contains(role) || role == IncidentRole.ThirdParty;
        }

        return Staff.Contains(role);
    }

    /// <summary>Decides a command against an analysis.</summary>
    /// <param name="analysis">The analysis's current state.</param>
    /// <param name="command">The command; it must be for the same incident.</param>
    /// <param name="policy">The incident's segment policy (its dry-run and senior-management flags).</param>
    /// <param name="now">The current instant, from the host's clock.</param>
    /// <returns>The events to record, or the rejection.</returns>
    /// <exception cref="ArgumentException">The command is for another incident.</exception>
    public static ProcessDecision<AnalysisEvent> Decide(Analysis analysis, AnalysisCommand command, AdvocacyPolicy policy, Instant now)
    {
        Preconditions.CheckNotNull(analysis);
        Preconditions.CheckNotNull(command);
        Preconditions.CheckNotNull(policy);
        if (command.IncidentId != analysis.IncidentId)
        {
            throw new ArgumentException($"Command for incident {command.IncidentId} decided against the analysis of {analysis.IncidentId}.", nameof(command));
        }

        if (analysis.AppliedCommands.Contains(command.CommandId))
        {
            return new ProcessAccepted<AnalysisEvent>(Array.Empty<AnalysisEvent>());
        }

        if (!IsAllowed(command.Actor.Role, command.GetType()))
        {
            return new ProcessRejected<AnalysisEvent>(new NotAuthorized<string>(command.Actor.Role, command.Name, $"The role {command.Actor.Role} may not {command.Name}."));
        }

        var events = new List<AnalysisEvent>();
        var version = analysis.Version;
        EventMetadata Next() => new(analysis.IncidentId, ++version, now, command.Actor, command.CommandId);
        var broken = Apply(analysis, command, policy, events, Next);
        return broken is null
            ? new ProcessAccepted<AnalysisEvent>(events)
            : new ProcessRejected<AnalysisEvent>(broken);
    }

    private static RuleBroken? Apply(Analysis analysis, AnalysisCommand command, AdvocacyPolicy policy, List<AnalysisEvent> events, Func<EventMetadata> next)
    {
        switch (command)
        {
            case RecordFact { Fact: { } fact }:
                if (analysis.Facts.Any(f => f.Id == fact.Id))
                {
                    return Broken(AnalysisRules.IdsUnique, $"The fact id '{fact.Id}' is already recorded.");
                }

                if (analysis.Facts.FirstOrDefault(f => f.Observation == fact.Observation && f.Holds != fact.Holds) is { } conflict)
                {
                    return Broken(AnalysisRules.FactsConsistent, $"The fact '{fact.Id}' contradicts the recorded fact '{conflict.Id}' about '{fact.Observation}'.");
                }

                events.Add(new FactRecorded(next(), fact));
                foreach (var verdict in analysis.Verdicts.Where(v => v.Remains && v.Scenario.IsContradictedBy(fact)))
                {
                    events.Add(new ScenarioEliminated(next(), verdict.Scenario.Id, fact.Id));
                }

                return null;

            case ProposeScenario { Scenario: { } scenario }:
                if (analysis.Scenarios.Any(s => s.Id == scenario.Id))
                {
                    return Broken(AnalysisRules.IdsUnique, $"The scenario id '{scenario.Id}' is already used.");
                }

                events.Add(new ScenarioProposed(next(), scenario));
                if (analysis.Facts.FirstOrDefault(scenario.IsContradictedBy) is { } contradiction)
                {
                    events.Add(new ScenarioEliminated(next(), scenario.Id, contradiction.Id));
                }

                return null;

            case RecordSituationSummary { Summary: { } summary }:
                if (summary.Problems.Count > 0)
                {
                    return Broken(AnalysisRules.SummaryDisclosesEverything, string.Join(" ", summary.Problems.Select(p => p.Message)));
                }

                events.Add(new SituationSummaryRecorded(next(), summary));
                return null;

            case DraftProposal { Proposal: { } proposal }:
                return DraftProposal(analysis, proposal, events, next);

            case ApproveProposal:
                if (analysis.ProposalStatus != ProposalStatus.AwaitingApproval)
                {
                    return Broken(AnalysisRules.ProposalAwaitingApproval, $"No proposal awaits approval (it is {analysis.ProposalStatus}).");
                }

                events.Add(new ProposalApproved(next()));
                return null;

            case RejectProposal c:
                if (string.IsNullOrWhiteSpace(c.Reason))
                {
                    return Broken(AnalysisRules.TextRequired, "A rejected proposal needs the customer's reason.");
                }

                if (analysis.ProposalStatus != ProposalStatus.AwaitingApproval)
                {
                    return Broken(AnalysisRules.ProposalAwaitingApproval, $"No proposal awaits approval (it is {analysis.ProposalStatus}).");
                }

                events.Add(new ProposalRejected(next(), c.Reason));
                return null;

            case ExecuteProposalAction c:
                if (analysis.ProposalStatus != ProposalStatus.Approved)
                {
                    return Broken(AnalysisRules.ApprovedBeforeExecution, $"The customer has not approved a proposal (it is {analysis.ProposalStatus}); nothing executes before approval.");
                }

                if (analysis.Proposal is null || !analysis.Proposal.Actions.Any(a => a.Id == c.ActionId))
                {
                    return Broken(AnalysisRules.ActionInApprovedProposal, $"The action '{c.ActionId}' is not in the approved proposal; the customer must approve it first.");
                }

                events.Add(new ProposalActionExecuted(next(), c.ActionId));
                return null;

            case ScheduleCustomerMeeting c:
                {
                    var participants = c.Participants ?? Array.Empty<MeetingParticipant>();
                    if (string.IsNullOrWhiteSpace(c.MeetingId) || participants.Any(p => p is null || string.IsNullOrWhiteSpace(p.PersonId)))
                    {
                        return Broken(AnalysisRules.TextRequired, "A meeting needs an id and identified participants.");
                    }

                    if (!participants.Any(p => p.Role.IsCustomer()) || !participants.Any(p => p.IsInternal))
                    {
                        return Broken(AnalysisRules.MeetingKnown, "A customer meeting has the customer and at least one of our people among its participants.");
                    }

                    if (analysis.Meetings.Any(m => m.Id == c.MeetingId))
                    {
                        return Broken(AnalysisRules.IdsUnique, $"The meeting id '{c.MeetingId}' is already used.");
                    }

                    events.Add(new CustomerMeetingScheduled(next(), c.MeetingId, EquatableList<MeetingParticipant>.From(participants)));
                    return null;
                }

            case RecordMeetingDryRun c:
                {
                    var meeting = analysis.Meetings.FirstOrDefault(m => m.Id == c.MeetingId);
                    var attendees = c.Attendees ?? Array.Empty<string>();
                    if (meeting is null || meeting.Held)
                    {
                        return Broken(AnalysisRules.MeetingKnown, $"The meeting '{c.MeetingId}' is not scheduled or was already held.");
                    }

                    if (attendees.Count == 0 || attendees.Any(string.IsNullOrWhiteSpace))
                    {
                        return Broken(AnalysisRules.TextRequired, "A dry run names who attended it.");
                    }

                    events.Add(new MeetingDryRunRecorded(next(), c.MeetingId, EquatableList<string>.From(attendees)));
                    return null;
                }

            case HoldCustomerMeeting c:
                return HoldMeeting(analysis, c, policy, events, next);

            default:
                return Broken(AnalysisRules.TextRequired, $"The command {command.Name} lacks its content.");
        }
    }

    private static RuleBroken? DraftProposal(Analysis analysis, Proposal proposal, List<AnalysisEvent> events, Func<EventMetadata> next)
    {
        if (analysis.Summary is null || analysis.Facts.Count == 0)
        {
            return Broken(AnalysisRules.FactsBeforeRemedies, "Facts before remedies: record the facts and the situation summary before proposing anything.");
        }

        var missing = new List<string>();
        if (proposal.FactIds.Count == 0)
        {
            missing.Add("facts");
        }

        if (proposal.Conclusions.Count == 0 || proposal.Conclusions.Any(string.IsNullOrWhiteSpace))
        {
            missing.Add("conclusions");
        }

        if (proposal.ImmediateResolution.Count == 0)
        {
            missing.Add("immediate resolution");
        }

        if (proposal.Prevention.Count == 0)
        {
            missing.Add("prevention");
        }

        if (missing.Count > 0)
        {
            return Broken(AnalysisRules.ProposalHasFiveParts, "The proposal lacks: " + string.Join(", ", missing) + ".");
        }

        if (proposal.FactIds.FirstOrDefault(id => !analysis.Facts.Any(f => f.Id == id)) is { } unknown)
        {
            return Broken(AnalysisRules.FactsBeforeRemedies, $"The proposal cites '{unknown}', which is not a recorded fact.");
        }

        var actions = proposal.Actions.ToList();
        if (actions.Any(a => a is null || string.IsNullOrWhiteSpace(a.Id) || string.IsNullOrWhiteSpace(a.Description)))
        {
            return Broken(AnalysisRules.TextRequired, "Every proposed action has an id and a description.");
        }

        if (actions.GroupBy(a => a.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            return Broken(AnalysisRules.IdsUnique, $"The action id '{twice.Key}' is used twice.");
        }

        events.Add(new ProposalDrafted(next(), proposal));
        return null;
    }

    private static RuleBroken? HoldMeeting(Analysis analysis, HoldCustomerMeeting c, AdvocacyPolicy policy, List<AnalysisEvent> events, Func<EventMetadata> next)
    {
        var meeting = analysis.Meetings.FirstOrDefault(m => m.Id == c.MeetingId);
        var attendees = c.Attendees ?? Array.Empty<string>();
        if (meeting is null || meeting.Held)
        {
            return Broken(AnalysisRules.MeetingKnown, $"The meeting '{c.MeetingId}' is not scheduled or was already held.");
        }

        if (attendees.Count == 0 || attendees.Any(a => !meeting.Participants.Any(p => p.PersonId == a)))
        {
            return Broken(AnalysisRules.MeetingKnown, "A held meeting's attendees are among its participants.");
        }

        if (policy.DryRunRequired)
        {
            if (!meeting.DryRunHeld)
            {
                return Broken(AnalysisRules.DryRunBeforeMeeting, "The policy requires a dry run before the customer meeting.");
            }

            var absent = meeting.MissingFromDryRun.Select(p => p.PersonId).ToList();
            if (absent.Count > 0)
            {
                return Broken(AnalysisRules.DryRunBeforeMeeting, $"Internal participants missed the dry run: {string.Join(", ", absent)}.");
            }
        }

        var first = !analysis.Meetings.Any(m => m.Held);
        var senior = meeting.Participants.Where(p => p.IsSeniorManagement).Select(p => p.PersonId);
        if (policy.SeniorManagementAtFirstMeeting && first && !senior.Intersect(attendees, StringComparer.Ordinal).Any())
        {
            return Broken(AnalysisRules.SeniorManagementAttends, "The policy requires senior management at the first customer meeting.");
        }

        events.Add(new CustomerMeetingHeld(next(), c.MeetingId, EquatableList<string>.From(attendees)));
        return null;
    }

    private static RuleBroken Broken(string rule, string detail) => new(rule, detail);
}
