using System;
using System.Linq;
using CustomerAdvocacy.Scheduling;
using NodaTime;

namespace CustomerAdvocacy.Tests;

/// <summary>
/// The README's example is the code between the region markers below, so it always compiles and runs;
/// a test fails when the README and this file drift apart.
/// </summary>
public sealed class ReadmeExampleTests
{
    private const string RegionStart = "#region readme-example";
    private const string RegionEnd = "#endregion";

    [Fact]
    public void ReadmeExample_Runs_DueOnNextBusinessDay()
    {
        #region readme-example
        var calendar = new BusinessCalendarBuilder("Europe/London")
            .AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 30))
            .AddHoliday(new LocalDate(2026, 12, 25), "Christmas Day")
            .Build();

        var reported = Instant.FromUtc(2026, 12, 24, 16, 0);            // Thursday 16:00 in London
        var due = calendar.Add(reported, Duration.FromHours(4));        // four business hours later
        Console.WriteLine(due.InZone(calendar.Zone));                   // 2026-12-28T11:30:00 Europe/London (+00)
        #endregion

        Assert.Equal(Instant.FromUtc(2026, 12, 28, 11, 30), due);
    }

    [Fact]
    public void Readme_CSharpExample_MatchesTheCompiledRegion()
    {
        var readme = RepositoryFiles.ReadAllText("README.md");
        var fence = readme.IndexOf("```csharp\n", StringComparison.Ordinal);
        Assert.True(fence >= 0, "README.md has no ```csharp example.");
        var bodyStart = fence + "```csharp\n".Length;
        var readmeExample = readme.Substring(bodyStart, readme.IndexOf("```", bodyStart, StringComparison.Ordinal) - bodyStart);

        Assert.Equal(ExpectedReadmeExample(), readmeExample);
    }

    private static string ExpectedReadmeExample()
    {
        var lines = RepositoryFiles.ReadAllText("tests/CustomerAdvocacy.Tests/ReadmeExampleTests.cs").Split('\n');
        var start = Array.FindIndex(lines, l => l.Trim() == RegionStart) + 1;
        var end = Array.FindIndex(lines, start, l => l.Trim() == RegionEnd);
        var body = lines.Skip(start).Take(end - start).ToArray();
        var indent = body.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        var usings = lines.Where(l => l.StartsWith("using CustomerAdvocacy", StringComparison.Ordinal) || l == "using NodaTime;");
        return string.Join("\n", usings) + "\n\n" + string.Join("\n", body.Select(l => l.Length >= indent ? l.Substring(indent) : l.Trim())) + "\n";
    }
}
