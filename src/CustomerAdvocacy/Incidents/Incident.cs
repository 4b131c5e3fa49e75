using System.Collections.Generic;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Resolution;
using CustomerAdvocacy.Segmentation;
using NodaTime;

namespace CustomerAdvocacy.Incidents;

/// <summary>The customer's confirmation that the incident is resolved.</summary>
/// <param name="Version">The incident version of the confirmation event.</param>
/// <param name="By">Who confirmed (always a customer role).</param>
/// <param name="At">When.</param>
public sealed record CustomerConfirmation(long Version, Actor By, Instant At);

/// <summary>
/// The state of one incident: the fold of its events (<see cref="IncidentEvolver.Evolve"/>). Immutable; compares by
/// value, so a replayed incident equals the live one.
/// </summary>
public sealed record Incident
{
    internal Incident(IncidentId id) => Id = id;

    /// <summary>The incident.</summary>
    public IncidentId Id { get; }

    /// <summary>The version of the last event folded in; 0 before the first.</summary>
    public long Version { get; init; }

    /// <summary>Where the incident is in its lifecycle.</summary>
    public IncidentState State { get; init; }

    /// <summary>When the incident was opened; <see langword="null"/> before.</summary>
    public Instant? OpenedAt { get; init; }

    /// <summary>When the incident was closed (resolved); <see langword="null"/> while open.</summary>
    public Instant? ResolvedAt { get; init; }

    /// <summary>The customer; <see langword="null"/> before the incident is opened.</summary>
    public string? CustomerId { get; init; }

    /// <summary>The policy version the incident was opened under.</summary>
    public PolicyReference? Policy { get; init; }

    /// <summary>The single point of accountability; never absent once the incident is opened.</summary>
    public string? AccountableOwnerId { get; init; }

    /// <summary>The named successor of a handoff offered and not yet accepted.</summary>
    public string? PendingSuccessorId { get; init; }

    /// <summary>The incident this one was split from, for an unrelated recurrence.</summary>
    public IncidentId? LinkedFrom { get; init; }

    /// <summary>The customer's perspective, once captured.</summary>
    public CustomerPerspective? Perspective { get; init; }

    /// <summary>The target date of the get-well plan, once proposed.</summary>
    public Instant? PlanTargetDate { get; init; }

    /// <summary>Criteria of a proposed plan, not yet agreed.</summary>
    public IReadOnlyList<CriterionDraft> ProposedCriteria { get; init; } = EquatableList<CriterionDraft>.Empty;

    /// <summary>Criteria of a related recurrence, awaiting the customer's agreement.</summary>
    public IReadOnlyList<CriterionDraft> PendingCriteriaChange { get; init; } = EquatableList<CriterionDraft>.Empty;

    /// <summary>The resolution criteria agreed with the customer.</summary>
    public IReadOnlyList<ResolutionCriterion> Criteria { get; init; } = EquatableList<ResolutionCriterion>.Empty;

    /// <summary>The version of the last event that changed any criterion (agreed, met, disputed, added); 0 if none.</summary>
    public long CriteriaRevision { get; init; }

    /// <summary>The customer's latest confirmation, if any.</summary>
    public CustomerConfirmation? LastConfirmation { get; init; }

    /// <summary>Every commitment made.</summary>
    public IReadOnlyList<Commitment> Commitments { get; init; } = EquatableList<Commitment>.Empty;

    /// <summary>Commitments offered with a proposed due instant, awaiting the customer's answer.</summary>
    public IReadOnlyList<Commitment> CommitmentOffers { get; init; } = EquatableList<Commitment>.Empty;

    /// <summary>Every conversation recorded.</summary>
    public IReadOnlyList<ConversationRecord> Conversations { get; init; } = EquatableList<ConversationRecord>.Empty;

    /// <summary>References of related recurrences that joined this incident.</summary>
    public IReadOnlyList<string> RelatedRecurrences { get; init; } = EquatableList<string>.Empty;

    /// <summary>Incidents opened for unrelated recurrences.</summary>
    public IReadOnlyList<IncidentId> LinkedIncidents { get; init; } = EquatableList<IncidentId>.Empty;

    /// <summary>
    /// The service-level deadlines (first response, update cadence, resolution); <see langword="null"/> before the
    /// opening and for incidents recorded before the deadlines were tracked.
    /// </summary>
    public IncidentServiceLevels? ServiceLevels { get; init; }

    /// <summary>The state of an incident before its first event.</summary>
    /// <param name="id">The incident.</param>
    /// <returns>An unopened incident at version 0.</returns>
    public static Incident NotOpened(IncidentId id) => new(id);
}
