using System;
using System.Collections.Generic;
using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Incidents;

/// <summary>The pure fold of events into incident state. Replay uses it alone, never the state machines.</summary>
public static class IncidentEvolver
{
    /// <summary>Applies one event to a state.</summary>
    /// <param name="incident">The state before the event.</param>
    /// <param name="event">The next event of the stream; its version must follow the state's.</param>
    /// <returns>The state after the event.</returns>
    /// <exception cref="ArgumentException">The event belongs to another incident, is out of order or unknown.</exception>
    public static Incident Evolve(Incident incident, IncidentEvent @event)
    {
        var fold = new Incident.Fold(Preconditions.CheckNotNull(incident));
        fold.Apply(Preconditions.CheckNotNull(@event));
        return fold.Build();
    }

    /// <summary>Folds a whole stream from the unopened state.</summary>
    /// <param name="id">The incident.</param>
    /// <param name="events">Its events in order.</param>
    /// <returns>The current state; equal to evolving the events one by one.</returns>
    /// <exception cref="ArgumentException">An event belongs to another incident, is out of order or unknown.</exception>
    public static Incident Replay(IncidentId id, IEnumerable<IncidentEvent> events)
    {
        Preconditions.CheckNotNull(events);
        var fold = new Incident.Fold(Incident.NotOpened(id));
        foreach (var e in events)
        {
            fold.Apply(Preconditions.CheckNotNull(e));
        }

        return fold.Build();
    }
}
