using System;
using System.Collections.Concurrent;
using Stateless;

namespace CustomerAdvocacy.Planning;

/// <summary>
/// Stateless machines configured once each from one shared definition over external state accessors bound to their
/// own cursor, as the incident engine's <c>LifecycleMachinePool</c> does: a decision rents one, points its cursor at
/// the plan's state, asks and fires, and returns it. The pool grows with concurrent decisions, never with plans.
/// </summary>
internal sealed class SharedMachinePool<TState, TTrigger>
{
    private readonly ConcurrentBag<Bound> _pool = new();
    private readonly Func<Func<TState>, Action<TState>, StateMachine<TState, TTrigger>> _configure;

    internal SharedMachinePool(Func<Func<TState>, Action<TState>, StateMachine<TState, TTrigger>> configure)
        => _configure = configure;

    /// <summary>Whether <paramref name="trigger"/> is permitted in <paramref name="from"/>; if so fires it. Thread-safe.</summary>
    internal bool TryFire(TState from, TTrigger trigger, out TState to)
    {
        if (!_pool.TryTake(out var bound))
        {
            bound = new Bound(_configure);
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

    private sealed class Bound
    {
        internal Bound(Func<Func<TState>, Action<TState>, StateMachine<TState, TTrigger>> configure)
            => Machine = configure(() => State!, s => State = s);

        internal TState? State { get; set; }

        internal StateMachine<TState, TTrigger> Machine { get; }
    }
}
