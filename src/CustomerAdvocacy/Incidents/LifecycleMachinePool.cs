using System.Collections.Concurrent;
using System.Threading;
using Stateless;

namespace CustomerAdvocacy.Incidents;

/// <summary>
/// A few Stateless machines configured once from the shared <see cref="IncidentLifecycle"/> definition, each over
/// external state accessors that read and write its own <see cref="IncidentLifecycle.Cursor"/>. A decision rents one,
/// points the cursor at the incident's state, asks and fires, and returns it: the pool grows only to the number of
/// decisions running at the same time, never with the number of incidents.
/// </summary>
internal sealed class LifecycleMachinePool
{
    private readonly ConcurrentBag<BoundMachine> _pool = new();
    private BoundMachine? _spare;
    private readonly IncidentLifecycle _definition;

    internal LifecycleMachinePool(IncidentLifecycle definition) => _definition = definition;

    /// <summary>
    /// Whether <paramref name="trigger"/> is permitted in <paramref name="from"/> (asked of the definition's table, so a
    /// rejection costs no machine); when it is, fires it on a pooled machine bound to a cursor and reports where the
    /// machine went. Thread-safe.
    /// </summary>
    internal bool TryFire(IncidentState from, IncidentTrigger trigger, out IncidentState to)
    {
        if (!_definition.Permits(from, trigger))
        {
            to = from;
            return false;
        }

        var bound = Interlocked.Exchange(ref _spare, null);
        if (bound is null && !_pool.TryTake(out bound))
        {
            bound = new BoundMachine(_definition);
        }

        try
        {
            bound.Cursor.State = from;
            bound.Machine.Fire(trigger);
            to = bound.Cursor.State;
            return true;
        }
        finally
        {
            if (Interlocked.CompareExchange(ref _spare, bound, null) is not null)
            {
                _pool.Add(bound);
            }
        }
    }

    private sealed class BoundMachine
    {
        internal BoundMachine(IncidentLifecycle definition)
        {
            var cursor = new IncidentLifecycle.Cursor();
            Cursor = cursor;
            Machine = definition.Configure(() => cursor.State, s => cursor.State = s);
        }

        internal IncidentLifecycle.Cursor Cursor { get; }

        internal StateMachine<IncidentState, IncidentTrigger> Machine { get; }
    }
}
