using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Scheduling;
using NodaTime;

namespace CustomerAdvocacy.Escalation;

/// <summary>
/// What the trigger rules look at, as the host observes it at <see cref="Now"/>. Every part is optional: a rule whose
/// input is absent does not fire.
/// </summary>
public sealed record EscalationObservation
{
    /// <summary>Creates an observation at an instant.</summary>
    /// <param name="now">The instant observed.</param>
    public EscalationObservation(Instant now) => Now = now;

    /// <summary>The instant observed.</summary>
    public Instant Now { get; }

    /// <summary>The first-response SLA clock read at <see cref="Now"/>.</summary>
    public SlaClockReading? FirstResponse { get; init; }

    /// <summary>The update SLA clock read at <see cref="Now"/>.</summary>
    public SlaClockReading? Update { get; init; }

    /// <summary>The ids of the incident's commitments recorded as missed.</summary>
    public IReadOnlyList<string> MissedCommitmentIds { get; init; } = Array.Empty<string>();

    /// <summary>When the customer asked for an escalation, if they did.</summary>
    public Instant? CustomerAskedAt { get; init; }

    /// <summary>The business impact as the host scores it (same unit as <see cref="BusinessImpactRule.Threshold"/>).</summary>
    public decimal? BusinessImpact { get; init; }

    /// <summary>When the customer's earlier incidents were opened (any order).</summary>
    public IReadOnlyList<Instant> PreviousIncidentsOpenedAt { get; init; } = Array.Empty<Instant>();

    /// <summary>Since when the oldest customer contact has been waiting for an answer, if one is waiting.</summary>
    public Instant? OldestUnansweredContactAt { get; init; }

    /// <summary>Whether the customer disputes the contract itself.</summary>
    public bool ContractDisputed { get; init; }
}

/// <summary>A trigger that fired: its kind and why, in words.</summary>
/// <param name="Kind">The trigger.</param>
/// <param name="Detail">Why it fired.</param>
public sealed record EscalationSignal(EscalationTriggerKind Kind, string Detail);

/// <summary>One typed rule that decides whether a trigger fires for an observation. Immutable.</summary>
public abstract class EscalationTriggerRule
{
    private protected EscalationTriggerRule()
    {
    }

    /// <summary>The kinds of trigger the rule can fire.</summary>
    public abstract IReadOnlyList<EscalationTriggerKind> Kinds { get; }

    /// <summary>Evaluates the rule.</summary>
    /// <param name="observation">What the host observes.</param>
    /// <returns>The signal, or <see langword="null"/> when the rule does not fire.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="observation"/> is null.</exception>
    public EscalationSignal? Evaluate(EscalationObservation observation) => Fire(Preconditions.CheckNotNull(observation));

    private protected abstract EscalationSignal? Fire(EscalationObservation observation);
}

/// <summary>Which SLA an <see cref="SlaTriggerRule"/> watches.</summary>
public enum SlaKind
{
    /// <summary>The first-response target.</summary>
    FirstResponse = 0,

    /// <summary>The update target.</summary>
    Update = 1,
}

/// <summary>
/// Fires when an SLA is breached, or, before the breach, when its warning point has passed
/// (<see cref="SlaClockReading.WarningAt"/>).
/// </summary>
public sealed class SlaTriggerRule : EscalationTriggerRule
{
    /// <summary>Creates the rule.</summary>
    /// <param name="sla">The SLA watched.</param>
    /// <param name="warnBeforeBreach">Whether the warning fires before the breach.</param>
    public SlaTriggerRule(SlaKind sla, bool warnBeforeBreach = true)
    {
        Sla = sla;
        WarnBeforeBreach = warnBeforeBreach;
    }

    /// <summary>The SLA watched.</summary>
    public SlaKind Sla { get; }

    /// <summary>Whether the warning fires before the breach.</summary>
    public bool WarnBeforeBreach { get; }

    /// <inheritdoc />
    public override IReadOnlyList<EscalationTriggerKind> Kinds => Sla == SlaKind.FirstResponse
        ? new[] { EscalationTriggerKind.FirstResponseWarning, EscalationTriggerKind.FirstResponseBreached }
        : new[] { EscalationTriggerKind.UpdateWarning, EscalationTriggerKind.UpdateBreached };

