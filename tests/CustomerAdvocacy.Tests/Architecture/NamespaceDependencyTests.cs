using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace CustomerAdvocacy.Tests.Architecture;

/// <summary>
/// The core's namespaces depend on each other in one direction only: kernel ← scheduling ← processes ← incidents ←
/// engine, with storage contracts beside the engine. The test reads every source file's <c>using</c> lines, so a new
/// edge is a deliberate change to the matrix below, reviewed like any other.
/// </summary>
public class NamespaceDependencyTests
{
    private const string Root = "CustomerAdvocacy";

    private static readonly string[] Processes = ["Segmentation", "Engagement", "Resolution", "Escalation", "Planning", "Review"];

    /// <summary>Every core namespace and the namespaces its files may name in a <c>using</c> line.</summary>
    private static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>
    {
        ["Kernel"] = [],
        ["Scheduling"] = ["Kernel"],
        ["Segmentation"] = ["Kernel", "Scheduling"],
        ["Engagement"] = ["Kernel", "Scheduling"],
        ["Resolution"] = ["Kernel", "Scheduling"],
        ["Escalation"] = ["Kernel", "Scheduling", "Engagement"],
        ["Planning"] = ["Kernel", "Scheduling", "Segmentation", "Engagement"],
        ["Review"] = ["Kernel", "Scheduling", "Segmentation", "Engagement", "Planning"],
        ["Incidents"] = ["Kernel", "Scheduling", .. Processes],
        ["DueActions"] = ["Kernel", "Scheduling", .. Processes, "Incidents"],
        ["Diagnostics"] = ["Kernel", "Scheduling", .. Processes, "Incidents"],
        ["Storage"] = ["Kernel", "Scheduling", .. Processes, "Incidents", "DueActions", "Diagnostics"],
        ["Engine"] = ["Kernel", "Scheduling", .. Processes, "Incidents", "DueActions", "Diagnostics", "Storage"],
    };

    private static readonly Regex NamespaceLine = new(@"^namespace\s+CustomerAdvocacy(?:\.(?<name>\w+))?[\w.]*\s*;", RegexOptions.Multiline);
    private static readonly Regex UsingLine = new(@"^using\s+(?:static\s+)?(?:\w+\s*=\s*)?(?:global::)?CustomerAdvocacy\.(?<name>\w+)[\w.]*\s*;", RegexOptions.Multiline);

    [Fact]
    public void EveryUsingOfACoreFile_IsAnEdgeOfTheMatrix()
    {
        var violations = Edges()
            .Where(e => !Allowed.TryGetValue(e.From, out var to) || !to.Contains(e.To))
            .Select(e => $"{e.File}: {e.From} -> {e.To}")
            .ToArray();

        Assert.True(violations.Length == 0, "Dependencies outside the allowed matrix:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void CoreNamespaces_HaveNoCycle()
    {
        var graph = Edges().GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).Distinct().ToArray());

        var cycle = FindCycle(graph);

        Assert.True(cycle is null, "Namespace cycle: " + string.Join(" -> ", cycle ?? []));
    }

    [Fact]
    public void AllowedMatrix_IsAcyclicAndNamesEveryCoreNamespace()
    {
        // The matrix is the written architecture: it must itself be a layering, and it must know every folder of the
        // core (a new namespace is placed in it on purpose).
        Assert.Null(FindCycle(Allowed.ToDictionary(p => p.Key, p => p.Value)));
        var namespaces = SourceFiles().Select(f => NamespaceOf(File.ReadAllText(f))).OfType<string>().Distinct();
        Assert.All(namespaces, n => Assert.True(Allowed.ContainsKey(n), $"{Root}.{n} is not in the allowed matrix."));
    }

    [Fact]
    public void FindCycle_FindsATwoNamespaceCycle()
    {
        // The checker itself: a cycle it cannot see would make the test above pass for nothing.
        var graph = new Dictionary<string, string[]> { ["A"] = ["B"], ["B"] = ["C"], ["C"] = ["A"], ["D"] = ["A"] };

        Assert.Equal(["A", "B", "C", "A"], FindCycle(graph) ?? []);
        Assert.Null(FindCycle(new Dictionary<string, string[]> { ["A"] = ["B"], ["B"] = [] }));
    }

    private static IEnumerable<string> SourceFiles()
        => Directory.EnumerateFiles(RepositoryFiles.PathOf("src/CustomerAdvocacy"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string? NamespaceOf(string text)
    {
        var match = NamespaceLine.Match(text);
        return match.Success && match.Groups["name"].Success ? match.Groups["name"].Value : null;
    }

    private static List<(string File, string From, string To)> Edges()
    {
        var edges = new List<(string, string, string)>();
        foreach (var file in SourceFiles())
        {
            var text = File.ReadAllText(file);
            var from = NamespaceOf(text);
            if (from is null)
            {
                // Files of the root namespace (Preconditions, EquatableList, validation problems) are the primitives
                // under the kernel: they may use nothing of the core.
                Assert.False(UsingLine.IsMatch(text), $"{file} is in the root namespace and uses a core namespace.");
                continue;
            }

            foreach (Match match in UsingLine.Matches(text))
            {
                var to = match.Groups["name"].Value;
                if (to != from)
                {
                    edges.Add((Path.GetRelativePath(RepositoryFiles.Root, file), from, to));
                }
            }
        }

        Assert.NotEmpty(edges);
        return edges;
    }

    private static string[]? FindCycle(IReadOnlyDictionary<string, string[]> graph)
    {
        var state = new Dictionary<string, int>();
        var path = new List<string>();

        string[]? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in graph.TryGetValue(node, out var targets) ? targets : [])
            {
                if (state.TryGetValue(next, out var s) && s == 1)
                {
                    return [.. path.Skip(path.IndexOf(next)), next];
                }

                if (!state.ContainsKey(next) && Visit(next) is { } found)
                {
                    return found;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }

        foreach (var node in graph.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            if (!state.ContainsKey(node) && Visit(node) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }
}
