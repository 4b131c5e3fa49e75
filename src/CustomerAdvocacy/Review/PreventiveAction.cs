using NodaTime;

namespace CustomerAdvocacy.Review;

/// <summary>What a preventive action changes.</summary>
public enum PreventiveActionKind
{
    /// <summary>A process.</summary>
    Process = 0,

    /// <summary>Training.</summary>
    Training = 1,

    /// <summary>Terms and conditions.</summary>
    TermsAndConditions = 2,
}

/// <summary>An action the review commits to so that the incident does not recur.</summary>
/// <param name="Id">Identifies the action within the review.</param>
/// <param name="Description">What will be done.</param>
/// <param name="Kind">What it changes.</param>
/// <param name="OwnerId">Who owns it (host identifier).</param>
/// <param name="DueAt">When it is due.</param>
public sealed record PreventiveAction(string Id, string Description, PreventiveActionKind Kind, string OwnerId, Instant DueAt);
