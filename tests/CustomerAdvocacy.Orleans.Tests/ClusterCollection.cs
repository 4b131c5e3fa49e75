namespace CustomerAdvocacy.Orleans.Tests;

/// <summary>
/// The tests that start silos. They run one class at a time: each starts its own two-silo cluster, and several
/// clusters at once on a two-core CI machine starve one another's timers (a reminder due in seconds then misses a
/// test's patience, as the failover test's did under load).
/// </summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Orleans clusters";
}
