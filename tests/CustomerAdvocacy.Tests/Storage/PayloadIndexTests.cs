using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Storage;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerAdvocacy.Tests.Storage;

public sealed class PayloadIndexTests
{
    private const string CommandIdText = "4cb786e9-960b-4208-ab7e-4640d9efe0a7";
    private static readonly IncidentEventSerializer Serializer = new();
    private static readonly IncidentId Id = IncidentId.New();

    [Fact]
    public void Deserialize_EveryEventTypeWithEveryNameAndStringEscaped_EqualsTheOriginal()
    {
        // JSON may spell any character of a name or a string as \uXXXX; the stored meaning is the same.
        foreach (var e in GoldenStreams.All().Values.SelectMany(s => s))
        {
            var stored = Serializer.Serialize(e);
            var escaped = Escaped(stored.Payload);
            Assert.NotEqual(stored.Payload, escaped);
            Assert.Equal(e, Serializer.Deserialize(e.IncidentId, e.Version, stored.EventType, stored.SchemaVersion, Encoding.UTF8.GetBytes(escaped)));
            Assert.Equal(e, Serializer.Deserialize(e.IncidentId, e.Version, stored with { Payload = escaped }));
        }
    }

    [Fact]
    public void Deserialize_EveryEventTypeIndented_EqualsTheOriginal()
    {
        foreach (var e in GoldenStreams.All().Values.SelectMany(s => s))
        {
            var stored = Serializer.Serialize(e);
            using var document = JsonDocument.Parse(stored.Payload);
            var indented = JsonSerializer.SerializeToUtf8Bytes(document.RootElement, new JsonSerializerOptions { WriteIndented = true });
            Assert.Equal(e, Serializer.Deserialize(e.IncidentId, e.Version, stored.EventType, stored.SchemaVersion, indented));
        }
    }

    [Fact]
    public void Deserialize_Utf8TypeNameOfEveryEventType_EqualsTheOriginal()
    {
        foreach (var e in GoldenStreams.All().Values.SelectMany(s => s))
        {
            var stored = Serializer.Serialize(e);
            var read = Serializer.Deserialize(e.IncidentId, e.Version, Encoding.UTF8.GetBytes(stored.EventType), stored.SchemaVersion, Encoding.UTF8.GetBytes(stored.Payload));
            Assert.Equal(e, read);
        }
    }

    [Theory]
    [InlineData(new byte[0], "")]
    [InlineData(new byte[] { (byte)'p', (byte)'l', (byte)'a', (byte)'n' }, "plan")]
    [InlineData(new byte[] { (byte)'p', 0xFF }, "p\uFFFD")]
    public void Deserialize_Utf8TypeNameUnknown_ThrowsNamingIt(byte[] type, string shown)
    {
        var payload = Encoding.UTF8.GetBytes(Payload("\"reason\":\"r\""));
        var ex = Assert.Throws<EventDeserializationException>(() => Serializer.Deserialize(Id, 8, type, 1, payload));
        Assert.Equal(8, ex.Version);
        Assert.Equal(System.Text.RegularExpressions.Regex.Unescape(shown), ex.EventType);
    }

    [ConfiguredProperty]
    public Property Deserialize_RepeatedProperty_LastOneWinsAsInJsonDocument(NonNull<string> first, NonNull<string> last)
    {
        var payload = Payload("\"reason\":" + JsonSerializer.Serialize(first.Get) + ",\"reason\":" + JsonSerializer.Serialize(last.Get));
        using var document = JsonDocument.Parse(payload);
        var e = (PlanRejected)Serializer.Deserialize(Id, 3, PlanRejected.TypeName, 1, Encoding.UTF8.GetBytes(payload));
        return (e.Reason == document.RootElement.GetProperty("reason").GetString() && e.Reason == last.Get).ToProperty();
    }

