using System;
using System.IO;
using CustomerAdvocacy.Planning;

namespace CustomerAdvocacy.Tests.Planning;

/// <summary>
/// The change-plan and communication graphs in docs/graphs are generated from code; these tests fail when the committed
/// files differ. To update them: CUSTOMERADVOCACY_UPDATE_DOCS=1 dotnet test -c Release.
/// </summary>
public sealed class PlanningGeneratedDocsTests
{
    [Fact]
    public void ChangePlanGraph_CommittedFile_MatchesCode()
        => AssertCurrent(PlanningDocs.ChangePlanGraphPath, PlanningDocs.ChangePlanGraph());

    [Fact]
    public void CommunicationGraph_CommittedFile_MatchesCode()
        => AssertCurrent(PlanningDocs.CommunicationGraphPath, PlanningDocs.CommunicationGraph());

    [Fact]
    public void Graphs_AreMermaidWithEveryState()
    {
        AssertStates(PlanningDocs.ChangePlanGraph(), typeof(ChangePlanState));
        AssertStates(PlanningDocs.CommunicationGraph(), typeof(CommunicationState));
    }

    private static void AssertStates(string graph, Type states)
    {
        Assert.Contains("```mermaid", graph, StringComparison.Ordinal);
        foreach (var state in Enum.GetNames(states))
        {
            Assert.Contains(state, graph, StringComparison.Ordinal);
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
