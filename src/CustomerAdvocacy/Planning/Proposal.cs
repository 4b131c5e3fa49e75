using System.Collections.Generic;
using System.Linq;

namespace CustomerAdvocacy.Planning;

/// <summary>One action the proposal asks the customer to approve.</summary>
/// <param name="Id">Identifies the action within the proposal.</param>
/// <param name="Description">What will be done.</param>
public sealed record ProposalAction(string Id, string Description);

/// <summary>Where a proposal stands with the customer.</summary>
public enum ProposalStatus
{
    /// <summary>No proposal has been drafted.</summary>
    None = 0,

    /// <summary>Drafted and awaiting the customer's approval; nothing in it may execute.</summary>
    AwaitingApproval = 1,

    /// <summary>The customer approved it; its actions may execute.</summary>
    Approved = 2,

    /// <summary>The customer rejected it; a new proposal is needed.</summary>
    Rejected = 3,
}

/// <summary>
/// The proposal to the customer, in five parts: facts, conclusions, immediate resolution, prevention, and approval.
/// The first four are drafted here; the fifth is the customer's, recorded by <see cref="ApproveProposal"/>.
/// </summary>
public sealed record Proposal
{
    /// <summary>Creates a proposal.</summary>
    /// <param name="factIds">The recorded facts it rests on.</param>
    /// <param name="conclusions">What the facts lead to.</param>
    /// <param name="immediateResolution">What will be done now to resolve the incident.</param>
    /// <param name="prevention">What will be done so that it does not recur.</param>
    public Proposal(IEnumerable<string> factIds, IEnumerable<string> conclusions, IEnumerable<ProposalAction> immediateResolution, IEnumerable<ProposalAction> prevention)
    {
        FactIds = EquatableList<string>.From(Preconditions.CheckNotNull(factIds));
        Conclusions = EquatableList<string>.From(Preconditions.CheckNotNull(conclusions));
        ImmediateResolution = EquatableList<ProposalAction>.From(Preconditions.CheckNotNull(immediateResolution));
        Prevention = EquatableList<ProposalAction>.From(Preconditions.CheckNotNull(prevention));
    }

    /// <summary>Part 1: the recorded facts it rests on.</summary>
    public IReadOnlyList<string> FactIds { get; }

    /// <summary>Part 2: what the facts lead to.</summary>
    public IReadOnlyList<string> Conclusions { get; }

    /// <summary>Part 3: the immediate resolution.</summary>
    public IReadOnlyList<ProposalAction> ImmediateResolution { get; }

    /// <summary>Part 4: prevention.</summary>
    public IReadOnlyList<ProposalAction> Prevention { get; }

    /// <summary>Every action of the proposal: immediate resolution, then prevention.</summary>
    public IEnumerable<ProposalAction> Actions => ImmediateResolution.Concat(Prevention);
}
