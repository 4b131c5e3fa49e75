using System.Collections.Generic;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Kernel;
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
public sealed partial record Incident
{
    // Plain fields rather than auto-properties: the fold (Incident.Fold.cs) writes them on a fresh copy before the
    // copy is published, which saves building a second instance for every event.
    private long _version;
    private IncidentState _state;
    private Instant? _openedAt;
    private Instant? _resolvedAt;
    private string? _customerId;
    private PolicyReference? _policy;
    private string? _accountableOwnerId;
    private string? _pendingSuccessorId;
    private IncidentId? _linkedFrom;
    private CustomerPerspective? _perspective;
    private Instant? _planTargetDate;
    private IReadOnlyList<CriterionDraft> _proposedCriteria = EquatableList<CriterionDraft>.Empty;
    private IReadOnlyList<CriterionDraft> _pendingCriteriaChange = EquatableList<CriterionDraft>.Empty;
    private IReadOnlyList<ResolutionCriterion> _criteria = EquatableList<ResolutionCriterion>.Empty;
    private long _criteriaRevision;
    private CustomerConfirmation? _lastConfirmation;
    private IReadOnlyList<Commitment> _commitments = EquatableList<Commitment>.Empty;
    private IReadOnlyList<Commitment> _commitmentOffers = EquatableList<Commitment>.Empty;
    private IReadOnlyList<ConversationRecord> _conversations = EquatableList<ConversationRecord>.Empty;
    private IReadOnlyList<string> _relatedRecurrences = EquatableList<string>.Empty;
    private IReadOnlyList<IncidentId> _linkedIncidents = EquatableList<IncidentId>.Empty;
    private IncidentProcesses _processes = IncidentProcesses.None;
    private IncidentServiceLevels? _serviceLevels;

    internal Incident(IncidentId id) => Id = id;

    /// <summary>The incident.</summary>
    public IncidentId Id { get; }

    /// <summary>The version of the last event folded in; 0 before the first.</summary>
    public long Version { get => _version; init => _version = value; }

    /// <summary>Where the incident is in its lifecycle.</summary>
    public IncidentState State { get => _state; init => _state = value; }

    /// <summary>When the incident was opened; <see langword="null"/> before.</summary>
    public Instant? OpenedAt { get => _openedAt; init => _openedAt = value; }

    /// <summary>When the incident was closed (resolved); <see langword="null"/> while open.</summary>
    public Instant? ResolvedAt { get => _resolvedAt; init => _resolvedAt = value; }

    /// <summary>The customer; <see langword="null"/> before the incident is opened.</summary>
    public string? CustomerId { get => _customerId; init => _customerId = value; }

    /// <summary>The policy version the incident was opened under.</summary>
    public PolicyReference? Policy { get => _policy; init => _policy = value; }

    /// <summary>The single point of accountability; never absent once the incident is opened.</summary>
    public string? AccountableOwnerId { get => _accountableOwnerId; init => _accountableOwnerId = value; }

    /// <summary>The named successor of a handoff offered and not yet accepted.</summary>
    public string? PendingSuccessorId { get => _pendingSuccessorId; init => _pendingSuccessorId = value; }

    /// <summary>The incident this one was split from, for an unrelated recurrence.</summary>
    public IncidentId? LinkedFrom { get => _linkedFrom; init => _linkedFrom = value; }

    /// <summary>The customer's perspective, once captured.</summary>
    public CustomerPerspective? Perspective { get => _perspective; init => _perspective = value; }

    /// <summary>The target date of the get-well plan, once proposed.</summary>
    public Instant? PlanTargetDate { get => _planTargetDate; init => _planTargetDate = value; }

    /// <summary>Criteria of a proposed plan, not yet agreed.</summary>
    public IReadOnlyList<CriterionDraft> ProposedCriteria { get => _proposedCriteria; init => _proposedCriteria = value; }

    /// <summary>Criteria of a related recurrence, awaiting the customer's agreement.</summary>
    public IReadOnlyList<CriterionDraft> PendingCriteriaChange { get => _pendingCriteriaChange; init => _pendingCriteriaChange = value; }

    /// <summary>The resolution criteria agreed with the customer.</summary>
    public IReadOnlyList<ResolutionCriterion> Criteria { get => _criteria; init => _criteria = value; }

    /// <summary>The version of the last event that changed any criterion (agreed, met, disputed, added); 0 if none.</summary>
    public long CriteriaRevision { get => _criteriaRevision; init => _criteriaRevision = value; }

    /// <summary>The customer's latest confirmation, if any.</summary>
    public CustomerConfirmation? LastConfirmation { get => _lastConfirmation; init => _lastConfirmation = value; }

    /// <summary>Every commitment made.</summary>
    public IReadOnlyList<Commitment> Commitments { get => _commitments; init => _commitments = value; }

    /// <summary>Commitments offered with a proposed due instant, awaiting the customer's answer.</summary>
    public IReadOnlyList<Commitment> CommitmentOffers { get => _commitmentOffers; init => _commitmentOffers = value; }

    /// <summary>Every conversation recorded.</summary>
    public IReadOnlyList<ConversationRecord> Conversations { get => _conversations; init => _conversations = value; }

    /// <summary>References of related recurrences that joined this incident.</summary>
    public IReadOnlyList<string> RelatedRecurrences { get => _relatedRecurrences; init => _relatedRecurrences = value; }

    /// <summary>Incidents opened for unrelated recurrences.</summary>
    public IReadOnlyList<IncidentId> LinkedIncidents { get => _linkedIncidents; init => _linkedIncidents = value; }

    /// <summary>
    /// The incident's sub-processes (escalation, analysis, mitigation trial, change plans, communications, management
    /// review), folded from the same stream; orthogonal to <see cref="State"/>.
    /// </summary>
    public IncidentProcesses Processes { get => _processes; init => _processes = value; }

    /// <summary>
    /// The service-level deadlines (first response, update cadence, resolution); <see langword="null"/> before the
    /// opening and for incidents recorded before the deadlines were tracked.
    /// </summary>
    public IncidentServiceLevels? ServiceLevels { get => _serviceLevels; init => _serviceLevels = value; }

    /// <summary>The state of an incident before its first event.</summary>
    /// <param name="id">The incident.</param>
    /// <returns>An unopened incident at version 0.</returns>
    public static Incident NotOpened(IncidentId id) => new(id);
}
