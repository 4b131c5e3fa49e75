using System.Text;
using CustomerAdvocacy.Escalation;

namespace CustomerAdvocacy.Diagnostics;

/// <summary>
/// Generates <c>docs/graphs/escalation.md</c> from the escalation machine's definition, the way the engine generates
/// the lifecycle graph; a test compares it with the committed file.
/// </summary>
internal static class EscalationDocs
{
    internal const string GraphPath = "docs/graphs/escalation.md";

    private const string Regenerate =
        "<!-- Generated from code by EscalationDocs; do not edit. Regenerate: CUSTOMERADVOCACY_UPDATE_DOCS=1 dotnet test -c Release -->";

    internal static string Graph()
        => new StringBuilder()
            .Append("# Escalation machine").Append('\n').Append('\n')
            .Append(Regenerate).Append('\n').Append('\n')
            .Append("The escalation machine as Stateless exports it; orthogonal to the incident lifecycle. Rungs, repeats and ")
            .Append("the active triggers are data, read by the guards. Self-loops are internal transitions (the phase stays), ")
            .Append("except the guarded time-out of Escalating, a re-entry that rises one rung or repeats the top one.")
            .Append('\n').Append('\n')
            .Append("```mermaid").Append('\n')
            .Append(EscalationMachine.Definition.ToMermaid().Replace("\r\n", "\n").TrimEnd('\n', ' ')).Append('\n')
            .Append("```").Append('\n')
            .Append('\n').Append("## Who may issue which escalation command").Append('\n').Append('\n')
            .Append("Acknowledging also requires acting at the current rung's level or higher; ending the relationship requires an executive.")
            .Append('\n').Append('\n')
            .Append(EscalationAuthorization.Markdown())
            .ToString();
}
