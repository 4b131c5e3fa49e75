using System;
using NodaTime;

namespace CustomerAdvocacy.Planning;

/// <summary>Identifies one change plan (one stream of change-plan events).</summary>
/// <param name="Value">The identifier.</param>
public readonly record struct ChangePlanId(Guid Value)
{
    /// <summary>Creates a new random change-plan id.</summary>
    /// <returns>A fresh id.</returns>
    public static ChangePlanId New() => new(Guid.NewGuid());

    /// <inheritdoc />
    public override string ToString() => Value.ToString("D");
}

/// <summary>How much plan a change needs. Every change is a project; the size sets how deep the plan goes.</summary>
public enum ChangePlanSize
{
    /// <summary>A little-"p" project: the basics only (see <see cref="ChangePlanBuilder"/>).</summary>
    Small = 0,

    /// <summary>A big-"P" project: the full plan.</summary>
    Large = 1,
}

/// <summary>Which side a party to a change is on.</summary>
public enum ChangePartyKind
{
    /// <summary>The customer.</summary>
    Customer = 0,

    /// <summary>Us, the provider.</summary>
    Provider = 1,

    /// <summary>A third party: vendor, partner.</summary>
    ThirdParty = 2,
}

/// <summary>A person reachable around the clock during a change.</summary>
public sealed record ChangeContact
{
    /// <summary>Creates a contact.</summary>
    /// <param name="personId">The host's opaque identifier for the person.</param>
    /// <param name="reach">How to reach them 24x7 (phone, pager, on-call alias).</param>
    /// <exception cref="ArgumentException">A value is empty.</exception>
    public ChangeContact(string personId, string reach)
    {
        PersonId = Preconditions.CheckNotNullOrWhiteSpace(personId);
        Reach = Preconditions.CheckNotNullOrWhiteSpace(reach);
    }

    /// <summary>The host's opaque identifier for the person.</summary>
    public string PersonId { get; }

    /// <summary>How to reach them 24x7.</summary>
    public string Reach { get; }
}

/// <summary>A party to a change with its primary and backup 24x7 contacts.</summary>
/// <param name="Kind">Which side the party is on.</param>
/// <param name="Name">The party's name.</param>
/// <param name="Primary">The primary 24x7 contact.</param>
/// <param name="Backup">The backup 24x7 contact, another person than the primary.</param>
public sealed record ChangeParty(ChangePartyKind Kind, string Name, ChangeContact Primary, ChangeContact Backup);

/// <summary>One task of a change: what, who owns it, and when, relative to the start of the change's slot.</summary>
/// <param name="Id">A stable identifier, unique within the plan.</param>
/// <param name="Description">What is done.</param>
/// <param name="OwnerId">Who owns the task.</param>
/// <param name="StartOffset">When it starts, after the start of the slot.</param>
/// <param name="Length">How long it takes.</param>
public sealed record ChangeTask(string Id, string Description, string OwnerId, Duration StartOffset, Duration Length);
