using System;
using System.Linq;
using System.Threading.Tasks;
using CustomerAdvocacy.Planning;
using CustomerAdvocacy.Review;

namespace CustomerAdvocacy.Tests.Planning;

public sealed class ProcessMachineTests
{
    [Fact]
    public void CanFire_FromManyThreads_AlwaysAgreesWithTheDefinition()
    {
        var machine = ReviewDecider.Definition;
        var states = Enum.GetValues<ReviewState>();
        var triggers = Enum.GetValues<ReviewTrigger>();
        var wrong = 0;
        Parallel.For(0, 20_000, i =>
        {
            var from = states[i % states.Length];
            var trigger = triggers[(i / states.Length) % triggers.Length];
            var edge = machine.Transitions.Where(t => t.From == from && t.Trigger == trigger).ToList();
            if (machine.CanFire(from, trigger) != (edge.Count == 1))
            {
                System.Threading.Interlocked.Increment(ref wrong);
            }
        });

        Assert.Equal(0, wrong);
    }

    [Fact]
    public void TrialDefinition_TerminalStates_PermitNothing()
    {
        foreach (var state in new[] { MitigationTrialState.Declined, MitigationTrialState.Purchased, MitigationTrialState.SwitchedOff })
        {
            Assert.All(Enum.GetValues<MitigationTrialTrigger>(), t => Assert.False(MitigationTrialDecider.Definition.CanFire(state, t)));
        }
    }
}
