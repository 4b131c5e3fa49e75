namespace CustomerAdvocacy.Kernel;

/// <summary>A business rule refuses the command.</summary>
/// <param name="Rule">The rule's stable name, from the deciding process's rule set (<see cref="Incidents.IncidentRules"/> for the incident itself; each sub-process has its own, such as <c>PlanningRules</c> or <c>EscalationRules</c>).</param>
/// <param name="Detail">What is wrong, in words.</param>
public sealed record RuleBroken(string Rule, string Detail) : Rejection
{
    /// <inheritdoc />
    public override string Kind => nameof(RuleBroken);
}
