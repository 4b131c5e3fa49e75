using System;
using System.Collections;
using System.Runtime.CompilerServices;
using CustomerAdvocacy.Segmentation;

namespace CustomerAdvocacy.Tests.Segmentation;

/// <summary>The typed "not found" exceptions: what they carry, and that it survives a serializer that keeps only message and data.</summary>
public sealed class NotFoundExceptionsTests
{
    [Fact]
    public void UnknownCustomerException_NullCustomer_ArgumentNullExceptionNamingIt()
        => Assert.Equal("customerId", Assert.Throws<ArgumentNullException>(() => new UnknownCustomerException(null!)).ParamName);

    [Fact]
    public void UnknownPolicyException_NullSegment_ArgumentNullExceptionNamingIt()
        => Assert.Equal("segmentId", Assert.Throws<ArgumentNullException>(() => new UnknownPolicyException(null!, 1, true)).ParamName);

    [Fact]
    public void UnknownCustomerException_RebuiltFromItsDataOnly_KeepsTheCustomerId()
    {
        var rebuilt = RebuiltFromData(new UnknownCustomerException("customer-ß'\"42"));

        Assert.Equal("customer-ß'\"42", rebuilt.CustomerId);
    }

    [Theory]
    [InlineData("gold", 3, true)]
    [InlineData("standard", 12, false)]
    public void UnknownPolicyException_RebuiltFromItsDataOnly_KeepsSegmentVersionAndWhetherPublished(string segmentId, int version, bool published)
    {
        var rebuilt = RebuiltFromData(new UnknownPolicyException(segmentId, version, published));

        Assert.Equal((segmentId, version, published), (rebuilt.SegmentId, rebuilt.Version, rebuilt.VersionPublished));
    }

    [Fact]
    public void UnknownPolicyException_Messages_TellAMissingVersionFromAMissingSegment()
    {
        Assert.Contains("No segment catalog version 4 is published", new UnknownPolicyException("gold", 4, false).Message, StringComparison.Ordinal);
        Assert.Contains("No segment 'gold' in segment catalog version 4", new UnknownPolicyException("gold", 4, true).Message, StringComparison.Ordinal);
    }

    // What Orleans does between silo and client: an instance created without its constructor, then message and data restored.
    private static T RebuiltFromData<T>(T original)
        where T : Exception
    {
        var copy = (T)RuntimeHelpers.GetUninitializedObject(typeof(T));
        foreach (DictionaryEntry entry in original.Data)
        {
            copy.Data[entry.Key] = entry.Value;
        }

        return copy;
    }
}
