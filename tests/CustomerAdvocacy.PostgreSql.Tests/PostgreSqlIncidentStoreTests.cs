using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Storage;
using CustomerAdvocacy.StoreTests;
using CustomerAdvocacy.Testing;
using NodaTime;
using Npgsql;

namespace CustomerAdvocacy.PostgreSql.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlIncidentStoreTests : StoreFaultTests, IAsyncDisposable
{
    private readonly PostgresServer _server;
    private readonly List<PostgreSqlIncidentStore> _stores = new();

    public PostgreSqlIncidentStoreTests(PostgresServer server) => _server = server;

    [Theory]
    [InlineData("incident-opened", "{\"occurredAt\":")]
    [InlineData("incident-opened", "{\"occurredAt\":\"2026-03-02T09:00:00Z\"}")]
    [InlineData("incident-teleported", "{}")]
    [InlineData("", "{}")]
    [InlineData("incident-öffnet ✓", "{}")]
    public async Task Read_StoredEventUnreadable_ThrowsNamingIncidentVersionAndType(string eventType, string payload)
    {
        var connectionString = await _server.NewSchemaAsync();
        var store = Track(new PostgreSqlIncidentStore(connectionString));
        await store.InitializeAsync();
        var id = IncidentId.New();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand("INSERT INTO ca_events (incident_id, version, event_type, schema_version, payload) VALUES ($1, 1, $2, 1, $3)", connection);
            insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id.Value });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = eventType });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = payload });
            await insert.ExecuteNonQueryAsync();
        }

        var ex = await Assert.ThrowsAsync<EventDeserializationException>(() => store.ReadStreamAsync(id, 1, CancellationToken.None));
        Assert.Equal(id, ex.IncidentId);
        Assert.Equal(1, ex.Version);
        Assert.Equal(eventType, ex.EventType);
    }

    [Fact]
    public async Task Initialize_ManyStoresAtOnceAndAgain_IsIdempotent()
    {
        var connectionString = await _server.NewSchemaAsync();
        var stores = Enumerable.Range(0, 8).Select(_ => Track(new PostgreSqlIncidentStore(connectionString))).ToArray();
        await Task.WhenAll(stores.Select(s => Task.Run(() => s.InitializeAsync())));
        var again = Track(new PostgreSqlIncidentStore(connectionString));
        await again.InitializeAsync();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM ca_schema_migrations", connection);
        Assert.Equal((long)PostgreSqlIncidentStore.SchemaVersion, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Initialize_ServerDown_ThrowsUnavailableNamingTargetWithoutPassword()
    {
        var port = FreePort();
        var store = Track(new PostgreSqlIncidentStore($"Host=127.0.0.1;Port={port};Username=someone;Password=hunter2;Database=incidents;Timeout=2"));
        var ex = await Assert.ThrowsAsync<IncidentStoreUnavailableException>(() => store.InitializeAsync());
        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
        Assert.Contains("incidents", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Append_BackendTerminatedBeforeCommit_ThrowsUnavailableAndTheRetryAppliesOnce()
    {
        var store = Track(new PostgreSqlIncidentStore(await _server.NewSchemaAsync() + ";Password=hunter2"));
        var (id, open) = Opening();
        store.BeforeCommit = async connection =>
        {
            store.BeforeCommit = null;
            await TerminateAsync(connection.ProcessID);
        };

        var ex = await Assert.ThrowsAsync<IncidentStoreUnavailableException>(() => store.AppendAsync(open, CancellationToken.None));
        Assert.Equal(store.Target, ex.Target);
        Assert.Contains(store.Target, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", ex.ToString(), StringComparison.Ordinal);
        Assert.Empty(await store.ReadStreamAsync(id, 1, CancellationToken.None));

        await store.AppendAsync(open, CancellationToken.None);
        await Assert.ThrowsAsync<IncidentConcurrencyException>(() => store.AppendAsync(open, CancellationToken.None));
        Assert.Equal(open.Events, await store.ReadStreamAsync(id, 1, CancellationToken.None));
        Assert.Equal(1, (await store.FindCommandAsync(open.CommandId, CancellationToken.None))!.FirstVersion);
    }

    [Fact]
    public async Task Operations_PooledConnectionsTerminatedWhileIdle_ThrowUnavailableThenRecover()
    {
        var store = Track(new PostgreSqlIncidentStore(await _server.NewSchemaAsync()));
        var (id, open) = Opening();
        await store.AppendAsync(open, CancellationToken.None);
        // The store's one pooled connection is ended by the server while idle, as a failover or restart would.
        int pid;
        await using (var connection = await store.DataSource.OpenConnectionAsync())
        {
            pid = connection.ProcessID;
        }

        await TerminateAsync(pid);
        var ex = await Assert.ThrowsAsync<IncidentStoreUnavailableException>(() => store.ReadStreamAsync(id, 1, CancellationToken.None));
        Assert.IsAssignableFrom<NpgsqlException>(ex.InnerException);
        Assert.Equal(open.Events, await store.ReadStreamAsync(id, 1, CancellationToken.None));
    }

    [Fact]
    public async Task Operations_ServerDownAfterStart_ThrowUnavailableForEveryOperation()
    {
        var port = FreePort();
        var store = Track(new PostgreSqlIncidentStore($"Host=127.0.0.1;Port={port};Username=someone;Password=hunter2;Database=incidents;Timeout=2"));
        var (id, open) = Opening();
        var operations = new Func<Task>[]
        {
            () => store.AppendAsync(open, CancellationToken.None),
            () => store.ReadStreamAsync(id, 1, CancellationToken.None),
            () => store.FindCommandAsync(open.CommandId, CancellationToken.None),
            () => store.ListByStateAsync(IncidentState.Opened, CancellationToken.None),
            () => store.ReadSnapshotAsync(id, CancellationToken.None),
            () => store.FindDueAsync(Instant.MaxValue, 10, CancellationToken.None),
        };
        foreach (var operation in operations)
        {
            var ex = await Assert.ThrowsAsync<IncidentStoreUnavailableException>(operation);
            Assert.DoesNotContain("hunter2", ex.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task WaitForAppend_AnotherWriterAppends_IsNotifiedOfTheIncident()
    {
        var store = Track(new PostgreSqlIncidentStore(await _server.NewSchemaAsync()));
        await store.InitializeAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var id = IncidentId.New();
        var waiting = store.WaitForAppendAsync(timeout.Token);
        var scenario = new IncidentScenario(id, Instant.FromUtc(2026, 3, 2, 9, 0));
        var open = new IncidentCommands(id, scenario.Now).Open();
        var events = scenario.When(open).ThenAccepted();

        // The listener registers asynchronously; keep appending (to other incidents too) until it hears one.
        await store.AppendAsync(new IncidentAppend(id, 0, events, open.CommandId, IncidentState.Opened), CancellationToken.None);
        while (!waiting.IsCompleted)
        {
            var other = IncidentId.New();
            var s = new IncidentScenario(other, scenario.Now);
            var o = new IncidentCommands(other, scenario.Now).Open();
            await store.AppendAsync(new IncidentAppend(other, 0, s.When(o).ThenAccepted(), o.CommandId, IncidentState.Opened), CancellationToken.None);
            await Task.WhenAny(waiting, Task.Delay(50, timeout.Token));
        }

        var notified = await waiting;
        Assert.NotEqual(default, notified);
        Assert.Equal(IncidentOpened.TypeName, (await store.ReadStreamAsync(notified, 1, CancellationToken.None))[0].EventType);
    }

    [Fact]
    public async Task WaitForAppend_AppendsInAnotherSchemaOfTheDatabase_AreNotReported()
    {
        var mine = Track(new PostgreSqlIncidentStore(await _server.NewSchemaAsync()));
        var neighbour = Track(new PostgreSqlIncidentStore(await _server.NewSchemaAsync()));
        await mine.InitializeAsync();
        await neighbour.InitializeAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var waiting = mine.WaitForAppendAsync(timeout.Token);
        var appendedToMine = new HashSet<IncidentId>();

        // The listener registers asynchronously: the neighbour appends five times for each append of ours, so once the
        // listener hears anything, the neighbour's notifications come first.
        while (!waiting.IsCompleted)
        {
            for (var i = 0; i < 5; i++)
            {
                var (_, neighbourOpen) = Opening();
                await neighbour.AppendAsync(neighbourOpen, CancellationToken.None);
            }

            var (id, open) = Opening();
            await mine.AppendAsync(open, CancellationToken.None);
            appendedToMine.Add(id);
            await Task.WhenAny(waiting, Task.Delay(50, timeout.Token));
        }

        Assert.Contains(await waiting, appendedToMine);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }

    protected override async Task<IIncidentStore> CreateStoreAsync() => Track(new PostgreSqlIncidentStore(await _server.NewSchemaAsync()));

    protected override void FailNextCommit(IIncidentStore store, bool beforeCommit)
    {
        var pg = (PostgreSqlIncidentStore)store;
        if (beforeCommit)
        {
            // A real dropped connection: the server ends the session mid-transaction.
            pg.BeforeCommit = async connection =>
            {
                pg.BeforeCommit = null;
                var pid = connection.ProcessID;
                await using var killer = new NpgsqlConnection(_server.ConnectionString);
                await killer.OpenAsync();
                await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend($1)", killer);
                terminate.Parameters.Add(new NpgsqlParameter<int> { TypedValue = pid });
                await terminate.ExecuteNonQueryAsync();
            };
        }
        else
        {
            pg.AfterCommit = () =>
            {
                pg.AfterCommit = null;
                throw new NpgsqlException("simulated lost acknowledgement");
            };
        }
    }

    private static (IncidentId Id, IncidentAppend Append) Opening()
    {
        var id = IncidentId.New();
        var scenario = new IncidentScenario(id, Instant.FromUtc(2026, 3, 2, 9, 0));
        var open = new IncidentCommands(id, scenario.Now).Open();
        return (id, new IncidentAppend(id, 0, scenario.When(open).ThenAccepted(), open.CommandId, IncidentState.Opened));
    }

    private async Task TerminateAsync(int pid)
    {
        await using var killer = new NpgsqlConnection(_server.ConnectionString);
        await killer.OpenAsync();
        await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend($1)", killer);
        terminate.Parameters.Add(new NpgsqlParameter<int> { TypedValue = pid });
        await terminate.ExecuteNonQueryAsync();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private PostgreSqlIncidentStore Track(PostgreSqlIncidentStore store)
    {
        _stores.Add(store);
        return store;
    }
}
