using System.Collections.Generic;
using NodaTime;

namespace CustomerAdvocacy.Segmentation;

/// <summary>What segmentation rules look at to classify a customer.</summary>
public sealed record CustomerProfile
{
    /// <summary>Creates a profile.</summary>
    /// <param name="customerId">The customer (opaque host identifier).</param>
    /// <param name="contractTier">The contract tier, for example <c>gold</c>.</param>
    /// <param name="annualValue">The annual contract value, in the host's currency.</param>
    /// <param name="timeZone">The customer's time zone: targets in business time are measured in it.</param>
    public CustomerProfile(string customerId, string contractTier, decimal annualValue, DateTimeZone timeZone)
    {
        CustomerId = Preconditions.CheckNotNullOrWhiteSpace(customerId);
        ContractTier = Preconditions.CheckNotNullOrWhiteSpace(contractTier);
        AnnualValue = annualValue;
        TimeZone = Preconditions.CheckNotNull(timeZone);
    }

    /// <summary>The customer.</summary>
    public string CustomerId { get; }

    /// <summary>The contract tier.</summary>
    public string ContractTier { get; }

    /// <summary>The annual contract value.</summary>
    public decimal AnnualValue { get; }

    /// <summary>The customer's time zone.</summary>
    public DateTimeZone TimeZone { get; }

    /// <summary>Whether the customer is strategic.</summary>
    public bool Strategic { get; init; }

    /// <summary>Whether the relationship is at risk.</summary>
    public bool AtRisk { get; init; }

    /// <summary>How many incidents the customer had recently (the host decides the window).</summary>
    public int RecentIncidentCount { get; init; }

    /// <summary>
    /// The identifier of the customer's business calendar in the host's calendar registry, if it has one
    /// (business hours, holidays; see the scheduling part of the library).
    /// </summary>
    public string? BusinessCalendarId { get; init; }

    /// <summary>The customer's contacts (opaque host identifiers).</summary>
    public IReadOnlyList<string> Contacts { get; init; } = EquatableList<string>.Empty;
}
