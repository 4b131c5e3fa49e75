using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Stateless;
using Stateless.Graph;

namespace CustomerAdvocacy.Planning;

/// <summary>
/// One immutable process definition (which trigger moves which state where), built once and shared, and a pool of
/// Stateless machines configured from it over a cursor each, as the engine's lifecycle pool does: a decision rents
/// a machine, points its cursor at the process's state, asks and fires, and returns it. The pool grows with the
/// number of decisions running at once, never with the number of processes.
/// </summary>
internal sealed class ProcessMachine<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly ConcurrentBag<Bound> _pool = new();

    internal ProcessMachine(IReadOnlyList<(TState From, TTrigger Trigger, TState To)> transitions)
        => Transitions = transitions;

    internal IReadOnlyList<(TState From, TTrigger Trigger, TState To)> Transitions { get; }

    /// <summary>Whether <paramref name="trigger"/> is permitted in <paramref name="from"/>; if so fires it. Thread-safe.</summary>
    internal bool TryFire(TState from, TTrigger trigger, out TState to)
    {
        if (!_pool.TryTake(out var bound))
        {
            bound = new Bound(this);
        }

        try
        {
            bound.State = from;
            if (!bound.Machine.CanFire(trigger))
            {
                to = from;
                return false;
            }

            bound.Machine.Fire(trigger);
            to = bound.State;
            return true;
        }
        finally
        {
            _pool.Add(bound);
        }
    }

    /// <summary>The states from which <paramref name="trigger"/> is permitted.</summary>
    internal IEnumerable<TState> StatesPermitting(TTrigger trigger)
        => Transitions.Where(t => EqualityComparer<TTrigger>.Default.Equals(t.Trigger, trigger)).Select(t => t.From).Distinct();

    /// <summary>The Mermaid graph of the definition, as Stateless exports it.</summary>
    internal string ToMermaid() => MermaidGraph.Format(new Bound(this).Machine.GetInfo()).Replace("\r\n", "\n").TrimEnd('\n', ' ');

    private StateMachine<TState, TTrigger> Configure(Func<TState> read, Action<TState> write)
    {
        var machine = new StateMachine<TState, TTrigger>(read, write, FiringMode.Immediate);
        foreach (var (from, trigger, to) in Transitions)
        {
            var state = machine.Configure(from);
            if (EqualityComparer<TState>.Default.Equals(from, to))
            {
                state.InternalTransition(trigger, Stay);
            }
            else
            {
                state.Permit(trigger, to);
            }
        }

        return machine;
    }

    private static void Stay(StateMachine<TState, TTrigger>.Transition transition)
    {
    }

    private sealed class Bound
    {
        internal Bound(ProcessMachine<TState, TTrigger> definition)
            => Machine = definition.Configure(() => State, s => State = s);

        internal TState State { get; set; }

        internal StateMachine<TState, TTrigger> Machine { get; }
    }
}
