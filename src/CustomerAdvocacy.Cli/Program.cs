using System.Threading.Tasks;

namespace CustomerAdvocacy.Cli;

/// <summary>The <c>advocacy</c> tool's entry point.</summary>
internal static class Program
{
    private static Task<int> Main(string[] args)
    {
        // Piped or redirected output has no terminal width; 80 columns would wrap every timeline row.
        if (System.Console.IsOutputRedirected)
        {
            Spectre.Console.AnsiConsole.Profile.Width = 200;
        }

        return AdvocacyCommands.Build().Parse(args).InvokeAsync();
    }
}
