using System.Collections.Generic;

namespace CustomerAdvocacy.Segmentation;

/// <summary>
/// A command or lookup named a customer the <see cref="ICustomerDirectory"/> does not know: an input the caller can put
/// right (publish the customer's profile, or correct the id), not a fault of the library. Nothing was recorded.
/// Derives from <see cref="KeyNotFoundException"/>, so code catching that keeps working.
/// </summary>
/// <remarks>
/// The customer id also travels in <see cref="System.Exception.Data"/>, so it survives serializers that rebuild an
/// exception from its message and data only (Orleans does, between silo and client).
/// </remarks>
public sealed class UnknownCustomerException : KeyNotFoundException
{
    private const string CustomerIdKey = "CustomerAdvocacy.CustomerId";

    private readonly string? _customerId;

    /// <summary>Creates the exception.</summary>
    /// <param name="customerId">The customer that was asked for.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="customerId"/> is null.</exception>
    public UnknownCustomerException(string customerId)
        : base($"The customer directory has no profile for customer '{Preconditions.CheckNotNull(customerId)}'.")
    {
        _customerId = customerId;
        Data[CustomerIdKey] = customerId;
    }

    // The field is null when a serializer created the exception without running its constructor.

    /// <summary>The customer that was asked for.</summary>
    public string CustomerId => _customerId ?? Data[CustomerIdKey] as string ?? string.Empty;
}

/// <summary>
/// A policy was asked for that is not published: no segment catalog of <see cref="Version"/> is published
/// (<see cref="VersionPublished"/> is <see langword="false"/>), or that version defines no segment
/// <see cref="SegmentId"/>. Usually a command naming a policy reference the host has not published (yet); nothing was
/// recorded. Derives from <see cref="KeyNotFoundException"/>, so code catching that keeps working.
/// </summary>
/// <remarks>
/// Segment and version also travel in <see cref="System.Exception.Data"/>, so they survive serializers that rebuild an
/// exception from its message and data only (Orleans does, between silo and client).
/// </remarks>
public sealed class UnknownPolicyException : KeyNotFoundException
{
    private const string SegmentIdKey = "CustomerAdvocacy.SegmentId";
    private const string VersionKey = "CustomerAdvocacy.PolicyVersion";
    private const string VersionPublishedKey = "CustomerAdvocacy.PolicyVersionPublished";

    private readonly string? _segmentId;
    private readonly int? _version;
    private readonly bool? _versionPublished;

    /// <summary>Creates the exception.</summary>
    /// <param name="segmentId">The segment that was asked for.</param>
    /// <param name="version">The segment catalog version that was asked for.</param>
    /// <param name="versionPublished">Whether that version is published (then it lacks the segment).</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="segmentId"/> is null.</exception>
    public UnknownPolicyException(string segmentId, int version, bool versionPublished)
        : base(versionPublished
            ? $"No segment '{Preconditions.CheckNotNull(segmentId)}' in segment catalog version {version}."
            : $"No segment catalog version {version} is published (asked for segment '{Preconditions.CheckNotNull(segmentId)}').")
    {
        _segmentId = segmentId;
        _version = version;
        _versionPublished = versionPublished;
        Data[SegmentIdKey] = segmentId;
        Data[VersionKey] = version;
        Data[VersionPublishedKey] = versionPublished;
    }

    // The fields are null when a serializer created the exception without running its constructor.

    /// <summary>The segment that was asked for.</summary>
    public string SegmentId => _segmentId ?? Data[SegmentIdKey] as string ?? string.Empty;

    /// <summary>The segment catalog version that was asked for.</summary>
    public int Version => _version ?? (Data[VersionKey] is int version ? version : 0);

    /// <summary>Whether <see cref="Version"/> is published: then it is the segment that is missing from it.</summary>
    public bool VersionPublished => _versionPublished ?? (Data[VersionPublishedKey] is true);
}
