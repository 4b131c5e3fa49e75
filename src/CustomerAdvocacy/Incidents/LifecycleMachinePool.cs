using System.Collections.Concurrent;
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
    private readonly IncidentLifecycle _definition;

    internal LifecycleMachinePool(IncidentLifecycle definition) => _definition = definition;

    /// <summary>
    /// Whether <paramref name="trigger"/> is permitted in <paramref name="from"/>; when it is, fires it and reports the
    /// destination. Thread-safe.
    /// </summary>
    internal bool TryFire(IncidentState from, IncidentTrigger trigger, out IncidentState to)
    {
        if (!_pool.TryTake(out var bound))
        {
            bound = new BoundMachine(_definition);
        }

        try
        {
            bound.Cursor.State = from;
            if (!bound.Machine.CanFire(trigger))
            {
                to = from;
                return false;
            }

            bound.Machine.Fire(trigger);
            to = bound.Cursor.State;
            return true;
        }
        finally
        {
            _pool.Add(bound);
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
