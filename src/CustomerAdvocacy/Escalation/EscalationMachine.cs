using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Stateless;
using Stateless.Graph;

namespace CustomerAdvocacy.Escalation;

/// <summary>
/// The escalation machine: one immutable definition (which trigger moves which phase where, under which guard), built
/// once and shared by every incident. Rungs, repeats and active triggers are data in <see cref="EscalationStatus"/>;
/// the guards read them through the <see cref="Cursor"/> the decider fills before asking.
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
    internal StateMachine<EscalationPhase, EscalationTrigger> Configure(Cursor cursor)
    {
        var machine = new StateMachine<EscalationPhase, EscalationTrigger>(() => cursor.Phase, p => cursor.Phase = p, FiringMode.Immediate);
        foreach (var t in Transitions)
        {
            var state = machine.Configure(t.From);
            var guard = GuardFunction(t.Guard, cursor);
            var description = Describe(t.Guard);
            if (t.Guard == Guard.None)
            {
                // Unguarded edges are configured without a guard so the exported graph shows no guard label on them.
                if (t.From == t.To)
                {
                    state.InternalTransition(t.Trigger, Stay);
                }
                else
                {
                    state.Permit(t.Trigger, t.To);
                }
            }
            else if (t.Reentry)
            {
                state.PermitReentryIf(t.Trigger, guard, description);
            }
            else if (t.From == t.To)
            {
                state.InternalTransitionIf(t.Trigger, _ => guard(), Stay, description);
            }
            else
            {
                state.PermitIf(t.Trigger, t.To, guard, description);
            }
        }

        return machine;
    }

    /// <summary>The Mermaid graph of the machine, as Stateless exports it.</summary>
    internal string ToMermaid() => MermaidGraph.Format(Configure(new Cursor()).GetInfo());

    private static Func<bool> GuardFunction(Guard guard, Cursor cursor) => guard switch
    {
        Guard.RungAbove => () => cursor.HasRungAbove,
        Guard.NoRungAbove => () => !cursor.HasRungAbove,
        Guard.LastTrigger => () => cursor.ClearsLastTrigger,
        Guard.OtherTriggersRemain => () => !cursor.ClearsLastTrigger,
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

    private static void Stay(StateMachine<EscalationPhase, EscalationTrigger>.Transition transition)
    {
    }

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

    /// <summary>The small mutable cell a pooled machine reads its phase and guard inputs through.</summary>
    internal sealed class Cursor
    {
        internal EscalationPhase Phase { get; set; }

        internal bool HasRungAbove { get; set; }

        internal bool ClearsLastTrigger { get; set; }
    }
}

/// <summary>
/// A few Stateless machines configured once from <see cref="EscalationMachine.Definition"/>, each bound to its own
/// cursor; a decision rents one, fills the cursor from the incident's escalation, fires, and returns it. The pool grows
/// with the number of concurrent decisions, never with the number of incidents. Thread-safe.
/// </summary>
internal sealed class EscalationMachinePool
{
    private readonly ConcurrentBag<(EscalationMachine.Cursor Cursor, StateMachine<EscalationPhase, EscalationTrigger> Machine)> _pool = new();

    /// <summary>Whether the trigger is permitted given the cursor values; when it is, fires it and reports the destination.</summary>
    internal bool TryFire(EscalationPhase from, bool hasRungAbove, bool clearsLastTrigger, EscalationTrigger trigger, out EscalationPhase to)
    {
        if (!_pool.TryTake(out var bound))
        {
            var cursor = new EscalationMachine.Cursor();
            bound = (cursor, EscalationMachine.Definition.Configure(cursor));
        }

        try
        {
            bound.Cursor.Phase = from;
            bound.Cursor.HasRungAbove = hasRungAbove;
            bound.Cursor.ClearsLastTrigger = clearsLastTrigger;
            if (!bound.Machine.CanFire(trigger))
            {
                to = from;
                return false;
            }

            bound.Machine.Fire(trigger);
            to = bound.Cursor.Phase;
            return true;
        }
        finally
        {
            _pool.Add(bound);
        }
    }
}
