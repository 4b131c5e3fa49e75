using System.Collections.Generic;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Planning;
using NodaTime;

namespace CustomerAdvocacy.Review;

/// <summary>An immutable fact about an internal management review. The review is the fold of its events.</summary>
/// <param name="Metadata">The stream position (within the review), time, actor and command.</param>
public abstract record ReviewEvent(EventMetadata Metadata) : IncidentEvent(Metadata);

/// <summary>The review started.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="ClosedAt">When the incident was closed.</param>
/// <param name="DueAt">When the review is due.</param>
public sealed record ManagementReviewStarted(EventMetadata Metadata, Instant ClosedAt, Instant DueAt) : ReviewEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="ManagementReviewStarted"/>.</summary>
    public const string TypeName = "management-review-started";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>Findings were recorded.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="Chronology">The chronology.</param>
/// <param name="Factors">The contributing factors.</param>
/// <param name="Learnings">The learnings.</param>
public sealed record ReviewFindingsRecorded(EventMetadata Metadata, IReadOnlyList<ChronologyEntry> Chronology, IReadOnlyList<ContributingFactor> Factors, IReadOnlyList<string> Learnings) : ReviewEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="ReviewFindingsRecorded"/>.</summary>
    public const string TypeName = "review-findings-recorded";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>A preventive action was added.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="Action">The action.</param>
public sealed record PreventiveActionAdded(EventMetadata Metadata, PreventiveAction Action) : ReviewEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="PreventiveActionAdded"/>.</summary>
    public const string TypeName = "preventive-action-added";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>The customer's fit was assessed.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="Facts">The facts.</param>
/// <param name="Assessment">What they recommend.</param>
public sealed record CustomerFitAssessed(EventMetadata Metadata, CustomerFitFacts Facts, CustomerFitAssessment Assessment) : ReviewEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="CustomerFitAssessed"/>.</summary>
    public const string TypeName = "customer-fit-assessed";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>Staff recommended ending the relationship.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="Ground">The ground.</param>
/// <param name="Rationale">Why.</param>
public sealed record TerminationRecommended(EventMetadata Metadata, TerminationGround Ground, string Rationale) : ReviewEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="TerminationRecommended"/>.</summary>
    public const string TypeName = "termination-recommended";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>An executive decided the termination recommendation.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="Terminate">Whether the relationship ends.</param>
/// <param name="Rationale">Why.</param>
public sealed record TerminationDecided(EventMetadata Metadata, bool Terminate, string Rationale) : ReviewEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="TerminationDecided"/>.</summary>
    public const string TypeName = "termination-decided";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>The review was completed.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="Late">Whether it was completed after its due instant.</param>
public sealed record ManagementReviewCompleted(EventMetadata Metadata, bool Late) : ReviewEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="ManagementReviewCompleted"/>.</summary>
    public const string TypeName = "management-review-completed";

    /// <inheritdoc />
    public override string EventType => TypeName;
}
