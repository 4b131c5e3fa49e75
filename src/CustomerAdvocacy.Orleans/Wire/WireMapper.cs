using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Engine;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Storage;

namespace CustomerAdvocacy.Orleans.Wire;

/// <summary>
/// Maps results and incidents to and from the wire. Events travel in the canonical stored form
/// (<see cref="IncidentEventSerializer"/>, with its upcasters), so whatever a store can keep can cross a silo boundary;
/// an incident travels as its stream and is rebuilt by replay, which yields a state equal to the live one.
/// </summary>
internal sealed class WireMapper
{
    private readonly IncidentEventSerializer _serializer;

    internal WireMapper(IncidentEventSerializer serializer) => _serializer = Preconditions.CheckNotNull(serializer);

    internal WireIncident EncodeIncident(IncidentId incidentId, IReadOnlyList<IncidentEvent> stream, long upToVersion)
    {
        if (upToVersion > stream.Count)
        {
            throw new InvalidOperationException($"Incident {incidentId} is at version {upToVersion} but only {stream.Count} events were read.");
        }

        var events = new WireEvent[upToVersion];
        for (var i = 0; i < events.Length; i++)
        {
            var stored = _serializer.Serialize(stream[i]);
            events[i] = new WireEvent(stream[i].Version, stored.EventType, stored.SchemaVersion, stored.Payload);
        }

        return new WireIncident(incidentId.Value, events);
    }

    internal IReadOnlyList<IncidentEvent> DecodeEvents(WireIncident wire)
    {
        var id = new IncidentId(wire.IncidentId);
        var events = new IncidentEvent[wire.Events.Length];
        for (var i = 0; i < events.Length; i++)
        {
            var e = wire.Events[i];
            events[i] = _serializer.Deserialize(id, e.Version, new SerializedEvent(e.EventType, e.SchemaVersion, e.Payload));
        }

        return new ValueList<IncidentEvent>(events);
    }

    internal Incident DecodeIncident(WireIncident wire) => IncidentEvolver.Replay(new IncidentId(wire.IncidentId), DecodeEvents(wire));

    internal WireOutcome EncodeOutcome(CommandResult result, IReadOnlyList<IncidentEvent> stream, IReadOnlyList<WireOutcome> followUps)
    {
        var incident = EncodeIncident(result.Incident.Id, stream, result.Incident.Version);
        return result.Decision switch
        {
            Accepted accepted => new WireOutcome(incident, accepted.Events[0].Version, accepted.Events.Count, null, result.IsDuplicate, followUps.ToArray()),
            Rejected rejected => new WireOutcome(incident, 0, 0, _serializer.SerializeRejection(rejected.Reason), result.IsDuplicate, followUps.ToArray()),
            _ => throw new ArgumentException($"Unknown decision {result.Decision.GetType().Name}.", nameof(result)),
        };
    }

    internal CommandResult DecodeOutcome(WireOutcome wire, CommandId commandId)
    {
        var events = DecodeEvents(wire.Incident);
        var incident = IncidentEvolver.Replay(new IncidentId(wire.Incident.IncidentId), events);
        Decision decision;
        if (wire.Rejection is { } rejection)
        {
            decision = new Rejected(_serializer.DeserializeRejection(commandId, rejection));
        }
        else
        {
            var first = (int)wire.FirstEventVersion - 1;
            if (first < 0 || wire.EventCount < 1 || first + wire.EventCount > events.Count)
            {
                throw new InvalidOperationException($"The outcome of command {commandId} names events {wire.FirstEventVersion}..{wire.FirstEventVersion + wire.EventCount - 1} outside the {events.Count} it carries.");
            }

            decision = new Accepted(new ValueList<IncidentEvent>(events.Skip(first).Take(wire.EventCount).ToArray()));
        }

        var followUps = wire.FollowUps.Select(f => DecodeOutcome(f, commandId)).ToArray();
        return new CommandResult(decision, incident, wire.IsDuplicate, new ValueList<CommandResult>(followUps));
    }
}
