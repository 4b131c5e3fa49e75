using System;
using System.Collections.Generic;
using System.Data;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CustomerAdvocacy.Engine;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Sqlite;
using CustomerAdvocacy.Storage;
using Microsoft.Data.Sqlite;

namespace CustomerAdvocacy.Benchmarks;

/// <summary>
/// The SQLite store against the plain driver: per category, the Baseline writes (or reads) the same payload
/// strings with one parameterized INSERT (SELECT) per event in one transaction, on a file with the same settings.
/// The snapshot category's baseline is a plain SELECT of the same snapshot payload and the one event at its version.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SqliteStoreBenchmarks
{
    // Running incidents that take the "append 1 running" appends in turn.
    private const int RunningIncidents = 1000;

    private readonly IncidentEventSerializer _serializer = new();
    private string _directory = "";
    private SqliteIncidentStore _store = null!;
    private string _plain = "";
    private IncidentId _loaded;
    private string _payload = "";
    private IncidentEngine _engine = null!;
    private SqliteConnection _preparedConnection = null!;
    private SqliteCommand _preparedInsert = null!;
    private RunningStreams _runningInStore = null!;
    private RunningStreams _runningInPlain = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "ca-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        _store = new SqliteIncidentStore("Data Source=" + Path.Combine(_directory, "store.db"));
        await _store.InitializeAsync();
        _plain = "Data Source=" + Path.Combine(_directory, "plain.db");
        await using (var connection = new SqliteConnection(_plain))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText = "PRAGMA journal_mode = WAL; CREATE TABLE events (incident_id TEXT NOT NULL, version INTEGER NOT NULL, payload TEXT NOT NULL, UNIQUE (incident_id, version));";
            await create.ExecuteNonQueryAsync();
        }

        _loaded = IncidentId.New();
        var history = StoreBenchmarkStreams.Stream(_loaded, 1000);
        for (var i = 0; i < history.Count; i += 100)
        {
            var batch = history.Skip(i).Take(100).Select((e, j) => e with { Metadata = e.Metadata with { CommandId = history[i].Metadata.CommandId } }).ToArray();
            await _store.AppendAsync(new IncidentAppend(_loaded, i, batch, batch[0].Metadata.CommandId, IncidentState.Engaged), CancellationToken.None);
        }

        _payload = _serializer.Serialize(history[1]).Payload;
        await PlainInsertAsync(_loaded, 1, 1000);

        _runningInStore = new RunningStreams(RunningIncidents);
        foreach (var id in _runningInStore.Ids)
        {
            await _store.AppendAsync(StoreBenchmarkStreams.Opening(id), CancellationToken.None);
        }

        _runningInPlain = new RunningStreams(RunningIncidents);
        foreach (var id in _runningInPlain.Ids)
        {
            await PlainInsertAsync(id, 1, 1);
        }

        var snapshot = new IncidentSnapshotSerializer().Serialize(IncidentEvolver.Replay(_loaded, history));
        await _store.SaveSnapshotAsync(snapshot, CancellationToken.None);
        await using (var connection = new SqliteConnection(_plain))
        {
            await connection.OpenAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = "CREATE TABLE snapshots (incident_id TEXT NOT NULL PRIMARY KEY, version INTEGER NOT NULL, payload TEXT NOT NULL); INSERT INTO snapshots VALUES ($incident, $version, $payload);";
            insert.Parameters.AddWithValue("$incident", _loaded.ToString());
            insert.Parameters.AddWithValue("$version", snapshot.Version);
            insert.Parameters.AddWithValue("$payload", snapshot.Payload);
            await insert.ExecuteNonQueryAsync();
        }

        // The reference for what the store does (one open connection, statements prepared once): the same INSERT as the
        // baseline on a connection and command kept across runs.
        _preparedConnection = new SqliteConnection(_plain);
        await _preparedConnection.OpenAsync();
        _preparedInsert = _preparedConnection.CreateCommand();
        _preparedInsert.CommandText = "INSERT INTO events (incident_id, version, payload) VALUES ($incident, $version, $payload)";
        _preparedInsert.Parameters.Add("$incident", SqliteType.Text);
        _preparedInsert.Parameters.Add("$version", SqliteType.Integer);
        _preparedInsert.Parameters.AddWithValue("$payload", _payload);
        _preparedInsert.Prepare();

        _engine = new IncidentEngine(_store, CustomerAdvocacy.Testing.FixedIncidentContextProvider.Standard, NodaTime.Testing.FakeClock.FromUtc(2026, 3, 2), null, new IncidentEngineOptions { SnapshotInterval = 100 });
        if (!(await _engine.LoadAsync(_loaded)).Equals(IncidentEvolver.Replay(_loaded, history)))
        {
            throw new InvalidOperationException("The snapshot load does not give the replayed state.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _preparedInsert.Dispose();
        _preparedConnection.Dispose();
        _store.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "plain INSERT, 1 event")]
    [BenchmarkCategory("append 1")]
    public Task PlainAppendOne() => PlainInsertAsync(IncidentId.New(), 1, 1);

    [Benchmark(Description = "plain INSERT prepared once, 1 event (reference)")]
    [BenchmarkCategory("append 1")]
    public Task PlainPreparedAppendOne() => PlainPreparedInsertAsync(1);

    [Benchmark(Description = "SqliteIncidentStore.AppendAsync, 1 event")]
    [BenchmarkCategory("append 1")]
    public Task StoreAppendOne() => AppendNewAsync(1);

    [Benchmark(Baseline = true, Description = "plain INSERT, 1 event to a running incident")]
    [BenchmarkCategory("append 1 running")]
    public Task PlainAppendOneRunning()
    {
        var (id, version) = _runningInPlain.Next();
        return PlainInsertAsync(id, version + 1, 1);
    }

    [Benchmark(Description = "SqliteIncidentStore.AppendAsync, 1 event to a running incident")]
    [BenchmarkCategory("append 1 running")]
    public Task StoreAppendOneRunning()
    {
        var (id, version) = _runningInStore.Next();
        return _store.AppendAsync(StoreBenchmarkStreams.FollowUp(id, version), CancellationToken.None);
    }

    [Benchmark(Baseline = true, Description = "plain INSERT, batch of 10")]
    [BenchmarkCategory("append 10")]
    public Task PlainAppendTen() => PlainInsertAsync(IncidentId.New(), 1, 10);

    [Benchmark(Description = "plain INSERT prepared once, batch of 10 (reference)")]
    [BenchmarkCategory("append 10")]
    public Task PlainPreparedAppendTen() => PlainPreparedInsertAsync(10);

    [Benchmark(Description = "SqliteIncidentStore.AppendAsync, batch of 10")]
    [BenchmarkCategory("append 10")]
    public Task StoreAppendTen() => AppendNewAsync(10);

    [Benchmark(Baseline = true, Description = "plain SELECT of 1,000 payloads")]
    [BenchmarkCategory("load 1000")]
    public async Task<int> PlainLoad()
    {
        var length = 0;
        await using var reader = await PlainSelectLoadedAsync();
        while (await reader.ReadAsync())
        {
            length += reader.GetString(1).Length;
        }

        return length;
    }

    [Benchmark(Description = "plain SELECT + JsonDocument.Parse of 1,000 payloads (reference)")]
    [BenchmarkCategory("load 1000")]
    public async Task<int> PlainLoadParsed()
    {
        var count = 0;
        await using var reader = await PlainSelectLoadedAsync();
        while (await reader.ReadAsync())
        {
            using var document = System.Text.Json.JsonDocument.Parse(reader.GetString(1));
            count += document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object ? 1 : 0;
        }

        return count;
    }

    [Benchmark(Description = "plain SELECT + bare Utf8JsonReader pass of 1,000 payloads (floor)")]
    [BenchmarkCategory("load 1000")]
    public async Task<int> PlainLoadReaderPass()
    {
        var tokens = 0;
        await using var reader = await PlainSelectLoadedAsync();
        while (await reader.ReadAsync())
        {
            // The text's UTF-8 bytes, the cheapest way Microsoft.Data.Sqlite gives them (GetBytes and GetStream copy
            // them into an array per row too); the reader pass itself allocates nothing.
            tokens += EventJsonFloor.CountTokens(reader.GetFieldValue<byte[]>(1));
        }

        return tokens;
    }

    [Benchmark(Description = "plain SELECT + IncidentEventSerializer.Deserialize of 1,000 payloads (reference)")]
    [BenchmarkCategory("load 1000")]
    public async Task<int> PlainLoadDeserialized()
    {
        var events = new List<IncidentEvent>();
        await using var reader = await PlainSelectLoadedAsync();
        while (await reader.ReadAsync())
        {
            events.Add(_serializer.Deserialize(_loaded, reader.GetInt64(0), CommitmentMade.TypeName, IncidentEventSerializer.CurrentSchemaVersion, reader.GetFieldValue<byte[]>(1)));
        }

        return events.Count;
    }

    [Benchmark(Description = "SqliteIncidentStore.ReadStreamAsync, 1,000 events")]
    [BenchmarkCategory("load 1000")]
    public Task<IReadOnlyList<IncidentEvent>> StoreRead() => _store.ReadStreamAsync(_loaded, 1, CancellationToken.None);

    [Benchmark(Description = "SqliteIncidentStore.ReadStreamAsync + replay, 1,000 events")]
    [BenchmarkCategory("load 1000")]
    public async Task<Incident> StoreLoad() => IncidentEvolver.Replay(_loaded, await _store.ReadStreamAsync(_loaded, 1, CancellationToken.None));

    [Benchmark(Baseline = true, Description = "plain SELECT of the snapshot + 1 payload")]
    [BenchmarkCategory("load 1000 with snapshot")]
    public async Task<int> PlainSnapshotLoad()
    {
        await using var connection = new SqliteConnection(_plain);
        await connection.OpenAsync();
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT version, payload FROM snapshots WHERE incident_id = $incident";
        select.Parameters.AddWithValue("$incident", _loaded.ToString());
        var length = 0;
        long version;
        await using (var reader = await select.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            version = reader.GetInt64(0);
            length += reader.GetString(1).Length;
        }

        select.CommandText = "SELECT version, payload FROM events WHERE incident_id = $incident AND version >= $from ORDER BY version";
        select.Parameters.AddWithValue("$from", version);
        await using (var reader = await select.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                length += reader.GetString(1).Length;
            }
        }

        return length;
    }

    [Benchmark(Description = "IncidentEngine.LoadAsync (snapshot + tail), 1,000 events")]
    [BenchmarkCategory("load 1000 with snapshot")]
    public Task<Incident> EngineSnapshotLoad() => _engine.LoadAsync(_loaded);

    /// <summary>
    /// The plain SELECT of the loaded stream's payloads on a connection from the pool, as every row of the load
    /// category without the store runs it; disposing the reader returns the connection.
    /// </summary>
    private async Task<SqliteDataReader> PlainSelectLoadedAsync()
    {
        var connection = new SqliteConnection(_plain);
        await connection.OpenAsync();
        var select = connection.CreateCommand();
        select.CommandText = "SELECT version, payload FROM events WHERE incident_id = $incident AND version >= 1 ORDER BY version";
        select.Parameters.AddWithValue("$incident", _loaded.ToString());
        return await select.ExecuteReaderAsync(CommandBehavior.CloseConnection);
    }

    private Task AppendNewAsync(int count) => _store.AppendAsync(StoreBenchmarkStreams.NewAppend(count), CancellationToken.None);

    private async Task PlainInsertAsync(IncidentId id, long firstVersion, int count)
    {
        await using var connection = new SqliteConnection(_plain);
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO events (incident_id, version, payload) VALUES ($incident, $version, $payload)";
        insert.Parameters.AddWithValue("$incident", id.ToString());
        var version = insert.Parameters.Add("$version", SqliteType.Integer);
        insert.Parameters.AddWithValue("$payload", _payload);
        for (var v = firstVersion; v < firstVersion + count; v++)
        {
            version.Value = v;
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private async Task PlainPreparedInsertAsync(int count)
    {
        await using var transaction = _preparedConnection.BeginTransaction(deferred: false);
        _preparedInsert.Transaction = transaction;
        _preparedInsert.Parameters[0].Value = IncidentId.New().ToString();
        for (var v = 1; v <= count; v++)
        {
            _preparedInsert.Parameters[1].Value = v;
            await _preparedInsert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}
