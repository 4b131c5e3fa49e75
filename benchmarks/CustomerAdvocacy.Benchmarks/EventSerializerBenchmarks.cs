using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Segmentation;
using CustomerAdvocacy.Storage;
using NodaTime;

namespace CustomerAdvocacy.Benchmarks;

/// <summary>
/// The event serializer alone, on the stored payloads of the store benchmarks' 1,000-event incident (one opening, 999
/// commitments), as UTF-8 bytes the way the stores hand them over: what a load spends outside the database, against
/// <see cref="JsonDocument"/> parsing and a bare <see cref="Utf8JsonReader"/> pass over the same bytes.
/// </summary>
[MemoryDiagnoser]
public class EventSerializerBenchmarks
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);
    private readonly IncidentEventSerializer _serializer = new();
    private readonly IncidentId _id = IncidentId.New();
    private (string Type, byte[] Payload)[] _stored = [];

    [GlobalSetup]
    public void Setup()
    {
        var owner = new Actor("owner-1", IncidentRole.AccountableOwner);
        var events = new List<IncidentEvent>
        {
            new IncidentOpened(new EventMetadata(_id, 1, Start, owner, CommandId.New()), "customer-acme", owner.Id, new PolicyReference("standard", 1), null),
        };
        for (var v = 2; v <= 1000; v++)
        {
            events.Add(new CommitmentMade(new EventMetadata(_id, v, Start, owner, CommandId.New()), new Commitment("k" + v, owner.Id, "call back with findings", Start + Duration.FromHours(v))));
        }

        _stored = events.Select(e => _serializer.Serialize(e)).Select(s => (s.EventType, Encoding.UTF8.GetBytes(s.Payload))).ToArray();
    }

    [Benchmark(Baseline = true, Description = "bare Utf8JsonReader pass, 1,000 payloads (floor)")]
    public int ReaderPass()
    {
        var tokens = 0;
        foreach (var (_, payload) in _stored)
        {
            tokens += EventJsonFloor.CountTokens(payload);
        }

        return tokens;
    }

    [Benchmark(Description = "JsonDocument.Parse, 1,000 payloads")]
    public int DocumentParse()
    {
        var count = 0;
        foreach (var (_, payload) in _stored)
        {
            using var document = JsonDocument.Parse(payload);
            count += document.RootElement.ValueKind == JsonValueKind.Object ? 1 : 0;
        }

        return count;
    }

    [Benchmark(Description = "IncidentEventSerializer.Deserialize (UTF-8), 1,000 events")]
    public int Deserialize()
    {
        var count = 0;
        for (var i = 0; i < _stored.Length; i++)
        {
            count += _serializer.Deserialize(_id, i + 1, _stored[i].Type, IncidentEventSerializer.CurrentSchemaVersion, _stored[i].Payload) is null ? 0 : 1;
        }

        return count;
    }
}

/// <summary>What any adapter that stores events as JSON pays at least per payload: one pass of the reader over every token.</summary>
internal static class EventJsonFloor
{
    /// <summary>Reads every token of <paramref name="utf8Json"/> and allocates nothing.</summary>
    /// <param name="utf8Json">The payload.</param>
    /// <returns>How many tokens it holds.</returns>
    internal static int CountTokens(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }
}
