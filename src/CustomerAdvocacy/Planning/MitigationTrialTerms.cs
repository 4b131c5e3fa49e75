using System;
using System.Collections.Generic;
using CustomerAdvocacy.Scheduling;
using NodaTime;

namespace CustomerAdvocacy.Planning;

/// <summary>How a trial's days are counted.</summary>
public enum TrialDayKind
{
    /// <summary>Calendar days in the customer's zone, at the same local time of day.</summary>
    CalendarDays = 0,

    /// <summary>Business days of the customer's calendar (<see cref="BusinessCalendar.AddBusinessDays"/>).</summary>
    BusinessDays = 1,
}

/// <summary>How long a mitigation trial runs.</summary>
public readonly record struct TrialLength
{
    /// <summary>Creates a trial length.</summary>
    /// <param name="days">The number of days; positive.</param>
    /// <param name="kind">How the days are counted.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is not positive.</exception>
    public TrialLength(int days, TrialDayKind kind)
    {
        Days = days > 0 ? days : throw new ArgumentOutOfRangeException(nameof(days), days, "A trial lasts at least one day.");
        Kind = kind;
    }

    /// <summary>The usual trial: 90 calendar days.</summary>
    public static TrialLength Default { get; } = new(90, TrialDayKind.CalendarDays);

    /// <summary>The number of days.</summary>
    public int Days { get; }

    /// <summary>How the days are counted.</summary>
    public TrialDayKind Kind { get; }

    /// <summary>
    /// The instant <paramref name="days"/> days of this kind after <paramref name="start"/> in <paramref name="calendar"/>:
    /// calendar days keep the local time of day in the calendar's zone (a skipped local time moves forward, an
    /// ambiguous one takes the earlier instant); business days follow <see cref="BusinessCalendar.AddBusinessDays"/>.
    /// </summary>
    /// <param name="calendar">The customer's calendar.</param>
    /// <param name="start">The trial's start.</param>
    /// <param name="days">How many days after the start; not negative.</param>
    /// <returns>The instant.</returns>
    public Instant After(BusinessCalendar calendar, Instant start, int days)
    {
        Preconditions.CheckNotNull(calendar);
        Preconditions.CheckNonNegative(days);
        if (Kind == TrialDayKind.BusinessDays)
        {
            return calendar.AddBusinessDays(start, days);
        }

        var local = start.InZone(calendar.Zone).LocalDateTime.PlusDays(days);
        return local.InZoneLeniently(calendar.Zone).ToInstant();
    }
}

/// <summary>
/// The return-on-investment case for a mitigation, argued from the incident's impact: customer satisfaction,
/// employee morale, image, revenue and lost opportunity, against the service's cost.
/// </summary>
/// <param name="CustomerSatisfaction">How the incident affected the customer's own customers.</param>
/// <param name="EmployeeMorale">How it affected the customer's staff.</param>
/// <param name="Image">How it affected the customer's image.</param>
/// <param name="RevenueLost">Revenue the incident cost, in <paramref name="Currency"/>.</param>
/// <param name="LostOpportunity">Opportunity the incident cost, in <paramref name="Currency"/>.</param>
/// <param name="ServiceCost">What the service costs for the same period, in <paramref name="Currency"/>.</param>
/// <param name="Currency">The ISO 4217 currency code of the amounts.</param>
public sealed record MitigationRoiCase(string CustomerSatisfaction, string EmployeeMorale, string Image, decimal RevenueLost, decimal LostOpportunity, decimal ServiceCost, string Currency)
{
    /// <summary>(revenue lost + lost opportunity − cost) / cost; <see langword="null"/> when the service costs nothing.</summary>
    public decimal? ReturnOnInvestment => ServiceCost > 0 ? (RevenueLost + LostOpportunity - ServiceCost) / ServiceCost : null;

    /// <summary>Everything missing or wrong in the case, all at once; empty when it is complete.</summary>
    public IReadOnlyList<ValidationProblem> Problems
    {
        get
        {
            var problems = new List<ValidationProblem>();
            void Text(string? value, string path)
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    problems.Add(new ValidationProblem(path, "The ROI case states this impact of the incident."));
                }
            }

            Text(CustomerSatisfaction, "customerSatisfaction");
            Text(EmployeeMorale, "employeeMorale");
            Text(Image, "image");
            Text(Currency, "currency");
            foreach (var (amount, path) in new[] { (RevenueLost, "revenueLost"), (LostOpportunity, "lostOpportunity"), (ServiceCost, "serviceCost") })
            {
                if (amount < 0)
                {
                    problems.Add(new ValidationProblem(path, "The amount must not be negative."));
                }
            }

            return problems;
        }
    }
}

/// <summary>A reminder before a trial ends.</summary>
/// <param name="DaysBeforeEnd">How many trial days before the end.</param>
/// <param name="DueAt">When it is due.</param>
public sealed record TrialReminder(int DaysBeforeEnd, Instant DueAt);

/// <summary>Where a mitigation trial stands.</summary>
public enum MitigationTrialState
{
    /// <summary>Nothing offered yet.</summary>
    NotOffered = 0,

    /// <summary>Offered to the customer with its ROI case.</summary>
    Offered = 1,

    /// <summary>The customer declined the offer.</summary>
    Declined = 2,

    /// <summary>Running until its end.</summary>
    Active = 3,

    /// <summary>The customer bought the service.</summary>
    Purchased = 4,

    /// <summary>Switched off at the end; the customer was told the risk returns.</summary>
    SwitchedOff = 5,
}

/// <summary>What moves a mitigation trial.</summary>
public enum MitigationTrialTrigger
{
    /// <summary>Offer the trial.</summary>
    Offer = 0,

    /// <summary>The customer accepts; the trial starts.</summary>
    Accept = 1,

    /// <summary>The customer declines.</summary>
    Decline = 2,

    /// <summary>A reminder before the end was sent.</summary>
    Remind = 3,

    /// <summary>The customer buys the service.</summary>
    Purchase = 4,

    /// <summary>The trial ends without a purchase; the service is switched off and the risk notice recorded.</summary>
    SwitchOff = 5,
}
