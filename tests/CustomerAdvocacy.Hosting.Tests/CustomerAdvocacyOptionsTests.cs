using System;
using System.Threading.Tasks;
using CustomerAdvocacy.Engine;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Review;
using CustomerAdvocacy.Scheduling;
using CustomerAdvocacy.Segmentation;
using CustomerAdvocacy.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CustomerAdvocacy.Hosting.Tests;

public sealed class CustomerAdvocacyOptionsTests
{
    [Fact]
    public async Task StartAsync_SeveralProblems_OneExceptionListingEveryProblem()
    {
        await using var fixture = HostFixture.Create(configure: o =>
        {
            o.AddCustomer(HostFixture.Customer()).AddCustomer(HostFixture.Customer()).AddCustomer(null!);
            o.AddEscalationLadder(" ", HostFixture.Ladder()).AddEscalationLadder("gold", null!);
            o.DueActionActor = new Actor("someone", IncidentRole.CustomerContact);
            o.RetryDelay = Duration.Zero;
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => fixture.Host.StartAsync());

        Assert.Collection(
            error.Failures,
            f => Assert.StartsWith("CustomerAdvocacy.SegmentCatalogs:", f, StringComparison.Ordinal),
            f => Assert.Equal("CustomerAdvocacy.Customers[1]: The customer 'customer-1' is added twice.", f),
            f => Assert.Equal("CustomerAdvocacy.Customers[2]: The customer profile is null.", f),
            f => Assert.Equal("CustomerAdvocacy.EscalationLadders[0]: The ladder id is blank.", f),
            f => Assert.Equal("CustomerAdvocacy.EscalationLadders[1]: The ladder 'gold' is null.", f),
            f => Assert.StartsWith("CustomerAdvocacy.DueActionActor:", f, StringComparison.Ordinal),
            f => Assert.StartsWith("CustomerAdvocacy.RetryDelay:", f, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartAsync_ValidOptions_Starts()
    {
        await using var fixture = HostFixture.Create();

        await fixture.Host.StartAsync();

        Assert.NotNull(fixture.Host.Services.GetRequiredService<IncidentEngine>());
        Assert.IsType<TimeProviderClock>(fixture.Host.Services.GetRequiredService<IClock>());
    }

    [Fact]
    public async Task StartAsync_NoStoreChosen_InMemoryStoreWithAWarning()
    {
        await using var fixture = HostFixture.Create(configure: o =>
        {
            o.AddSegmentCatalog(HostFixture.Catalog()).AddCustomer(HostFixture.Customer());
        });
        var started = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Runner.Armed += _ => started.TrySetResult(true);

        await fixture.Host.StartAsync();
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.IsType<InMemoryIncidentStore>(fixture.Host.Services.GetRequiredService<IIncidentStore>());
        Assert.True(fixture.Logs.Has(HostingLog.InMemoryStoreId));
    }

    [Fact]
    public async Task StartAsync_PolicyNamesAnUndefinedLadder_ListsIt()
    {
        await using var fixture = HostFixture.Create(configure: o => o
            .AddSegmentCatalog(HostFixture.Catalog())
            .AddCustomer(HostFixture.Customer())
            .AddEscalationLadder("other-ladder", HostFixture.Ladder()));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => fixture.Host.StartAsync());

        Assert.Equal(
            "CustomerAdvocacy.EscalationLadders: The policy of segment 'standard' (catalog version 1) names the ladder 'standard-ladder', which is not added (AddEscalationLadder).",
            Assert.Single(error.Failures));
    }

    [Fact]
    public async Task IncidentContexts_FromTheOptions_PolicyCustomerCalendarLadderReviewAndBlackouts()
    {
        var blackouts = BlackoutSet.None(DateTimeZoneProviders.Tzdb["Europe/London"]);
        var ladder = HostFixture.Ladder();
        await using var fixture = HostFixture.Create(configure: o =>
        {
            o.AddSegmentCatalog(HostFixture.Catalog())
                .AddCustomer(HostFixture.Customer() with { Blackouts = blackouts })
                .AddEscalationLadder("standard-ladder", ladder);
            o.ReviewPolicy = ReviewPolicy.Default;
        });

        var context = await fixture.Host.Services.GetRequiredService<IIncidentContextProvider>().GetContextAsync("customer-1", HostFixture.Standard, default);

        Assert.IsType<IncidentContextProvider>(fixture.Host.Services.GetRequiredService<IIncidentContextProvider>());
        Assert.Equal(Duration.FromHours(4), context.Policy.FirstResponseTarget);
        Assert.Equal("Europe/London", context.Calendar.Zone.Id);
        Assert.Same(ladder, context.EscalationLadder);
        Assert.Same(ReviewPolicy.Default, context.ReviewPolicy);
        Assert.Same(blackouts, context.Blackouts);
    }

    [Fact]
    public async Task IncidentContexts_CustomerPublishedAtRunTime_IsFound()
    {
        await using var fixture = HostFixture.Create();
        var paris = new BusinessCalendarBuilder("Europe/Paris").AddWeekdayHours(new LocalTime(9, 0), new LocalTime(18, 0)).Build();

        fixture.Host.Services.GetRequiredService<CustomerDirectory>().Publish(new CustomerProfile("customer-2", "standard", 1m, paris.Zone, paris));
        var context = await fixture.Host.Services.GetRequiredService<IIncidentContextProvider>().GetContextAsync("customer-2", HostFixture.Standard, default);

        Assert.Equal("Europe/Paris", context.Calendar.Zone.Id);
    }

    [Fact]
    public async Task Engine_OpeningForACustomerNotInTheOptions_UnknownCustomerExceptionWarnedAndNothingStored()
    {
        await using var fixture = HostFixture.Create();
        await fixture.Host.StartAsync();
        var id = IncidentId.New();
        var open = new OpenIncident(id, CommandId.New(), HostFixture.Owner, "customer-9", HostFixture.Owner.Id, HostFixture.Standard, null);

        var ex = await Assert.ThrowsAsync<UnknownCustomerException>(() => fixture.Engine.ExecuteAsync(open));

        Assert.Equal("customer-9", ex.CustomerId);
        var store = fixture.Host.Services.GetRequiredService<IIncidentStore>();
        Assert.Empty(await store.ReadStreamAsync(id, 1, default));
        Assert.Null(await store.FindCommandAsync(open.CommandId, default));
        Assert.Contains(fixture.Logs.Entries, e => e.EventId.Id == CustomerAdvocacy.Diagnostics.LogEventIds.CommandContextNotFound && e.Level == Microsoft.Extensions.Logging.LogLevel.Warning);
    }

    [Fact]
    public async Task Store_Disposable_IsDisposedWithTheHost()
    {
        var store = new DisposableStore();
        var fixture = HostFixture.Create(configure: o => o
            .AddSegmentCatalog(HostFixture.Catalog())
            .AddCustomer(HostFixture.Customer())
            .UseStore(_ => store));
        await fixture.Host.StartAsync();
        Assert.False(store.Disposed);

        await fixture.DisposeAsync();

        Assert.True(store.Disposed);
    }

    [Fact]
    public void UseStore_Null_NamesTheArgument()
        => Assert.Equal("factory", Assert.Throws<ArgumentNullException>(() => new CustomerAdvocacyOptions().UseStore(null!)).ParamName);

    [Fact]
    public void Clock_FromTheHostTimeProvider_ReadsFakeTime()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(HostFixture.Start.ToDateTimeOffset());
        var clock = new TimeProviderClock(time);

        time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(HostFixture.Start + Duration.FromMinutes(5), clock.GetCurrentInstant());
    }

    [Fact]
    public void TimeProviderClock_NullProvider_NamesTheArgument()
        => Assert.Equal("timeProvider", Assert.Throws<ArgumentNullException>(() => new TimeProviderClock(null!)).ParamName);
}

/// <summary>An in-memory store that records its disposal.</summary>
internal sealed class DisposableStore : IIncidentStore, IDisposable
{
    private readonly InMemoryIncidentStore _inner = new();

    internal bool Disposed { get; private set; }

    public void Dispose() => Disposed = true;

    public Task AppendAsync(IncidentAppend append, System.Threading.CancellationToken cancellationToken) => _inner.AppendAsync(append, cancellationToken);

    public Task<bool> RecordRejectionAsync(CommandRecord record, System.Threading.CancellationToken cancellationToken) => _inner.RecordRejectionAsync(record, cancellationToken);

    public Task<System.Collections.Generic.IReadOnlyList<IncidentEvent>> ReadStreamAsync(IncidentId incidentId, long fromVersion, System.Threading.CancellationToken cancellationToken) => _inner.ReadStreamAsync(incidentId, fromVersion, cancellationToken);

    public Task<CommandRecord?> FindCommandAsync(CommandId commandId, System.Threading.CancellationToken cancellationToken) => _inner.FindCommandAsync(commandId, cancellationToken);

    public Task<System.Collections.Generic.IReadOnlyList<IncidentId>> ListByStateAsync(IncidentState state, System.Threading.CancellationToken cancellationToken) => _inner.ListByStateAsync(state, cancellationToken);
}
