using System;
using System.Collections.Generic;
using System.Linq;
using Stateless;

namespace CustomerAdvocacy.Kernel;

/// <summary>
/// One immutable process definition (which trigger moves which state where), built once and shared, deciding through
/// a <see cref="SharedMachinePool{TState, TTrigger}"/> that reads permission from the definition's table, as the
/// engine's lifecycle does.
/// </summary>
internal sealed class ProcessMachine<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly HashSet<(TState, TTrigger)> _permitted;
    private readonly SharedMachinePool<TState, TTrigger> _machines;

    internal ProcessMachine(IReadOnlyList<(TState From, TTrigger Trigger, TState To)> transitions)
    {
        Transitions = transitions;
        _permitted = new HashSet<(TState, TTrigger)>(transitions.Select(t => (t.From, t.Trigger)));
        _machines = new SharedMachinePool<TState, TTrigger>(Configure, (s, t) => _permitted.Contains((s, t)));
    }

    internal IReadOnlyList<(TState From, TTrigger Trigger, TState To)> Transitions { get; }

    /// <summary>Whether a machine in <paramref name="from"/> can fire <paramref name="trigger"/>. Thread-safe.</summary>
    internal bool CanFire(TState from, TTrigger trigger) => _machines.CanFire(from, trigger);

    /// <summary>The states from which <paramref name="trigger"/> is permitted.</summary>
    internal IEnumerable<TState> StatesPermitting(TTrigger trigger)
        => Transitions.Where(t => EqualityComparer<TTrigger>.Default.Equals(t.Trigger, trigger)).Select(t => t.From).Distinct();

    /// <summary>The Mermaid graph of the definition, as Stateless exports it.</summary>
    internal string ToMermaid() => MachineConfiguration.ToMermaid(Configure(() => default, _ => { }));

    /// <summary>
    /// Configures a Stateless machine over the given state accessors from this definition: the one configuration the
    /// pool, the graph and the tests that fire a fresh machine against the fold all share.
    /// </summary>
    internal StateMachine<TState, TTrigger> Configure(Func<TState> read, Action<TState> write)
        => MachineConfiguration.Configure(Transitions, read, write);
}
