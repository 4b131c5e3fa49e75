using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CustomerAdvocacy.Engine;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.PostgreSql;
using CustomerAdvocacy.Storage;
using Npgsql;

namespace CustomerAdvocacy.Benchmarks;

/// <summary>
/// The PostgreSQL store against the plain driver, the same cases as <see cref="SqliteStoreBenchmarks"/>: per category,
/// the Baseline writes (or reads) the same payload strings with one parameterized INSERT (SELECT) per event in one
/// transaction, through Npgsql against the same server, in a schema of its own. Needs a server named by
/// <see cref="Variable"/>; <see cref="Program"/> leaves these cases out, saying so, when it is unset.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PostgreSqlStoreBenchmarks
{
    /// <summary>The environment variable holding the server's connection string.</summary>
    public const string Variable = "CUSTOMERADVOCACY_POSTGRES";

    // Running incidents that take the "append 1 running" appends in turn.
    private const int RunningIncidents = 1000;

    private readonly IncidentEventSerializer _serializer = new();
    private readonly string _schema = "bench_" + Guid.NewGuid().ToString("N");
    private string _server = "";
    private PostgreSqlIncidentStore _store = null!;
    private NpgsqlDataSource _plain = null!;
    private IncidentId _loaded;
    private string _payload = "";
    private IncidentEngine _engine = null!;
    private RunningStreams _runningInStore = null!;
    private RunningStreams _runningInPlain = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _server = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given
            ? given
            : throw new InvalidOperationException($"Set {Variable} to a PostgreSQL connection string to run these benchmarks.");
        await ExecuteAsync(_server, $"CREATE SCHEMA {_schema}_store; CREATE SCHEMA {_schema}_plain;");
        _store = new PostgreSqlIncidentStore(new NpgsqlConnectionStringBuilder(_server) { SearchPath = _schema + "_store" }.ConnectionString);
        await _store.InitializeAsync();
        _plain = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(_server) { SearchPath = _schema + "_plain" }.ConnectionString);
        await ExecuteAsync(
            new NpgsqlConnectionStringBuilder(_server) { SearchPath = _schema + "_plain" }.ConnectionString,
            "CREATE TABLE events (incident_id uuid NOT NULL, version bigint NOT NULL, payload text NOT NULL, UNIQUE (incident_id, version)); "
            + "CREATE TABLE snapshots (incident_id uuid NOT NULL PRIMARY KEY, version bigint NOT NULL, payload text NOT NULL);");

        _loaded = IncidentId.New();
        var history = StoreBenchmarkStreams.Stream(_loaded, 1000);
        for (var i = 0; i < history.Count; i += 100)
        {
            var batch = history.Skip(i).Take(100).Select(e => e with { Metadata = e.Metadata with { CommandId = history[i].Metadata.CommandId } }).ToArray();
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
        await using (var insert = _plain.CreateCommand("INSERT INTO snapshots VALUES ($1, $2, $3)"))
        {
            insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = _loaded.Value });
            insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = snapshot.Version });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = snapshot.Payload });
            await insert.ExecuteNonQueryAsync();
        }

        _engine = new IncidentEngine(_store, CustomerAdvocacy.Testing.FixedIncidentContextProvider.Standard, NodaTime.Testing.FakeClock.FromUtc(2026, 3, 2), null, new IncidentEngineOptions { SnapshotInterval = 100 });
        if (!(await _engine.LoadAsync(_loaded)).Equals(IncidentEvolver.Replay(_loaded, history)))
        {
            throw new InvalidOperationException("The snapshot load does not give the replayed state.");
        }
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _store.DisposeAsync();
        await _plain.DisposeAsync();
        await ExecuteAsync(_server, $"DROP SCHEMA {_schema}_store CASCADE; DROP SCHEMA {_schema}_plain CASCADE;");
    }

    [Benchmark(Baseline = true, Description = "plain INSERT, 1 event")]
    [BenchmarkCategory("append 1")]
    public Task PlainAppendOne() => PlainInsertAsync(IncidentId.New(), 1, 1);

    [Benchmark(Description = "plain INSERTs sent as one batch, 1 event (reference)")]
    [BenchmarkCategory("append 1")]
    public Task PlainBatchAppendOne() => PlainBatchInsertAsync(IncidentId.New(), 1);

    [Benchmark(Description = "PostgreSqlIncidentStore.AppendAsync, 1 event")]
    [BenchmarkCategory("append 1")]
    public Task StoreAppendOne() => AppendNewAsync(1);

    [Benchmark(Baseline = true, Description = "plain INSERT, 1 event to a running incident")]
    [BenchmarkCategory("append 1 running")]
    public Task PlainAppendOneRunning()
    {
        var (id, version) = _runningInPlain.Next();
        return PlainInsertAsync(id, version + 1, 1);
    }

    [Benchmark(Description = "PostgreSqlIncidentStore.AppendAsync, 1 event to a running incident")]
    [BenchmarkCategory("append 1 running")]
    public Task StoreAppendOneRunning()
    {
        var (id, version) = _runningInStore.Next();
        return _store.AppendAsync(StoreBenchmarkStreams.FollowUp(id, version), CancellationToken.None);
    }

    [Benchmark(Baseline = true, Description = "plain INSERT, batch of 10")]
    [BenchmarkCategory("append 10")]
    public Task PlainAppendTen() => PlainInsertAsync(IncidentId.New(), 1, 10);

    [Benchmark(Description = "plain INSERTs sent as one batch, batch of 10 (reference)")]
    [BenchmarkCategory("append 10")]
    public Task PlainBatchAppendTen() => PlainBatchInsertAsync(IncidentId.New(), 10);

    [Benchmark(Description = "PostgreSqlIncidentStore.AppendAsync, batch of 10")]
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
        var buffer = new byte[4096];
        await using var reader = await PlainSelectLoadedAsync();
        while (await reader.ReadAsync())
        {
            // The text's UTF-8 bytes into one reused buffer: the reader pass itself allocates nothing.
            var length = (int)reader.GetBytes(1, 0, null, 0, 0);
            if (length > buffer.Length)
            {
                buffer = new byte[length];
            }

            reader.GetBytes(1, 0, buffer, 0, length);
            tokens += EventJsonFloor.CountTokens(buffer.AsSpan(0, length));
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

    [Benchmark(Description = "PostgreSqlIncidentStore.ReadStreamAsync, 1,000 events")]
    [BenchmarkCategory("load 1000")]
    public Task<IReadOnlyList<IncidentEvent>> StoreRead() => _store.ReadStreamAsync(_loaded, 1, CancellationToken.None);

    [Benchmark(Description = "PostgreSqlIncidentStore.ReadStreamAsync + replay, 1,000 events")]
    [BenchmarkCategory("load 1000")]
    public async Task<Incident> StoreLoad() => IncidentEvolver.Replay(_loaded, await _store.ReadStreamAsync(_loaded, 1, CancellationToken.None));

    [Benchmark(Baseline = true, Description = "plain SELECT of the snapshot + 1 payload")]
    [BenchmarkCategory("load 1000 with snapshot")]
    public async Task<int> PlainSnapshotLoad()
    {
        var length = 0;
        long version;
        await using (var select = _plain.CreateCommand("SELECT version, payload FROM snapshots WHERE incident_id = $1"))
        {
            select.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = _loaded.Value });
            await using var reader = await select.ExecuteReaderAsync();
            await reader.ReadAsync();
            version = reader.GetInt64(0);
            length += reader.GetString(1).Length;
        }

        await using (var select = _plain.CreateCommand("SELECT version, payload FROM events WHERE incident_id = $1 AND version >= $2 ORDER BY version"))
        {
            select.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = _loaded.Value });
            select.Parameters.Add(new NpgsqlParameter<long> { TypedValue = version });
            await using var reader = await select.ExecuteReaderAsync();
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

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        // Identifiers cannot be parameters; the schema names are Guids this code made.
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The plain SELECT of the loaded stream's payloads through the data source, as every row of the load category
    /// without the store runs it; disposing the reader returns the connection.
    /// </summary>
    private async Task<NpgsqlDataReader> PlainSelectLoadedAsync()
    {
        // A data source's command owns no connection; the reader takes one and gives it back when disposed.
        var select = _plain.CreateCommand("SELECT version, payload FROM events WHERE incident_id = $1 AND version >= 1 ORDER BY version");
        select.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = _loaded.Value });
        return await select.ExecuteReaderAsync();
    }

    private Task AppendNewAsync(int count) => _store.AppendAsync(StoreBenchmarkStreams.NewAppend(count), CancellationToken.None);

    private async Task PlainInsertAsync(IncidentId id, long firstVersion, int count)
    {
        await using var connection = await _plain.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = new NpgsqlCommand("INSERT INTO events (incident_id, version, payload) VALUES ($1, $2, $3)", connection, transaction);
        insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id.Value });
        var version = new NpgsqlParameter<long>();
        insert.Parameters.Add(version);
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _payload });
        for (var v = firstVersion; v < firstVersion + count; v++)
        {
            version.TypedValue = v;
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    /// <summary>The reference for what the store does: the same INSERTs in one batch, one round trip, one implicit transaction.</summary>
    private async Task PlainBatchInsertAsync(IncidentId id, int count)
    {
        await using var connection = await _plain.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection);
        for (var v = 1; v <= count; v++)
        {
            var insert = new NpgsqlBatchCommand("INSERT INTO events (incident_id, version, payload) VALUES ($1, $2, $3)");
            insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id.Value });
            insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = v });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _payload });
            batch.BatchCommands.Add(insert);
        }

        await batch.ExecuteNonQueryAsync();
    }
}
