using System;
using CustomerAdvocacy.Kernel;
using NodaTime;

namespace CustomerAdvocacy.DueActions;

/// <summary>What falls due.</summary>
public enum DueItemKind
{
    /// <summary>An SLA's warning point, before its breach (reference: <see cref="DueItemReferences.FirstResponse"/>, <see cref="DueItemReferences.Update"/> or <see cref="DueItemReferences.Resolution"/>).</summary>
    SlaWarning = 0,

    /// <summary>An SLA's due instant: breached unless met by then (reference as for <see cref="SlaWarning"/>).</summary>
    SlaBreach = 1,

    /// <summary>The current escalation rung's time-out.</summary>
    LadderTimeOut = 2,

    /// <summary>A commitment's due instant (reference: the commitment id).</summary>
    CommitmentDue = 3,

    /// <summary>The end of a mitigation trial (reference: the trial id).</summary>
    TrialEnd = 4,

    /// <summary>The deadline of the internal management review.</summary>
    ReviewDue = 5,

    /// <summary>A proactive health check for a customer outside any incident (no incident; reference: the customer id).</summary>
    HealthCheck = 6,

    /// <summary>A reminder before a mitigation trial's end (reference: the days before the end, invariant digits).</summary>
    TrialReminder = 7,
}

/// <summary>The references the <see cref="DueActionPlanner"/> understands for SLA items.</summary>
public static class DueItemReferences
{
    /// <summary>The first-response SLA.</summary>
    public const string FirstResponse = "first-response";

    /// <summary>The update SLA: the pending occurrence of the update cadence.</summary>
    public const string Update = "update";

    /// <summary>The reference of an incident's mitigation trial (an incident has at most one).</summary>
    public const string MitigationTrial = "mitigation-trial";

    /// <summary>The resolution SLA.</summary>
    public const string Resolution = "resolution";
}

/// <summary>
/// Identifies a due item: at most one item per key is scheduled, so scheduling the same key again re-arms it. Ordered
/// by incident (none first), kind, then reference (ordinal), the tie-break after the due instant.
/// </summary>
public readonly struct DueItemKey : IEquatable<DueItemKey>, IComparable<DueItemKey>
{
    private readonly string? _reference;

    /// <summary>Creates a key.</summary>
    /// <param name="incidentId">The incident, or <see langword="null"/> for an item outside any incident (a health check).</param>
    /// <param name="kind">What falls due.</param>
    /// <param name="reference">Which one, when an incident has several of the kind (a commitment id, an SLA name); may be empty.</param>
    /// <exception cref="ArgumentNullException"><paramref name="reference"/> is null.</exception>
    public DueItemKey(IncidentId? incidentId, DueItemKind kind, string reference = "")
    {
        IncidentId = incidentId;
        Kind = kind;
        _reference = Preconditions.CheckNotNull(reference);
    }

    /// <summary>The incident, or <see langword="null"/> for an item outside any incident.</summary>
    public IncidentId? IncidentId { get; }

    /// <summary>What falls due.</summary>
    public DueItemKind Kind { get; }

    /// <summary>Which one, when an incident has several of the kind; empty when it has one.</summary>
    public string Reference => _reference ?? string.Empty;

    /// <summary>Equality.</summary>
    /// <param name="left">A key.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(DueItemKey left, DueItemKey right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">A key.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(DueItemKey left, DueItemKey right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(DueItemKey other)
        => IncidentId == other.IncidentId && Kind == other.Kind && string.Equals(Reference, other.Reference, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DueItemKey other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        unchecked
        {
            var hash = IncidentId?.GetHashCode() ?? 0;
            hash = (hash * 397) ^ (int)Kind;
            return (hash * 397) ^ StringComparer.Ordinal.GetHashCode(Reference);
        }
    }

    /// <inheritdoc />
    public int CompareTo(DueItemKey other)
    {
        var byIncident = (IncidentId, other.IncidentId) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            ({ } a, { } b) => a.Value.CompareTo(b.Value),
        };
        if (byIncident != 0)
        {
            return byIncident;
        }

        var byKind = Kind.CompareTo(other.Kind);
        return byKind != 0 ? byKind : string.CompareOrdinal(Reference, other.Reference);
    }

    /// <inheritdoc />
    public override string ToString() => $"{IncidentId?.ToString() ?? "(no incident)"}/{Kind}" + (Reference.Length > 0 ? "/" + Reference : string.Empty);
}

/// <summary>Something that falls due at an instant. Ordered by due instant, then key.</summary>
public readonly struct DueItem : IEquatable<DueItem>, IComparable<DueItem>
{
    /// <summary>Creates a due item.</summary>
    /// <param name="key">What falls due.</param>
    /// <param name="due">When.</param>
    public DueItem(DueItemKey key, Instant due)
    {
        Key = key;
        Due = due;
    }

    /// <summary>Creates a due item.</summary>
    /// <param name="incidentId">The incident, or <see langword="null"/> outside any incident.</param>
    /// <param name="kind">What falls due.</param>
    /// <param name="reference">Which one of the kind; may be empty.</param>
    /// <param name="due">When.</param>
    /// <exception cref="ArgumentNullException"><paramref name="reference"/> is null.</exception>
    public DueItem(IncidentId? incidentId, DueItemKind kind, string reference, Instant due)
        : this(new DueItemKey(incidentId, kind, reference), due)
    {
    }

    /// <summary>What falls due.</summary>
    public DueItemKey Key { get; }

    /// <summary>When.</summary>
    public Instant Due { get; }

    /// <summary>Equality.</summary>
    /// <param name="left">An item.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(DueItem left, DueItem right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">An item.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(DueItem left, DueItem right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(DueItem other) => Due == other.Due && Key.Equals(other.Key);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DueItem other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (Key.GetHashCode() * 397) ^ Due.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(DueItem other)
    {
        var byDue = Due.CompareTo(other.Due);
        return byDue != 0 ? byDue : Key.CompareTo(other.Key);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Key} due {Due}";
}
