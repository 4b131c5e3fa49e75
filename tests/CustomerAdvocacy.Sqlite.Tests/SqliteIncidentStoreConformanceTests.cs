using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using CustomerAdvocacy.Storage;
using CustomerAdvocacy.Testing;

namespace CustomerAdvocacy.Sqlite.Tests;

/// <summary>Runs the unchanged store conformance suite against a fresh SQLite file per check.</summary>
public sealed class SqliteIncidentStoreConformanceTests : IncidentStoreConformance, IDisposable
{
    private readonly TempDatabase _database = new();

    public static IEnumerable<object[]> Checks()
    {
        foreach (var name in CheckNames)
        {
            yield return new object[] { name };
        }
    }

    [Theory]
    [MemberData(nameof(Checks))]
    public Task Check(string name) => RunAsync(name);

    public void Dispose() => _database.Dispose();

    protected override Task<IIncidentStore> CreateStoreAsync() => Task.FromResult<IIncidentStore>(_database.CreateStore());
}
