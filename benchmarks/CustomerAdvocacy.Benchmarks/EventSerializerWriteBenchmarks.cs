using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Segmentation;
using CustomerAdvocacy.Storage;
using NodaTime;
using NodaTime.Text;

namespace CustomerAdvocacy.Benchmarks;

/// <summary>
/// Writing the store benchmarks' 1,000-event incident (one opening, 999 commitments) into its stored form, against the
/// floor: the same payloads written by hand with one reused <see cref="Utf8JsonWriter"/> and decoded into the same
/// strings a <see cref="SerializedEvent"/> holds. Divide by 1,000 for a figure per event.
/// </summary>
[MemoryDiagnoser]
public class EventSerializerWriteBenchmarks
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);
    private readonly IncidentEventSerializer _serializer = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private Utf8JsonWriter _writer = null!;
    private List<IncidentEvent> _events = [];

    [GlobalSetup]
    public void Setup()
    {
        var id = IncidentId.New();
        var owner = new Actor("owner-1", IncidentRole.AccountableOwner);
        _events = [new IncidentOpened(new EventMetadata(id, 1, Start, owner, CommandId.New()), "customer-acme", owner.Id, new PolicyReference("standard", 1), null)];
        for (var v = 2; v <= 1000; v++)
        {
            _events.Add(new CommitmentMade(new EventMetadata(id, v, Start, owner, CommandId.New()), new Commitment("k" + v, owner.Id, "call back with findings", Start + Duration.FromHours(v))));
        }

        _writer = new Utf8JsonWriter(_buffer);
    }

    [GlobalCleanup]
    public void Cleanup() => _writer.Dispose();

    [Benchmark(Baseline = true, Description = "hand-written Utf8JsonWriter, reused, to string, 1,000 events (floor)")]
    public int Floor()
    {
        var length = 0;
        foreach (var e in _events)
        {
            _buffer.Clear();
            _writer.Reset(_buffer);
            _writer.WriteStartObject();
            _writer.WriteString("occurredAt", InstantPattern.ExtendedIso.Format(e.Metadata.OccurredAt));
            _writer.WriteStartObject("actor");
            _writer.WriteString("id", e.Metadata.Actor.Id);
            _writer.WriteString("role", e.Metadata.Actor.Role.ToString());
            _writer.WriteEndObject();
            _writer.WriteString("commandId", e.Metadata.CommandId.Value);
            if (e is CommitmentMade made)
            {
                _writer.WriteStartObject("commitment");
                _writer.WriteString("id", made.Commitment.Id);
                _writer.WriteString("ownerId", made.Commitment.OwnerId);
                _writer.WriteString("description", made.Commitment.Description);
                _writer.WriteString("due", InstantPattern.ExtendedIso.Format(made.Commitment.Due));
                _writer.WriteString("status", made.Commitment.Status.ToString());
                _writer.WriteEndObject();
            }

            _writer.WriteEndObject();
            _writer.Flush();
            length += Encoding.UTF8.GetString(_buffer.WrittenSpan).Length;
        }

        return length;
    }

    [Benchmark(Description = "IncidentEventSerializer.Serialize, 1,000 events")]
    public int Serialize()
    {
        var length = 0;
        foreach (var e in _events)
        {
            length += _serializer.Serialize(e).Payload.Length;
        }

        return length;
    }
}
