using System;
using System.IO;
using CustomerAdvocacy.Diagnostics;
using CustomerAdvocacy.Escalation;

namespace CustomerAdvocacy.Tests.Escalation;

/// <summary>
/// docs/graphs/escalation.md is generated from the escalation machine. The test regenerates it in memory and fails when
/// the committed file differs. To update it: CUSTOMERADVOCACY_UPDATE_DOCS=1 dotnet test -c Release.
/// </summary>
public sealed class EscalationDocsTests
{
    [Fact]
    public void EscalationGraph_CommittedFile_MatchesCode()
    {
        var generated = EscalationDocs.Graph();
        var path = Path.Combine(RepositoryRoot(), EscalationDocs.GraphPath);
        if (Environment.GetEnvironmentVariable("CUSTOMERADVOCACY_UPDATE_DOCS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, generated);
        }

        Assert.True(File.Exists(path), $"{EscalationDocs.GraphPath} is missing. Generate it: CUSTOMERADVOCACY_UPDATE_DOCS=1 dotnet test -c Release");
        Assert.True(
            File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal) == generated,
            $"{EscalationDocs.GraphPath} is stale: regenerate it with CUSTOMERADVOCACY_UPDATE_DOCS=1 dotnet test -c Release and commit the result.");
    }

    [Fact]
    public void EscalationGraph_IsMermaidWithEveryPhaseAndTrigger()
    {
        var graph = EscalationDocs.Graph();
        Assert.Contains("```mermaid", graph, StringComparison.Ordinal);
        foreach (var name in Enum.GetNames(typeof(EscalationPhase)))
        {
            Assert.Contains(name, graph, StringComparison.Ordinal);
        }

        foreach (var name in Enum.GetNames(typeof(EscalationTrigger)))
        {
            Assert.Contains(name, graph, StringComparison.Ordinal);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CustomerAdvocacy.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with CustomerAdvocacy.sln) was not found above " + AppContext.BaseDirectory);
    }
}
