using System;
using System.Collections.Concurrent;
using System.Threading;
using Stateless;

namespace CustomerAdvocacy.Kernel;

/// <summary>
/// A few Stateless machines configured once each from one shared definition whose guards read more than the state,
/// each over external state accessors that read and write its own cursor. The cursor also carries a guard context (for
/// the escalation, whether a rung is left above and whether a clear removes the last trigger). A decision rents one,
/// sets state and context, asks whether the trigger can fire (Stateless evaluates the edge and its guards), and returns
/// it: the pool grows only to the number of decisions running at the same time. Definitions without guards need none
/// of this: their answers are a table (<see cref="ProcessMachine{TState, TTrigger}"/>).
/// </summary>
/// <remarks>
/// The machine is asked, not fired: a decision changes nothing, and the transition it permits is recorded as an event
/// and made by the fold of that event.
/// </remarks>
/// <typeparam name="TState">The machine's state type.</typeparam>
/// <typeparam name="TTrigger">The machine's trigger type.</typeparam>
/// <typeparam name="TContext">What the guards read besides the state.</typeparam>
internal sealed class SharedMachinePool<TState, TTrigger, TContext>
{
    private readonly ConcurrentBag<Bound> _pool = new();
    private readonly Func<Func<TState>, Action<TState>, Func<TContext>, StateMachine<TState, TTrigger>> _configure;
    private readonly Func<TState, TTrigger, bool>? _permits;
    private Bound? _spare;

    /// <param name="configure">Configures a machine over the given state accessors and guard-context reader.</param>
    /// <param name="permits">The definition's own table, when it has one: a fast refusal, never a permission.</param>
    internal SharedMachinePool(
        Func<Func<TState>, Action<TState>, Func<TContext>, StateMachine<TState, TTrigger>> configure,
        Func<TState, TTrigger, bool>? permits = null)
    {
        _configure = configure;
        _permits = permits;
    }

    /// <summary>Whether a machine in <paramref name="from"/>, its guards reading <paramref name="context"/>, can fire <paramref name="trigger"/>. Thread-safe.</summary>
    internal bool CanFire(TState from, TContext context, TTrigger trigger)
    {
        if (_permits is not null && !_permits(from, trigger))
        {
            return false;
        }

        // One spare slot serves the common uncontended case without touching the bag.
        var bound = Interlocked.Exchange(ref _spare, null);
        if (bound is null && !_pool.TryTake(out bound))
        {
            bound = new Bound(_configure);
        }

        try
        {
            bound.State = from;
            bound.Context = context;
            return bound.Machine.CanFire(trigger);
        }
        finally
        {
            if (Interlocked.CompareExchange(ref _spare, bound, null) is not null)
            {
                _pool.Add(bound);
            }
        }
    }

    private sealed class Bound
    {
        internal Bound(Func<Func<TState>, Action<TState>, Func<TContext>, StateMachine<TState, TTrigger>> configure)
            => Machine = configure(() => State!, s => State = s, () => Context!);

        internal TState? State { get; set; }

        internal TContext? Context { get; set; }

        internal StateMachine<TState, TTrigger> Machine { get; }
    }
}
