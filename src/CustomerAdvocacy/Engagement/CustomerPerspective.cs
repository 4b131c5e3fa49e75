using NodaTime;

namespace CustomerAdvocacy.Engagement;

/// <summary>
/// The customer's perspective, captured before any promise is made (the Produce step of LEAP):
/// the biggest problem, the problems it caused, the remedy sought and the time the customer allows.
/// </summary>
public sealed record CustomerPerspective
{
    /// <summary>Captures the customer's perspective.</summary>
    /// <param name="biggestProblem">The customer's biggest problem, in their words.</param>
    /// <param name="problemsCaused">The problems it caused them.</param>
    /// <param name="remedySought">The remedy they are looking for.</param>
    /// <param name="timeAllowed">How much time they allow; positive.</param>
    public CustomerPerspective(string biggestProblem, string problemsCaused, string remedySought, Duration timeAllowed)
    {
        BiggestProblem = Preconditions.CheckNotNullOrWhiteSpace(biggestProblem);
        ProblemsCaused = Preconditions.CheckNotNullOrWhiteSpace(problemsCaused);
        RemedySought = Preconditions.CheckNotNullOrWhiteSpace(remedySought);
        TimeAllowed = Preconditions.CheckPositive(timeAllowed);
    }

    /// <summary>The customer's biggest problem.</summary>
    public string BiggestProblem { get; }

    /// <summary>The problems it caused.</summary>
    public string ProblemsCaused { get; }

    /// <summary>The remedy sought.</summary>
    public string RemedySought { get; }

    /// <summary>How much time the customer allows.</summary>
    public Duration TimeAllowed { get; }
}
