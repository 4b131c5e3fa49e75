using System;
using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Tests.Incidents;

public sealed class MachineConfigurationTests
{
    private enum Light
    {
        Off,
        On,
    }

    private enum Switch
    {
        Flip,
        Tap,
    }

    [Fact]
    public void ToMermaid_UnguardedInternalTransition_HasNoGuardLabel()
    {
        var machine = MachineConfiguration.ConfigureGuarded(
            new (Light, Switch, Light, Func<bool>?, string?, bool)[]
            {
                (Light.Off, Switch.Tap, Light.Off, null, null, false),
                (Light.Off, Switch.Flip, Light.On, () => true, "power is on", false),
            },
            () => Light.Off,
            _ => { });

        var graph = MachineConfiguration.ToMermaid(machine);

        Assert.Contains("Off --> Off : Tap\n", graph, StringComparison.Ordinal);
        Assert.Contains("Off --> On : Flip [power is on]", graph, StringComparison.Ordinal);
        Assert.DoesNotContain("Function", graph, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", graph, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigureGuarded_GuardWithoutDescription_ThrowsNamingTheTransition()
    {
        var error = Assert.Throws<InvalidOperationException>(() => MachineConfiguration.ConfigureGuarded(
            new (Light, Switch, Light, Func<bool>?, string?, bool)[] { (Light.Off, Switch.Flip, Light.On, () => true, " ", false) },
            () => Light.Off,
            _ => { }));

        Assert.Contains("Off --Flip--> On", error.Message, StringComparison.Ordinal);
    }
}
