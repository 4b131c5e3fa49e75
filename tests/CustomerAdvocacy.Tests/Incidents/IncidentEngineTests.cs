using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Diagnostics;
using CustomerAdvocacy.Engine;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Storage;
using CustomerAdvocacy.Testing;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Testing;

namespace CustomerAdvocacy.Tests.Incidents;

public sealed class IncidentEngineTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);
    private readonly FakeClock _clock = new(Start);
    private readonly InMemoryIncidentStore _store = new();
    private readonly IncidentId _id = IncidentId.New();
    private readonly IncidentCommands _script;

    public IncidentEngineTests() => _script = new IncidentCommands(_id, Start);

    [Fact]
    public async Task Execute_SameCommandIdTwice_RecordsEventsOnceAndReturnsSameOutcome()
    {
        var engine = new IncidentEngine(_store, FixedIncidentContextProvider.Standard, _clock);
        var open = _script.Open();
        var first = await engine.ExecuteAsync(open);
        var second = await engine.ExecuteAsync(open);
        Assert.False(first.IsDuplicate);
        Assert.True(second.IsDuplicate);
        Assert.Equal(first.Decision, second.Decision);
        Assert.Equal(2, (await _store.ReadStreamAsync(_id, 1, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Execute_RejectedCommandRepeatedAfterStateChanged_ReturnsTheSameRejection()
    {
        var engine = new IncidentEngine(_store, FixedIncidentContextProvider.Standard, _clock);
        await engine.ExecuteAsync(_script.Open());
        var early = _script.StartAnalysis();
        var first = await engine.ExecuteAsync(early);
        await engine.ExecuteAsync(_script.CapturePerspective());
        var again = await engine.ExecuteAsync(early);
        Assert.IsType<NotPermittedInState>(((Rejected)first.Decision).Reason);
        Assert.Equal(first.Decision, again.Decision);
        Assert.True(again.IsDuplicate);
        Assert.Equal(IncidentState.Engaged, again.Incident.State);
    }

    [Fact]
    public async Task Execute_Rejected_ChangesNothingAndAddsNoEvent()
    {
        var engine = new IncidentEngine(_store, FixedIncidentContextProvider.Standard, _clock);
        var opened = await engine.ExecuteAsync(_script.Open());
        var rejected = await engine.ExecuteAsync(_script.Commit("k1"));
        Assert.False(rejected.Decision.IsAccepted);
        Assert.Equal(opened.Incident, rejected.Incident);
        Assert.Equal(2, (await _store.ReadStreamAsync(_id, 1, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Execute_StoreFailsOnAppend_IncidentUnchangedAndNextCommandWorks()
    {
        var faulty = new FaultyStore(_store) { FailNextAppend = true };
        var engine = new IncidentEngine(faulty, FixedIncidentContextProvider.Standard, _clock);
        await Assert.ThrowsAsync<InvalidOperationException>(() => engine.ExecuteAsync(_script.Open()));
        Assert.Empty(await _store.ReadStreamAsync(_id, 1, CancellationToken.None));
        var retried = await engine.ExecuteAsync(_script.Open());
        Assert.True(retried.Decision.IsAccepted);
        Assert.Equal(2, retried.Incident.Version);
    }

    [Fact]
    public async Task Execute_ClockThrowsWhileDeciding_IncidentUnchanged()
    {
        var engine = new IncidentEngine(_store, FixedIncidentContextProvider.Standard, _clock);
        await engine.ExecuteAsync(_script.Open());
        var broken = new IncidentEngine(_store, FixedIncidentContextProvider.Standard, new ThrowingClock());
        await Assert.ThrowsAsync<InvalidOperationException>(() => broken.ExecuteAsync(_script.CapturePerspective()));
        var state = await engine.LoadAsync(_id);
        Assert.Equal(IncidentState.Opened, state.State);
        Assert.Equal(2, state.Version);
    }

    [Fact]
    public async Task Execute_ManyCommandsOnOneIncidentInParallel_AllApplyOneAtATime()
    {
        var engine = new IncidentEngine(_store, FixedIncidentContextProvider.Standard, _clock);
        await engine.ExecuteAsync(_script.Open());
        await engine.ExecuteAsync(_script.CapturePerspective());
        var commands = Enumerable.Range(0, 64).Select(i => _script.Commit("k" + i)).ToArray();
        var results = await Task.WhenAll(commands.Select(c => Task.Run(() => engine.ExecuteAsync(c))));
        Assert.All(results, r => Assert.True(r.Decision.IsAccepted));
        var events = await _store.ReadStreamAsync(_id, 1, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 67).Select(v => (long)v), events.Select(e => e.Version));
        Assert.Equal(64, (await engine.LoadAsync(_id)).Commitments.Count);
    }

    [Fact]
    public async Task Execute_DifferentIncidentsInParallel_AllProgress()
    {
        var engine = new IncidentEngine(_store, FixedIncidentContextProvider.Standard, _clock);
        var scripts = Enumerable.Range(0, 32).Select(_ => new IncidentCommands(IncidentId.New(), Start)).ToArray();
        await Task.WhenAll(scripts.Select(s => Task.Run(async () =>
        {
            foreach (var c in s.ToExecuting("c1"))
            {
                Assert.True((await engine.ExecuteAsync(c)).Decision.IsAccepted);
            }
        })));
        var executing = await _store.ListByStateAsync(IncidentState.Executing, CancellationToken.None);
        Assert.Equal(scripts.Select(s => s.IncidentId).OrderBy(i => i.Value), executing.OrderBy(i => i.Value));
    }

    [Fact]
    public async Task Execute_AnotherWriterAppendsFirst_DecidesAgainOnTheNewState()
    {
        var racing = new FaultyStore(_store);
        var engine = new IncidentEngine(racing, FixedIncidentContextProvider.Standard, _clock);
        await engine.ExecuteAsync(_script.Open());
        await engine.ExecuteAsync(_script.CapturePerspective());
        var sneaky = _script.Commit("k-other");
        racing.BeforeNextAppend = async () =>
        {
            var other = new IncidentEngine(_store, FixedIncidentContextProvider.Standard, _clock);
            Assert.True((await other.ExecuteAsync(sneaky)).Decision.IsAccepted);
        };
        var mine = await engine.ExecuteAsync(_script.Commit("k-mine"));
        Assert.True(mine.Decision.IsAccepted);
        Assert.Equal(5, mine.Incident.Version);
        Assert.Equal(new[] { "k-other", "k-mine" }, mine.Incident.Commitments.Select(c => c.Id));
    }

    [Fact]
    public async Task Execute_UnrelatedRecurrence_OpensLinkedIncidentOnceAndFirstStillCloses()
    {
        var engine = new IncidentEngine(_store, FixedIncidentContextProvider.Standard, _clock);
        foreach (var c in _script.ToExecuting("c1"))
        {
            await engine.ExecuteAsync(c);
        }

        var newId = IncidentId.New();
        var classify = new ClassifyUnrelatedRecurrence(_id, CommandId.New(), _script.Owner, "REC-9", newId);
        var result = await engine.ExecuteAsync(classify);
        var again = await engine.ExecuteAsync(classify);
        var linked = await engine.LoadAsync(newId);
        Assert.Equal(IncidentState.Opened, linked.State);
        Assert.Equal(_id, linked.LinkedFrom);
        Assert.Equal(_script.Owner.Id, linked.AccountableOwnerId);
        Assert.Equal(new[] { IncidentOpened.TypeName, ServiceLevelsStarted.TypeName }, (await _store.ReadStreamAsync(newId, 1, CancellationToken.None)).Select(e => e.EventType));
        Assert.False(Assert.Single(result.FollowUps).IsDuplicate);
        Assert.True(Assert.Single(again.FollowUps).IsDuplicate);

        foreach (var c in new IncidentCommand[] { _script.MeetCriterion("c1"), _script.ProposeResolution(), _script.Confirm(), _script.Close() })
        {
            Assert.True((await engine.ExecuteAsync(c)).Decision.IsAccepted);
        }

        Assert.Equal(IncidentState.Resolved, (await engine.LoadAsync(_id)).State);
    }

    [Fact]
    public async Task Logging_UsesStableEventIdsAndNeverCustomerText()
    {
        var logger = new CapturingLogger();
        var engine = new IncidentEngine(_store, FixedIncidentContextProvider.Standard, _clock, logger);
        var open = _script.Open();
        await engine.ExecuteAsync(open);
        await engine.ExecuteAsync(_script.CapturePerspective());
        await engine.ExecuteAsync(_script.Commit("k1") with { Due = _script.Start });
        await engine.ExecuteAsync(open);
        Assert.Contains(logger.Entries, e => e.Id == LogEventIds.CommandAccepted);
        Assert.Contains(logger.Entries, e => e.Id == LogEventIds.DuplicateCommand);
        var rejected = Assert.Single(logger.Entries, e => e.Id == LogEventIds.CommandRejected && e.Message.Contains(IncidentRules.CommitmentDueInFuture, StringComparison.Ordinal));
        Assert.Contains(_id.ToString(), rejected.Message, StringComparison.Ordinal);
        Assert.All(logger.Entries, e =>
        {
            Assert.DoesNotContain("server down", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("orders stopped", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("customer-acme", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("owner-1", e.Message, StringComparison.Ordinal);
        });
    }

    private sealed class ThrowingClock : IClock
    {
        public Instant GetCurrentInstant() => throw new InvalidOperationException("clock failure");
    }

    private sealed class FaultyStore : IIncidentStore
    {
        private readonly IIncidentStore _inner;

        public FaultyStore(IIncidentStore inner) => _inner = inner;

        public bool FailNextAppend { get; set; }

        public Func<Task>? BeforeNextAppend { get; set; }

        public async Task AppendAsync(IncidentAppend append, CancellationToken cancellationToken)
        {
            if (FailNextAppend)
            {
                FailNextAppend = false;
                throw new InvalidOperationException("disk full");
            }

            if (BeforeNextAppend is { } before)
            {
                BeforeNextAppend = null;
                await before();
            }

            await _inner.AppendAsync(append, cancellationToken);
        }

        public Task<bool> RecordRejectionAsync(CommandRecord record, CancellationToken cancellationToken) => _inner.RecordRejectionAsync(record, cancellationToken);

        public Task<IReadOnlyList<IncidentEvent>> ReadStreamAsync(IncidentId incidentId, long fromVersion, CancellationToken cancellationToken) => _inner.ReadStreamAsync(incidentId, fromVersion, cancellationToken);

        public Task<CommandRecord?> FindCommandAsync(CommandId commandId, CancellationToken cancellationToken) => _inner.FindCommandAsync(commandId, cancellationToken);

        public Task<IReadOnlyList<IncidentId>> ListByStateAsync(IncidentState state, CancellationToken cancellationToken) => _inner.ListByStateAsync(state, cancellationToken);
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
