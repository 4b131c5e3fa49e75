using System;
using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Tests.Kernel;

public sealed class RuleBrokenTests
{
    [Fact]
    public void Violations_NotSet_TheRefusalsOwnRule()
    {
        var broken = new RuleBroken("incident.rule", "why");

        Assert.Equal([new RuleViolation("incident.rule", "why")], broken.Violations);
    }

    [Fact]
    public void Violations_SetToItsOwnSingleRule_EqualsTheDefault()
    {
        var explicitly = new RuleBroken("incident.rule", "why") { Violations = [new RuleViolation("incident.rule", "why")] };

        Assert.Equal(new RuleBroken("incident.rule", "why"), explicitly);
    }

    [Fact]
    public void Violations_Several_KeptInOrderAndComparedByValue()
    {
        RuleViolation[] violations = [new("a.first", "1"), new("b.second", "2")];

        var broken = new RuleBroken("a.first", "1 2") { Violations = violations };

        Assert.Equal(violations, broken.Violations);
        Assert.Equal(broken, new RuleBroken("a.first", "1 2") { Violations = [new("a.first", "1"), new("b.second", "2")] });
        Assert.NotEqual(broken, new RuleBroken("a.first", "1 2"));
    }

    [Fact]
    public void Violations_Empty_ArgumentException()
    {
        var ex = Assert.Throws<ArgumentException>(() => new RuleBroken("a.first", "1") { Violations = [] });
        Assert.Equal("value", ex.ParamName);
    }

    [Fact]
    public void Violations_FirstOfAnotherRule_ArgumentException()
    {
        var ex = Assert.Throws<ArgumentException>(() => new RuleBroken("a.first", "1") { Violations = [new("b.second", "2")] });
        Assert.Contains("a.first", ex.Message);
    }

    [Fact]
    public void Violations_HoldingNull_ArgumentNullException()
        => Assert.Throws<ArgumentNullException>(() => new RuleBroken("a.first", "1") { Violations = [new("a.first", "1"), null!] });
}
