using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Escalation;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Planning;
using CustomerAdvocacy.Review;

namespace CustomerAdvocacy.Incidents;

/// <summary>Helpers on <see cref="IncidentTrigger"/>.</summary>
public static class IncidentTriggerExtensions
{
    /// <summary>Whether the trigger is a sub-process's (escalation, analysis, trial, change plan, communication, management review) rather than the lifecycle's.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <returns><see langword="true"/> for sub-process triggers; they never move the lifecycle state.</returns>
    public static bool IsSubProcess(this IncidentTrigger trigger) => (int)trigger >= (int)IncidentTrigger.RaiseEscalation;
}

/// <summary>
/// The sub-process rows of the <see cref="AuthorizationTable"/>, taken from each process's own role rule so the table
/// and the process deciders cannot disagree. The deciders add what a role table cannot say: who the person is (the
/// plan's owner, the named successor, the draft's producer) and the level an acknowledgement is made at.
/// </summary>
internal static class IncidentProcessAuthorization
{
    private static readonly IncidentRole[] Roles = Enum.GetValues(typeof(IncidentRole)).Cast<IncidentRole>().ToArray();

    internal static IEnumerable<(IncidentTrigger Trigger, IncidentRole[] Roles)> Rows()
    {
        foreach (EscalationTrigger t in Enum.GetValues(typeof(EscalationTrigger)))
        {
            yield return (IncidentTrigger.RaiseEscalation + (int)t, Where(r => EscalationAuthorization.IsAllowed(r, t)));
        }

        var analysis = new (IncidentTrigger, Type)[]
        {
            (IncidentTrigger.RecordFact, typeof(RecordFact)),
            (IncidentTrigger.ProposeScenario, typeof(ProposeScenario)),
            (IncidentTrigger.RecordSituationSummary, typeof(RecordSituationSummary)),
            (IncidentTrigger.DraftProposal, typeof(DraftProposal)),
            (IncidentTrigger.ApproveProposal, typeof(ApproveProposal)),
            (IncidentTrigger.RejectProposal, typeof(RejectProposal)),
            (IncidentTrigger.ExecuteProposalAction, typeof(ExecuteProposalAction)),
            (IncidentTrigger.ScheduleCustomerMeeting, typeof(ScheduleCustomerMeeting)),
            (IncidentTrigger.RecordMeetingDryRun, typeof(RecordMeetingDryRun)),
            (IncidentTrigger.HoldCustomerMeeting, typeof(HoldCustomerMeeting)),
        };
        foreach (var (trigger, type) in analysis)
        {
            yield return (trigger, Where(r => AnalysisDecider.IsAllowed(r, type)));
        }

        foreach (MitigationTrialTrigger t in Enum.GetValues(typeof(MitigationTrialTrigger)))
        {
            yield return (IncidentTrigger.OfferMitigationTrial + (int)t, Where(r => MitigationTrialDecider.IsAllowed(r, t)));
        }

        foreach (ReviewTrigger t in Enum.GetValues(typeof(ReviewTrigger)))
        {
            yield return (IncidentTrigger.StartManagementReview + (int)t, Where(r => ReviewDecider.IsAllowed(r, t)));
        }

        yield return (IncidentTrigger.DraftChangePlan, new[] { IncidentRole.AccountableOwner });
        foreach (ChangePlanTrigger t in Enum.GetValues(typeof(ChangePlanTrigger)))
        {
            yield return (IncidentTrigger.ReviewChangePlanWithCustomer + (int)t, t switch
            {
                ChangePlanTrigger.ConfirmAllIsWell => Where(r => r.IsCustomer()),
                ChangePlanTrigger.Leave => Where(r => !r.IsCustomer()),
                _ => new[] { IncidentRole.AccountableOwner },
            });
        }

        foreach (CommunicationTrigger t in Enum.GetValues(typeof(CommunicationTrigger)))
        {
            yield return (IncidentTrigger.DraftCommunication + (int)t, t == CommunicationTrigger.Release
                ? Where(CommunicationDecider.IsAccountTeam)
                : Where(r => !r.IsCustomer()));
        }
    }

    private static IncidentRole[] Where(Func<IncidentRole, bool> allowed) => Roles.Where(allowed).ToArray();
}
