using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using CustomerAdvocacy.Incidents;

namespace CustomerAdvocacy.Tests.Architecture;

/// <summary>
/// Every rule a refusal can name has one id of the form <c>process.rule-name</c>, declared once in its process's rules
/// class, and no two rules share an id: a stored or logged rejection says which process refused and why without the
/// type that produced it.
/// </summary>
public class RuleIdTests
{
    private static readonly Regex RuleId = new("^(?<process>[a-z]+(?:-[a-z]+)*)\\.[a-z0-9]+(?:-[a-z0-9]+)*$");

    /// <summary>Each public rules class and the process whose rules it names.</summary>
    private static readonly IReadOnlyDictionary<string, string> ProcessOf = new Dictionary<string, string>
    {
        ["IncidentRules"] = "incident",
        ["IncidentProcessRules"] = "incident",
        ["EscalationRules"] = "escalation",
        ["AnalysisRules"] = "analysis",
        ["ChangePlanRules"] = "change-plan",
        ["CommunicationRules"] = "communication",
        ["MitigationTrialRules"] = "mitigation-trial",
        ["ReviewRules"] = "review",
    };

    private static IEnumerable<Type> RulesClasses()
        => typeof(IncidentRules).Assembly.GetExportedTypes()
            .Where(t => t is { IsAbstract: true, IsSealed: true } && t.Name.EndsWith("Rules", StringComparison.Ordinal));

    private static IEnumerable<(Type Owner, string Name, string Id)> RuleIds()
        => RulesClasses().SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .Select(f => (t, f.Name, (string)f.GetRawConstantValue()!)));

    [Fact]
    public void RulesClasses_AreTheProcessesWritten()
        => Assert.Equal(ProcessOf.Keys.Order(StringComparer.Ordinal), RulesClasses().Select(t => t.Name).Order(StringComparer.Ordinal));

    [Fact]
    public void RuleIds_FollowProcessDotRuleName_WithTheirOwnProcess()
    {
        var wrong = RuleIds()
            .Where(r => RuleId.Match(r.Id) is not { Success: true } m || m.Groups["process"].Value != ProcessOf[r.Owner.Name])
            .Select(r => $"{r.Owner.Name}.{r.Name} = \"{r.Id}\"")
            .ToArray();
        Assert.Empty(wrong);
    }

    [Fact]
    public void RuleIds_AreUniqueAcrossTheLibrary()
    {
        var shared = RuleIds()
            .GroupBy(r => r.Id, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(r => $"{r.Owner.Name}.{r.Name}"))}")
            .ToArray();
        Assert.Empty(shared);
    }

    [Fact]
    public void RuleIds_AreMany()
        => Assert.True(RuleIds().Count() > 60, "the reflection found the rules classes' constants");
}
