using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Storage;
using CustomerAdvocacy.StoreTests;
using CustomerAdvocacy.Testing;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace CustomerAdvocacy.Sqlite.Tests;

public sealed class SqliteIncidentStoreTests : StoreFaultTests, IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task Initialize_NewFile_CreatesSchemaInWalMode()
    {
        var store = _database.CreateStore();
        await store.InitializeAsync();
        await using var connection = new SqliteConnection(_database.ConnectionString());
        await connection.OpenAsync();
        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
        Assert.Equal((long)SqliteIncidentStore.SchemaVersion, await ScalarAsync(connection, "PRAGMA user_version"));
    }

    [Fact]
    public async Task Initialize_ManyStoresAtOnceAndAgain_IsIdempotent()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => _database.CreateStore().InitializeAsync())));
        var again = _database.CreateStore();
        await again.InitializeAsync();
        var id = IncidentId.New();
        Assert.Empty(await again.ReadStreamAsync(id, 1, CancellationToken.None));
    }

    [Fact]
    public async Task Initialize_DatabaseAtSchemaVersion1_MigratesKeepingItsStreams()
    {
        var id = IncidentId.New();
        var scenario = new IncidentScenario(id, Instant.FromUtc(2026, 3, 2, 9, 0));
        var open = new IncidentCommands(id, scenario.Now).Open();
        var events = scenario.When(open).ThenAccepted();
        var stored = new IncidentEventSerializer().Serialize(events[0]);
        await using (var connection = new SqliteConnection(_database.ConnectionString()))
        {
            await connection.OpenAsync();
            await using var v1 = connection.CreateCommand();
            v1.CommandText = SqliteSchema.Migrations[0] + "PRAGMA user_version = 1;"
                + "INSERT INTO incidents VALUES ($incident, 1, $state);"
                + "INSERT INTO events VALUES ($incident, 1, $type, $schema, $payload);";
            v1.Parameters.AddWithValue("$incident", id.Value.ToString("D"));
            v1.Parameters.AddWithValue("$state", (int)IncidentState.Opened);
            v1.Parameters.AddWithValue("$type", stored.EventType);
            v1.Parameters.AddWithValue("$schema", stored.SchemaVersion);
            v1.Parameters.AddWithValue("$payload", stored.Payload);
            await v1.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        using var store = _database.CreateStore();
        await store.InitializeAsync();

        Assert.Equal(new[] { events[0] }, await store.ReadStreamAsync(id, 1, CancellationToken.None));
        Assert.Empty(await store.FindDueAsync(Instant.MaxValue, 10, CancellationToken.None));
        Assert.Null(await store.ReadSnapshotAsync(id, CancellationToken.None));
        await using var check = new SqliteConnection(_database.ConnectionString());
        await check.OpenAsync();
        Assert.Equal((long)SqliteIncidentStore.SchemaVersion, await ScalarAsync(check, "PRAGMA user_version"));
    }

    [Fact]
    public async Task Initialize_FileLockedByAnotherWriter_ThrowsUnavailableNamingTheFile()
    {
        await _database.CreateStore().InitializeAsync();
        SqliteConnection.ClearAllPools();
        await using var holder = new SqliteConnection(_database.ConnectionString());
        await holder.OpenAsync();
        await using (var exclusive = holder.CreateCommand())
        {
            exclusive.CommandText = "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;";
            await exclusive.ExecuteNonQueryAsync();
        }

        var store = _database.CreateStore(timeoutSeconds: 1);
        var ex = await Assert.ThrowsAsync<IncidentStoreUnavailableException>(() => store.ReadStreamAsync(IncidentId.New(), 1, CancellationToken.None));
        Assert.Contains(_database.FilePath, ex.Message, StringComparison.Ordinal);
        Assert.Equal(_database.FilePath, ex.Target);
    }

    [Fact]
    public async Task Read_FileLockedAfterStart_WaitsThenThrowsUnavailableAndReadsOnceFree()
    {
        // The native read hands a busy database to the command path, which waits out the configured timeout.
        var id = IncidentId.New();
        var scenario = new IncidentScenario(id, Instant.FromUtc(2026, 3, 2, 9, 0));
        var open = new IncidentCommands(id, scenario.Now).Open();
        var append = new IncidentAppend(id, 0, scenario.When(open).ThenAccepted(), open.CommandId, IncidentState.Opened);
        using (var writer = _database.CreateStore())
        {
            await writer.AppendAsync(append, CancellationToken.None);
        }

        using var store = _database.CreateStore(timeoutSeconds: 1);
        await store.InitializeAsync();
        SqliteConnection.ClearAllPools();
        await using (var holder = new SqliteConnection(_database.ConnectionString()))
        {
            await holder.OpenAsync();
            await using var exclusive = holder.CreateCommand();
            exclusive.CommandText = "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;";
            await exclusive.ExecuteNonQueryAsync();

            var started = Stopwatch.StartNew();
            var ex = await Assert.ThrowsAsync<IncidentStoreUnavailableException>(() => store.ReadStreamAsync(id, 1, CancellationToken.None));
            Assert.True(started.Elapsed >= TimeSpan.FromSeconds(0.9), $"gave up after {started.Elapsed}");
            Assert.Equal(_database.FilePath, ex.Target);
            exclusive.CommandText = "ROLLBACK;";
            await exclusive.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        Assert.Equal(append.Events, await store.ReadStreamAsync(id, 1, CancellationToken.None));
    }

    [Fact]
    public async Task Append_WriteLockHeldByAnotherProcess_ThrowsUnavailableAndTheRetryAppliesOnce()
    {
        using var store = _database.CreateStore(timeoutSeconds: 1);
        await store.InitializeAsync();
        var id = IncidentId.New();
        var scenario = new IncidentScenario(id, Instant.FromUtc(2026, 3, 2, 9, 0));
        var open = new IncidentCommands(id, scenario.Now).Open();
        var append = new IncidentAppend(id, 0, scenario.When(open).ThenAccepted(), open.CommandId, IncidentState.Opened);
        await using (var holder = new SqliteConnection(_database.ConnectionString()))
        {
            await holder.OpenAsync();
            await using var writeLock = holder.CreateCommand();
            writeLock.CommandText = "BEGIN IMMEDIATE;";
            await writeLock.ExecuteNonQueryAsync();

            var ex = await Assert.ThrowsAsync<IncidentStoreUnavailableException>(() => store.AppendAsync(append, CancellationToken.None));
            Assert.Equal(_database.FilePath, ex.Target);
            Assert.IsType<SqliteException>(ex.InnerException);

            // A pooled connection keeps a transaction begun by hand: end it, or the lock outlives the holder.
            writeLock.CommandText = "ROLLBACK;";
            await writeLock.ExecuteNonQueryAsync();
        }

        Assert.Empty(await store.ReadStreamAsync(id, 1, CancellationToken.None));
        await store.AppendAsync(append, CancellationToken.None);
        await Assert.ThrowsAsync<IncidentConcurrencyException>(() => store.AppendAsync(append, CancellationToken.None));
        Assert.Equal(append.Events, await store.ReadStreamAsync(id, 1, CancellationToken.None));
    }

    [Fact]
    public async Task Initialize_DirectoryMissing_ThrowsUnavailableNamingTheFile()
    {
        var path = Path.Combine(_database.Directory, "missing", "incidents.db");
        var store = new SqliteIncidentStore("Data Source=" + path + ";Password=hunter2");
        var ex = await Assert.ThrowsAsync<IncidentStoreUnavailableException>(() => store.InitializeAsync());
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_CorruptStoredEvent_ThrowsNamingIncidentAndVersion()
    {
        var store = _database.CreateStore();
        await store.InitializeAsync();
        var id = IncidentId.New();
        await using (var connection = new SqliteConnection(_database.ConnectionString()))
        {
            await connection.OpenAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO events (incident_id, version, event_type, schema_version, payload) VALUES ($id, 1, 'incident-opened', 1, '{\"occurredAt\":')";
            insert.Parameters.AddWithValue("$id", id.ToString());
            await insert.ExecuteNonQueryAsync();
        }

        var ex = await Assert.ThrowsAsync<EventDeserializationException>(() => store.ReadStreamAsync(id, 1, CancellationToken.None));
        Assert.Equal(id, ex.IncidentId);
        Assert.Equal(1, ex.Version);
    }

    [Fact]
    public void Constructor_NoDataSource_Throws() => Assert.Throws<ArgumentException>(() => new SqliteIncidentStore("Mode=ReadOnly"));

    public void Dispose() => _database.Dispose();

    protected override Task<IIncidentStore> CreateStoreAsync() => Task.FromResult<IIncidentStore>(_database.CreateStore());

    protected override void FailNextCommit(IIncidentStore store, bool beforeCommit)
    {
        var sqlite = (SqliteIncidentStore)store;
        if (beforeCommit)
        {
            sqlite.BeforeCommit = () =>
            {
                sqlite.BeforeCommit = null;
                throw new IOException("simulated crash before commit");
            };
        }
        else
        {
            sqlite.AfterCommit = () =>
            {
                sqlite.AfterCommit = null;
                throw new IOException("simulated lost acknowledgement");
            };
        }
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
