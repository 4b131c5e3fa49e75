using System;
using System.IO;
using CustomerAdvocacy.Planning;
using CustomerAdvocacy.Review;

namespace CustomerAdvocacy.Tests.Planning;

/// <summary>
/// The trial and review graphs in docs/graphs are generated from the machine definitions; these tests fail when the
/// committed files are stale. To update them: CUSTOMERADVOCACY_UPDATE_DOCS=1 dotnet test -c Release.
/// </summary>
public sealed class ProcessGraphDocsTests
{
    [Fact]
    public void MitigationTrialGraph_CommittedFile_MatchesCode()
        => AssertCurrent(MitigationTrialDocs.TrialGraphPath, MitigationTrialDocs.TrialGraph());

    [Fact]
    public void ManagementReviewGraph_CommittedFile_MatchesCode()
        => AssertCurrent(ReviewDocs.ReviewGraphPath, ReviewDocs.ReviewGraph());

    [Fact]
    public void Graphs_AreMermaidWithEveryState()
    {
        foreach (var (graph, states) in new[] { (MitigationTrialDocs.TrialGraph(), typeof(MitigationTrialState)), (ReviewDocs.ReviewGraph(), typeof(ReviewState)) })
        {
            Assert.Contains("```mermaid", graph, StringComparison.Ordinal);
            foreach (var state in Enum.GetNames(states))
            {
                Assert.Contains(state, graph, StringComparison.Ordinal);
            }
        }
    }

    private static void AssertCurrent(string relativePath, string generated)
    {
        var path = RepositoryFiles.PathOf(relativePath);
        if (Environment.GetEnvironmentVariable("CUSTOMERADVOCACY_UPDATE_DOCS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, generated);
        }

        Assert.True(File.Exists(path), $"{relativePath} is missing. Generate it: CUSTOMERADVOCACY_UPDATE_DOCS=1 dotnet test -c Release");
        Assert.True(
            RepositoryFiles.ReadAllText(relativePath) == generated,
            $"{relativePath} is stale: the code changed. Regenerate it with CUSTOMERADVOCACY_UPDATE_DOCS=1 dotnet test -c Release and commit the result.");
    }
}
