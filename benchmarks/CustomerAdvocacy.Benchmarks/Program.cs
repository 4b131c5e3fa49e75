using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Running;

namespace CustomerAdvocacy.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project benchmarks/CustomerAdvocacy.Benchmarks -- --filter '*'</c>;
/// <c>-- --retained</c> measures retained memory per open incident instead.
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

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
