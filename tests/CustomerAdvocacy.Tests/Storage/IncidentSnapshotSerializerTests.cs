using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Diagnostics;
using CustomerAdvocacy.DueActions;
using CustomerAdvocacy.Engine;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Storage;
using CustomerAdvocacy.Testing;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Testing;

namespace CustomerAdvocacy.Tests.Storage;

public sealed class IncidentSnapshotSerializerTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);
    private static readonly IncidentId Id = new(new Guid("0b7c61f2-0000-4000-8000-000000000006"));

    private readonly IncidentSnapshotSerializer _serializer = new();

    [ConfiguredProperty]
    public Property SnapshotAtAnyVersionPlusTail_EqualsFullReplay()
        => Prop.ForAll(Arb.From(IncidentGenerators.CommandSequences(Id, Start)), sequence =>
        {
            var events = Run(sequence);
            var full = IncidentEvolver.Replay(Id, events);
            for (var at = 1; at <= events.Count; at++)
            {
                var snapshot = _serializer.Serialize(IncidentEvolver.Replay(Id, events.Take(at)));
                Assert.True(_serializer.TryDeserialize(snapshot, out var restored, out var problem), problem);
                var state = restored!;
                foreach (var e in events.Skip(at))
                {
                    state = IncidentEvolver.Evolve(state, e);
                }

                Assert.Equal(full, state);
                Assert.Equal(snapshot.Payload, _serializer.Serialize(restored!).Payload);
            }
        });

    [Fact]
    public void Fingerprint_TwoSerializers_AreEqualAndHexOf128Bits()
    {
        var other = new IncidentSnapshotSerializer();
        Assert.Null(_serializer.UnsupportedReason);
        Assert.Equal(_serializer.Fingerprint, other.Fingerprint);
        Assert.Matches("^[0-9a-f]{32}$", _serializer.Fingerprint);
    }

    [Fact]
    public void Describe_IncidentGraph_NamesEveryFieldOfEveryReachableStateType()
    {
        var text = new StringBuilder();
        new StateGraphConverterFactory(typeof(Incident).Assembly).Describe(typeof(Incident), text, new HashSet<Type>());
        var description = text.ToString();

        // A field added to any of these types changes the description, so the fingerprint, so old snapshots are refused.
        foreach (var property in typeof(Incident).GetProperties())
        {
            Assert.Contains(" " + property.Name + ":", description, StringComparison.Ordinal);
        }

        Assert.Contains("type CustomerAdvocacy.Engagement.Commitment as CustomerAdvocacy.Engagement.Commitment { Description:System.String; Due:NodaTime.Instant; Id:System.String; OwnerId:System.String; Status:CustomerAdvocacy.Engagement.CommitmentStatus; }", description, StringComparison.Ordinal);
        Assert.Contains("enum CustomerAdvocacy.Engagement.CommitmentStatus: Delivered=2 Missed=1 Open=0", description, StringComparison.Ordinal);
        Assert.DoesNotContain("IsOutstanding", description, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_ShapeWithADelegate_IsNotSupported()
    {
        var factory = new StateGraphConverterFactory(typeof(IncidentSnapshotSerializerTests).Assembly);
        Assert.Throws<NotSupportedException>(() => factory.Describe(typeof(WithCallback), new StringBuilder(), new HashSet<Type>()));
    }

    [Fact]
    public void RoundTrip_PolymorphicPrivateListAndSetFields_RestoresEqualValues()
    {
        var options = HolderOptions();
        var value = new Holder(new Circle(2.5), EquatableList<Shape>.From(new Shape[] { new Square(3), new Circle(1) }), 42, new HashSet<CommandId> { CommandId.New(), CommandId.New() });

        var json = JsonSerializer.Serialize(value, options);
        var restored = JsonSerializer.Deserialize<Holder>(json, options);

        Assert.Equal(value.Main, restored!.Main);
        Assert.Equal(value.Others, restored.Others);
        Assert.Equal(42, restored.Secret);
        Assert.True(value.Applied.SetEquals(restored.Applied));
    }

    [Fact]
    public void Deserialize_SetHoldingAnElementTwice_ThrowsJsonException()
    {
        var options = HolderOptions();
        var json = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(new Holder(new Circle(1), EquatableList<Shape>.From(Array.Empty<Shape>()), 1, new HashSet<CommandId> { CommandId.New() }), options))!;
        var applied = json["_applied"]!.AsArray();
        applied.Add(applied[0]!.DeepClone());

        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Holder>(json.ToJsonString(), options));

        Assert.Contains("twice", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Others", "list")]
    [InlineData("_applied", "set")]
    public void Deserialize_CollectionThatIsNotAnArray_ThrowsNamingTheShape(string property, string shape)
    {
        var options = HolderOptions();
        var json = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(new Holder(new Circle(1), EquatableList<Shape>.From(Array.Empty<Shape>()), 1, new HashSet<CommandId>()), options))!;
        json[property] = new System.Text.Json.Nodes.JsonObject();

        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Holder>(json.ToJsonString(), options));

        Assert.Contains("Expected a " + shape, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDeserialize_OtherFingerprint_IsRefusedNamingBothShapes()
    {
        var snapshot = _serializer.Serialize(Opened());
        Assert.False(_serializer.TryDeserialize(snapshot with { Fingerprint = "0123" }, out var incident, out var problem));
        Assert.Null(incident);
        Assert.Contains("0123", problem, StringComparison.Ordinal);
        Assert.Contains(_serializer.Fingerprint!, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{}")]
    [InlineData("[1,2]")]
    [InlineData("null")]
    public void TryDeserialize_CorruptPayload_IsRefused(string payload)
    {
        var snapshot = _serializer.Serialize(Opened()) with { Payload = payload };
        Assert.False(_serializer.TryDeserialize(snapshot, out var incident, out var problem));
        Assert.Null(incident);
        Assert.False(string.IsNullOrEmpty(problem));
    }

    [Fact]
    public void TryDeserialize_FieldMissingOrExtra_IsRefused()
    {
        var snapshot = _serializer.Serialize(Opened());
        var missing = snapshot.Payload.Replace("\"CustomerId\":", "\"CustomerIdentifier\":", StringComparison.Ordinal);
        Assert.False(_serializer.TryDeserialize(snapshot with { Payload = missing }, out _, out _));
        var extra = "{\"Extra\":1," + snapshot.Payload.Substring(1);
        Assert.False(_serializer.TryDeserialize(snapshot with { Payload = extra }, out _, out _));
    }

    [Fact]
    public void TryDeserialize_SnapshotOfAnotherIncidentOrVersion_IsRefused()
    {
        var snapshot = _serializer.Serialize(Opened());
        Assert.False(_serializer.TryDeserialize(snapshot with { IncidentId = IncidentId.New() }, out _, out _));
        Assert.False(_serializer.TryDeserialize(snapshot with { Version = snapshot.Version + 1 }, out _, out _));
    }

    [Fact]
    public void Serialize_IncidentWithoutEvents_Throws()
        => Assert.Throws<ArgumentException>(() => _serializer.Serialize(Incident.NotOpened(Id)));

    [Theory]
    [InlineData(3, 0, 2, false)]
    [InlineData(3, 2, 3, true)]
    [InlineData(3, 2, 7, true)]
    [InlineData(3, 3, 5, false)]
    [InlineData(1, 4, 5, true)]
    [InlineData(1, 5, 5, false)]
    public void ShouldSnapshot_CrossingAMultiple_IsTrue(int interval, long from, long to, bool expected)
        => Assert.Equal(expected, SnapshotPolicy.EveryEvents(interval).ShouldSnapshot(from, to));

    [Fact]
    public void ShouldSnapshot_Never_IsFalse() => Assert.False(SnapshotPolicy.Never.ShouldSnapshot(0, 1000));

    [Fact]
    public void EveryEvents_BelowOne_ThrowsNamingTheArgument()
        => Assert.Equal("events", Assert.Throws<ArgumentOutOfRangeException>(() => SnapshotPolicy.EveryEvents(0)).ParamName);

    [Fact]
    public async Task EngineLoad_SnapshotOfAnotherShape_ReplaysAndLogsIt()
    {
        var store = new InMemoryIncidentStore();
        var logger = new CapturingLogger();

        // An interval the stream never reaches: the engine reads snapshots but writes none itself.
        var engine = new IncidentEngine(store, FixedIncidentContextProvider.Standard, new FakeClock(Start), logger, new IncidentEngineOptions { SnapshotInterval = 1000 });
        var script = new IncidentCommands(Id, Start);
        foreach (var command in new IncidentCommand[] { script.Open(), script.CapturePerspective(), script.StartAnalysis() })
        {
            Assert.True((await engine.ExecuteAsync(command)).Decision.IsAccepted);
        }

        var events = await store.ReadStreamAsync(Id, 1, CancellationToken.None);

        // A snapshot that would give a wrong state if it were trusted: an earlier state claiming the latest version.
        var wrong = _serializer.Serialize(IncidentEvolver.Replay(Id, events.Take(1)) with { Version = events.Count });
        await store.SaveSnapshotAsync(wrong with { Fingerprint = "an-older-shape" }, CancellationToken.None);

        Assert.Equal(IncidentEvolver.Replay(Id, events), await engine.LoadAsync(Id));
        Assert.Contains(logger.Entries, e => e.Id == LogEventIds.SnapshotIgnored && e.Message.Contains("an-older-shape", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EngineLoad_SnapshotBeyondTheStream_ReplaysTheEvents()
    {
        var store = new InMemoryIncidentStore();
        var logger = new CapturingLogger();
        var engine = new IncidentEngine(store, FixedIncidentContextProvider.Standard, new FakeClock(Start), logger, new IncidentEngineOptions { SnapshotInterval = 100 });
        var script = new IncidentCommands(Id, Start);
        await engine.ExecuteAsync(script.Open());
        await engine.ExecuteAsync(script.CapturePerspective());
        var events = await store.ReadStreamAsync(Id, 1, CancellationToken.None);

        // A snapshot newer than its stream (the events restored from an older backup than the snapshots).
        var ahead = _serializer.Serialize(IncidentEvolver.Replay(Id, events) with { Version = events.Count + 5 });
        await store.SaveSnapshotAsync(ahead, CancellationToken.None);

        Assert.Equal(IncidentEvolver.Replay(Id, events), await engine.LoadAsync(Id));
        Assert.Contains(logger.Entries, e => e.Id == LogEventIds.SnapshotIgnored);
    }

    [Fact]
    public async Task EngineLoad_PolicyNever_IgnoresStoredSnapshots()
    {
        var store = new InMemoryIncidentStore();
        var engine = new IncidentEngine(store, FixedIncidentContextProvider.Standard, new FakeClock(Start));
        var script = new IncidentCommands(Id, Start);
        await engine.ExecuteAsync(script.Open());
        await engine.ExecuteAsync(script.CapturePerspective());
        Assert.Null(await store.ReadSnapshotAsync(Id, CancellationToken.None));
        var events = await store.ReadStreamAsync(Id, 1, CancellationToken.None);

        // A snapshot that a reading engine would trust (right shape, right version) but with another state.
        var planted = _serializer.Serialize(IncidentEvolver.Replay(Id, events) with { CustomerId = "planted" });
        await store.SaveSnapshotAsync(planted, CancellationToken.None);

        Assert.Equal(IncidentEvolver.Replay(Id, events), await engine.LoadAsync(Id));
        Assert.Equal("planted", (await new IncidentEngine(store, FixedIncidentContextProvider.Standard, new FakeClock(Start), null, new IncidentEngineOptions { SnapshotInterval = 10 }).LoadAsync(Id)).CustomerId);
    }

    [Fact]
    public async Task Engine_SnapshotPolicy_WritesWhenAnAppendCrossesAMultiple()
    {
        var store = new InMemoryIncidentStore();
        var engine = new IncidentEngine(store, FixedIncidentContextProvider.Standard, new FakeClock(Start), null, new IncidentEngineOptions { SnapshotInterval = 3 });
        var script = new IncidentCommands(Id, Start);
        var written = 0;
        foreach (var command in script.ToExecuting("c1"))
        {
            var result = await engine.ExecuteAsync(command);
            var snapshot = await store.ReadSnapshotAsync(Id, CancellationToken.None);
            var version = result.Incident.Version;
            if (version < 3)
            {
                Assert.Null(snapshot);
                continue;
            }

            // The latest snapshot is the state after the first append that reached the latest multiple of 3.
            Assert.NotNull(snapshot);
            Assert.True(snapshot.Version <= version && snapshot.Version / 3 == version / 3, $"snapshot at {snapshot.Version}, stream at {version}");
            written = Math.Max(written, (int)snapshot.Version);
        }

        Assert.True(written >= 3, "the script reached a snapshot");
    }

    [Fact]
    public async Task Engine_Append_RecordsTheEarliestDueItemAsNextDue()
    {
        var store = new InMemoryIncidentStore();
        var engine = new IncidentEngine(store, FixedIncidentContextProvider.Standard, new FakeClock(Start));
        var script = new IncidentCommands(Id, Start);
        var commands = script.ToExecuting("c1").Concat(new IncidentCommand[] { script.Commit("k1", 8), script.Commit("k2", 3), script.Deliver("k2"), script.Deliver("k1") });
        foreach (var command in commands)
        {
            Assert.True((await engine.ExecuteAsync(command)).Decision.IsAccepted);
            var incident = await engine.LoadAsync(Id);
            var items = DueItemSources.ForIncident(incident);
            var indexed = (await store.FindDueAsync(Instant.MaxValue, 1000, CancellationToken.None)).Where(d => d.IncidentId == Id).ToArray();
            if (items.Count == 0)
            {
                Assert.Empty(indexed);
            }
            else
            {
                Assert.Equal(items.Min(i => i.Due), Assert.Single(indexed).DueAt);
            }
        }
    }

    private static IReadOnlyList<IncidentEvent> Run(IEnumerable<IncidentCommand> sequence)
    {
        var scenario = new IncidentScenario(Id, Start);
        foreach (var command in sequence)
        {
            scenario.Now += Duration.FromMinutes(20);
            scenario.When(command);
        }

        return scenario.History;
    }

    private static Incident Opened()
    {
        var scenario = new IncidentScenario(Id, Start);
        scenario.Given(new IncidentCommands(Id, Start).Open());
        return scenario.State;
    }

    internal abstract record Shape;

    internal sealed record Circle(double Radius) : Shape;

    internal sealed record Square(int Side) : Shape;

    internal sealed record WithCallback(Action Callback);

    private static JsonSerializerOptions HolderOptions()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new EquatableListConverterFactory());
        options.Converters.Add(new HashSetConverterFactory());
        options.Converters.Add(new StateGraphConverterFactory(typeof(IncidentSnapshotSerializerTests).Assembly));
        return options;
    }

    internal sealed class Holder
    {
        private readonly int _secret;
        private readonly HashSet<CommandId> _applied;

        internal Holder(Shape main, IReadOnlyList<Shape> others, int secret, HashSet<CommandId> applied)
        {
            Main = main;
            Others = others;
            _secret = secret;
            _applied = applied;
        }

        public Shape Main { get; }

        public IReadOnlyList<Shape> Others { get; init; }

        internal int Secret => _secret;

        internal IReadOnlySet<CommandId> Applied => _applied;
    }

    private sealed class CapturingLogger : ILogger<IncidentEngine>
    {
        public ConcurrentQueue<(int Id, string Message)> Entries { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => Entries.Enqueue((eventId.Id, formatter(state, exception)));
    }
}
