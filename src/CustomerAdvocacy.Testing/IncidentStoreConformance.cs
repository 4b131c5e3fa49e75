using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Engine;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Storage;
using NodaTime;
using NodaTime.Testing;

namespace CustomerAdvocacy.Testing;

/// <summary>
/// The contract every <see cref="IIncidentStore"/> must meet, as runnable checks. Framework-neutral: each check is a
/// public method returning a task that fails with <see cref="ExpectationFailedException"/>. Derive, implement
/// <see cref="CreateStoreAsync"/>, and run every name in <see cref="CheckNames"/> through <see cref="RunAsync"/> from
/// your test framework (one parameterized test is enough).
/// </summary>
public abstract class IncidentStoreConformance
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);

    /// <summary>The names of every check, for a parameterized test.</summary>
    public static IReadOnlyList<string> CheckNames { get; } = typeof(IncidentStoreConformance).GetMethods()
        .Where(m => m.DeclaringType == typeof(IncidentStoreConformance) && m.ReturnType == typeof(Task)
            && m.GetParameters().Length == 0 && m.IsPublic && !m.IsStatic && m.Name != nameof(RunAsync))
        .Select(m => m.Name)
        .OrderBy(n => n, StringComparer.Ordinal)
        .ToArray();

    /// <summary>Runs one check by name.</summary>
    /// <param name="checkName">One of <see cref="CheckNames"/>.</param>
    /// <returns>A task that fails when the store breaks the contract.</returns>
    public Task RunAsync(string checkName)
    {
        var method = typeof(IncidentStoreConformance).GetMethod(checkName ?? throw new ArgumentNullException(nameof(checkName)))
            ?? throw new ArgumentException($"No conformance check '{checkName}'.", nameof(checkName));
        return (Task)method.Invoke(this, null)!;
    }

    /// <summary>Appended events read back in order, equal to what was written.</summary>
    /// <returns>The check.</returns>
    public async Task AppendThenRead_ReturnsEventsInOrder()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        var (id, batches) = History(3);
        await AppendAllAsync(store, id, batches).ConfigureAwait(false);
        var read = await store.ReadStreamAsync(id, 1, CancellationToken.None).ConfigureAwait(false);
        Expect(read.SequenceEqual(batches.SelectMany(b => b.Events)), "the stream reads back exactly the events appended, in order");
    }

    /// <summary>Reading from a version returns the tail from that version.</summary>
    /// <returns>The check.</returns>
    public async Task ReadFromVersion_ReturnsTail()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        var (id, batches) = History(3);
        await AppendAllAsync(store, id, batches).ConfigureAwait(false);
        var read = await store.ReadStreamAsync(id, 2, CancellationToken.None).ConfigureAwait(false);
        Expect(read.Count > 0 && read[0].Version == 2 && read.Last().Version == batches.Last().Events.Last().Version, "reading from version 2 starts at version 2 and ends at the last event");
    }

    /// <summary>An unknown stream reads as empty.</summary>
    /// <returns>The check.</returns>
    public async Task ReadUnknownStream_ReturnsEmpty()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        var read = await store.ReadStreamAsync(IncidentId.New(), 1, CancellationToken.None).ConfigureAwait(false);
        Expect(read.Count == 0, "an unknown stream is empty");
    }

    /// <summary>An append at the wrong expected version throws a typed conflict and writes nothing.</summary>
    /// <returns>The check.</returns>
    public async Task AppendAtWrongVersion_ThrowsConflictAndWritesNothing()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        var (id, batches) = History(2);
        await store.AppendAsync(batches[0], CancellationToken.None).ConfigureAwait(false);
        var stale = batches[0] with
        {
            CommandId = batches[1].CommandId,
            Events = batches[0].Events.Select(e => Retag(e, batches[1].CommandId)).ToArray(),
        };
        var conflict = await CatchAsync<IncidentConcurrencyException>(() => store.AppendAsync(stale, CancellationToken.None)).ConfigureAwait(false);
        Expect(conflict.IncidentId == id && conflict.ExpectedVersion == 0 && conflict.ActualVersion == batches[0].Events.Count, "the conflict names the stream, the expected and the actual version");
        var read = await store.ReadStreamAsync(id, 1, CancellationToken.None).ConfigureAwait(false);
        Expect(read.Count == batches[0].Events.Count, "a conflicting append writes nothing");
        Expect(await store.FindCommandAsync(batches[1].CommandId, CancellationToken.None).ConfigureAwait(false) is null, "a conflicting append records no command");
    }

    /// <summary>Reusing a recorded command id throws a typed duplicate error and writes nothing.</summary>
    /// <returns>The check.</returns>
    public async Task AppendWithRecordedCommandId_ThrowsDuplicateAndWritesNothing()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        var (id, batches) = History(2);
        await store.AppendAsync(batches[0], CancellationToken.None).ConfigureAwait(false);
        var reused = batches[1] with
        {
            CommandId = batches[0].CommandId,
            Events = batches[1].Events.Select(e => Retag(e, batches[0].CommandId)).ToArray(),
        };
        var duplicate = await CatchAsync<DuplicateCommandException>(() => store.AppendAsync(reused, CancellationToken.None)).ConfigureAwait(false);
        Expect(duplicate.CommandId == batches[0].CommandId, "the duplicate names the command id");
        var read = await store.ReadStreamAsync(id, 1, CancellationToken.None).ConfigureAwait(false);
        Expect(read.Count == batches[0].Events.Count, "a duplicate append writes nothing");
    }

    /// <summary>An accepted command is found by id with its first version and event count.</summary>
    /// <returns>The check.</returns>
    public async Task FindCommand_AfterAppend_ReturnsItsRecord()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        var (id, batches) = History(2);
        await AppendAllAsync(store, id, batches).ConfigureAwait(false);
        var record = await store.FindCommandAsync(batches[1].CommandId, CancellationToken.None).ConfigureAwait(false);
        Expect(record is { Rejection: null } && record.IncidentId == id && record.FirstVersion == batches[1].ExpectedVersion + 1 && record.EventCount == batches[1].Events.Count, "the record gives the incident, first version and event count");
        Expect(await store.FindCommandAsync(CommandId.New(), CancellationToken.None).ConfigureAwait(false) is null, "an unknown command id finds nothing");
    }

    /// <summary>A rejection is recorded once and found by id; it adds no event.</summary>
    /// <returns>The check.</returns>
    public async Task RecordRejection_IsFoundOnceAndAddsNoEvent()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        var id = IncidentId.New();
        var record = new CommandRecord(CommandId.New(), id, 0, 0, new RuleBroken(IncidentRules.CommitmentNeedsDueDate, "no due date"));
        Expect(await store.RecordRejectionAsync(record, CancellationToken.None).ConfigureAwait(false), "the first record succeeds");
        Expect(!await store.RecordRejectionAsync(record, CancellationToken.None).ConfigureAwait(false), "a second record of the same command id is refused");
        var found = await store.FindCommandAsync(record.CommandId, CancellationToken.None).ConfigureAwait(false);
        Expect(found is not null && Equals(found.Rejection, record.Rejection), "the rejection is found by command id");
        Expect((await store.ReadStreamAsync(id, 1, CancellationToken.None).ConfigureAwait(false)).Count == 0, "a rejection adds no event");
    }

    /// <summary>Listing by state reflects each stream's latest state.</summary>
    /// <returns>The check.</returns>
    public async Task ListByState_ReflectsLatestState()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        var (first, firstBatches) = History(1);
        var (second, secondBatches) = History(3);
        await AppendAllAsync(store, first, firstBatches).ConfigureAwait(false);
        await AppendAllAsync(store, second, secondBatches).ConfigureAwait(false);
        var opened = await store.ListByStateAsync(IncidentState.Opened, CancellationToken.None).ConfigureAwait(false);
        var analyzing = await store.ListByStateAsync(IncidentState.Analyzing, CancellationToken.None).ConfigureAwait(false);
        Expect(opened.Contains(first) && !opened.Contains(second), "an incident is listed under its latest state only");
        Expect(analyzing.Contains(second) && !analyzing.Contains(first), "an incident moved on is listed under its new state");
    }

    /// <summary>Racing appends at the same version: exactly one wins, the others conflict, nothing interleaves.</summary>
    /// <returns>The check.</returns>
    public async Task ConcurrentAppendsToOneStream_ExactlyOneWins()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        var (id, batches) = History(1);
        await store.AppendAsync(batches[0], CancellationToken.None).ConfigureAwait(false);
        var version = batches[0].Events.Count;
        var contenders = Enumerable.Range(0, 16).Select(_ =>
        {
            var commandId = CommandId.New();
            var actor = new Actor("owner-1", IncidentRole.AccountableOwner);
            var e = new AnalysisStarted(new EventMetadata(id, version + 1, Start, actor, commandId));
            return new IncidentAppend(id, version, new IncidentEvent[] { e }, commandId, IncidentState.Analyzing);
        }).ToArray();
        var outcomes = await Task.WhenAll(contenders.Select(c => Task.Run(async () =>
        {
            try
            {
                await store.AppendAsync(c, CancellationToken.None).ConfigureAwait(false);
                return true;
            }
            catch (IncidentConcurrencyException)
            {
                return false;
            }
        }))).ConfigureAwait(false);
        Expect(outcomes.Count(o => o) == 1, "exactly one of the racing appends wins");
        var read = await store.ReadStreamAsync(id, 1, CancellationToken.None).ConfigureAwait(false);
        Expect(read.Count == version + 1 && read.Select(e => e.Version).SequenceEqual(Enumerable.Range(1, version + 1).Select(v => (long)v)), "versions stay contiguous");
    }

    /// <summary>Appends to different streams in parallel all succeed.</summary>
    /// <returns>The check.</returns>
    public async Task ConcurrentAppendsToDifferentStreams_AllSucceed()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        var histories = Enumerable.Range(0, 16).Select(_ => History(3)).ToArray();
        await Task.WhenAll(histories.Select(h => Task.Run(() => AppendAllAsync(store, h.Id, h.Batches)))).ConfigureAwait(false);
        foreach (var (id, batches) in histories)
        {
            var read = await store.ReadStreamAsync(id, 1, CancellationToken.None).ConfigureAwait(false);
            Expect(read.SequenceEqual(batches.SelectMany(b => b.Events)), "every stream holds exactly its own events");
        }
    }

    /// <summary>A cancelled token cancels the operation before anything is written.</summary>
    /// <returns>The check.</returns>
    public async Task CancelledAppend_WritesNothing()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        var (id, batches) = History(1);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await CatchAsync<OperationCanceledException>(() => store.AppendAsync(batches[0], cancelled.Token)).ConfigureAwait(false);
        Expect((await store.ReadStreamAsync(id, 1, CancellationToken.None).ConfigureAwait(false)).Count == 0, "a cancelled append writes nothing");
    }

    /// <summary>A saved snapshot reads back exactly; an unknown incident has none.</summary>
    /// <returns>The check.</returns>
    public async Task Snapshot_SaveThenRead_ReturnsItExactly()
    {
        if (await SnapshotsAsync().ConfigureAwait(false) is not { } store)
        {
            return;
        }

        var id = IncidentId.New();
        Expect(await store.ReadSnapshotAsync(id, CancellationToken.None).ConfigureAwait(false) is null, "an incident without a snapshot reads none");
        var snapshot = new IncidentSnapshot(id, 7, "f1", "{\"text\":\"quote ' \\\" unicode \u00e9\u4e2d \\u0000 end\"}");
        await store.SaveSnapshotAsync(snapshot, CancellationToken.None).ConfigureAwait(false);
        Expect(Equals(await store.ReadSnapshotAsync(id, CancellationToken.None).ConfigureAwait(false), snapshot), "the snapshot reads back with its version, fingerprint and payload unchanged");
        Expect(await store.ReadSnapshotAsync(IncidentId.New(), CancellationToken.None).ConfigureAwait(false) is null, "another incident has no snapshot");
    }

    /// <summary>A later snapshot replaces an earlier one; an older or equal one never replaces a newer one.</summary>
    /// <returns>The check.</returns>
    public async Task Snapshot_OnlyNewerReplaces()
    {
        if (await SnapshotsAsync().ConfigureAwait(false) is not { } store)
        {
            return;
        }

        var id = IncidentId.New();
        await store.SaveSnapshotAsync(new IncidentSnapshot(id, 5, "f1", "{}"), CancellationToken.None).ConfigureAwait(false);
        await store.SaveSnapshotAsync(new IncidentSnapshot(id, 10, "f2", "{\"a\":1}"), CancellationToken.None).ConfigureAwait(false);
        await store.SaveSnapshotAsync(new IncidentSnapshot(id, 8, "f3", "{\"b\":2}"), CancellationToken.None).ConfigureAwait(false);
        await store.SaveSnapshotAsync(new IncidentSnapshot(id, 10, "f4", "{\"c\":3}"), CancellationToken.None).ConfigureAwait(false);
        var read = await store.ReadSnapshotAsync(id, CancellationToken.None).ConfigureAwait(false);
        Expect(read is { Version: 10, Fingerprint: "f2" }, "the newest snapshot stays; older or equal versions do not replace it");
        await CatchAsync<ArgumentException>(() => store.SaveSnapshotAsync(new IncidentSnapshot(id, 0, "f", "{}"), CancellationToken.None)).ConfigureAwait(false);
    }

    /// <summary>An engine with a snapshot policy over the store loads snapshot + tail into exactly the state a full replay gives.</summary>
    /// <returns>The check.</returns>
    public async Task Snapshot_EngineLoad_EqualsFullReplay()
    {
        if (await SnapshotsAsync().ConfigureAwait(false) is not { } snapshots)
        {
            return;
        }

        var store = (IIncidentStore)snapshots;
        var id = IncidentId.New();
        var clock = new FakeClock(Start);
        var engine = new IncidentEngine(store, FixedIncidentContextProvider.Standard, clock, null, new IncidentEngineOptions { SnapshotInterval = 3 });
        var script = new IncidentCommands(id, Start);
        var commands = new IncidentCommand[]
        {
            script.Open(), script.CapturePerspective(), script.StartAnalysis(), script.ProposePlan("c1", "c2"), script.ApprovePlan(),
            script.StartExecution(), script.Commit("k1", 6), script.MeetCriterion("c1"), script.Commit("k2", 2),
        };
        foreach (var command in commands)
        {
            clock.AdvanceMinutes(7);
            Expect((await engine.ExecuteAsync(command).ConfigureAwait(false)).Decision.IsAccepted, "the scripted command is accepted");
        }

        var snapshot = await snapshots.ReadSnapshotAsync(id, CancellationToken.None).ConfigureAwait(false);
        var events = await store.ReadStreamAsync(id, 1, CancellationToken.None).ConfigureAwait(false);
        Expect(snapshot is not null && snapshot.Version > 1 && snapshot.Version <= events.Count, "the engine wrote a snapshot inside the stream");
        Expect(
            new IncidentSnapshotSerializer().TryDeserialize(snapshot!, out var restored, out _) && Equals(restored, IncidentEvolver.Replay(id, events.Take((int)snapshot!.Version))),
            "the stored snapshot reads back into the state at its version");
        Expect(Equals(await engine.LoadAsync(id).ConfigureAwait(false), IncidentEvolver.Replay(id, events)), "snapshot + tail equals a full replay");

        await snapshots.SaveSnapshotAsync(snapshot! with { Version = events.Count + 1, Payload = "{ not json" }, CancellationToken.None).ConfigureAwait(false);
        Expect(Equals(await engine.LoadAsync(id).ConfigureAwait(false), IncidentEvolver.Replay(id, events)), "an unreadable snapshot falls back to a full replay");
    }

    /// <summary>The due index returns incidents due by an instant, earliest first, within the limit, and follows each incident's latest append.</summary>
    /// <returns>The check.</returns>
    public async Task DueIndex_FindDue_OrdersByDueAndFollowsLatestAppend()
    {
        if (await DueIndexAsync().ConfigureAwait(false) is not { } index)
        {
            return;
        }

        var store = (IIncidentStore)index;
        var due = new[] { Start + Duration.FromHours(5), Start + Duration.FromHours(1), Start + Duration.FromHours(3), Start + Duration.FromDays(400) };
        var histories = due.Select(_ => History(3)).ToArray();
        for (var i = 0; i < histories.Length; i++)
        {
            await store.AppendAsync(histories[i].Batches[0], CancellationToken.None).ConfigureAwait(false);
            await store.AppendAsync(histories[i].Batches[1] with { NextDueAt = due[i] }, CancellationToken.None).ConfigureAwait(false);
        }

        var mine = new HashSet<IncidentId>(histories.Select(h => h.Id));
        var found = (await index.FindDueAsync(Start + Duration.FromHours(5), 1000, CancellationToken.None).ConfigureAwait(false)).Where(d => mine.Contains(d.IncidentId)).ToArray();
        Expect(found.Select(d => d.IncidentId).SequenceEqual(new[] { histories[1].Id, histories[2].Id, histories[0].Id }), "incidents due by the instant (inclusive) come earliest first, later ones not at all");
        Expect(found.Select(d => d.DueAt).SequenceEqual(new[] { due[1], due[2], due[0] }), "each comes with its due instant");

        var limited = await index.FindDueAsync(Start + Duration.FromDays(500), 2, CancellationToken.None).ConfigureAwait(false);
        Expect(limited.Count == 2 && limited.Zip(limited.Skip(1), (a, b) => a.DueAt <= b.DueAt).All(x => x), "the limit caps the answer, still earliest first");

        var follow = histories[1];
        await store.AppendAsync(follow.Batches[2] with { NextDueAt = null }, CancellationToken.None).ConfigureAwait(false);
        var after = await index.FindDueAsync(Start + Duration.FromHours(5), 1000, CancellationToken.None).ConfigureAwait(false);
        Expect(!after.Any(d => d.IncidentId == follow.Id), "an append with nothing due takes the incident out of the index");
        await CatchAsync<ArgumentOutOfRangeException>(() => index.FindDueAsync(Start, 0, CancellationToken.None)).ConfigureAwait(false);
    }

    /// <summary>
    /// Bad arguments are refused with the typed errors of <see cref="IncidentStoreValidator"/> before anything is
    /// written: a read from version 0 and a rejection record without its rejection.
    /// </summary>
    /// <returns>The check.</returns>
    public async Task BadArguments_AreRefusedWithTypedErrorsAndWriteNothing()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        var (id, batches) = History(1);
        await store.AppendAsync(batches[0], CancellationToken.None).ConfigureAwait(false);

        var read = await CatchAsync<ArgumentOutOfRangeException>(() => store.ReadStreamAsync(id, 0, CancellationToken.None)).ConfigureAwait(false);
        Expect(read.ParamName == "fromVersion", "a read from version 0 is refused naming fromVersion");

        var record = new CommandRecord(CommandId.New(), id, 0, 0, null);
        var rejection = await CatchAsync<ArgumentException>(() => store.RecordRejectionAsync(record, CancellationToken.None)).ConfigureAwait(false);
        Expect(rejection.ParamName == "record", "a rejection record without its rejection is refused naming record");
        Expect(await store.FindCommandAsync(record.CommandId, CancellationToken.None).ConfigureAwait(false) is null, "the refused record is not stored");
        Expect((await store.ReadStreamAsync(id, 1, CancellationToken.None).ConfigureAwait(false)).Count == batches[0].Events.Count, "the stream is unchanged");
    }

    /// <summary>
    /// The head an append leaves (version, state, due instant) is what state listings and the due index show, whether
    /// the append changes the state, the due instant, both or neither; and an append at a stale version conflicts and
    /// changes nothing on each of those paths (a store may move the head by a narrower write when less changed).
    /// </summary>
    /// <returns>The check.</returns>
    public async Task Head_FollowsEveryStateAndDueChange_AndStaleVersionsConflict()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        var index = SupportsDueIndex ? store as IDueIncidentIndex : null;
        var (id, batches) = History(1);
        await store.AppendAsync(batches[0], CancellationToken.None).ConfigureAwait(false);
        var version = (long)batches[0].Events.Count;
        var state = IncidentState.Opened;
        Instant? due = null;
        var steps = new (IncidentState State, Instant? Due, string What)[]
        {
            (IncidentState.Opened, null, "neither state nor due changes"),
            (IncidentState.Opened, Start + Duration.FromHours(2), "only the due instant changes (from none)"),
            (IncidentState.Opened, Start + Duration.FromHours(2), "neither changes, with a due instant"),
            (IncidentState.Opened, Start + Duration.FromHours(1), "only the due instant changes"),
            (IncidentState.Analyzing, Start + Duration.FromHours(1), "only the state changes"),
            (IncidentState.Engaged, Start + Duration.FromHours(4), "both change"),
            (IncidentState.Engaged, null, "only the due instant changes (to none)"),
            (IncidentState.Opened, Start + Duration.FromHours(3), "both change, the state back to an earlier one"),
        };

        foreach (var step in steps)
        {
            var stale = FollowUp(id, version - 1, step.State, step.Due);
            var conflict = await CatchAsync<IncidentConcurrencyException>(() => store.AppendAsync(stale, CancellationToken.None)).ConfigureAwait(false);
            Expect(conflict.ActualVersion == version, $"a stale append when {step.What} conflicts naming the actual version");
            await ExpectHeadAsync(store, index, id, version, state, due, $"after a refused append when {step.What}").ConfigureAwait(false);

            await store.AppendAsync(FollowUp(id, version, step.State, step.Due), CancellationToken.None).ConfigureAwait(false);
            version++;
            var previous = state;
            (state, due) = (step.State, step.Due);
            await ExpectHeadAsync(store, index, id, version, state, due, $"after an append when {step.What}").ConfigureAwait(false);
            if (previous != state)
            {
                var left = await store.ListByStateAsync(previous, CancellationToken.None).ConfigureAwait(false);
                Expect(!left.Contains(id), $"the incident is no longer listed under its earlier state when {step.What}");
            }
        }
    }

    /// <summary>
    /// Whether the store implements <see cref="IIncidentSnapshotStore"/>; when it is <see langword="true"/> (the
    /// default) the snapshot checks fail for a store that does not. Override to <see langword="false"/> for a store
    /// that deliberately keeps no snapshots.
    /// </summary>
    protected virtual bool SupportsSnapshots => true;

    /// <summary>
    /// Whether the store implements <see cref="IDueIncidentIndex"/>; when it is <see langword="true"/> (the default)
    /// the due-index checks fail for a store that does not. Override to <see langword="false"/> to opt out.
    /// </summary>
    protected virtual bool SupportsDueIndex => true;

    /// <summary>Creates a new, empty store for one check.</summary>
    /// <returns>The store.</returns>
    protected abstract Task<IIncidentStore> CreateStoreAsync();

    private static (IncidentId Id, IReadOnlyList<IncidentAppend> Batches) History(int commands)
    {
        var id = IncidentId.New();
        var script = new IncidentCommands(id, Start);
        var all = new IncidentCommand[]
        {
            script.Open(), script.CapturePerspective(), script.StartAnalysis(), script.ProposePlan("c1"), script.ApprovePlan(),
        };
        var scenario = new IncidentScenario(id, Start);
        var batches = new List<IncidentAppend>();
        foreach (var command in all.Take(commands))
        {
            var before = scenario.State;
            var outcome = scenario.When(command);
            var events = outcome.ThenAccepted();
            batches.Add(new IncidentAppend(id, before.Version, events, command.CommandId, scenario.State.State));
        }

        return (id, batches);
    }

    private static IncidentAppend FollowUp(IncidentId id, long expectedVersion, IncidentState state, Instant? due)
    {
        var commandId = CommandId.New();
        var owner = new Actor("owner-1", IncidentRole.AccountableOwner);
        var version = expectedVersion + 1;
        var made = new CommitmentMade(
            new EventMetadata(id, version, Start, owner, commandId),
            new Commitment("k" + version, owner.Id, "call back with findings", Start + Duration.FromDays(1)));
        return new IncidentAppend(id, expectedVersion, new IncidentEvent[] { made }, commandId, state) { NextDueAt = due };
    }

    private static async Task ExpectHeadAsync(IIncidentStore store, IDueIncidentIndex? index, IncidentId id, long version, IncidentState state, Instant? due, string when)
    {
        var events = await store.ReadStreamAsync(id, 1, CancellationToken.None).ConfigureAwait(false);
        Expect(events.Count == version, $"the stream holds {version} events {when}");
        var listed = await store.ListByStateAsync(state, CancellationToken.None).ConfigureAwait(false);
        Expect(listed.Contains(id), $"the incident is listed under {state} {when}");
        if (index is not null)
        {
            var found = await index.FindDueAsync(Start + Duration.FromDays(30), 10_000, CancellationToken.None).ConfigureAwait(false);
            var entry = found.Where(d => d.IncidentId == id).Select(d => (Instant?)d.DueAt).SingleOrDefault();
            Expect(entry == due, $"the due index should show {(due is null ? "nothing" : due.ToString())} for the incident {when}, not {(entry is null ? "nothing" : entry.ToString())}");
        }
    }

    private async Task<IIncidentSnapshotStore?> SnapshotsAsync()
    {
        if (!SupportsSnapshots)
        {
            return null;
        }

        var store = await CreateStoreAsync().ConfigureAwait(false);
        return store as IIncidentSnapshotStore ?? throw new ExpectationFailedException($"{store.GetType().Name} does not implement {nameof(IIncidentSnapshotStore)}; override {nameof(SupportsSnapshots)} to opt out.");
    }

    private async Task<IDueIncidentIndex?> DueIndexAsync()
    {
        if (!SupportsDueIndex)
        {
            return null;
        }

        var store = await CreateStoreAsync().ConfigureAwait(false);
        return store as IDueIncidentIndex ?? throw new ExpectationFailedException($"{store.GetType().Name} does not implement {nameof(IDueIncidentIndex)}; override {nameof(SupportsDueIndex)} to opt out.");
    }

    private static async Task AppendAllAsync(IIncidentStore store, IncidentId id, IReadOnlyList<IncidentAppend> batches)
    {
        foreach (var batch in batches)
        {
            await store.AppendAsync(batch, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static IncidentEvent Retag(IncidentEvent e, CommandId commandId)
        => e with { Metadata = e.Metadata with { CommandId = commandId } };

    private static async Task<TException> CatchAsync<TException>(Func<Task> action)
        where TException : Exception
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (TException expected)
        {
            return expected;
        }
        catch (Exception other)
        {
            throw new ExpectationFailedException($"Expected {typeof(TException).Name} but got {other.GetType().Name}: {other.Message}");
        }

        throw new ExpectationFailedException($"Expected {typeof(TException).Name} but nothing was thrown.");
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new ExpectationFailedException("Store contract broken: " + what + ".");
        }
    }
}
