using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace CustomerAdvocacy.Scheduling;

/// <summary>How an <see cref="SlaTarget"/> counts time.</summary>
public enum SlaMeasure
{
    /// <summary>Only time inside the open periods of the party's <see cref="BusinessCalendar"/> counts.</summary>
    BusinessTime = 0,

    /// <summary>Every elapsed second counts (24x7), whatever the calendar's hours.</summary>
    AroundTheClock = 1,
}

/// <summary>
/// A service-level target: how long something may take (<see cref="Duration"/>), whether that is counted in business
/// time or around the clock (<see cref="Measure"/>), and the share of it after which a warning is due
/// (<see cref="WarningShare"/>). Immutable; equal when all three are equal.
/// </summary>
/// <remarks>
/// The target names no calendar: the calendar belongs to the customer and is supplied when a <see cref="SlaClock"/>
/// starts, so the same policy target serves every customer of a segment.
/// </remarks>
public sealed class SlaTarget : IEquatable<SlaTarget>
{
    /// <summary>The warning share used when none is given: 75 % of the target.</summary>
    public const double DefaultWarningShare = 0.75;

    /// <summary>The longest target accepted: 100 years of 365 days, far beyond any service level.</summary>
    public static readonly Duration MaximumDuration = Duration.FromDays(36_500);

    /// <summary>Creates a target, validating every argument at once.</summary>
    /// <param name="duration">How long is allowed; positive and at most <see cref="MaximumDuration"/>.</param>
    /// <param name="measure">Whether the duration is business time or around-the-clock time.</param>
    /// <param name="warningShare">The share of <paramref name="duration"/> after which a warning is due, strictly
    /// between 0 and 1 (0.75 for 75 %).</param>
    /// <exception cref="DefinitionValidationException">One or more arguments are invalid; every problem is listed,
    /// with the argument's name as its path.</exception>
    public SlaTarget(Duration duration, SlaMeasure measure, double warningShare = DefaultWarningShare)
    {
        var problems = Validate(duration, measure, warningShare);
        if (problems.Count > 0)
        {
            throw new DefinitionValidationException("SLA target", problems);
        }

        Duration = duration;
        Measure = measure;
        WarningShare = warningShare;
        WarningDuration = Duration.FromNanoseconds(
            (long)Math.Round(duration.ToInt64Nanoseconds() * (decimal)warningShare, MidpointRounding.AwayFromZero));
    }

    /// <summary>How long is allowed, counted as <see cref="Measure"/> says.</summary>
    public Duration Duration { get; }

    /// <summary>Whether <see cref="Duration"/> is business time or around-the-clock time.</summary>
    public SlaMeasure Measure { get; }

    /// <summary>The share of <see cref="Duration"/> after which a warning is due, strictly between 0 and 1.</summary>
    public double WarningShare { get; }

    /// <summary><see cref="WarningShare"/> of <see cref="Duration"/>, rounded to the nanosecond.</summary>
    public Duration WarningDuration { get; }

    /// <summary>A target of <paramref name="duration"/> in the party's business time.</summary>
    /// <exception cref="DefinitionValidationException">An argument is invalid.</exception>
    public static SlaTarget InBusinessTime(Duration duration, double warningShare = DefaultWarningShare)
        => new(duration, SlaMeasure.BusinessTime, warningShare);

    /// <summary>A target of <paramref name="duration"/> counted around the clock.</summary>
    /// <exception cref="DefinitionValidationException">An argument is invalid.</exception>
    public static SlaTarget AroundTheClock(Duration duration, double warningShare = DefaultWarningShare)
        => new(duration, SlaMeasure.AroundTheClock, warningShare);

    /// <summary>
    /// Every problem with the given values, each with the argument's name as its path; empty when they make a valid
    /// target. Lets a loader report these problems together with its own.
    /// </summary>
    public static IReadOnlyList<ValidationProblem> Validate(Duration duration, SlaMeasure measure, double warningShare)
    {
        var problems = new List<ValidationProblem>();
        if (duration <= Duration.Zero)
        {
            problems.Add(new ValidationProblem(nameof(duration), $"The target must be positive; it is {duration}."));
        }
        else if (duration > MaximumDuration)
        {
            problems.Add(new ValidationProblem(nameof(duration), $"The target {duration} is longer than the maximum {MaximumDuration}."));
        }

        if (measure is not (SlaMeasure.BusinessTime or SlaMeasure.AroundTheClock))
        {
            problems.Add(new ValidationProblem(nameof(measure), $"'{measure}' is not a known measure."));
        }

        if (double.IsNaN(warningShare) || warningShare <= 0 || warningShare >= 1)
        {
            problems.Add(new ValidationProblem(
                nameof(warningShare),
                $"The warning share must be strictly between 0 and 1 (0.75 for 75 %); it is {warningShare.ToString(CultureInfo.InvariantCulture)}."));
        }

        return problems;
    }

    /// <summary>The calendar the target is counted in for a party whose calendar is <paramref name="partyCalendar"/>:
    /// that calendar for business time, a 24x7 calendar in the same zone around the clock.</summary>
    public BusinessCalendar CalendarFor(BusinessCalendar partyCalendar)
    {
        Preconditions.CheckNotNull(partyCalendar);
        return Measure == SlaMeasure.AroundTheClock && !partyCalendar.IsAroundTheClock
            ? BusinessCalendar.AroundTheClock(partyCalendar.Zone)
            : partyCalendar;
    }

    /// <inheritdoc />
    public bool Equals(SlaTarget? other)
        => other is not null
            && Duration == other.Duration
            && Measure == other.Measure
            && WarningShare.Equals(other.WarningShare);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SlaTarget);

    /// <inheritdoc />
    public override int GetHashCode() => (Duration, Measure, WarningShare).GetHashCode();

    /// <inheritdoc />
    public override string ToString()
        => FormattableString.Invariant(
            $"{SlaFormat.Duration(Duration)} {(Measure == SlaMeasure.BusinessTime ? "business time" : "around the clock")}, warning at {WarningShare * 100:0.##} %");
}
