using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Engine;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
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
    public async Task Initialize_DatabaseAtSchemaVersion2_MigratesToKeyedTablesKeepingHeadsCommandsAndDueIndex()
    {
        var start = Instant.FromUtc(2026, 3, 2, 9, 0);
        var c = new IncidentCommands(IncidentId.New(), start);
        var open = c.Open();
        var events = new IncidentScenario(c.IncidentId, start).When(open).ThenAccepted();
        var serializer = new IncidentEventSerializer();
        var rejected = new CommandRecord(CommandId.New(), c.IncidentId, 0, 0, new RuleBroken("rule", "detail"));
        var due = start + Duration.FromHours(4);
        await using (var connection = new SqliteConnection(_database.ConnectionString()))
        {
            await connection.OpenAsync();
            await using var v2 = connection.CreateCommand();
            v2.CommandText = SqliteSchema.Migrations[0] + SqliteSchema.Migrations[1] + "PRAGMA user_version = 2;"
                + "INSERT INTO incidents (incident_id, version, state, next_due) VALUES ($incident, $version, $state, $due);"
                + "INSERT INTO commands VALUES ($open, $incident, 1, $version, NULL);"
                + "INSERT INTO commands VALUES ($rejected, $incident, 0, 0, $rejection);";
            v2.Parameters.AddWithValue("$incident", c.IncidentId.Value.ToString("D"));
            v2.Parameters.AddWithValue("$version", events.Count);
            v2.Parameters.AddWithValue("$state", (int)IncidentState.Opened);
            v2.Parameters.AddWithValue("$due", due.ToUnixTimeTicks());
            v2.Parameters.AddWithValue("$open", open.CommandId.Value.ToString("D"));
            v2.Parameters.AddWithValue("$rejected", rejected.CommandId.Value.ToString("D"));
            v2.Parameters.AddWithValue("$rejection", serializer.SerializeRejection(rejected.Rejection!));
            await v2.ExecuteNonQueryAsync();
            foreach (var e in events)
            {
                var stored = serializer.Serialize(e);
                await using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO events VALUES ($incident, $version, $type, $schema, $payload)";
                insert.Parameters.AddWithValue("$incident", c.IncidentId.Value.ToString("D"));
                insert.Parameters.AddWithValue("$version", e.Version);
                insert.Parameters.AddWithValue("$type", stored.EventType);
                insert.Parameters.AddWithValue("$schema", stored.SchemaVersion);
                insert.Parameters.AddWithValue("$payload", stored.Payload);
                await insert.ExecuteNonQueryAsync();
            }
        }

        SqliteConnection.ClearAllPools();
        using var store = _database.CreateStore();
        await store.InitializeAsync();

        Assert.Equal(events, await store.ReadStreamAsync(c.IncidentId, 1, CancellationToken.None));
        Assert.Equal(new CommandRecord(open.CommandId, c.IncidentId, 1, events.Count, null), await store.FindCommandAsync(open.CommandId, CancellationToken.None));
        Assert.Equal(rejected, await store.FindCommandAsync(rejected.CommandId, CancellationToken.None));
        Assert.Equal(new[] { c.IncidentId }, await store.ListByStateAsync(IncidentState.Opened, CancellationToken.None));
        Assert.Equal(new[] { new DueIncident(c.IncidentId, due) }, await store.FindDueAsync(Instant.MaxValue, 10, CancellationToken.None));

        // The migrated head row still decides: a second opening conflicts, a recorded command is a duplicate, and the
        // next command appends at version 2.
        var second = new IncidentAppend(c.IncidentId, 0, events, open.CommandId, IncidentState.Opened);
        await Assert.ThrowsAsync<IncidentConcurrencyException>(() => store.AppendAsync(second, CancellationToken.None));
        var engine = new IncidentEngine(store, FixedIncidentContextProvider.Standard, new NodaTime.Testing.FakeClock(start));
        Assert.True((await engine.ExecuteAsync(open)).IsDuplicate);
        Assert.True((await engine.ExecuteAsync(c.CapturePerspective())).Decision.IsAccepted);
        Assert.True((await store.ReadStreamAsync(c.IncidentId, 1, CancellationToken.None)).Count > events.Count);

        await using var check = new SqliteConnection(_database.ConnectionString());
        await check.OpenAsync();
        Assert.Equal((long)SqliteIncidentStore.SchemaVersion, await ScalarAsync(check, "PRAGMA user_version"));
        Assert.Equal(2L, await ScalarAsync(check, "SELECT count(*) FROM sqlite_schema WHERE name IN ('incidents', 'commands') AND sql LIKE '%WITHOUT ROWID%'"));
        Assert.Equal(2L, await ScalarAsync(check, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN ('incidents_by_state', 'incidents_by_due') AND tbl_name = 'incidents'"));
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
