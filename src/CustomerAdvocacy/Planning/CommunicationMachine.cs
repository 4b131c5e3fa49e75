using System;
using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Planning;

/// <summary>Identifies one result meant for the customer (one stream of communication events).</summary>
/// <param name="Value">The identifier.</param>
public readonly record struct CommunicationId(Guid Value)
{
    /// <summary>Creates a new random id.</summary>
    /// <returns>A fresh id.</returns>
    public static CommunicationId New() => new(Guid.NewGuid());

    /// <inheritdoc />
    public override string ToString() => Value.ToString("D");
}

/// <summary>What kind of result is meant for the customer.</summary>
public enum CommunicationKind
{
    /// <summary>An audit, such as a monitoring audit.</summary>
    Audit = 0,

    /// <summary>A report.</summary>
    Report = 1,

    /// <summary>An analysis.</summary>
    Analysis = 2,
}

/// <summary>Where a result meant for the customer is on its way to them.</summary>
public enum CommunicationState
{
    /// <summary>Nothing drafted yet.</summary>
    NotDrafted = 0,

    /// <summary>Produced, by anyone; not for the customer's eyes yet.</summary>
    Draft = 1,

    /// <summary>With the account team for internal review and next steps.</summary>
    InternalReview = 2,

    /// <summary>Released to the customer in context by the account team, as a recorded conversation.</summary>
    Released = 3,

    /// <summary>Withdrawn; it never reaches the customer.</summary>
    Withdrawn = 4,
}

/// <summary>What a communication command asks the machine to do.</summary>
public enum CommunicationTrigger
{
    /// <summary>Record a draft.</summary>
    Draft = 0,

    /// <summary>Send the draft to the account team for internal review.</summary>
    SubmitForReview = 1,

    /// <summary>Release it to the customer.</summary>
    Release = 2,

    /// <summary>Withdraw it.</summary>
    Withdraw = 3,
}

/// <summary>The communication machine: one immutable <see cref="ProcessMachine{TState, TTrigger}"/> definition; the decider asks it what is permitted and the fold where each event leads.</summary>
internal static class CommunicationMachine
{
    internal static ProcessMachine<CommunicationState, CommunicationTrigger> Definition { get; } = new(new[]
    {
        (CommunicationState.NotDrafted, CommunicationTrigger.Draft, CommunicationState.Draft),
        (CommunicationState.Draft, CommunicationTrigger.SubmitForReview, CommunicationState.InternalReview),
        (CommunicationState.InternalReview, CommunicationTrigger.Release, CommunicationState.Released),
        (CommunicationState.Draft, CommunicationTrigger.Withdraw, CommunicationState.Withdrawn),
        (CommunicationState.InternalReview, CommunicationTrigger.Withdraw, CommunicationState.Withdrawn),
    });
}
