namespace CustomerAdvocacy.Incidents;

/// <summary>One condition for closing that an incident does not meet.</summary>
/// <param name="Rule">The rule's stable name, one of the closure rules in <see cref="IncidentRules"/>.</param>
/// <param name="Detail">What is missing.</param>
public sealed record ClosureProblem(string Rule, string Detail);
