using CustomerAdvocacy.Review;

namespace CustomerAdvocacy.Diagnostics;

/// <summary>Generates the Mermaid page of the management review machine; a test checks the committed file.</summary>
internal static class ReviewDocs
{
    internal const string ReviewGraphPath = "docs/graphs/management-review.md";

    internal static string ReviewGraph() => MitigationTrialDocs.Page(
        "Internal management review",
        "The management review machine as Stateless exports it. Self-loops are internal transitions: the command is permitted in that state and leaves it unchanged. Only an executive fires DecideTermination.",
        ReviewDecider.Definition.ToMermaid());
}
