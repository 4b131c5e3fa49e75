using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Escalation;
using CustomerAdvocacy.Review;
using CustomerAdvocacy.Scheduling;
using CustomerAdvocacy.Segmentation;

namespace CustomerAdvocacy.Incidents;

/// <summary>
/// The rules in force for one incident when a command is decided: its policy version and the customer's business
/// calendar, plus the definitions its sub-processes need. Deciding reads it; folding events never does, because every
/// instant computed from it (due dates, SLA deadlines, ladder time-outs) is written into the events, so a replay needs
/// no context and gives the same state even after the host changed its calendars.
/// </summary>
/// <param name="Policy">The policy version the incident was opened under.</param>
/// <param name="Calendar">The customer's business calendar (its zone is the customer's zone).</param>
public sealed record IncidentContext(AdvocacyPolicy Policy, BusinessCalendar Calendar)
{
    private readonly CommitmentProposalSettings _commitmentProposals = CommitmentProposalSettings.Default;

    /// <summary>The escalation ladder the policy names, when the host defines one.</summary>
    public EscalationLadder? EscalationLadder { get; init; }

    /// <summary>The management-review policy, when the host defines one.</summary>
    public ReviewPolicy? ReviewPolicy { get; init; }

    /// <summary>The customer's blackout windows for change scheduling, when the host defines them.</summary>
    public BlackoutSet? Blackouts { get; init; }

    /// <summary>How due instants are proposed for commitments made without one.</summary>
    /// <exception cref="System.ArgumentNullException">The value is null.</exception>
    public CommitmentProposalSettings CommitmentProposals
    {
        get => _commitmentProposals;
        init => _commitmentProposals = Preconditions.CheckNotNull(value);
    }
}
