using System.Collections.Generic;
using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Planning;

/// <summary>An immutable fact about an incident's analysis. The analysis is the fold of its events.</summary>
/// <param name="Metadata">The stream position (within the analysis), time, actor and command.</param>
public abstract record AnalysisEvent(EventMetadata Metadata) : IncidentEvent(Metadata);

/// <summary>A fact was recorded.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="Fact">The fact.</param>
public sealed record FactRecorded(EventMetadata Metadata, Fact Fact) : AnalysisEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="FactRecorded"/>.</summary>
    public const string TypeName = "fact-recorded";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>A candidate scenario was added.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="Scenario">The scenario.</param>
public sealed record ScenarioProposed(EventMetadata Metadata, Scenario Scenario) : AnalysisEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="ScenarioProposed"/>.</summary>
    public const string TypeName = "scenario-proposed";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>A scenario was eliminated by a fact that contradicts it.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="ScenarioId">The scenario.</param>
/// <param name="FactId">The fact that contradicts it.</param>
public sealed record ScenarioEliminated(EventMetadata Metadata, string ScenarioId, string FactId) : AnalysisEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="ScenarioEliminated"/>.</summary>
    public const string TypeName = "scenario-eliminated";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>The situation summary was recorded.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="Summary">The summary.</param>
public sealed record SituationSummaryRecorded(EventMetadata Metadata, SituationSummary Summary) : AnalysisEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="SituationSummaryRecorded"/>.</summary>
    public const string TypeName = "situation-summary-recorded";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>A proposal was drafted; it awaits the customer's approval.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="Proposal">The proposal.</param>
public sealed record ProposalDrafted(EventMetadata Metadata, Proposal Proposal) : AnalysisEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="ProposalDrafted"/>.</summary>
    public const string TypeName = "proposal-drafted";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>The customer approved the proposal.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
public sealed record ProposalApproved(EventMetadata Metadata) : AnalysisEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="ProposalApproved"/>.</summary>
    public const string TypeName = "proposal-approved";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>The customer rejected the proposal.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="Reason">Why.</param>
public sealed record ProposalRejected(EventMetadata Metadata, string Reason) : AnalysisEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="ProposalRejected"/>.</summary>
    public const string TypeName = "proposal-rejected";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>An approved action is being carried out.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="ActionId">The action.</param>
public sealed record ProposalActionExecuted(EventMetadata Metadata, string ActionId) : AnalysisEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="ProposalActionExecuted"/>.</summary>
    public const string TypeName = "proposal-action-executed";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>A customer meeting was scheduled.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="MeetingId">The meeting.</param>
/// <param name="Participants">Who is invited.</param>
public sealed record CustomerMeetingScheduled(EventMetadata Metadata, string MeetingId, IReadOnlyList<MeetingParticipant> Participants) : AnalysisEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="CustomerMeetingScheduled"/>.</summary>
    public const string TypeName = "customer-meeting-scheduled";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>The dry run of a customer meeting was held.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="MeetingId">The meeting.</param>
/// <param name="Attendees">Who attended it.</param>
public sealed record MeetingDryRunRecorded(EventMetadata Metadata, string MeetingId, IReadOnlyList<string> Attendees) : AnalysisEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="MeetingDryRunRecorded"/>.</summary>
    public const string TypeName = "meeting-dry-run-recorded";

    /// <inheritdoc />
    public override string EventType => TypeName;
}

/// <summary>A customer meeting was held.</summary>
/// <param name="Metadata">Stream position, time, actor, command.</param>
/// <param name="MeetingId">The meeting.</param>
/// <param name="Attendees">Who attended it.</param>
public sealed record CustomerMeetingHeld(EventMetadata Metadata, string MeetingId, IReadOnlyList<string> Attendees) : AnalysisEvent(Metadata)
{
    /// <summary>The stable type name of <see cref="CustomerMeetingHeld"/>.</summary>
    public const string TypeName = "customer-meeting-held";

    /// <inheritdoc />
    public override string EventType => TypeName;
}
