using System;
using System.Collections.Generic;
using Stateless;
using Stateless.Graph;

namespace CustomerAdvocacy.Kernel;

/// <summary>
/// Configures a Stateless machine from a definition's transition table, the same way for the incident lifecycle and
/// every sub-process: a transition whose source and destination are the same state is an internal transition (it
/// runs no exit or entry action), any other is a plain permit.
/// </summary>
internal static class MachineConfiguration
{
    /// <summary>A machine over the given external state accessors, configured from <paramref name="transitions"/>.</summary>
    /// <param name="transitions">The edges; an internal one may leave from a superstate.</param>
    /// <param name="read">Reads the machine's state.</param>
    /// <param name="write">Writes the machine's state.</param>
    /// <param name="superstates">Which state is a substate of which (Stateless's <c>SubstateOf</c>), when the definition has superstates.</param>
    internal static StateMachine<TState, TTrigger> Configure<TState, TTrigger>(
        IEnumerable<(TState From, TTrigger Trigger, TState To)> transitions,
        Func<TState> read,
        Action<TState> write,
        IEnumerable<(TState Substate, TState Superstate)>? superstates = null)
    {
        var machine = new StateMachine<TState, TTrigger>(read, write, FiringMode.Immediate);
        foreach (var (substate, superstate) in superstates ?? [])
        {
            machine.Configure(substate).SubstateOf(superstate);
        }

        foreach (var (from, trigger, to) in transitions)
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

    /// <summary>
    /// Configures a machine whose edges may carry guards: an unguarded edge is configured as by
    /// <see cref="Configure{TState, TTrigger}"/> (so the exported graph shows no guard label on it), a guarded one with its
    /// guard and description, as a re-entry, an internal transition or a permit.
    /// </summary>
    internal static StateMachine<TState, TTrigger> ConfigureGuarded<TState, TTrigger>(
        IEnumerable<(TState From, TTrigger Trigger, TState To, Func<bool>? Guard, string? Description, bool Reentry)> transitions,
        Func<TState> read,
        Action<TState> write)
    {
        var machine = new StateMachine<TState, TTrigger>(read, write, FiringMode.Immediate);
        foreach (var (from, trigger, to, guard, description, reentry) in transitions)
        {
            var state = machine.Configure(from);
            var same = EqualityComparer<TState>.Default.Equals(from, to);
            if (guard is not null && string.IsNullOrWhiteSpace(description))
            {
                // The graph names a guard by its description; ToMermaid relies on every guard of ours having one.
                throw new InvalidOperationException($"The guarded transition {from} --{trigger}--> {to} has no description.");
            }

            if (guard is null)
            {
                if (same)
                {
                    state.InternalTransition(trigger, Stay);
                }
                else
                {
                    state.Permit(trigger, to);
                }
            }
            else if (reentry)
            {
                state.PermitReentryIf(trigger, guard, description);
            }
            else if (same)
            {
                state.InternalTransitionIf(trigger, _ => guard(), Stay, description);
            }
            else
            {
                state.PermitIf(trigger, to, guard, description);
            }
        }

        return machine;
    }

    /// <summary>A configured machine as a Mermaid state diagram, with <c>\n</c> line ends and no trailing blank.</summary>
    internal static string ToMermaid<TState, TTrigger>(StateMachine<TState, TTrigger> machine)
        // Stateless gives an internal transition configured without a guard an always-true guard of its own, which its
        // Mermaid export labels "[Function]". Every guard of ours carries a description (ConfigureGuarded refuses one
        // without), so that label marks no guard at all and is dropped.
        => MermaidGraph.Format(machine.GetInfo()).Replace(" [Function]", string.Empty).Replace("\r\n", "\n").TrimEnd('\n', ' ');

    private static void Stay<TState, TTrigger>(StateMachine<TState, TTrigger>.Transition transition)
    {
    }
}
