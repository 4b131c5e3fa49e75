using System;
using System.IO;
using CustomerAdvocacy.Incidents;

namespace CustomerAdvocacy.Tests.Incidents;

/// <summary>
/// The lifecycle graph and the authorization table in docs/ are generated from code. These tests regenerate them in
/// memory and fail when the committed files differ. To update them: CUSTOMERADVOCACY_UPDATE_DOCS=1 dotnet test -c Release.
/// </summary>
public sealed class GeneratedDocsTests
{
    [Fact]
    public void LifecycleGraph_CommittedFile_MatchesCode()
        => AssertCurrent(IncidentDocs.LifecycleGraphPath, IncidentDocs.LifecycleGraph());

    [Fact]
    public void AuthorizationTable_CommittedFile_MatchesCode()
        => AssertCurrent(IncidentDocs.AuthorizationPath, IncidentDocs.AuthorizationTableMarkdown());

    [Fact]
    public void LifecycleGraph_IsMermaidWithEveryState()
    {
        var graph = IncidentDocs.LifecycleGraph();
        Assert.Contains("```mermaid", graph, StringComparison.Ordinal);
        foreach (var state in Enum.GetNames(typeof(IncidentState)))
        {
            Assert.Contains(state, graph, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AuthorizationTable_HasARowPerTrigger()
    {
        var table = IncidentDocs.AuthorizationTableMarkdown();
        foreach (var trigger in AuthorizationTable.Triggers)
        {
            Assert.Contains("| " + trigger + " |", table, StringComparison.Ordinal);
        }
    }

    private static void AssertCurrent(string relativePath, string generated)
    {
        var path = Path.Combine(RepositoryRoot(), relativePath);
        if (Environment.GetEnvironmentVariable("CUSTOMERADVOCACY_UPDATE_DOCS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, generated);
        }

        Assert.True(File.Exists(path), $"{relativePath} is missing. Generate it: CUSTOMERADVOCACY_UPDATE_DOCS=1 dotnet test -c Release");
        var committed = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.True(
            committed == generated,
            $"{relativePath} is stale: the code changed. Regenerate it with CUSTOMERADVOCACY_UPDATE_DOCS=1 dotnet test -c Release and commit the result.");
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
