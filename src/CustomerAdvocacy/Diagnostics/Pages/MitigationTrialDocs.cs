using System.Text;
using CustomerAdvocacy.Planning;

namespace CustomerAdvocacy.Diagnostics;

/// <summary>
/// Generates the Mermaid pages of the process machines from their definitions; a test compares them with the
/// committed files in <c>docs/graphs/</c>, as the engine's lifecycle graph is checked.
/// </summary>
internal static class MitigationTrialDocs
{
    internal const string TrialGraphPath = "docs/graphs/mitigation-trial.md";

    internal static string TrialGraph() => Page(
        "Mitigation trial",
        "The mitigation trial machine as Stateless exports it. Self-loops are internal transitions: the command is permitted in that state and leaves it unchanged.",
        MitigationTrialDecider.Definition.ToMermaid());

    internal static string Page(string title, string intro, string mermaid)
        => new StringBuilder()
            .Append("# ").Append(title).Append('\n').Append('\n')
            .Append("<!-- Generated from code; do not edit. Regenerate: CUSTOMERADVOCACY_UPDATE_DOCS=1 dotnet test -c Release -->").Append('\n').Append('\n')
            .Append(intro).Append('\n').Append('\n')
            .Append("```mermaid").Append('\n')
            .Append(mermaid).Append('\n')
            .Append("```").Append('\n')
            .ToString();
}
