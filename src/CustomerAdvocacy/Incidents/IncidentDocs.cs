using System.Linq;
using System.Text;

namespace CustomerAdvocacy.Incidents;

/// <summary>
/// Generates the documentation pages that describe the engine from its code: the lifecycle graph and the
/// authorization table. A test compares them with the committed files in <c>docs/</c>.
/// </summary>
internal static class IncidentDocs
{
    internal const string LifecycleGraphPath = "docs/graphs/incident-lifecycle.md";
    internal const string AuthorizationPath = "docs/authorization.md";

    private const string Regenerate =
        "<!-- Generated from code by IncidentDocs; do not edit. Regenerate: CUSTOMERADVOCACY_UPDATE_DOCS=1 dotnet test -c Release -->";

    internal static string LifecycleGraph()
    {
        var text = new StringBuilder()
            .Append("# Incident lifecycle").Append('\n').Append('\n')
            .Append(Regenerate).Append('\n').Append('\n')
            .Append("The incident lifecycle machine as Stateless exports it. Self-loops are internal transitions: the ")
            .Append("command is permitted in that state and leaves it unchanged. Owned, Open and Promising are superstates, ")
            .Append("never the state of an incident: a command allowed in every state they hold is written once, on them.")
            .Append('\n').Append('\n')
            .Append("```mermaid").Append('\n')
            .Append(Normalize(IncidentLifecycle.Definition.ToMermaid())).Append('\n')
            .Append("```").Append('\n');
        return text.ToString();
    }

    internal static string AuthorizationTableMarkdown()
    {
        var roles = AuthorizationTable.Roles;
        var text = new StringBuilder()
            .Append("# Who may issue which command").Append('\n').Append('\n')
            .Append(Regenerate).Append('\n').Append('\n')
            .Append("Enforced by the engine before the lifecycle and the rules are consulted. Acting as AccountableOwner ")
            .Append("also requires being the incident's current owner; accepting a handoff requires being the named successor.")
            .Append('\n').Append('\n')
            .Append("| Command | ").Append(string.Join(" | ", roles)).Append(" |").Append('\n')
            .Append("|---|").Append(string.Concat(roles.Select(_ => "---|"))).Append('\n');
        foreach (var trigger in AuthorizationTable.Triggers)
        {
            text.Append("| ").Append(trigger).Append(" | ")
                .Append(string.Join(" | ", roles.Select(r => AuthorizationTable.IsAllowed(r, trigger) ? "yes" : "")))
                .Append(" |").Append('\n');
        }

        return text.ToString();
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n").TrimEnd('\n', ' ');
}
