using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CustomerAdvocacy.Diagnostics;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Planning;
using CustomerAdvocacy.Review;

namespace CustomerAdvocacy.Tests;

/// <summary>
/// The machine graphs and the authorization table in docs/ are generated from code. These tests regenerate them in
/// memory and fail when the committed files differ. A new generated page adds one line to <see cref="Docs"/>. To update
/// them: CUSTOMERADVOCACY_UPDATE_DOCS=1 dotnet test -c Release.
/// </summary>
public sealed class GeneratedDocsTests
{
    /// <summary>Every generated page: where it is committed, how to generate it, and for a graph, its states.</summary>
    private static readonly GeneratedDoc[] Docs =
    {
        new(IncidentDocs.LifecycleGraphPath, IncidentDocs.LifecycleGraph, typeof(IncidentState)),
        new(IncidentDocs.AuthorizationPath, IncidentDocs.AuthorizationTableMarkdown, null),
        new(PlanningDocs.ChangePlanGraphPath, PlanningDocs.ChangePlanGraph, typeof(ChangePlanState)),
        new(PlanningDocs.CommunicationGraphPath, PlanningDocs.CommunicationGraph, typeof(CommunicationState)),
        new(MitigationTrialDocs.TrialGraphPath, MitigationTrialDocs.TrialGraph, typeof(MitigationTrialState)),
        new(ReviewDocs.ReviewGraphPath, ReviewDocs.ReviewGraph, typeof(ReviewState)),
    };

    public static TheoryData<string> Paths => ToTheoryData(Docs);

    public static TheoryData<string> GraphPaths => ToTheoryData(Docs.Where(d => d.States is not null));

    [Theory]
    [MemberData(nameof(Paths))]
    public void CommittedFile_Always_MatchesCode(string relativePath)
    {
        var generated = Find(relativePath).Generate();
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

    [Theory]
    [MemberData(nameof(GraphPaths))]
    public void Graph_Always_IsMermaidWithEveryState(string relativePath)
    {
        var doc = Find(relativePath);
        var graph = doc.Generate();
        Assert.Contains("```mermaid", graph, StringComparison.Ordinal);
        foreach (var state in Enum.GetNames(doc.States!))
        {
            Assert.Contains(state, graph, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AuthorizationTable_Always_HasARowPerTrigger()
    {
        var table = IncidentDocs.AuthorizationTableMarkdown();
        foreach (var trigger in AuthorizationTable.Triggers)
        {
            Assert.Contains("| " + trigger + " |", table, StringComparison.Ordinal);
        }
    }

    private static GeneratedDoc Find(string relativePath) => Docs.Single(d => d.Path == relativePath);

    private static TheoryData<string> ToTheoryData(IEnumerable<GeneratedDoc> docs)
    {
        var data = new TheoryData<string>();
        foreach (var doc in docs)
        {
            data.Add(doc.Path);
        }

        return data;
    }

    private sealed record GeneratedDoc(string Path, Func<string> Generate, Type? States);
}
