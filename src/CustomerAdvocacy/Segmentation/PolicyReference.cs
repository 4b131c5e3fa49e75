namespace CustomerAdvocacy.Segmentation;

/// <summary>
/// The segment and policy version an incident was opened under. The incident keeps it for its whole life, even when
/// a newer version of the policies is published.
/// </summary>
public sealed record PolicyReference
{
    /// <summary>Creates a reference.</summary>
    /// <param name="segmentId">The segment.</param>
    /// <param name="version">The version of the segment catalog; at least 1.</param>
    public PolicyReference(string segmentId, int version)
    {
        SegmentId = Preconditions.CheckNotNullOrWhiteSpace(segmentId);
        Version = version >= 1
            ? version
            : throw new System.ArgumentOutOfRangeException(nameof(version), version, "Policy versions start at 1.");
    }

    /// <summary>The segment.</summary>
    public string SegmentId { get; }

    /// <summary>The version of the segment catalog.</summary>
    public int Version { get; }
}
