using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Incidents;

/// <summary>The stable names of the rules that tie the sub-processes to the incident's lifecycle (see <see cref="RuleBroken.Rule"/>).</summary>
public static class IncidentProcessRules
{
    /// <summary>The incident's context lacks what the process needs (an escalation ladder, a review policy).</summary>
    public const string ContextRequired = "incident.process-context-required";

    /// <summary>A sub-process command names a change plan or communication the incident does not have, or drafts one twice.</summary>
    public const string ProcessMustExist = "incident.process-must-exist";

    /// <summary>The incident closes only when every change plan is confirmed by the customer (the Saturday patch).</summary>
    public const string ChangePlansConfirmed = "incident.change-plans-confirmed";

    /// <summary>Execution starts only after the customer approved the analysis's proposal, when one was drafted.</summary>
    public const string ProposalApprovedBeforeExecution = "incident.proposal-approved-before-execution";

    /// <summary>The management review reviews the incident's own closure.</summary>
    public const string ReviewOfThisClosure = "incident.review-of-this-closure";

    /// <summary>The lifecycle's review step completes only when a started management review is complete.</summary>
    public const string ManagementReviewComplete = "incident.management-review-complete";
}
