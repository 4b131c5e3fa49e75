using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using CustomerAdvocacy.Storage;
using CustomerAdvocacy.Testing;

namespace CustomerAdvocacy.PostgreSql.Tests;

/// <summary>Runs the unchanged store conformance suite against a real PostgreSQL server, a fresh schema per check.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlIncidentStoreConformanceTests : IncidentStoreConformance, IAsyncDisposable
{
    private readonly PostgresServer _server;
    private readonly List<PostgreSqlIncidentStore> _stores = new();

    public PostgreSqlIncidentStoreConformanceTests(PostgresServer server) => _server = server;

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

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }

    protected override async Task<IIncidentStore> CreateStoreAsync()
    {
        var store = new PostgreSqlIncidentStore(await _server.NewSchemaAsync());
        _stores.Add(store);
        return store;
    }
}
