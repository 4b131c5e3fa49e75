namespace CustomerAdvocacy.Planning;

/// <summary>
/// An established fact: whether an observation holds, with the evidence for it. Facts come before remedies; a
/// scenario that expects the opposite of a fact is eliminated by it.
/// </summary>
public sealed record Fact
{
    /// <summary>Creates a fact.</summary>
    /// <param name="id">Identifies the fact within the analysis.</param>
    /// <param name="observation">What was observed, as a stable key scenarios refer to (for example "garments-washed-industrially").</param>
    /// <param name="holds">Whether the observation holds.</param>
    /// <param name="evidence">The evidence (log, test result, the customer's statement and who gave it).</param>
    /// <exception cref="System.ArgumentException">A text is empty.</exception>
    public Fact(string id, string observation, bool holds, string evidence)
    {
        Id = Preconditions.CheckNotNullOrWhiteSpace(id);
        Observation = Preconditions.CheckNotNullOrWhiteSpace(observation);
        Holds = holds;
        Evidence = Preconditions.CheckNotNullOrWhiteSpace(evidence);
    }

    /// <summary>Identifies the fact within the analysis.</summary>
    public string Id { get; }

    /// <summary>The observation's stable key.</summary>
    public string Observation { get; }

    /// <summary>Whether the observation holds.</summary>
    public bool Holds { get; }

    /// <summary>The evidence.</summary>
    public string Evidence { get; }
}
