using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Engine;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Storage;
using CustomerAdvocacy.Testing;
using NodaTime;
using NodaTime.Testing;

namespace CustomerAdvocacy.StoreTests;

/// <summary>
/// Fault and concurrency tests every real store adapter runs (compiled into each adapter's test project): racing
/// writers, many parallel engines, a crash between append and acknowledgement, and hostile text.
/// </summary>
public abstract class StoreFaultTests
{
    /// <summary>Writers × commands per writer of the load test; lower it with this variable for a quick run.</summary>
    public const string LoadVariable = "CUSTOMERADVOCACY_STORE_LOAD";

    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);

    [Fact]
    public async Task Append_TwoWritersAtOneVersion_OneWinsOtherConflictsAndItsRetryAppliesOnce()
    {
        var store = await CreateStoreAsync();
        var id = IncidentId.New();
        var c = new IncidentCommands(id, Start);
        var scenario = new IncidentScenario(id, Start).Given(c.Open(), c.CapturePerspective());
        await AppendHistoryAsync(store, scenario.History);
        var version = scenario.State.Version;
        var first = CommitmentAppend(id, version, "a");
        var second = CommitmentAppend(id, version, "b");
        var outcomes = await Task.WhenAll(new[] { first, second }.Select(a => Task.Run(async () =>
        {
            try
            {
                await store.AppendAsync(a, CancellationToken.None);
                return (Exception?)null;
            }
            catch (IncidentConcurrencyException conflict)
            {
                return conflict;
            }
        })));
        Assert.Single(outcomes, o => o is null);
        var conflict = Assert.IsType<IncidentConcurrencyException>(Assert.Single(outcomes, o => o is not null));
        Assert.Equal(version, conflict.ExpectedVersion);
        Assert.Equal(version + 1, conflict.ActualVersion);

        var loser = outcomes[0] is null ? second : first;
        var retried = Rebase(loser, version + 1);
        await store.AppendAsync(retried, CancellationToken.None);
        await Assert.ThrowsAsync<DuplicateCommandException>(() => store.AppendAsync(Rebase(loser, version + 2), CancellationToken.None));
        var stream = await store.ReadStreamAsync(id, 1, CancellationToken.None);
        Assert.Equal(version + 2, stream.Count);
        Assert.Equal(new[] { first.CommandId, second.CommandId }.OrderBy(x => x.Value), stream.Skip((int)version).Select(e => e.Metadata.CommandId).OrderBy(x => x.Value));
    }

    [Fact]
    public async Task Engines_ParallelWritersOverManyIncidents_EventCountsEqualAcceptedCommands()
    {
        var (writers, perWriter) = Load();
        const int Incidents = 100;
        var store = await CreateStoreAsync();
        var clock = new FakeClock(Start);
        var ids = Enumerable.Range(0, Incidents).Select(_ => IncidentId.New()).ToArray();
        var setUp = new IncidentEngine(store, FixedIncidentContextProvider.Standard, clock);
        foreach (var id in ids)
        {
            var c = new IncidentCommands(id, Start);
            Assert.True((await setUp.ExecuteAsync(c.Open())).Decision.IsAccepted);
            Assert.True((await setUp.ExecuteAsync(c.CapturePerspective())).Decision.IsAccepted);
        }

        var accepted = new ConcurrentDictionary<IncidentId, int>();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            // One engine per writer: its in-process locks do not help the others, as with separate processes.
            var engine = new IncidentEngine(store, FixedIncidentContextProvider.Standard, clock);
            var random = new Random(w);
            for (var n = 0; n < perWriter; n++)
            {
                var id = ids[random.Next(Incidents)];
                var command = new IncidentCommands(id, Start).Commit(string.Create(CultureInfo.InvariantCulture, $"w{w}-{n}"));
                var result = await ExecuteUntilSettledAsync(engine, command);
                Assert.True(result.Decision.IsAccepted);
                Assert.False(result.IsDuplicate);
                if (n % 10 == 0)
                {
                    Assert.True((await ExecuteUntilSettledAsync(engine, command)).IsDuplicate);
                }

                accepted.AddOrUpdate(id, 1, (_, count) => count + 1);
            }
        })));

        Assert.Equal(writers * perWriter, accepted.Values.Sum());
        foreach (var id in ids)
        {
            var stream = await store.ReadStreamAsync(id, 1, CancellationToken.None);
            // Opening records two events (the incident and its service-level deadlines), capturing the perspective one.
            var expected = 3 + accepted.GetValueOrDefault(id);
            Assert.Equal(expected, stream.Count);
            var incident = IncidentEvolver.Replay(id, stream);
            Assert.Equal(expected, incident.Version);
            Assert.Equal(expected - 3, incident.Commitments.Count);
        }
    }

    [Fact]
    public async Task Append_AbortedBeforeCommit_WritesNothingAndTheRetryAppliesOnce()
    {
        var store = await CreateStoreAsync();
        var engine = new IncidentEngine(store, FixedIncidentContextProvider.Standard, new FakeClock(Start));
        var c = new IncidentCommands(IncidentId.New(), Start);
        await engine.ExecuteAsync(c.Open());
        var command = c.CapturePerspective();
        FailNextCommit(store, beforeCommit: true);
        await Assert.ThrowsAnyAsync<Exception>(() => engine.ExecuteAsync(command));
        Assert.Equal(2, (await store.ReadStreamAsync(c.IncidentId, 1, CancellationToken.None)).Count);
        Assert.Null(await store.FindCommandAsync(command.CommandId, CancellationToken.None));

        var retried = await engine.ExecuteAsync(command);
        Assert.True(retried.Decision.IsAccepted);
        Assert.False(retried.IsDuplicate);
        Assert.True((await engine.ExecuteAsync(command)).IsDuplicate);
        Assert.Equal(3, (await store.ReadStreamAsync(c.IncidentId, 1, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Append_AcknowledgementLostAfterCommit_RetryIsRecognizedAndNothingDoubles()
    {
        var store = await CreateStoreAsync();
        var engine = new IncidentEngine(store, FixedIncidentContextProvider.Standard, new FakeClock(Start));
        var c = new IncidentCommands(IncidentId.New(), Start);
        await engine.ExecuteAsync(c.Open());
        var command = c.CapturePerspective();
        FailNextCommit(store, beforeCommit: false);
        await Assert.ThrowsAnyAsync<Exception>(() => engine.ExecuteAsync(command));

        var retried = await engine.ExecuteAsync(command);
        Assert.True(retried.IsDuplicate);
        Assert.True(retried.Decision.IsAccepted);
        var stream = await store.ReadStreamAsync(c.IncidentId, 1, CancellationToken.None);
        Assert.Equal(3, stream.Count);
        Assert.Equal(IncidentState.Engaged, IncidentEvolver.Replay(c.IncidentId, stream).State);
    }

    [Theory]
    [InlineData("quote'd \"double\" `back` ; DROP TABLE events; --")]
    [InlineData("Zoë Ñúñez 東京 🚒 עברית")]
    [InlineData("nul\0inside\0")]
    [InlineData("\\u0000 literal, \\ backslash, \r\n newline")]
    public async Task Append_HostileText_ReadsBackExactly(string text)
    {
        var store = await CreateStoreAsync();
        var id = IncidentId.New();
        var actor = new Actor(text, IncidentRole.CustomerContact);
        var commandId = CommandId.New();
        var longText = string.Concat(Enumerable.Repeat(text, 200_000 / text.Length + 1));
        var events = new IncidentEvent[]
        {
            new IncidentOpened(new EventMetadata(id, 1, Start, actor, commandId), text, text, new Segmentation.PolicyReference(text, 3), null),
            new PlanRejected(new EventMetadata(id, 2, Start, actor, commandId), longText),
        };
        await store.AppendAsync(new IncidentAppend(id, 0, events, commandId, IncidentState.Opened), CancellationToken.None);
        Assert.Equal(events, await store.ReadStreamAsync(id, 1, CancellationToken.None));
        var rejection = new CommandRecord(CommandId.New(), id, 0, 0, new RuleBroken(text, longText));
        Assert.True(await store.RecordRejectionAsync(rejection, CancellationToken.None));
        Assert.Equal(rejection, await store.FindCommandAsync(rejection.CommandId, CancellationToken.None));
    }

    /// <summary>Creates a new, empty store.</summary>
    protected abstract Task<IIncidentStore> CreateStoreAsync();

    /// <summary>Makes the store's next append fail once: before its commit (aborted) or after it (acknowledgement lost).</summary>
    protected abstract void FailNextCommit(IIncidentStore store, bool beforeCommit);

    private static async Task<CommandResult> ExecuteUntilSettledAsync(IncidentEngine engine, IncidentCommand command)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await engine.ExecuteAsync(command);
            }
            catch (IncidentConcurrencyException) when (attempt < 50)
            {
                // The engine gives up after a few conflicts; a host retries the same command id, which is safe.
            }
        }
    }

    private static (int Writers, int PerWriter) Load()
    {
        var text = Environment.GetEnvironmentVariable(LoadVariable);
        var perWriter = string.IsNullOrWhiteSpace(text) ? 500 : int.Parse(text, CultureInfo.InvariantCulture);
        return (8, perWriter);
    }

    private static async Task AppendHistoryAsync(IIncidentStore store, IReadOnlyList<IncidentEvent> history)
    {
        foreach (var group in history.GroupBy(e => e.Metadata.CommandId))
        {
            var events = group.ToArray();
            await store.AppendAsync(new IncidentAppend(events[0].IncidentId, events[0].Version - 1, events, group.Key, IncidentState.Engaged), CancellationToken.None);
        }
    }

    private static IncidentAppend CommitmentAppend(IncidentId id, long version, string commitmentId)
    {
        var commandId = CommandId.New();
        var owner = new Actor("owner-1", IncidentRole.AccountableOwner);
        var e = new CommitmentMade(new EventMetadata(id, version + 1, Start, owner, commandId), new Engagement.Commitment(commitmentId, owner.Id, "call back", Start + Duration.FromHours(4)));
        return new IncidentAppend(id, version, new IncidentEvent[] { e }, commandId, IncidentState.Engaged);
    }

    private static IncidentAppend Rebase(IncidentAppend append, long version) => append with
    {
        ExpectedVersion = version,
        Events = append.Events.Select((e, i) => e with { Metadata = e.Metadata with { Version = version + i + 1 } }).ToArray(),
    };
}
