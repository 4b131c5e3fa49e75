using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Kernel;
using Stateless;

namespace CustomerAdvocacy.Escalation;

/// <summary>
/// The escalation machine: one immutable definition (which trigger moves which phase where, under which guard), built
/// once and shared by every incident. Rungs, repeats and active triggers are data in <see cref="EscalationStatus"/>;
/// the guards read them through the <see cref="EscalationGuards"/> the decider sets on a pooled machine's cursor
/// (<see cref="SharedMachinePool{TState, TTrigger, TContext}"/>) before asking.
/// </summary>
internal sealed class EscalationMachine
{
    private EscalationMachine(IReadOnlyList<Transition> transitions) => Transitions = transitions;

    /// <summary>The guards a transition may carry.</summary>
    internal enum Guard
    {
        None = 0,
        RungAbove,
        NoRungAbove,
        LastTrigger,
        OtherTriggersRemain,
    }

    /// <summary>The one definition of the escalation machine.</summary>
    internal static EscalationMachine Definition { get; } = new(BuildTransitions());

    /// <summary>Every transition; an internal one has the same source and destination and is not a re-entry.</summary>
    internal IReadOnlyList<Transition> Transitions { get; }

    /// <summary>Configures a Stateless machine over a cursor's accessors from this definition.</summary>
    internal StateMachine<EscalationPhase, EscalationTrigger> Configure(Func<EscalationPhase> read, Action<EscalationPhase> write, Func<EscalationGuards> guards)
        => MachineConfiguration.ConfigureGuarded(
            Transitions.Select(t => (t.From, t.Trigger, t.To, t.Guard == Guard.None ? null : GuardFunction(t.Guard, guards), Describe(t.Guard), t.Reentry)),
            read,
            write);

    internal string ToMermaid() => MachineConfiguration.ToMermaid(Configure(() => default, _ => { }, () => default));

    private static Func<bool> GuardFunction(Guard guard, Func<EscalationGuards> guards) => guard switch
    {
        Guard.RungAbove => () => guards().HasRungAbove,
        Guard.NoRungAbove => () => !guards().HasRungAbove,
        Guard.LastTrigger => () => guards().ClearsLastTrigger,
        Guard.OtherTriggersRemain => () => !guards().ClearsLastTrigger,
        _ => () => true,
    };

    private static string? Describe(Guard guard) => guard switch
    {
        Guard.RungAbove => "a rung or repeat is left",
        Guard.NoRungAbove => "top rung, no repeat left",
        Guard.LastTrigger => "last active trigger",
        Guard.OtherTriggersRemain => "other triggers remain",
        _ => null,
    };

    private static List<Transition> BuildTransitions()
    {
        var list = new List<Transition>
        {
            new(EscalationPhase.Calm, EscalationTrigger.Raise, EscalationPhase.Escalating),
            new(EscalationPhase.Escalating, EscalationTrigger.Raise, EscalationPhase.Escalating),
            new(EscalationPhase.Escalating, EscalationTrigger.Acknowledge, EscalationPhase.Acknowledged),
            new(EscalationPhase.Escalating, EscalationTrigger.TimeOut, EscalationPhase.Escalating, Guard.RungAbove, Reentry: true),
            new(EscalationPhase.Escalating, EscalationTrigger.TimeOut, EscalationPhase.Exhausted, Guard.NoRungAbove),
            new(EscalationPhase.Acknowledged, EscalationTrigger.Raise, EscalationPhase.Escalating),
            new(EscalationPhase.Exhausted, EscalationTrigger.Raise, EscalationPhase.Exhausted),
            new(EscalationPhase.Exhausted, EscalationTrigger.Acknowledge, EscalationPhase.Acknowledged),
        };

        foreach (var phase in new[] { EscalationPhase.Escalating, EscalationPhase.Acknowledged, EscalationPhase.Exhausted })
        {
            list.Add(new(phase, EscalationTrigger.Clear, EscalationPhase.Calm, Guard.LastTrigger));
            list.Add(new(phase, EscalationTrigger.Clear, phase, Guard.OtherTriggersRemain));
        }

        foreach (EscalationPhase phase in Enum.GetValues(typeof(EscalationPhase)))
        {
            list.Add(new(phase, EscalationTrigger.RecordDecision, phase));
        }

        return list;
    }

    /// <summary>One edge of the machine.</summary>
    internal readonly record struct Transition(EscalationPhase From, EscalationTrigger Trigger, EscalationPhase To, Guard Guard = Guard.None, bool Reentry = false);
}

/// <summary>What the escalation machine's guards read besides the phase.</summary>
/// <param name="HasRungAbove">Whether a time-out can rise (a rung or a repeat is left).</param>
/// <param name="ClearsLastTrigger">Whether a clear removes the last active trigger.</param>
internal readonly record struct EscalationGuards(bool HasRungAbove, bool ClearsLastTrigger);
