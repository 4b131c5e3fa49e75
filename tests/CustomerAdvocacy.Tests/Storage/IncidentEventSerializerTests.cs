using System;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Storage;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using NodaTime.Text;

namespace CustomerAdvocacy.Tests.Storage;

public sealed class IncidentEventSerializerTests
{
    private static readonly IncidentEventSerializer Serializer = new();
    private static readonly IncidentId Id = IncidentId.New();

    [Fact]
    public void Deserialize_EveryEventTypeSerialized_EqualsTheOriginal()
    {
        var all = GoldenStreams.All().Values.SelectMany(s => s).ToList();
        Assert.Equal(77, all.Select(e => e.EventType).Distinct().Count());
        foreach (var e in all)
        {
            var stored = Serializer.Serialize(e);
            Assert.Equal(e.EventType, stored.EventType);
            Assert.Equal(IncidentEventSerializer.CurrentSchemaVersion, stored.SchemaVersion);
            Assert.Equal(e, Serializer.Deserialize(e.IncidentId, e.Version, stored));
        }
    }

    [Fact]
    public void Deserialize_Utf8PayloadOfEveryEventType_EqualsTheOriginal()
    {
        foreach (var e in GoldenStreams.All().Values.SelectMany(s => s))
        {
            var stored = Serializer.Serialize(e);
            var bytes = Encoding.UTF8.GetBytes(stored.Payload);
            Assert.Equal(e, Serializer.Deserialize(e.IncidentId, e.Version, stored.EventType, stored.SchemaVersion, bytes));
        }
    }

    [Fact]
    public void Deserialize_Utf8PayloadOfUnknownType_ThrowsNamingIncidentAndVersion()
    {
        var bytes = Encoding.UTF8.GetBytes(Serializer.Serialize(Analysis()).Payload);
        var ex = Assert.Throws<EventDeserializationException>(() => Serializer.Deserialize(Id, 7, "incident-teleported", 1, bytes));
        Assert.Equal(7, ex.Version);
        Assert.Equal("incident-teleported", ex.EventType);
    }

    [ConfiguredProperty]
    public Property ParseInstant_AnyWrittenInstant_ReadsBackExactly(long ticks, byte nanoseconds)
    {
        // Every instant from year 1 to 9999, to the nanosecond (fractions of one to nine digits).
        var span = Instant.FromUtc(9999, 12, 31, 23, 59).ToUnixTimeTicks() - Instant.FromUtc(1, 1, 1, 0, 0).ToUnixTimeTicks();
        var instant = Instant.FromUtc(1, 1, 1, 0, 0) + Duration.FromTicks(Math.Abs(ticks % span)) + Duration.FromNanoseconds(nanoseconds % 100);
        var text = InstantPattern.ExtendedIso.Format(instant);
        return (IncidentEventSerializer.ParseInstant(text) == instant).Label(text);
    }

    [Theory]
    [InlineData("2026-03-29T01:30:00Z")]
    [InlineData("2026-03-29T01:30:00.5Z")]
    [InlineData("2026-03-29T01:30:00.123456789Z")]
    [InlineData("2026-03-29T01:30:00,25Z")]
    [InlineData("2026-03-29T01:30:00.000Z")]
    [InlineData("2024-02-29T23:59:59Z")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("-0001-01-01T00:00:00Z")]
    [InlineData("2025-02-29T00:00:00Z")]
    [InlineData("2026-13-01T00:00:00Z")]
    [InlineData("2026-04-31T00:00:00Z")]
    [InlineData("2026-03-29T24:00:00Z")]
    [InlineData("2026-03-29T23:60:00Z")]
    [InlineData("2026-03-29T23:59:60Z")]
    [InlineData("2026-03-29T01:30:00.Z")]
    [InlineData("2026-03-29T01:30:00.1234567890Z")]
    [InlineData("2026-03-29T01:30:00")]
    [InlineData("2026-03-29 01:30:00Z")]
    [InlineData("2026-03-29T01:30:00+01:00")]
    [InlineData("2026-3-29T01:30:00Z")]
    [InlineData("2026-03-29T01:30:0xZ")]
    [InlineData("")]
    public void ParseInstant_AnyText_AcceptsAndRefusesAsThePattern(string text)
    {
        var expected = InstantPattern.ExtendedIso.Parse(text);
        if (expected.Success)
        {
            Assert.Equal(expected.Value, IncidentEventSerializer.ParseInstant(text));
        }
        else
        {
            Assert.ThrowsAny<FormatException>(() => IncidentEventSerializer.ParseInstant(text));
        }
    }

    [ConfiguredProperty]
    public Property Deserialize_AnyText_ReadsBackExactly(NonNull<string> reason, NonEmptyString actorId)
    {
        var text = reason.Get + "\0\"'\\ 😀 ✓";
        var id = actorId.Get.Trim().Length == 0 ? "x" + actorId.Get : actorId.Get;
        var e = new PlanRejected(new EventMetadata(Id, 3, Instant.FromUtc(2026, 3, 29, 1, 30), new Actor(id, IncidentRole.CustomerContact), CommandId.New()), text);
        return (Serializer.Deserialize(Id, 3, Serializer.Serialize(e)) == e).ToProperty();
    }

