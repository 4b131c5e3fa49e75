using System;
using System.Collections.Generic;
using CustomerAdvocacy.Incidents;

namespace CustomerAdvocacy.Diagnostics;

/// <summary>One state machine's documentation page: its Mermaid graph as Stateless exports it.</summary>
/// <param name="Name">A short, stable name for the machine (also the page's file name without extension).</param>
/// <param name="DocumentPath">Where the page is committed in the repository, relative to its root.</param>
/// <param name="Markdown">The page: a heading, how it was generated and the <c>mermaid</c> block.</param>
public sealed record MachineGraph(string Name, string DocumentPath, string Markdown);

/// <summary>
/// The Mermaid graphs of every state machine of the library, generated from the machines' definitions (the same text
/// as the pages in <c>docs/graphs</c>, which a test keeps in step with the code).
/// </summary>
public static class MachineGraphs
{
    /// <summary>Generates every machine's page.</summary>
    /// <returns>The incident lifecycle, escalation, change plan, communication, mitigation trial and management review graphs.</returns>
    public static IReadOnlyList<MachineGraph> All() => new[]
    {
        Page(IncidentDocs.LifecycleGraphPath, IncidentDocs.LifecycleGraph),
        Page(EscalationDocs.GraphPath, EscalationDocs.Graph),
        Page(PlanningDocs.ChangePlanGraphPath, PlanningDocs.ChangePlanGraph),
        Page(PlanningDocs.CommunicationGraphPath, PlanningDocs.CommunicationGraph),
        Page(MitigationTrialDocs.TrialGraphPath, MitigationTrialDocs.TrialGraph),
        Page(ReviewDocs.ReviewGraphPath, ReviewDocs.ReviewGraph),
    };

    private static MachineGraph Page(string path, Func<string> generate)
    {
        var file = path.Substring(path.LastIndexOf('/') + 1);
        return new MachineGraph(file.Substring(0, file.Length - ".md".Length), path, generate());
    }
}
