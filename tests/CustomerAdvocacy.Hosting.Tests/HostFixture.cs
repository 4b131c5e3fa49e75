using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Engine;
using CustomerAdvocacy.Escalation;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Scheduling;
using CustomerAdvocacy.Segmentation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace CustomerAdvocacy.Hosting.Tests;

/// <summary>A host with CustomerAdvocacy registered, on fake time, with its log entries collected.</summary>
internal sealed class HostFixture : IAsyncDisposable
{
    // Monday 2 March 2026, 09:00 in London (GMT): a business morning before the end-of-March DST change.
    internal static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);
    internal static readonly Actor Owner = new("owner-1", IncidentRole.AccountableOwner);
    internal static readonly PolicyReference Standard = new("standard", 1);

    private HostFixture(IHost host, FakeTimeProvider time, CollectingLoggerProvider logs)
    {
        Host = host;
        Time = time;
        Logs = logs;
    }

    internal IHost Host { get; }

    internal FakeTimeProvider Time { get; }

    internal CollectingLoggerProvider Logs { get; }

    internal IncidentEngine Engine => Host.Services.GetRequiredService<IncidentEngine>();

    internal DueActionRunner Runner => Host.Services.GetRequiredService<DueActionRunner>();

    internal static BusinessCalendar London() => new BusinessCalendarBuilder("Europe/London")
        .AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 30))
        .Build();

    internal static CustomerProfile Customer(string customerId = "customer-1")
        => new(customerId, "standard", 100_000m, DateTimeZoneProviders.Tzdb["Europe/London"], London());

    /// <summary>The ladder the standard policy names: one business hour per rung, frontline up to the executive.</summary>
    internal static EscalationLadder Ladder() => new EscalationLadderBuilder("standard-ladder")
        .AddRung(EscalationLevel.FrontlineService, Duration.FromHours(1), London(), EscalationTarget.OnCallGroup("frontline"))
        .AddRung(EscalationLevel.ServiceManagement, Duration.FromHours(1), London(), EscalationTarget.Person("sam"))
        .AddRung(EscalationLevel.SeniorManagement, Duration.FromHours(1), London(), EscalationTarget.Person("vera"))
        .AddRung(EscalationLevel.Executive, Duration.FromHours(1), London(), EscalationTarget.Person("eve"))
        .Build();

    internal static SegmentCatalog Catalog() => new SegmentCatalogBuilder(1)
        .AddSegment("standard", new AdvocacyPolicy(Duration.FromHours(4), Duration.FromHours(8), Duration.FromHours(40), TargetClock.BusinessTime, "standard-ladder"))
        .WithDefaultSegment("standard")
        .Build();

    internal static HostFixture Create(Action<IServiceCollection>? before = null, Action<CustomerAdvocacyOptions>? configure = null)
    {
        var time = new FakeTimeProvider(Start.ToDateTimeOffset());
        var logs = new CollectingLoggerProvider();
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        builder.Services.AddSingleton<TimeProvider>(time);
        before?.Invoke(builder.Services);
        builder.Services.AddCustomerAdvocacy(configure ?? (o => o
            .AddSegmentCatalog(Catalog())
            .AddCustomer(Customer())
            .UseInMemoryStore()));
        return new HostFixture(builder.Build(), time, logs);
    }

    /// <summary>Completes when the runner goes to sleep until <paramref name="wakeAt"/>.</summary>
    internal Task ArmedAt(Instant wakeAt)
    {
        var armed = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        Runner.Armed += at =>
        {
            if (at == wakeAt)
            {
                armed.TrySetResult(true);
            }
        };
        return armed.Task;
    }

    /// <summary>Completes with the first accepted command whose events include a commitment marked missed.</summary>
    internal Task<CommandResult> MissedRecorded(string commitmentId)
    {
        var executed = new TaskCompletionSource<CommandResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        Engine.CommandExecuted += (_, result) =>
        {
            if (result.Decision is Accepted accepted && accepted.Events.OfType<CommitmentMissed>().Any(m => m.CommitmentId == commitmentId))
            {
                executed.TrySetResult(result);
            }
        };
        return executed.Task;
    }

    /// <summary>Opens an incident, captures the perspective and makes the given commitments (id, due).</summary>
    internal async Task<IncidentId> OpenWithCommitmentsAsync(params (string Id, Instant Due)[] commitments)
    {
        var id = IncidentId.New();
        await Accept(new OpenIncident(id, CommandId.New(), Owner, "customer-1", Owner.Id, Standard, null));
        await Accept(new CapturePerspective(id, CommandId.New(), Owner, new CustomerPerspective("orders stuck", "no shipments", "orders flowing", Duration.FromHours(24))));
        foreach (var (commitmentId, due) in commitments)
        {
            await Accept(new MakeCommitment(id, CommandId.New(), Owner, commitmentId, Owner.Id, "call back with findings", due));
        }

        return id;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync().ConfigureAwait(false);
        Host.Dispose();
    }

    internal async Task<CommandResult> Accept(IncidentCommand command)
    {
        var result = await Engine.ExecuteAsync(command);
        Assert.True(result.Decision.IsAccepted, $"{command.GetType().Name} was rejected: {(result.Decision as Rejected)?.Reason}");
        return result;
    }
}

/// <summary>Collects log entries (event id, level, exception) from every logger.</summary>
internal sealed class CollectingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, EventId EventId, LogLevel Level, Exception? Exception)> _entries = new();

    internal IReadOnlyList<(string Category, EventId EventId, LogLevel Level, Exception? Exception)> Entries => _entries.ToArray();

    internal bool Has(int eventId) => _entries.Any(e => e.EventId.Id == eventId);

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger : ILogger
    {
        private readonly string _category;
        private readonly ConcurrentQueue<(string, EventId, LogLevel, Exception?)> _entries;

        internal Logger(string category, ConcurrentQueue<(string, EventId, LogLevel, Exception?)> entries)
        {
            _category = category;
            _entries = entries;
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => _entries.Enqueue((_category, eventId, logLevel, exception));
    }
}
