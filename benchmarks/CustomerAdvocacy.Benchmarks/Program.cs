using System;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Running;

namespace CustomerAdvocacy.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project benchmarks/CustomerAdvocacy.Benchmarks -- --filter '*'</c>;
/// <c>-- --retained</c> measures retained memory per open incident instead, <c>-- --load-minimums</c> the load cases' best times.
/// </summary>
public static class Program
{
    public static async Task Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--retained")
        {
            Console.Write(await RetainedMemory.MeasureAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000));
            return;
        }

        if (args.Length > 0 && args[0] == "--load-minimums")
        {
            Console.Write(await LoadMinimums.MeasureAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200));
            return;
        }

        var types = typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsPublic && !t.IsAbstract && t.GetMethods().Any(m => m.IsDefined(typeof(BenchmarkDotNet.Attributes.BenchmarkAttribute), false)))
            .ToList();
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgreSqlStoreBenchmarks.Variable)))
        {
            Console.WriteLine($"PostgreSqlStoreBenchmarks skipped: set {PostgreSqlStoreBenchmarks.Variable} to a PostgreSQL connection string to run them.");
            types.Remove(typeof(PostgreSqlStoreBenchmarks));
        }

        BenchmarkSwitcher.FromTypes(types.ToArray()).Run(args);
    }
}
