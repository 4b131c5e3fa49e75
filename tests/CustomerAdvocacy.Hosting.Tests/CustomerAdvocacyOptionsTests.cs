using System;
using System.Threading.Tasks;
using CustomerAdvocacy.Incidents;
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
            o.AddCalendar("london", HostFixture.London()).AddCalendar("london", HostFixture.London());
            o.DefaultCalendarId = "paris";
            o.DueActionActor = new Actor("someone", IncidentRole.CustomerContact);
            o.RetryDelay = Duration.Zero;
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => fixture.Host.StartAsync());

        Assert.Collection(
            error.Failures,
            f => Assert.StartsWith("CustomerAdvocacy.SegmentCatalogs:", f, StringComparison.Ordinal),
            f => Assert.Equal("CustomerAdvocacy.Calendars[1]: The calendar id 'london' is used twice.", f),
            f => Assert.StartsWith("CustomerAdvocacy.DefaultCalendarId: The default calendar 'paris'", f, StringComparison.Ordinal),
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
            o.AddSegmentCatalog(HostFixture.Catalog()).AddCalendar("london", HostFixture.London());
            o.DefaultCalendarId = "london";
        });
        var started = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Runner.Armed += _ => started.TrySetResult(true);

        await fixture.Host.StartAsync();
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.IsType<InMemoryIncidentStore>(fixture.Host.Services.GetRequiredService<IIncidentStore>());
        Assert.True(fixture.Logs.Has(HostingLog.InMemoryStoreId));
    }

    [Fact]
    public async Task IncidentContexts_FromTheOptions_PolicyVersionAndDefaultCalendar()
    {
        await using var fixture = HostFixture.Create();

        var context = await fixture.Host.Services.GetRequiredService<IIncidentContextProvider>().GetContextAsync("customer-1", HostFixture.Standard, default);

        Assert.Equal(Duration.FromHours(4), context.Policy.FirstResponseTarget);
        Assert.Equal("Europe/London", context.Calendar.Zone.Id);
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
