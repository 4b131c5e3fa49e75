using System;
using System.Linq;
using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Tests.Incidents;

public sealed class IdentifiersTests
{
#if NET9_0_OR_GREATER
    // The library's .NET 10 build makes time-ordered ids.
    private const char ExpectedVersion = '7';
#else
    // Its .NET 8 build has no version 7 generator and reads no clock: random ids.
    private const char ExpectedVersion = '4';
#endif

    [Fact]
    public void New_ManyIds_AreDistinctAndOfTheBuildsGuidVersion()
    {
        var incidents = Enumerable.Range(0, 200).Select(_ => IncidentId.New().ToString()).ToArray();
        var commands = Enumerable.Range(0, 200).Select(_ => CommandId.New().ToString()).ToArray();

        // The version is the first digit of the third group of the text form.
        Assert.All(incidents.Concat(commands), id => Assert.Equal(ExpectedVersion, id[14]));
        Assert.Equal(200, incidents.Distinct().Count());
        Assert.Equal(200, commands.Distinct().Count());
    }

#if NET9_0_OR_GREATER
    [Fact]
    public void New_OnDotNet10_SortsByCreationTime()
    {
        var stamps = Enumerable.Range(0, 200)
            .Select(_ => IncidentId.New().ToString().Replace("-", "").Substring(0, 12))
            .ToArray();

        // The first 48 bits (12 hex digits of the text form) are the creation millisecond: never decreasing.
        Assert.Equal(stamps.OrderBy(s => s, StringComparer.Ordinal), stamps);
    }
#endif

    [Fact]
    public void New_ThenDerive_DerivedIdIsStableAndDistinct()
    {
        var id = CommandId.New();

        Assert.Equal(id.Derive(1), id.Derive(1));
        Assert.NotEqual(id, id.Derive(1));
        Assert.NotEqual(id.Derive(1), id.Derive(2));
    }
}
