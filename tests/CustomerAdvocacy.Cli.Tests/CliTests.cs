using System;
using System.IO;
using System.Threading.Tasks;

namespace CustomerAdvocacy.Cli.Tests;

public sealed class CliTests : IDisposable
{
    private const string DemoIncident = "5a7a0000-0000-4000-8000-00000000d340";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "advocacy-cli-tests-" + Guid.NewGuid().ToString("N"));

    public CliTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Demo_NewDatabase_RunsTheStoryToReviewedAndReplaysTheSubProcesses()
    {
        var db = Path.Combine(_folder, "demo.db");

        var demo = await AdvocacyTool.RunAsync("demo", "--db", db);

        Assert.True(demo.ExitCode == 0, demo.ToString());
        Assert.True(File.Exists(db));
        Assert.Contains("Final state: Reviewed at version 36; criteria met: 3/3; open commitments: 0.", demo.Output, StringComparison.Ordinal);

        // Due instants are shown in the customer's zone, on both sides of the end of daylight saving time.
        Assert.Contains("Tue 2026-10-20 09:40 (-04:00)", demo.Output, StringComparison.Ordinal);
        Assert.Contains("Mon 2026-11-02 09:00 (-05:00)", demo.Output, StringComparison.Ordinal);
        Assert.Contains("offered to the customer", demo.Output, StringComparison.Ordinal);
        Assert.Contains("Sat 2026-10-24 06:00 (-04:00)", demo.Output, StringComparison.Ordinal);

        // The closing gate sees the change plan in the same stream: refused while it is unconfirmed, then closed.
        var refused = demo.Output.IndexOf("refused: incident.change-plans-confirmed", StringComparison.Ordinal);
        var confirmed = demo.Output.IndexOf("change plan ConfirmedByCustomer", StringComparison.Ordinal);
        var resolved = demo.Output.IndexOf("│ Resolved", StringComparison.Ordinal);
        Assert.True(refused >= 0 && refused < confirmed && confirmed < resolved, demo.Output);

        // The management review follows the return to standard operations.
        var returned = demo.Output.IndexOf("ReturnedToSop", StringComparison.Ordinal);
        var reviewCompleted = demo.Output.IndexOf("review Completed", StringComparison.Ordinal);
        Assert.True(returned >= 0 && returned < demo.Output.IndexOf("review Open", StringComparison.Ordinal) && reviewCompleted > returned, demo.Output);

        var replay = await AdvocacyTool.RunAsync("replay", db, DemoIncident, "--zone", "America/New_York");

        Assert.True(replay.ExitCode == 0, replay.ToString());
        Assert.Contains("incident-opened", replay.Output, StringComparison.Ordinal);
        Assert.Contains("resolution-disputed", replay.Output, StringComparison.Ordinal);
        foreach (var subProcessEvent in new[] { "change-plan-drafted", "change-scheduled", "change-validation-started", "change-confirmed-by-customer", "management-review-started", "review-findings-recorded", "management-review-completed" })
        {
            Assert.Contains(subProcessEvent, replay.Output, StringComparison.Ordinal);
        }

        Assert.True(
            replay.Output.IndexOf("change-confirmed-by-customer", StringComparison.Ordinal) < replay.Output.IndexOf("incident-resolved", StringComparison.Ordinal),
            replay.Output);
        Assert.Contains("State: Reviewed at version 36", replay.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_TwoRuns_SameTimeline()
    {
        // Names of one length, so the printed paths wrap alike.
        var first = Path.Combine(_folder, "run-1.db");
        var second = Path.Combine(_folder, "run-2.db");

        var one = await AdvocacyTool.RunAsync("demo", "--db", first);
        var two = await AdvocacyTool.RunAsync("demo", "--db", second);

        Assert.True(one.ExitCode == 0 && two.ExitCode == 0, one + Environment.NewLine + two);
        Assert.Equal(one.Output.Replace("run-1.db", "run-N.db", StringComparison.Ordinal), two.Output.Replace("run-2.db", "run-N.db", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Demo_ExistingDatabase_UserError()
    {
        var db = Path.Combine(_folder, "taken.db");
        await File.WriteAllTextAsync(db, "not a store");

        var run = await AdvocacyTool.RunAsync("demo", "--db", db);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("already exists", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalendarAdd_ExampleFile_DueOverChristmasInLondon()
    {
        // Thursday 24 December has short hours (09:00–13:00), the 25th is a holiday, Saturdays open 10:00–14:00.
        var run = await AdvocacyTool.RunAsync("calendar", "docs/examples/calendar.json", "add", "--from", "2026-12-24T11:00", "--duration", "PT4H");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("2026-12-26 Sat 12:00 Europe/London (+00:00)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalendarBetweenAndNextOpen_ExampleFile_BusinessTimeAndNextOpening()
    {
        var between = await AdvocacyTool.RunAsync("calendar", "docs/examples/calendar.json", "between", "--from", "2026-12-24T09:00", "--to", "2026-12-29T12:00");
        var nextOpen = await AdvocacyTool.RunAsync("calendar", "docs/examples/calendar.json", "next-open", "--at", "2026-12-25T10:00Z");

        Assert.True(between.ExitCode == 0, between.ToString());
        Assert.Contains("15h", between.Output, StringComparison.Ordinal);
        Assert.True(nextOpen.ExitCode == 0, nextOpen.ToString());
        Assert.Contains("2026-12-26 Sat 10:00 Europe/London", nextOpen.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalendarSlots_ExampleBlackouts_SkipTheChangeFreeze()
    {
        var run = await AdvocacyTool.RunAsync("calendar", "docs/examples/calendar.json", "slots", "--from", "2026-12-24T11:00", "--length", "PT2H", "--blackouts", "docs/examples/blackouts.json", "--count", "2");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("2026-12-24 Thu 11:00 Europe/London", run.Output, StringComparison.Ordinal);
        Assert.Contains("2027-01-04 Mon 09:00 Europe/London", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("calendar", "docs/examples/calendar.json", "add", "--from", "yesterday", "--duration", "PT4H")]
    [InlineData("calendar", "docs/examples/calendar.json", "add", "--from", "2026-12-24T11:00", "--duration", "four hours")]
    [InlineData("calendar", "docs/examples/missing.json", "next-open", "--at", "2026-12-24T11:00")]
    [InlineData("calendar", "docs/examples/calendar.json", "add", "--from", "2026-12-24T11:00")]
    [InlineData("replay", "no-such.db", DemoIncident)]
    [InlineData("no-such-command")]
    public async Task BadArguments_UserErrorWithAMessage(params string[] args)
    {
        var run = await AdvocacyTool.RunAsync(args);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.False(string.IsNullOrWhiteSpace(run.Error), run.ToString());
    }

    [Fact]
    public async Task Graph_OutFolder_WritesEveryMachine()
    {
        var output = Path.Combine(_folder, "graphs");

        var run = await AdvocacyTool.RunAsync("graph", "--out", output);

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var machine in new[] { "incident-lifecycle", "escalation", "change-plan", "communication", "mitigation-trial", "management-review" })
        {
            var page = await File.ReadAllTextAsync(Path.Combine(output, machine + ".md"));
            Assert.Contains("```mermaid", page, StringComparison.Ordinal);
            Assert.Equal(await File.ReadAllTextAsync(Path.Combine(AdvocacyTool.RepositoryRoot, "docs", "graphs", machine + ".md")), page);
        }
    }

    [Fact]
    public async Task Help_Root_ListsEveryCommand()
    {
        var run = await AdvocacyTool.RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var command in new[] { "demo", "calendar", "graph", "replay" })
        {
            Assert.Contains(command, run.Output, StringComparison.Ordinal);
        }
    }
}
