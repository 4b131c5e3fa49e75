namespace CustomerAdvocacy.Kernel;

/// <summary>
/// One rule a command breaks. A refusal lists every rule it breaks (<see cref="RuleBroken.Violations"/>), so a caller
/// fixes them all in one round instead of discovering them one retry at a time.
/// </summary>
/// <param name="Rule">The rule's stable name.</param>
/// <param name="Detail">What is wrong, in words.</param>
public record RuleViolation(string Rule, string Detail);
