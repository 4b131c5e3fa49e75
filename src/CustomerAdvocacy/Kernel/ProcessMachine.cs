using System;
using System.Collections.Generic;
using System.Linq;
using Stateless;

namespace CustomerAdvocacy.Kernel;

/// <summary>
/// One immutable process definition (which trigger moves which state where), built once and shared. Stateless is the
/// definition's evaluator: the table of permitted triggers and their destinations is what a machine configured from
/// the definition does when fired, computed once; a decision reads the table, no machine is rented.
/// </summary>
internal sealed class ProcessMachine<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly Dictionary<(TState, TTrigger), TState> _destinations = new();

    internal ProcessMachine(IReadOnlyList<(TState From, TTrigger Trigger, TState To)> transitions)
    {
        Transitions = transitions;
        var cursor = default(TState);
        var machine = Configure(() => cursor, s => cursor = s);
        foreach (var (from, trigger) in transitions.Select(t => (t.From, t.Trigger)).Distinct())
        {
            cursor = from;
            if (machine.CanFire(trigger))
            {
                machine.Fire(trigger);
                _destinations[(from, trigger)] = cursor;
            }
        }
    }

    internal IReadOnlyList<(TState From, TTrigger Trigger, TState To)> Transitions { get; }

    /// <summary>Whether a machine in <paramref name="from"/> can fire <paramref name="trigger"/>. Thread-safe.</summary>
    internal bool CanFire(TState from, TTrigger trigger) => _destinations.ContainsKey((from, trigger));

    /// <summary>Where <paramref name="trigger"/> takes the process from <paramref name="from"/>; <see langword="null"/> when not permitted.</summary>
    internal TState? Destination(TState from, TTrigger trigger) => _destinations.TryGetValue((from, trigger), out var to) ? to : null;

    /// <summary>
    /// The state an event recording <paramref name="trigger"/> leaves the process in: a fold takes every destination from
    /// here, so a transition is written once, in the definition.
    /// </summary>
    /// <param name="from">The state the event follows.</param>
    /// <param name="trigger">The trigger the event records.</param>
    /// <param name="eventType">The event's type name, for the message.</param>
    /// <returns>The destination.</returns>
    /// <exception cref="ArgumentException">The definition has no such transition: the event cannot follow <paramref name="from"/>.</exception>
    internal TState Follow(TState from, TTrigger trigger, string eventType)
        => _destinations.TryGetValue((from, trigger), out var to)
            ? to
            : throw new ArgumentException($"Event {eventType} ({trigger}) is not a transition of the process from {from}.", "event");

    /// <summary>The states from which <paramref name="trigger"/> is permitted.</summary>
    internal IEnumerable<TState> StatesPermitting(TTrigger trigger)
        => Transitions.Where(t => EqualityComparer<TTrigger>.Default.Equals(t.Trigger, trigger)).Select(t => t.From).Distinct();

    /// <summary>The Mermaid graph of the definition, as Stateless exports it.</summary>
    internal string ToMermaid() => MachineConfiguration.ToMermaid(Configure(() => default, _ => { }));

    /// <summary>
    /// Configures a Stateless machine over the given state accessors from this definition: the one configuration the
    /// table, the graph and the tests that fire a fresh machine against the fold all share.
    /// </summary>
    internal StateMachine<TState, TTrigger> Configure(Func<TState> read, Action<TState> write)
        => MachineConfiguration.Configure(Transitions, read, write);
}