    private protected override EscalationSignal? Fire(EscalationObservation observation)
    {
        var reading = Sla == SlaKind.FirstResponse ? observation.FirstResponse : observation.Update;
        if (reading is null)
        {
            return null;
        }

        var name = Sla == SlaKind.FirstResponse ? "first-response" : "update";
        if (reading.BreachedAt is { } breached && reading.Status != SlaClockStatus.Cancelled)
        {
            return new EscalationSignal(Kinds[1], $"The {name} target was breached at {breached}.");
        }

        var live = reading.Status is SlaClockStatus.Running or SlaClockStatus.Paused;
        return WarnBeforeBreach && live && reading.IsWarningReached
            ? new EscalationSignal(Kinds[0], $"The {name} target is due at {reading.Due}; its warning point {reading.WarningAt} has passed.")
            : null;
    }
}

/// <summary>Fires when a commitment was missed.</summary>
public sealed class CommitmentMissedRule : EscalationTriggerRule
{
    /// <inheritdoc />
    public override IReadOnlyList<EscalationTriggerKind> Kinds { get; } = new[] { EscalationTriggerKind.CommitmentMissed };

    private protected override EscalationSignal? Fire(EscalationObservation observation)
        => observation.MissedCommitmentIds.Count == 0
            ? null
            : new EscalationSignal(EscalationTriggerKind.CommitmentMissed, "Missed commitments: " + string.Join(", ", observation.MissedCommitmentIds) + ".");
}

/// <summary>Fires when the customer asked for an escalation.</summary>
public sealed class CustomerRequestRule : EscalationTriggerRule
{
    /// <inheritdoc />
    public override IReadOnlyList<EscalationTriggerKind> Kinds { get; } = new[] { EscalationTriggerKind.CustomerRequest };

    private protected override EscalationSignal? Fire(EscalationObservation observation)
        => observation.CustomerAskedAt is { } at && at <= observation.Now
            ? new EscalationSignal(EscalationTriggerKind.CustomerRequest, $"The customer asked for an escalation at {at}.")
            : null;
}

/// <summary>Fires when the business impact is above the segment's threshold (strictly).</summary>
public sealed class BusinessImpactRule : EscalationTriggerRule
{
    /// <summary>Creates the rule.</summary>
    /// <param name="threshold">The segment's threshold.</param>
    public BusinessImpactRule(decimal threshold) => Threshold = threshold;

    /// <summary>The segment's threshold; an impact above it fires.</summary>
    public decimal Threshold { get; }

    /// <inheritdoc />
    public override IReadOnlyList<EscalationTriggerKind> Kinds { get; } = new[] { EscalationTriggerKind.BusinessImpact };

    private protected override EscalationSignal? Fire(EscalationObservation observation)
        => observation.BusinessImpact is { } impact && impact > Threshold
            ? new EscalationSignal(EscalationTriggerKind.BusinessImpact, $"The business impact {impact} is above the segment's threshold {Threshold}.")
            : null;
}

/// <summary>
/// Fires when the customer had at least <see cref="Count"/> earlier incidents opened within <see cref="Window"/>
/// (elapsed time) before the observation.
/// </summary>
public sealed class RepeatIncidentsRule : EscalationTriggerRule
{
    /// <summary>Creates the rule.</summary>
    /// <param name="count">How many earlier incidents within the window fire it; at least 1.</param>
    /// <param name="window">How far back to look; positive.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1 or <paramref name="window"/> is not positive.</exception>
    public RepeatIncidentsRule(int count, Duration window)
    {
        Count = count >= 1 ? count : throw new ArgumentOutOfRangeException(nameof(count), count, "At least one earlier incident.");
        Window = Preconditions.CheckPositive(window);
    }

    /// <summary>How many earlier incidents within the window fire it.</summary>
    public int Count { get; }

    /// <summary>How far back to look.</summary>
    public Duration Window { get; }

    /// <inheritdoc />
    public override IReadOnlyList<EscalationTriggerKind> Kinds { get; } = new[] { EscalationTriggerKind.RepeatIncidents };

