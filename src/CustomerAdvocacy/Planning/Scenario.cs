using System.Collections.Generic;
using System.Linq;

namespace CustomerAdvocacy.Planning;

/// <summary>What a scenario expects of one observation.</summary>
public sealed record Expectation
{
    /// <summary>Creates an expectation.</summary>
    /// <param name="observation">The observation's stable key, as facts name it.</param>
    /// <param name="holds">Whether the scenario expects it to hold.</param>
    /// <exception cref="System.ArgumentException"><paramref name="observation"/> is empty.</exception>
    public Expectation(string observation, bool holds)
    {
        Observation = Preconditions.CheckNotNullOrWhiteSpace(observation);
        Holds = holds;
    }

    /// <summary>The observation's stable key.</summary>
    public string Observation { get; }

    /// <summary>Whether the scenario expects the observation to hold.</summary>
    public bool Holds { get; }
}

/// <summary>A candidate explanation of the incident, with what it expects the facts to show.</summary>
public sealed record Scenario
{
    /// <summary>Creates a scenario.</summary>
    /// <param name="id">Identifies the scenario within the analysis.</param>
    /// <param name="description">The explanation, in words.</param>
    /// <param name="expectations">What the scenario expects; at most one per observation.</param>
    /// <exception cref="System.ArgumentException">A text is empty, or an observation is expected twice.</exception>
    public Scenario(string id, string description, IEnumerable<Expectation> expectations)
    {
        Id = Preconditions.CheckNotNullOrWhiteSpace(id);
        Description = Preconditions.CheckNotNullOrWhiteSpace(description);
        var list = EquatableList<Expectation>.From(Preconditions.CheckNotNull(expectations));
        if (list.Any(e => e is null))
        {
            throw new System.ArgumentException("An expectation is null.", nameof(expectations));
        }

        if (list.GroupBy(e => e.Observation, System.StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new System.ArgumentException($"The observation '{twice.Key}' is expected twice.", nameof(expectations));
        }

        Expectations = list;
    }

    /// <summary>Identifies the scenario within the analysis.</summary>
    public string Id { get; }

    /// <summary>The explanation, in words.</summary>
    public string Description { get; }

    /// <summary>What the scenario expects the facts to show.</summary>
    public IReadOnlyList<Expectation> Expectations { get; }

    /// <summary>Whether <paramref name="fact"/> contradicts this scenario: it expects the opposite of what the fact shows.</summary>
    /// <param name="fact">The fact.</param>
    /// <returns><see langword="true"/> when the scenario expects the fact's observation with the other value.</returns>
    public bool IsContradictedBy(Fact fact)
    {
        Preconditions.CheckNotNull(fact);
        return Expectations.Any(e => e.Observation == fact.Observation && e.Holds != fact.Holds);
    }
}

/// <summary>Whether a scenario remains possible, or which fact eliminated it.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="EliminatedBy">The first recorded fact that contradicts it, or <see langword="null"/> when it remains.</param>
public sealed record ScenarioVerdict(Scenario Scenario, Fact? EliminatedBy)
{
    /// <summary>Whether the scenario is consistent with every fact.</summary>
    public bool Remains => EliminatedBy is null;
}

/// <summary>Eliminates candidate scenarios by the facts. More than one may remain.</summary>
public static class ScenarioElimination
{
    /// <summary>
    /// Judges every scenario against the facts: one contradicted by a fact is eliminated with the first such fact
    /// (in the order given) as the reason; every other scenario remains.
    /// </summary>
    /// <param name="scenarios">The candidate scenarios.</param>
    /// <param name="facts">The established facts, in the order they were recorded.</param>
    /// <returns>A verdict per scenario, in the order given.</returns>
    /// <exception cref="System.ArgumentNullException">An argument or an element is null.</exception>
    public static IReadOnlyList<ScenarioVerdict> Assess(IEnumerable<Scenario> scenarios, IEnumerable<Fact> facts)
    {
        var factList = Preconditions.CheckNotNull(facts).ToList();
        if (factList.Any(f => f is null))
        {
            throw new System.ArgumentNullException(nameof(facts), "A fact is null.");
        }

        return Preconditions.CheckNotNull(scenarios)
            .Select(s => new ScenarioVerdict(
                s ?? throw new System.ArgumentNullException(nameof(scenarios), "A scenario is null."),
                factList.FirstOrDefault(s.IsContradictedBy)))
            .ToList();
    }
}
