using System;
using System.Collections.Generic;
using System.Threading;

namespace CustomerAdvocacy.Segmentation;

/// <summary>
/// Every published version of the segmentation. New incidents are classified with the current version; an open
/// incident resolves its policy through the <see cref="PolicyReference"/> it was opened under, so a newer version
/// never changes the targets of an incident already open. Thread-safe; reads take no lock.
/// </summary>
public sealed class PolicyRegistry
{
    private readonly object _gate = new();
    private IReadOnlyDictionary<int, SegmentCatalog> _versions = new Dictionary<int, SegmentCatalog>();
    private SegmentCatalog? _current;

    /// <summary>The latest published version, or <see langword="null"/> before the first.</summary>
    public SegmentCatalog? Current => Volatile.Read(ref _current);

    /// <summary>Publishes a new version; it must be higher than the current one.</summary>
    /// <param name="catalog">The new version.</param>
    /// <exception cref="ArgumentException">The version is not higher than the current one.</exception>
    public void Publish(SegmentCatalog catalog)
    {
        Preconditions.CheckNotNull(catalog);
        lock (_gate)
        {
            if (_current is not null && catalog.Version <= _current.Version)
            {
                throw new ArgumentException($"Version {catalog.Version} is not higher than the current version {_current.Version}.", nameof(catalog));
            }

            var copy = new Dictionary<int, SegmentCatalog>(_versions.Count + 1);
            foreach (var pair in _versions)
            {
                copy[pair.Key] = pair.Value;
            }

            copy[catalog.Version] = catalog;
            Volatile.Write(ref _versions, copy);
            Volatile.Write(ref _current, catalog);
        }
    }

    /// <summary>Classifies a profile with the current version.</summary>
    /// <param name="profile">The profile.</param>
    /// <returns>The assignment, whose reference the new incident keeps.</returns>
    /// <exception cref="InvalidOperationException">Nothing is published yet.</exception>
    public SegmentAssignment Classify(CustomerProfile profile)
        => (Current ?? throw new InvalidOperationException("No segment catalog is published.")).Classify(profile);

    /// <summary>The policy an incident was opened under.</summary>
    /// <param name="reference">The incident's reference.</param>
    /// <returns>The policy of that segment in that version.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reference"/> is null.</exception>
    /// <exception cref="UnknownPolicyException">The version is not published, or defines no such segment (a <see cref="KeyNotFoundException"/>).</exception>
    public AdvocacyPolicy Resolve(PolicyReference reference)
    {
        Preconditions.CheckNotNull(reference);
        return Volatile.Read(ref _versions).TryGetValue(reference.Version, out var catalog)
            ? catalog.PolicyOf(reference.SegmentId)
            : throw new UnknownPolicyException(reference.SegmentId, reference.Version, versionPublished: false);
    }
}
