using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Planning;

/// <summary>The stable names of the rules a <see cref="RuleBroken"/> rejection of the analysis refers to.</summary>
public static class AnalysisRules
{
    /// <summary>Required text or values are present.</summary>
    public const string TextRequired = "analysis.text-required";

    /// <summary>Fact, scenario, action and meeting ids are unique within the analysis.</summary>
    public const string IdsUnique = "analysis.ids-unique";

    /// <summary>A fact does not contradict a fact already recorded about the same observation.</summary>
    public const string FactsConsistent = "analysis.facts-consistent";

    /// <summary>The situation summary is valid: chronology, factors with owners, the customer's share disclosed.</summary>
    public const string SummaryDisclosesEverything = "analysis.summary-discloses-everything";

    /// <summary>Facts before remedies: a proposal follows the situation summary and rests on recorded facts.</summary>
    public const string FactsBeforeRemedies = "analysis.facts-before-remedies";

    /// <summary>A proposal has all its drafted parts: facts, conclusions, immediate resolution, prevention.</summary>
    public const string ProposalHasFiveParts = "analysis.proposal-has-five-parts";

    /// <summary>Only a proposal awaiting approval can be approved or rejected.</summary>
    public const string ProposalAwaitingApproval = "analysis.proposal-awaiting-approval";

    /// <summary>Nothing in the proposal executes before the customer approves it (the screen-printing case).</summary>
    public const string ApprovedBeforeExecution = "analysis.approved-before-execution";

    /// <summary>Only an action of the approved proposal executes; an experiment nobody approved is refused.</summary>
    public const string ActionInApprovedProposal = "analysis.action-in-approved-proposal";

    /// <summary>A meeting has participants including the customer, and is known before it is run.</summary>
    public const string MeetingKnown = "analysis.meeting-known";

    /// <summary>When the policy requires it, a dry run with every internal participant precedes the meeting.</summary>
    public const string DryRunBeforeMeeting = "analysis.dry-run-before-meeting";

    /// <summary>When the policy says so, senior management attends the first customer meeting.</summary>
    public const string SeniorManagementAttends = "analysis.senior-management-attends";
}
