namespace CustomerAdvocacy.Scheduling;

/// <summary>The calendar period whose end a <see cref="PeriodEndBlackout"/> blacks out.</summary>
public enum BlackoutPeriod
{
    /// <summary>Every calendar month.</summary>
    Month = 1,

    /// <summary>Every calendar quarter (ending in March, June, September and December).</summary>
    Quarter = 2,

    /// <summary>Every calendar year.</summary>
    Year = 3,
}
