using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Diagnostics;
using CustomerAdvocacy.Engine;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Scheduling;
using CustomerAdvocacy.Segmentation;
using CustomerAdvocacy.Storage;
using CustomerAdvocacy.Testing;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Testing;

namespace CustomerAdvocacy.Tests.Incidents;

/// <summary>A command naming a customer the host does not know: a typed exception, and nothing recorded.</summary>
public sealed class IncidentEngineUnknownCustomerTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly BusinessCalendar NewYorkOffice = new BusinessCalendarBuilder(NewYork).AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0)).Build();
    private static readonly AdvocacyPolicy Standard = new(Duration.FromHours(8), Duration.FromHours(24), Duration.FromHours(80), TargetClock.BusinessTime, "standard-ladder");

    // Friday 6 March 2026 16:00 EST, the weekend before the spring-forward.
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 6, 21, 0);

    private readonly InMemoryIncidentStore _store = new();
    private readonly FakeClock _clock = new(Start);
    private readonly PolicyRegistry _policies = new();
    private readonly IncidentCommands _script = new(IncidentId.New(), Start);

    public IncidentEngineUnknownCustomerTests()
        => _policies.Publish(new SegmentCatalogBuilder(1).AddSegment(_script.Policy.SegmentId, Standard).WithDefaultSegment(_script.Policy.SegmentId).Build());

    [Fact]
    public async Task Execute_OpeningForUnknownCustomer_UnknownCustomerExceptionAndNothingRecorded()
    {
        var engine = Engine(new CustomerDirectory(new[] { Profile("customer-globex") }));
        var open = _script.Open();

        var ex = await Assert.ThrowsAsync<UnknownCustomerException>(() => engine.ExecuteAsync(open));

        Assert.Equal(open.CustomerId, ex.CustomerId);
        Assert.Empty(await _store.ReadStreamAsync(_script.IncidentId, 1, CancellationToken.None));
        Assert.Null(await _store.FindCommandAsync(open.CommandId, CancellationToken.None));
        Assert.Equal(IncidentState.NotOpened, (await engine.LoadAsync(_script.IncidentId)).State);
    }

    [Fact]
    public async Task Execute_SameOpeningAfterTheCustomerIsPublished_AcceptedNotADuplicate()
    {
        var directory = new CustomerDirectory();
        var engine = Engine(directory);
        var open = _script.Open();
        await Assert.ThrowsAsync<UnknownCustomerException>(() => engine.ExecuteAsync(open));

        directory.Publish(Profile(open.CustomerId));
        var result = await engine.ExecuteAsync(open);

        Assert.True(result.Decision.IsAccepted);
        Assert.False(result.IsDuplicate);
        Assert.Equal(IncidentState.Opened, result.Incident.State);
    }

    [Fact]
    public async Task Execute_IncidentsCustomerNoLongerInTheDirectory_UnknownCustomerExceptionAndIncidentUnchanged()
    {
        var opened = await Engine(new CustomerDirectory(new[] { Profile("customer-acme") })).ExecuteAsync(_script.Open());
        var stream = await _store.ReadStreamAsync(_script.IncidentId, 1, CancellationToken.None);
        var engine = Engine(new CustomerDirectory());
        var capture = _script.CapturePerspective();

        var ex = await Assert.ThrowsAsync<UnknownCustomerException>(() => engine.ExecuteAsync(capture));

        Assert.Equal("customer-acme", ex.CustomerId);
        Assert.Equal(stream, await _store.ReadStreamAsync(_script.IncidentId, 1, CancellationToken.None));
        Assert.Null(await _store.FindCommandAsync(capture.CommandId, CancellationToken.None));
        Assert.Equal(opened.Incident, await engine.LoadAsync(_script.IncidentId));
    }

    [Fact]
    public async Task Execute_UnknownCustomer_LoggedAsAWarningNotAsACommandFailure()
    {
        var logger = new CapturingLogger();
        var engine = new IncidentEngine(_store, new IncidentContextProvider(_policies, new CustomerDirectory()), _clock, logger);

        await Assert.ThrowsAsync<UnknownCustomerException>(() => engine.ExecuteAsync(_script.Open()));

        var entry = Assert.Single(logger.Entries, e => e.Id == LogEventIds.CommandContextNotFound);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Contains(nameof(UnknownCustomerException), entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logger.Entries, e => e.Id == LogEventIds.CommandFailed);
    }

    private IncidentEngine Engine(ICustomerDirectory customers) => new(_store, new IncidentContextProvider(_policies, customers), _clock);

    private static CustomerProfile Profile(string customerId) => new(customerId, "gold", 1m, NewYork, NewYorkOffice);

    private sealed class CapturingLogger : ILogger<IncidentEngine>
    {
        public ConcurrentQueue<(int Id, LogLevel Level, string Message)> Entries { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => Entries.Enqueue((eventId.Id, logLevel, formatter(state, exception)));
    }
}
