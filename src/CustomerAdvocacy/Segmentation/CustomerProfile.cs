using System.Collections.Generic;
using CustomerAdvocacy.Scheduling;
using NodaTime;

namespace CustomerAdvocacy.Segmentation;

/// <summary>What segmentation rules look at to classify a customer.</summary>
public sealed record CustomerProfile
{
    /// <summary>Creates a profile.</summary>
    /// <param name="customerId">The customer (opaque host identifier).</param>
    /// <param name="contractTier">The contract tier, for example <c>gold</c>.</param>
    /// <param name="annualValue">The annual contract value, in the host's currency.</param>
    /// <param name="timeZone">The customer's time zone.</param>
    /// <param name="calendar">
    /// The customer's business calendar: deadlines in business time are computed in it. Its zone must be
    /// <paramref name="timeZone"/>, so a deadline can never be computed in one zone and shown in another.
    /// </param>
    /// <exception cref="System.ArgumentNullException">An argument is null.</exception>
    /// <exception cref="System.ArgumentException">
    /// <paramref name="customerId"/> or <paramref name="contractTier"/> is blank, or the calendar's zone is not
    /// <paramref name="timeZone"/>.
    /// </exception>
    public CustomerProfile(string customerId, string contractTier, decimal annualValue, DateTimeZone timeZone, BusinessCalendar calendar)
    {
        CustomerId = Preconditions.CheckNotNullOrWhiteSpace(customerId);
        ContractTier = Preconditions.CheckNotNullOrWhiteSpace(contractTier);
        AnnualValue = annualValue;
        TimeZone = Preconditions.CheckNotNull(timeZone);
        Calendar = Preconditions.CheckNotNull(calendar);
        if (!string.Equals(calendar.Zone.Id, timeZone.Id, System.StringComparison.Ordinal))
        {
            throw new System.ArgumentException(
                $"The customer's calendar is in {calendar.Zone.Id}, but the customer's time zone is {timeZone.Id}; the calendar's zone is the customer's zone.",
                nameof(calendar));
        }
    }

    /// <summary>The customer.</summary>
    public string CustomerId { get; }

    /// <summary>The contract tier.</summary>
    public string ContractTier { get; }

    /// <summary>The annual contract value.</summary>
    public decimal AnnualValue { get; }

    /// <summary>The customer's time zone (the zone of <see cref="Calendar"/>).</summary>
    public DateTimeZone TimeZone { get; }

    /// <summary>The customer's business calendar.</summary>
    public BusinessCalendar Calendar { get; }

    /// <summary>The customer's blackout windows for change scheduling, if any.</summary>
    public BlackoutSet? Blackouts { get; init; }

    /// <summary>Whether the customer is strategic.</summary>
    public bool Strategic { get; init; }

    /// <summary>Whether the relationship is at risk.</summary>
    public bool AtRisk { get; init; }

    /// <summary>How many incidents the customer had recently (the host decides the window).</summary>
    public int RecentIncidentCount { get; init; }

    /// <summary>The customer's contacts (opaque host identifiers).</summary>
    public IReadOnlyList<string> Contacts { get; init; } = EquatableList<string>.Empty;
}
