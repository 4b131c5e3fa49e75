using System.Text;
using CustomerAdvocacy.Planning;

namespace CustomerAdvocacy.Diagnostics;

/// <summary>
/// Generates the graphs of the planning machines (change plan, communication) from code, as the engine's
/// <c>IncidentDocs</c> does; a test compares them with the committed files in <c>docs/graphs/</c>.
/// </summary>
internal static class PlanningDocs
{
    internal const string ChangePlanGraphPath = "docs/graphs/change-plan.md";
    internal const string CommunicationGraphPath = "docs/graphs/communication.md";

    private const string Regenerate =
        "<!-- Generated from code by PlanningDocs; do not edit. Regenerate: CUSTOMERADVOCACY_UPDATE_DOCS=1 dotnet test -c Release -->";

    internal static string ChangePlanGraph() => Page(
        "Change-plan execution",
        "The change-plan execution machine as Stateless exports it. Self-loops are internal transitions: the command is "
        + "permitted in that state and leaves it unchanged (handoffs, leaving, rescheduling). Only a customer role fires "
        + "ConfirmAllIsWell, the one way to close a plan.",
        ChangePlanMachine.Definition.ToMermaid());

    internal static string CommunicationGraph() => Page(
        "Communications to the customer",
        "Results meant for the customer reach them only from internal review, released by the account team.",
        CommunicationMachine.Definition.ToMermaid());

    private static string Page(string title, string intro, string mermaid) => new StringBuilder()
        .Append("# ").Append(title).Append('\n').Append('\n')
        .Append(Regenerate).Append('\n').Append('\n')
        .Append(intro).Append('\n').Append('\n')
        .Append("```mermaid").Append('\n')
        .Append(mermaid.Replace("\r\n", "\n").TrimEnd('\n', ' ')).Append('\n')
        .Append("```").Append('\n')
        .ToString();
}
