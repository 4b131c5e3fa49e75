using System.Collections.Generic;
using System.Threading.Tasks;
using CustomerAdvocacy.Storage;
using CustomerAdvocacy.Testing;

namespace CustomerAdvocacy.Tests.Storage;

/// <summary>Runs the framework-neutral store conformance suite against the in-memory store, one xunit case per check.</summary>
public sealed class InMemoryIncidentStoreConformanceTests : IncidentStoreConformance
{
    public static IEnumerable<object[]> Checks()
    {
        foreach (var name in CheckNames)
        {
            yield return new object[] { name };
        }
    }

    [Fact]
    public void Suite_HasChecks() => Assert.True(CheckNames.Count >= 10);

    [Theory]
    [MemberData(nameof(Checks))]
    public Task Check(string name) => RunAsync(name);

    protected override Task<IIncidentStore> CreateStoreAsync() => Task.FromResult<IIncidentStore>(new InMemoryIncidentStore());
}
