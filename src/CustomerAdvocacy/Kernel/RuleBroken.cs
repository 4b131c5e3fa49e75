using System;
using System.Collections.Generic;

namespace CustomerAdvocacy.Kernel;

/// <summary>A business rule refuses the command.</summary>
/// <param name="Rule">The rule's stable id, <c>process.rule-name</c> (such as <c>incident.no-open-commitment</c>), unique across the library and declared in the deciding process's rules class (<c>IncidentRules</c>, <c>ChangePlanRules</c>, <c>EscalationRules</c> and so on); the first of <see cref="Violations"/>.</param>
/// <param name="Detail">What is wrong, in words: every violation's detail when there are several.</param>
public sealed record RuleBroken(string Rule, string Detail) : Rejection
{
    private readonly EquatableList<RuleViolation>? _violations;

    /// <inheritdoc />
    public override string Kind => nameof(RuleBroken);

    /// <summary>Whether <see cref="Violations"/> holds more than the refusal's own rule and detail (stores write it only then).</summary>
    internal bool HasViolationList => _violations is not null;

    /// <summary>
    /// Every rule the command breaks, <see cref="Rule"/> first; a single violation of <see cref="Rule"/> unless the
    /// decider found more. A refused close lists every unmet closing condition here, each a
    /// <see cref="Incidents.ClosureProblem"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException">The value is null or holds null.</exception>
    /// <exception cref="ArgumentException">The value is empty, or its first violation is not of <see cref="Rule"/>.</exception>
    public IReadOnlyList<RuleViolation> Violations
    {
        get => _violations ?? (IReadOnlyList<RuleViolation>)new[] { new RuleViolation(Rule, Detail) };
        init
        {
            var list = EquatableList<RuleViolation>.From(Preconditions.CheckNotNull(value));
            if (list.Count == 0)
            {
                throw new ArgumentException("A refusal names at least one broken rule.", nameof(value));
            }

            foreach (var violation in list)
            {
                Preconditions.CheckNotNull(violation, nameof(value));
            }

            if (list[0].Rule != Rule)
            {
                throw new ArgumentException($"The first violation is of '{list[0].Rule}', the refusal's rule is '{Rule}'.", nameof(value));
            }

            // The single violation of the refusal's own rule and detail is the default: stored without a list, read
            // back equal.
            _violations = list.Count == 1 && list[0].GetType() == typeof(RuleViolation) && list[0].Detail == Detail ? null : list;
        }
    }
}
