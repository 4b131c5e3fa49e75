using System;
using System.Collections.Generic;
using System.Linq;
using Stateless;

namespace CustomerAdvocacy.Tests.Incidents;

/// <summary>One configured edge of a Stateless machine, as the machine's own reflection reports it.</summary>
/// <typeparam name="TState">The machine's state type.</typeparam>
/// <typeparam name="TTrigger">The machine's trigger type.</typeparam>
/// <param name="From">The source state.</param>
/// <param name="Trigger">The trigger.</param>
/// <param name="To">The destination (the source itself for an internal transition or a re-entry).</param>
/// <param name="Guard">The guard descriptions, joined; empty for an unguarded edge.</param>
internal readonly record struct MachineEdge<TState, TTrigger>(TState From, TTrigger Trigger, TState To, string Guard)
{
    public override string ToString() => $"{From} --{Trigger}{(Guard.Length == 0 ? string.Empty : " [" + Guard + "]")}--> {To}";
}

/// <summary>
/// What the tests that hold a fold against its machine read from Stateless: the configured edges (from
/// <c>GetInfo()</c>, the reflection the Mermaid export formats, so an edge added to a definition is enumerated without
/// touching a test) and where firing a trigger lands.
/// </summary>
internal static class MachineFiring
{
    /// <summary>Every fixed edge of the machine, guarded ones included.</summary>
    /// <exception cref="InvalidOperationException">The machine has dynamic, ignored or nested transitions, which these tests do not model.</exception>
    internal static IReadOnlyList<MachineEdge<TState, TTrigger>> Edges<TState, TTrigger>(StateMachine<TState, TTrigger> machine)
    {
        var edges = new List<MachineEdge<TState, TTrigger>>();
        foreach (var state in machine.GetInfo().States)
        {
            // Failing here rather than skipping: an edge these tests cannot see is an edge nobody checks.
            if (state.DynamicTransitions.Any() || state.IgnoredTriggers.Any() || state.Substates.Any() || state.Superstate is not null)
            {
                throw new InvalidOperationException(
                    $"State {state.UnderlyingState} has dynamic, ignored or nested transitions; teach {nameof(MachineFiring)} to enumerate them before relying on it.");
            }

            foreach (var transition in state.FixedTransitions)
            {
                edges.Add(new(
                    (TState)state.UnderlyingState,
                    (TTrigger)transition.Trigger.UnderlyingTrigger,
                    (TState)transition.DestinationState.UnderlyingState,
                    string.Join(" and ", transition.GuardConditionsMethodDescriptions.Select(g => g.Description))));
            }
        }

        return edges;
    }

    /// <summary>
    /// Where a fresh machine in <paramref name="from"/> lands when <paramref name="trigger"/> is fired, or
    /// <see langword="null"/> when it cannot fire it (no edge, or every guard false).
    /// </summary>
    internal static TState? Fire<TState, TTrigger>(Func<Func<TState>, Action<TState>, StateMachine<TState, TTrigger>> configure, TState from, TTrigger trigger)
        where TState : struct
        => new FiringProbe<TState, TTrigger>(configure).Fire(from, trigger);
}

/// <summary>
/// One machine configured over a private cursor, fired from any state on request: the reference a fold is compared
/// with. Reusable across checks when the machine's guards read nothing but the state.
/// </summary>
/// <typeparam name="TState">The machine's state type.</typeparam>
/// <typeparam name="TTrigger">The machine's trigger type.</typeparam>
internal sealed class FiringProbe<TState, TTrigger>
    where TState : struct
{
    private readonly StateMachine<TState, TTrigger> _machine;
    private TState _state;

    internal FiringProbe(Func<Func<TState>, Action<TState>, StateMachine<TState, TTrigger>> configure)
        => _machine = configure(() => _state, s => _state = s);

    /// <summary>Where firing <paramref name="trigger"/> from <paramref name="from"/> lands; <see langword="null"/> when it cannot fire.</summary>
    internal TState? Fire(TState from, TTrigger trigger)
    {
        _state = from;
        if (!_machine.CanFire(trigger))
        {
            return null;
        }

        _machine.Fire(trigger);
        return _state;
    }
}
