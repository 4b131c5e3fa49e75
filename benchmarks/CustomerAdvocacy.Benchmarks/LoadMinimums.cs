using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace CustomerAdvocacy.Benchmarks;

/// <summary>
/// A steadier view of the load cases on a shared machine than ShortRun's means: each case of the store and serializer
/// benchmarks run many times in turn, reporting the best and the median time. Interleaving the cases round by round
/// exposes them all to the same machine load. Run with <c>-- --load-minimums [rounds]</c>.
/// </summary>
public static class LoadMinimums
{
    /// <summary>Measures the load cases; the PostgreSQL ones only when its server is configured.</summary>
    /// <param name="rounds">How many times each case runs.</param>
    /// <returns>A table, one line per case.</returns>
    public static async Task<string> MeasureAsync(int rounds)
    {
        var cases = new List<(string Name, Func<Task> Run)>();
        var serializer = new EventSerializerBenchmarks();
        serializer.Setup();
        cases.Add(("serializer: bare Utf8JsonReader pass x1,000 (floor)", () => Task.FromResult(serializer.ReaderPass())));
        cases.Add(("serializer: JsonDocument.Parse x1,000", () => Task.FromResult(serializer.DocumentParse())));
        cases.Add(("serializer: Deserialize x1,000", () => Task.FromResult(serializer.Deserialize())));
        var writing = new EventSerializerWriteBenchmarks();
        writing.Setup();
        cases.Add(("serializer: hand-written Utf8JsonWriter x1,000 (write floor)", () => Task.FromResult(writing.Floor())));
        cases.Add(("serializer: Serialize x1,000", () => Task.FromResult(writing.Serialize())));
        var snapshot = new SnapshotSerializerBenchmarks();
        snapshot.Setup();
        cases.Add(("snapshot serializer: TryDeserialize", () => Task.FromResult(snapshot.Deserialize())));
        var sqlite = new SqliteStoreBenchmarks();
        await sqlite.Setup();
        cases.Add(("SQLite: plain SELECT (baseline)", sqlite.PlainLoad));
        cases.Add(("SQLite: plain SELECT + JsonDocument.Parse", sqlite.PlainLoadParsed));
        cases.Add(("SQLite: plain SELECT + Utf8JsonReader pass (floor)", sqlite.PlainLoadReaderPass));
        cases.Add(("SQLite: plain SELECT + Deserialize", sqlite.PlainLoadDeserialized));
        cases.Add(("SQLite: ReadStreamAsync", sqlite.StoreRead));
        cases.Add(("SQLite: plain SELECT of the snapshot + 1 payload (baseline)", sqlite.PlainSnapshotLoad));
        cases.Add(("SQLite: IncidentEngine.LoadAsync with snapshot", sqlite.EngineSnapshotLoad));
        PostgreSqlStoreBenchmarks? postgres = null;
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgreSqlStoreBenchmarks.Variable)))
        {
            postgres = new PostgreSqlStoreBenchmarks();
            await postgres.Setup();
            cases.Add(("PostgreSQL: plain SELECT (baseline)", postgres.PlainLoad));
            cases.Add(("PostgreSQL: plain SELECT + JsonDocument.Parse", postgres.PlainLoadParsed));
            cases.Add(("PostgreSQL: plain SELECT + Utf8JsonReader pass (floor)", postgres.PlainLoadReaderPass));
            cases.Add(("PostgreSQL: plain SELECT + Deserialize", postgres.PlainLoadDeserialized));
            cases.Add(("PostgreSQL: ReadStreamAsync", postgres.StoreRead));
            cases.Add(("PostgreSQL: plain SELECT of the snapshot + 1 payload (baseline)", postgres.PlainSnapshotLoad));
            cases.Add(("PostgreSQL: IncidentEngine.LoadAsync with snapshot", postgres.EngineSnapshotLoad));
        }

        try
        {
            var times = cases.Select(_ => new List<double>(rounds)).ToArray();
            for (var round = -10; round < rounds; round++)
            {
                for (var i = 0; i < cases.Count; i++)
                {
                    var watch = Stopwatch.StartNew();
                    await cases[i].Run();
                    if (round >= 0)
                    {
                        times[i].Add(watch.Elapsed.TotalMilliseconds * 1000);
                    }
                }
            }

            var text = new StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"| Case ({rounds} rounds) | Best | Median |");
            text.AppendLine("|---|---|---|");
            for (var i = 0; i < cases.Count; i++)
            {
                var sorted = times[i].OrderBy(t => t).ToArray();
                text.AppendLine(CultureInfo.InvariantCulture, $"| {cases[i].Name} | {sorted[0]:F1} µs | {sorted[sorted.Length / 2]:F1} µs |");
            }

            return text.ToString();
        }
        finally
        {
            sqlite.Cleanup();
            if (postgres is not null)
            {
                await postgres.Cleanup();
            }
        }
    }
}