    private protected override EscalationSignal? Fire(EscalationObservation observation)
    {
        var since = observation.Now - Window;
        var recent = observation.PreviousIncidentsOpenedAt.Count(at => at > since && at <= observation.Now);
        return recent >= Count
            ? new EscalationSignal(EscalationTriggerKind.RepeatIncidents, $"{recent} earlier incidents within {SlaFormat.Duration(Window)}.")
            : null;
    }
}

/// <summary>
/// Fires when a customer contact has waited for an answer for at least <see cref="Limit"/> of business time in
/// <see cref="Calendar"/> (avoidance: the customer feels ignored).
/// </summary>
public sealed class AvoidanceRule : EscalationTriggerRule
{
    /// <summary>Creates the rule.</summary>
    /// <param name="limit">How long a contact may wait; positive.</param>
    /// <param name="calendar">The calendar the wait is counted in.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is not positive.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    public AvoidanceRule(Duration limit, BusinessCalendar calendar)
    {
        Limit = Preconditions.CheckPositive(limit);
        Calendar = Preconditions.CheckNotNull(calendar);
    }

    /// <summary>How long a contact may wait.</summary>
    public Duration Limit { get; }

    /// <summary>The calendar the wait is counted in.</summary>
    public BusinessCalendar Calendar { get; }

    /// <inheritdoc />
    public override IReadOnlyList<EscalationTriggerKind> Kinds { get; } = new[] { EscalationTriggerKind.Avoidance };

    /// <summary>When a contact waiting since <paramref name="since"/> makes the rule fire.</summary>
    /// <param name="since">When the contact came in.</param>
    /// <returns><see cref="Limit"/> of business time after it.</returns>
    public Instant DueAt(Instant since) => Calendar.Add(since, Limit);

    private protected override EscalationSignal? Fire(EscalationObservation observation)
        => observation.OldestUnansweredContactAt is { } since && since <= observation.Now && DueAt(since) <= observation.Now
            ? new EscalationSignal(EscalationTriggerKind.Avoidance, $"A customer contact has waited since {since}, longer than {SlaFormat.Duration(Limit)} of business time.")
            : null;
}

/// <summary>Fires when the customer disputes the contract itself; it can only be settled above the power line.</summary>
public sealed class ContractDisputeRule : EscalationTriggerRule
{
    /// <inheritdoc />
    public override IReadOnlyList<EscalationTriggerKind> Kinds { get; } = new[] { EscalationTriggerKind.ContractDispute };

    private protected override EscalationSignal? Fire(EscalationObservation observation)
        => observation.ContractDisputed
            ? new EscalationSignal(EscalationTriggerKind.ContractDispute, "The customer disputes the contract itself; it is settled above the power line.")
            : null;
}

/// <summary>A segment's set of trigger rules, evaluated together. Immutable.</summary>
public sealed class EscalationTriggerRuleSet
{
    /// <summary>Creates a rule set.</summary>
    /// <param name="rules">The rules; no kind of trigger covered twice.</param>
    /// <exception cref="DefinitionValidationException">A rule is null, or two rules fire the same kind.</exception>
    public EscalationTriggerRuleSet(IEnumerable<EscalationTriggerRule> rules)
    {
        var list = Preconditions.CheckNotNull(rules).ToArray();
        var problems = new List<ValidationProblem>();
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] is null)
            {
                problems.Add(new ValidationProblem($"rules[{i}]", "A rule is null."));
            }
        }

        foreach (var kind in list.Where(r => r is not null).SelectMany(r => r.Kinds).GroupBy(k => k).Where(g => g.Count() > 1))
        {
            problems.Add(new ValidationProblem("rules", $"{kind.Key} is fired by more than one rule."));
        }

        if (problems.Count > 0)
        {
            throw new DefinitionValidationException("escalation trigger rule set", problems);
        }

        Rules = list;
    }

    /// <summary>The rules.</summary>
    public IReadOnlyList<EscalationTriggerRule> Rules { get; }

    /// <summary>Every signal the rules fire for the observation, in rule order.</summary>
    /// <param name="observation">What the host observes.</param>
    /// <returns>The signals.</returns>
    public IReadOnlyList<EscalationSignal> Evaluate(EscalationObservation observation)
    {
        Preconditions.CheckNotNull(observation);
        return Rules.Select(r => r.Evaluate(observation)).OfType<EscalationSignal>().ToArray();
    }
}
