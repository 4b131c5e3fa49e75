using System;
using System.Linq;
using CustomerAdvocacy.Incidents;

namespace CustomerAdvocacy.Tests.Incidents;

public sealed class IdentifiersTests
{
    [Fact]
    public void New_OnDotNet10_IsTimeOrderedVersion7()
    {
        var incidents = Enumerable.Range(0, 200).Select(_ => IncidentId.New()).ToArray();
        var commands = Enumerable.Range(0, 200).Select(_ => CommandId.New()).ToArray();

        Assert.All(incidents, id => Assert.Equal(7, id.Value.Version));
        Assert.All(commands, id => Assert.Equal(7, id.Value.Version));
        Assert.Equal(200, incidents.Distinct().Count());
        Assert.Equal(200, commands.Distinct().Count());

        // The first 48 bits (12 hex digits of the text form) are the creation millisecond: never decreasing.
        var stamps = incidents.Select(id => id.ToString().Replace("-", "").Substring(0, 12)).ToArray();
        Assert.Equal(stamps.OrderBy(s => s, StringComparer.Ordinal), stamps);
    }

    [Fact]
    public void New_ThenDerive_DerivedIdIsStableAndDistinct()
    {
        var id = CommandId.New();

        Assert.Equal(id.Derive(1), id.Derive(1));
        Assert.NotEqual(id, id.Derive(1));
        Assert.NotEqual(id.Derive(1), id.Derive(2));
    }
}