    [Theory]
    [InlineData("{\"a\":1} {\"b\":2}")]
    [InlineData("{\"a\":1},")]
    [InlineData("{\"a\":1,}")]
    [InlineData("{\"a\":1 /* note */}")]
    [InlineData("{'a':1}")]
    [InlineData("{\"a\":01}")]
    [InlineData("{\"a\":\"\\x\"}")]
    public void Deserialize_TextJsonDocumentRefuses_ThrowsTyped(string payload)
    {
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(payload));
        var ex = Assert.Throws<EventDeserializationException>(() => Serializer.Deserialize(Id, 9, PlanRejected.TypeName, 1, Encoding.UTF8.GetBytes(payload)));
        Assert.Equal(9, ex.Version);
        Assert.Equal(Id, ex.IncidentId);
    }

    [Fact]
    public void Deserialize_NestedDeeperThanJsonDocumentReads_ThrowsTyped()
    {
        var payload = Payload("\"reason\":\"r\",\"deep\":" + new string('[', 70) + new string(']', 70));
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(payload));
        Assert.Throws<EventDeserializationException>(() => Serializer.Deserialize(Id, 9, PlanRejected.TypeName, 1, Encoding.UTF8.GetBytes(payload)));
    }

    [Fact]
    public void Deserialize_InvalidUtf8InAString_ThrowsTyped()
    {
        var bytes = Encoding.UTF8.GetBytes(Payload("\"reason\":\"ab\""));
        var at = Array.LastIndexOf(bytes, (byte)'b');
        bytes[at] = 0xFF;
        var ex = Assert.Throws<EventDeserializationException>(() => Serializer.Deserialize(Id, 5, PlanRejected.TypeName, 1, bytes));
        Assert.Equal(5, ex.Version);
    }

    [Theory]
    [InlineData("2147483648")]
    [InlineData("1.5")]
    [InlineData("1e2")]
    [InlineData("\"1\"")]
    [InlineData("null")]
    public void Deserialize_NumberThatIsNoInt32_ThrowsTyped(string occurrence)
    {
        var schedule = "{\"countedFrom\":\"2026-03-02T09:00:00Z\",\"warningAt\":\"2026-03-02T10:00:00Z\",\"due\":\"2026-03-02T11:00:00Z\"}";
        var payload = Payload("\"occurrence\":" + occurrence + ",\"schedule\":" + schedule);
        var ex = Assert.Throws<EventDeserializationException>(() => Serializer.Deserialize(Id, 6, UpdateScheduled.TypeName, 1, Encoding.UTF8.GetBytes(payload)));
        Assert.Equal(UpdateScheduled.TypeName, ex.EventType);
        Assert.Equal(6, Serializer.Deserialize(Id, 6, UpdateScheduled.TypeName, 1, Encoding.UTF8.GetBytes(Payload("\"occurrence\":6,\"schedule\":" + schedule))) is UpdateScheduled u ? u.Occurrence : 0);
    }

    [Theory]
    [InlineData("\"4CB786E9-960B-4208-AB7E-4640D9EFE0A7\"", true)]
    [InlineData("\"{4cb786e9-960b-4208-ab7e-4640d9efe0a7}\"", false)]
    [InlineData("\"4cb786e9960b4208ab7e4640d9efe0a7\"", false)]
    [InlineData("\"4cb786e9-960b-4208-ab7e-4640d9efe0a\"", false)]
    [InlineData("42", false)]
    public void Deserialize_CommandIdForms_ReadAsJsonElementReadsThem(string commandId, bool readable)
    {
        var payload = "{\"occurredAt\":\"2026-03-02T09:00:00Z\",\"actor\":{\"id\":\"a\",\"role\":\"AccountableOwner\"},\"commandId\":" + commandId + ",\"reason\":\"r\"}";
        using var document = JsonDocument.Parse(payload);
        var element = document.RootElement.GetProperty("commandId");
        Assert.Equal(readable, element.ValueKind == JsonValueKind.String && element.TryGetGuid(out _));
        var bytes = Encoding.UTF8.GetBytes(payload);
        if (readable)
        {
            Assert.Equal(element.GetGuid(), Serializer.Deserialize(Id, 2, PlanRejected.TypeName, 1, bytes).Metadata.CommandId.Value);
        }
        else
        {
            Assert.Throws<EventDeserializationException>(() => Serializer.Deserialize(Id, 2, PlanRejected.TypeName, 1, bytes));
        }
    }

    [Fact]
    public void Deserialize_ManyThreadsOnOneSerializer_EachReadsItsOwnPayload()
    {
        // The serializer lends its one index to one reader at a time; readers that find it lent make their own.
        var events = GoldenStreams.All().Values.SelectMany(s => s).ToArray();
        var stored = events.Select(e => (e, Serializer.Serialize(e))).Select(p => (p.e, Bytes: Encoding.UTF8.GetBytes(p.Item2.Payload))).ToArray();
        var serializer = new IncidentEventSerializer();
        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 8 }, round =>
        {
            for (var i = 0; i < stored.Length; i++)
            {
                var (e, bytes) = stored[(i + round) % stored.Length];
                Assert.Equal(e, serializer.Deserialize(e.IncidentId, e.Version, e.EventType, 1, bytes));
            }
        });
    }

    [Fact]
    public void Deserialize_AfterAHugePayload_ReadsTheNextOneExactly()
    {
        var big = new PlanRejected(Meta(2), new string('x', 100_000) + "\\\"✓");
        var small = new PlanRejected(Meta(3), "small");
        var serializer = new IncidentEventSerializer();
        foreach (var e in new[] { small, big, small, big })
        {
            var stored = serializer.Serialize(e);
            Assert.Equal(e, serializer.Deserialize(Id, e.Version, stored.EventType, 1, Encoding.UTF8.GetBytes(stored.Payload)));
        }
    }

    private static EventMetadata Meta(long version)
        => new(Id, version, Instant.FromUtc(2026, 3, 2, 9, 0), new Actor("a", IncidentRole.AccountableOwner), new CommandId(Guid.Parse(CommandIdText)));

    private static string Payload(string body)
        => "{\"occurredAt\":\"2026-03-02T09:00:00Z\",\"actor\":{\"id\":\"a\",\"role\":\"AccountableOwner\"},\"commandId\":\"" + CommandIdText + "\"," + body + "}";

    /// <summary>The same JSON with every letter of every name and string written as a \u escape.</summary>
    private static string Escaped(string json)
    {
        var result = new StringBuilder();
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (inString && c == '\\')
            {
                // An escape stays as written: \uXXXX whole, or the one character after the backslash.
                var length = json[i + 1] == 'u' ? 6 : 2;
                result.Append(json, i, length);
                i += length - 1;
            }
            else if (c == '"')
            {
                inString = !inString;
                result.Append(c);
            }
            else if (inString && char.IsLetter(c))
            {
                result.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
