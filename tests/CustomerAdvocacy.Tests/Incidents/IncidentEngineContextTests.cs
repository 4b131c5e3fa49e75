using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Engine;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Segmentation;
using CustomerAdvocacy.Storage;
using CustomerAdvocacy.Testing;
using NodaTime;
using NodaTime.Testing;

namespace CustomerAdvocacy.Tests.Incidents;

/// <summary>How the engine finds the context a command is decided under, and its settings.</summary>
public sealed class IncidentEngineContextTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);
    private readonly IncidentId _id = IncidentId.New();
    private readonly InMemoryIncidentStore _store = new();
    private readonly FakeClock _clock = new(Start);
    private readonly IncidentCommands _script;

    public IncidentEngineContextTests() => _script = new IncidentCommands(_id, Start);

    [Fact]
    public async Task Execute_Opening_AsksForTheCommandsCustomerAndPolicy_LaterCommandsForTheIncidents()
    {
        var contexts = new RecordingProvider();
        var engine = new IncidentEngine(_store, contexts, _clock);
        var open = _script.Open() with { CustomerId = "customer-globex", Policy = new PolicyReference("gold", 3) };

        await engine.ExecuteAsync(open);
        await engine.ExecuteAsync(_script.CapturePerspective());

        Assert.Equal(new[] { ("customer-globex", new PolicyReference("gold", 3)), ("customer-globex", new PolicyReference("gold", 3)) }, contexts.Requests);
    }

    [Fact]
    public async Task Execute_CommandOnAnUnopenedIncident_RejectedWithoutAskingForAContext()
    {
        var contexts = new RecordingProvider();
        var engine = new IncidentEngine(_store, contexts, _clock);

        var result = await engine.ExecuteAsync(_script.CapturePerspective());

        Assert.Equal(new NotPermittedInState(IncidentState.NotOpened, IncidentTrigger.CapturePerspective), Assert.IsType<Rejected>(result.Decision).Reason);
        Assert.Empty(contexts.Requests);
    }

    [Fact]
    public async Task Execute_OpeningWithoutCustomer_TextRequiredWithoutAskingForAContext()
    {
        var contexts = new RecordingProvider();
        var engine = new IncidentEngine(_store, contexts, _clock);

        var result = await engine.ExecuteAsync(_script.Open() with { CustomerId = " " });

        Assert.Equal(IncidentRules.TextRequired, Assert.IsType<RuleBroken>(Assert.IsType<Rejected>(result.Decision).Reason).Rule);
        Assert.Empty(contexts.Requests);
        Assert.Empty(await _store.ReadStreamAsync(_id, 1, CancellationToken.None));
    }

    [Fact]
    public async Task Execute_UnauthorizedOpening_NotAuthorizedBeforeTheRules()
    {
        var engine = new IncidentEngine(_store, new RecordingProvider(), _clock);
        var result = await engine.ExecuteAsync(_script.Open() with { CustomerId = " ", Actor = _script.Customer });
        Assert.IsType<NotAuthorized>(Assert.IsType<Rejected>(result.Decision).Reason);
    }

    [Fact]
    public async Task Execute_ProviderHasNoPublishedPolicy_UnknownPolicyExceptionAndRecordsNothing()
    {
        var provider = new IncidentContextProvider(new PolicyRegistry(), new CustomerDirectory());
        var engine = new IncidentEngine(_store, provider, _clock);
        var open = _script.Open();

        var ex = await Assert.ThrowsAsync<UnknownPolicyException>(() => engine.ExecuteAsync(open));

        Assert.Equal((open.Policy.SegmentId, open.Policy.Version, false), (ex.SegmentId, ex.Version, ex.VersionPublished));
        Assert.Empty(await _store.ReadStreamAsync(_id, 1, CancellationToken.None));
        Assert.Null(await _store.FindCommandAsync(open.CommandId, CancellationToken.None));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(IncidentEngineOptions.MaximumConflictAttempts + 1)]
    public void Constructor_ConflictAttemptsOutOfRange_DefinitionValidationException(int attempts)
    {
        var options = new IncidentEngineOptions { MaxConflictAttempts = attempts };
        var ex = Assert.Throws<DefinitionValidationException>(() => new IncidentEngine(_store, FixedIncidentContextProvider.Standard, _clock, null, options));
        Assert.Equal(nameof(IncidentEngineOptions.MaxConflictAttempts), Assert.Single(ex.Problems).Path);
    }

    [Fact]
    public void Options_Default_FourAttemptsAndValid()
    {
        var options = new IncidentEngineOptions();
        Assert.Equal(4, options.MaxConflictAttempts);
        Assert.Empty(options.Validate());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Execute_EveryAttemptConflicts_ThrowsIncidentConcurrencyExceptionAfterTheConfiguredAttempts(int attempts)
    {
        var store = new AlwaysConflictingStore(_store);
        var options = new IncidentEngineOptions { MaxConflictAttempts = attempts };
        var engine = new IncidentEngine(store, FixedIncidentContextProvider.Standard, _clock, null, options);

        // Changing the options after the engine was created changes nothing: they were validated and copied once.
        options.MaxConflictAttempts = 50;
        await Assert.ThrowsAsync<IncidentConcurrencyException>(() => engine.ExecuteAsync(_script.Open()));

        Assert.Equal(attempts, store.Appends);
        Assert.Empty(await _store.ReadStreamAsync(_id, 1, CancellationToken.None));
    }

    private sealed class RecordingProvider : IIncidentContextProvider
    {
        public List<(string Customer, PolicyReference Policy)> Requests { get; } = new();

        public ValueTask<IncidentContext> GetContextAsync(string customerId, PolicyReference policy, CancellationToken cancellationToken)
        {
            Requests.Add((customerId, policy));
            return new ValueTask<IncidentContext>(IncidentContexts.Standard);
        }
    }

    private sealed class AlwaysConflictingStore : IIncidentStore
    {
        private readonly IIncidentStore _inner;

        public AlwaysConflictingStore(IIncidentStore inner) => _inner = inner;

        public int Appends { get; private set; }

        public Task AppendAsync(IncidentAppend append, CancellationToken cancellationToken)
        {
            Appends++;
            throw new IncidentConcurrencyException(append.IncidentId, append.ExpectedVersion, append.ExpectedVersion + 1);
        }

        public Task<bool> RecordRejectionAsync(CommandRecord record, CancellationToken cancellationToken) => _inner.RecordRejectionAsync(record, cancellationToken);

        public Task<IReadOnlyList<IncidentEvent>> ReadStreamAsync(IncidentId incidentId, long fromVersion, CancellationToken cancellationToken) => _inner.ReadStreamAsync(incidentId, fromVersion, cancellationToken);

        public Task<CommandRecord?> FindCommandAsync(CommandId commandId, CancellationToken cancellationToken) => _inner.FindCommandAsync(commandId, cancellationToken);

        public Task<IReadOnlyList<IncidentId>> ListByStateAsync(IncidentState state, CancellationToken cancellationToken) => _inner.ListByStateAsync(state, cancellationToken);
    }
}
