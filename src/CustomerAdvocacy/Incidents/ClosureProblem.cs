using System.Collections.Generic;
using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Incidents;

/// <summary>
/// One condition for closing that an incident does not meet: a <see cref="RuleViolation"/> of a refused close, typed
/// by the condition and naming what holds it open.
/// </summary>
/// <param name="Condition">The unmet condition.</param>
/// <param name="Rule">The rule's stable name, one of the closure rules in <see cref="IncidentRules"/> (or <see cref="IncidentProcessRules.ChangePlansConfirmed"/>).</param>
/// <param name="Detail">What is missing, in words.</param>
/// <param name="References">The ids of what holds the incident open (criteria without evidence, outstanding commitments, offers, change plans, the pending successor), when the condition has any.</param>
public sealed record ClosureProblem(ClosureCondition Condition, string Rule, string Detail, IReadOnlyList<string> References) : RuleViolation(Rule, Detail)
{
    /// <summary>The ids of what holds the incident open; compared by value.</summary>
    public IReadOnlyList<string> References { get; init; } = EquatableList<string>.From(Preconditions.CheckNotNull(References));
}
