using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Segmentation;
using Spectre.Console;

namespace CustomerAdvocacy.Cli;

/// <summary>
/// The command tree. Exit codes: 0 done, 1 a user error (bad arguments, a missing file, a customer or policy version
/// the directory does not know; the message says what to put right), 2 an internal error (a bug or an unexpected
/// fault; the message names the exception). Never a stack trace.
/// </summary>
internal static class AdvocacyCommands
{
    internal const int Ok = 0;
    internal const int UserError = 1;
    internal const int InternalError = 2;

    internal static RootCommand Build()
    {
        var root = new RootCommand("advocacy: run escalated customer incidents with every deadline in the customer's own time zone and business calendar.");
        root.Subcommands.Add(DemoCommand());
        root.Subcommands.Add(CalendarCommands.Build());
        root.Subcommands.Add(GraphCommand());
        root.Subcommands.Add(ReplayCommand());
        return root;
    }

    /// <summary>Runs a command body, mapping its failures to the exit codes.</summary>
    internal static async Task<int> Run(Func<CancellationToken, Task> body, CancellationToken cancellationToken)
    {
        var error = Console.Error;
        try
        {
            await body(cancellationToken).ConfigureAwait(false);
            return Ok;
        }
        catch (Exception e) when (e is UserErrorException or UnknownCustomerException or UnknownPolicyException)
        {
            // The library's not-found messages name the customer or the policy version: the user corrects the id or
            // publishes it.
            await error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return UserError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("cancelled").ConfigureAwait(false);
            return UserError;
        }
        catch (Exception e)
        {
            await error.WriteLineAsync($"internal error ({e.GetType().Name}): {e.Message}").ConfigureAwait(false);
            return InternalError;
        }
    }

    private static Command DemoCommand()
    {
        var db = new Option<string?>("--db") { Description = "The SQLite file to write the demo incident to; it must not exist yet. Default: a new file in the temporary folder." };
        var command = new Command("demo", "Runs the Saturday-patch incident end to end on an embedded SQLite store and prints its timeline in the customer's zone.") { db };
        command.SetAction((result, cancellationToken) => Run(ct => DemoScenario.RunAsync(result.GetValue(db), ct), cancellationToken));
        return command;
    }

    private static Command GraphCommand()
    {
        var output = new Option<string>("--out") { Description = "The folder to write the graphs to (created when missing).", DefaultValueFactory = _ => "graphs" };
        var command = new Command("graph", "Writes the Mermaid graph of every state machine as a Markdown page.") { output };
        command.SetAction((result, cancellationToken) => Run(_ => WriteGraphs(result.GetValue(output)!), cancellationToken));
        return command;
    }

    private static Command ReplayCommand()
    {
        var db = new Argument<string>("db") { Description = "The SQLite file (for example the one `advocacy demo` wrote)." };
        var incident = new Argument<string>("incident-id") { Description = "The incident's id (a GUID)." };
        var zone = new Option<string>("--zone") { Description = "The time zone to show instants in (IANA id).", DefaultValueFactory = _ => "UTC" };
        var command = new Command("replay", "Prints an incident's history from a SQLite store.") { db, incident, zone };
        command.SetAction((result, cancellationToken) => Run(ct => Replay.RunAsync(result.GetValue(db)!, result.GetValue(incident)!, result.GetValue(zone)!, ct), cancellationToken));
        return command;
    }

    private static Task WriteGraphs(string folder)
    {
        var graphs = CustomerAdvocacy.Diagnostics.MachineGraphs.All();
        Directory.CreateDirectory(folder);
        var table = new Table().AddColumn("Machine").AddColumn("File");
        AnsiConsole.Progress().Start(progress =>
        {
            var task = progress.AddTask("Writing graphs", maxValue: graphs.Count);
            foreach (var graph in graphs)
            {
                var path = Path.Combine(folder, graph.Name + ".md");
                File.WriteAllText(path, graph.Markdown);
                table.AddRow(Markup.Escape(graph.Name), Markup.Escape(path));
                task.Increment(1);
            }
        });
        AnsiConsole.Write(table);
        return Task.CompletedTask;
    }
}