    [Fact]
    public void Deserialize_CommitmentOfferEvents_EqualTheOriginal()
    {
        var at = Instant.FromUtc(2026, 3, 2, 9, 0);
        var owner = new Actor("owner-1", IncidentRole.AccountableOwner);
        var customer = new Actor("customer-1", IncidentRole.CustomerContact);
        IncidentEvent[] events =
        {
            new CommitmentOffered(new EventMetadata(Id, 7, at, owner, CommandId.New()), new CustomerAdvocacy.Engagement.Commitment("k3", "owner-1", "send the root-cause report", at + Duration.FromHours(27))),
            new CommitmentDueRejected(new EventMetadata(Id, 8, at, customer, CommandId.New()), "k3", "month-end close runs that day"),
        };
        foreach (var e in events)
        {
            var stored = Serializer.Serialize(e);
            Assert.Equal(e.EventType, stored.EventType);
            Assert.Equal(e, Serializer.Deserialize(Id, e.Version, stored));
        }
    }

    [Fact]
    public void Deserialize_UnknownType_ThrowsNamingIncidentAndVersion()
    {
        var stored = new SerializedEvent("incident-teleported", 1, Serializer.Serialize(Analysis()).Payload);
        var ex = Assert.Throws<EventDeserializationException>(() => Serializer.Deserialize(Id, 7, stored));
        Assert.Equal(Id, ex.IncidentId);
        Assert.Equal(7, ex.Version);
        Assert.Equal("incident-teleported", ex.EventType);
        Assert.Contains(Id.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.Contains("version 7", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_SchemaVersionWithoutUpcaster_Throws()
    {
        var stored = Serializer.Serialize(Analysis()) with { SchemaVersion = 2 };
        var ex = Assert.Throws<EventDeserializationException>(() => Serializer.Deserialize(Id, 2, stored));
        Assert.Equal(2, ex.SchemaVersion);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{\"occurredAt\":\"2026-03-02T09:00:00Z\",\"actor\":{\"id\":\"a\",\"role\":\"AccountableOwner\"}}")]
    [InlineData("{\"occurredAt\":\"yesterday\",\"actor\":{\"id\":\"a\",\"role\":\"AccountableOwner\"},\"commandId\":\"4cb786e9-960b-4208-ab7e-4640d9efe0a7\",\"reason\":\"r\"}")]
    [InlineData("{\"occurredAt\":\"2026-03-02T09:00:00Z\",\"actor\":{\"id\":\"a\",\"role\":\"Wizard\"},\"commandId\":\"4cb786e9-960b-4208-ab7e-4640d9efe0a7\",\"reason\":\"r\"}")]
    [InlineData("{\"occurredAt\":\"2026-03-02T09:00:00Z\",\"actor\":{\"id\":\"a\",\"role\":\"2\"},\"commandId\":\"4cb786e9-960b-4208-ab7e-4640d9efe0a7\",\"reason\":\"r\"}")]
    [InlineData("{\"occurredAt\":\"2026-03-02T09:00:00Z\",\"actor\":{\"id\":\" \",\"role\":\"AccountableOwner\"},\"commandId\":\"4cb786e9-960b-4208-ab7e-4640d9efe0a7\",\"reason\":\"r\"}")]
    [InlineData("{\"occurredAt\":\"2026-03-02T09:00:00Z\",\"actor\":{\"id\":\"a\",\"role\":\"AccountableOwner\"},\"commandId\":\"4cb786e9-960b-4208-ab7e-4640d9efe0a7\",\"reason\":null}")]
    public void Deserialize_CorruptPayload_ThrowsTyped(string payload)
    {
        var ex = Assert.Throws<EventDeserializationException>(() => Serializer.Deserialize(Id, 4, new SerializedEvent(PlanRejected.TypeName, 1, payload)));
        Assert.Equal(4, ex.Version);
        Assert.Equal(PlanRejected.TypeName, ex.EventType);
        var fromBytes = Assert.Throws<EventDeserializationException>(() => Serializer.Deserialize(Id, 4, PlanRejected.TypeName, 1, Encoding.UTF8.GetBytes(payload)));
        Assert.Equal(4, fromBytes.Version);
        Assert.Equal(PlanRejected.TypeName, fromBytes.EventType);
    }

    [Fact]
    public void Deserialize_RenamedAndRevisedType_IsUpcastThroughTheChain()
    {
        var serializer = new IncidentEventSerializer(new IncidentEventUpcaster[] { new PerspectiveNotedV1ToV2(), new PerspectiveNotedV2ToCaptured() });
        var payload = "{\"occurredAt\":\"2026-03-02T09:00:00Z\",\"actor\":{\"id\":\"owner-1\",\"role\":\"AccountableOwner\"},\"commandId\":\"4cb786e9-960b-4208-ab7e-4640d9efe0a7\","
            + "\"problem\":\"server down\",\"impact\":\"orders stopped\",\"remedy\":\"server back up\",\"hoursAllowed\":24}";
        var e = serializer.Deserialize(Id, 2, new SerializedEvent("perspective-noted", 1, payload));
        var captured = Assert.IsType<PerspectiveCaptured>(e);
        Assert.Equal(new CustomerPerspective("server down", "orders stopped", "server back up", Duration.FromHours(24)), captured.Perspective);
        Assert.Equal(2, captured.Version);
        Assert.Equal(e, serializer.Deserialize(Id, 2, "perspective-noted", 1, Encoding.UTF8.GetBytes(payload)));
        Assert.Throws<EventDeserializationException>(() => Serializer.Deserialize(Id, 2, new SerializedEvent("perspective-noted", 1, payload)));
    }

    [Fact]
    public void Constructor_TwoUpcastersForOneVersion_Throws()
        => Assert.Throws<ArgumentException>(() => new IncidentEventSerializer(new IncidentEventUpcaster[] { new PerspectiveNotedV1ToV2(), new PerspectiveNotedV1ToV2() }));

    [Fact]
    public void DeserializeRejection_EveryKind_RoundTrips()
    {
        Rejection[] rejections =
        {
            new NotPermittedInState(IncidentState.Executing, IncidentTrigger.Close),
            new NotAuthorized(IncidentRole.ThirdParty, IncidentTrigger.ConfirmResolution, "no"),
            new RuleBroken(IncidentRules.CommitmentNeedsDueDate, "no due date \0 ✓"),
            new RuleBroken(IncidentRules.NoOpenCommitment, "two")
            {
                Violations =
                [
                    new ClosureProblem(ClosureCondition.NoOpenCommitment, IncidentRules.NoOpenCommitment, "k1 open", ["k1"]),
                    new ClosureProblem(ClosureCondition.AccountableOwnerInPlace, IncidentRules.AccountableOwnerInPlace, "no owner", []),
                    new RuleViolation("escalation.some-rule", "plain"),
                ],
            },
            new StaleVersion(3, 5),
        };
        var commandId = CommandId.New();
        foreach (var r in rejections)
        {
            Assert.Equal(r, Serializer.DeserializeRejection(commandId, Serializer.SerializeRejection(r)));
        }
    }

    [Theory]
    [InlineData("{\"kind\":\"Bribed\"}")]
    [InlineData("{\"kind\":\"StaleVersion\",\"expectedVersion\":\"x\",\"actualVersion\":1}")]
    [InlineData("not json")]
    public void DeserializeRejection_Corrupt_ThrowsNamingCommand(string json)
    {
        var commandId = CommandId.New();
        var ex = Assert.Throws<CommandRecordDeserializationException>(() => Serializer.DeserializeRejection(commandId, json));
        Assert.Equal(commandId, ex.CommandId);
        Assert.Contains(commandId.ToString(), ex.Message, StringComparison.Ordinal);
    }

    private static AnalysisStarted Analysis()
        => new(new EventMetadata(Id, 2, Instant.FromUtc(2026, 3, 2, 9, 0), new Actor("owner-1", IncidentRole.AccountableOwner), CommandId.New()));

    /// <summary>A hypothetical first schema renamed the perspective fields; the second kept hours as a number.</summary>
    private sealed class PerspectiveNotedV1ToV2 : IncidentEventUpcaster
    {
        public override string FromEventType => "perspective-noted";

        public override int FromSchemaVersion => 1;

        public override string ToEventType => "perspective-noted";

        public override int ToSchemaVersion => 2;

        public override JsonObject Upcast(JsonObject payload)
        {
            payload["biggestProblem"] = payload["problem"]!.DeepClone();
            payload["problemsCaused"] = payload["impact"]!.DeepClone();
            payload["remedySought"] = payload["remedy"]!.DeepClone();
            payload.Remove("problem");
            payload.Remove("impact");
            payload.Remove("remedy");
            return payload;
        }
    }

    private sealed class PerspectiveNotedV2ToCaptured : IncidentEventUpcaster
    {
        public override string FromEventType => "perspective-noted";

        public override int FromSchemaVersion => 2;

        public override string ToEventType => PerspectiveCaptured.TypeName;

        public override int ToSchemaVersion => 1;

        public override JsonObject Upcast(JsonObject payload)
        {
            var hours = payload["hoursAllowed"]!.GetValue<int>();
            payload.Remove("hoursAllowed");
            var perspective = new JsonObject
            {
                ["biggestProblem"] = payload["biggestProblem"]!.DeepClone(),
                ["problemsCaused"] = payload["problemsCaused"]!.DeepClone(),
                ["remedySought"] = payload["remedySought"]!.DeepClone(),
                ["timeAllowed"] = hours.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":00:00",
            };
            payload["perspective"] = perspective;
            return payload;
        }
    }
}
