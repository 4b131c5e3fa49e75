using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Engine;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Scheduling;
using CustomerAdvocacy.Segmentation;
using CustomerAdvocacy.Storage;
using NodaTime;
using NodaTime.Testing;

namespace CustomerAdvocacy.Tests.Incidents;

/// <summary>The ready context provider: policy versions from the registry, calendars from the customer directory.</summary>
public sealed class IncidentContextProviderTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    private static readonly BusinessCalendar NewYorkOffice = new BusinessCalendarBuilder(NewYork).AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0)).Build();
    private static readonly AdvocacyPolicy Version1 = new(Duration.FromHours(8), Duration.FromHours(24), Duration.FromHours(80), TargetClock.BusinessTime, "standard-ladder");
    private static readonly AdvocacyPolicy Version2 = new(Duration.FromHours(2), Duration.FromHours(4), Duration.FromHours(40), TargetClock.BusinessTime, "standard-ladder");

    [Fact]
    public void CustomerProfile_CalendarInAnotherZone_ArgumentExceptionNamingTheCalendar()
    {
        var ex = Assert.Throws<ArgumentException>(() => new CustomerProfile("acme", "gold", 1m, London, NewYorkOffice));
        Assert.Equal("calendar", ex.ParamName);
        Assert.Contains("America/New_York", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CustomerProfile_CalendarInTheCustomersZone_CarriesIt()
    {
        var profile = new CustomerProfile("acme", "gold", 1m, NewYork, NewYorkOffice);
        Assert.Same(NewYorkOffice, profile.Calendar);
        Assert.Equal(NewYork, profile.TimeZone);
    }

    [Fact]
    public async Task GetContext_OpenIncidentKeepsItsPolicyVersion_NewIncidentsGetTheNewOne()
    {
        var registry = new PolicyRegistry();
        registry.Publish(Catalog(1, Version1));
        var directory = new CustomerDirectory(new[] { new CustomerProfile("acme", "gold", 1m, NewYork, NewYorkOffice) });
        var provider = new IncidentContextProvider(registry, directory);
        registry.Publish(Catalog(2, Version2));

        var old = await provider.GetContextAsync("acme", new PolicyReference("standard", 1), CancellationToken.None);
        var current = await provider.GetContextAsync("acme", new PolicyReference("standard", 2), CancellationToken.None);

        Assert.Same(Version1, old.Policy);
        Assert.Same(Version2, current.Policy);
        Assert.Same(NewYorkOffice, old.Calendar);
        Assert.Null(old.EscalationLadder);
    }

    [Fact]
    public async Task GetContext_UnknownCustomer_UnknownCustomerExceptionCarryingTheId()
    {
        var registry = new PolicyRegistry();
        registry.Publish(Catalog(1, Version1));
        var provider = new IncidentContextProvider(registry, new CustomerDirectory(new[] { new CustomerProfile("acme", "gold", 1m, NewYork, NewYorkOffice) }));

        var ex = await Assert.ThrowsAsync<UnknownCustomerException>(() => provider.GetContextAsync("globex", new PolicyReference("standard", 1), CancellationToken.None).AsTask());

        Assert.Equal("globex", ex.CustomerId);
        Assert.Contains("'globex'", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<KeyNotFoundException>(ex);
    }

    [Theory]
    [InlineData("standard", 2, false)]
    [InlineData("platinum", 1, true)]
    public async Task GetContext_PolicyNotPublished_UnknownPolicyExceptionCarryingTheReference(string segmentId, int version, bool versionPublished)
    {
        var registry = new PolicyRegistry();
        registry.Publish(Catalog(1, Version1));
        var provider = new IncidentContextProvider(registry, new CustomerDirectory(new[] { new CustomerProfile("acme", "gold", 1m, NewYork, NewYorkOffice) }));

        var ex = await Assert.ThrowsAsync<UnknownPolicyException>(() => provider.GetContextAsync("acme", new PolicyReference(segmentId, version), CancellationToken.None).AsTask());

        Assert.Equal((segmentId, version, versionPublished), (ex.SegmentId, ex.Version, ex.VersionPublished));
        Assert.IsAssignableFrom<KeyNotFoundException>(ex);
    }

    [Fact]
    public async Task Engine_WithTheProvider_ComputesDeadlinesInTheCustomersCalendarAndReplaysWithoutIt()
    {
        var registry = new PolicyRegistry();
        registry.Publish(Catalog(1, Version1));
        var directory = new CustomerDirectory();
        directory.Publish(new CustomerProfile("acme", "gold", 1m, NewYork, NewYorkOffice));
        var store = new InMemoryIncidentStore();

        // Friday 6 March 2026 16:00 EST; the customer's office reopens on Monday after the spring-forward.
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 6, 21, 0));
        var engine = new IncidentEngine(store, new IncidentContextProvider(registry, directory), clock);
        var id = IncidentId.New();
        var opened = await engine.ExecuteAsync(new OpenIncident(id, CommandId.New(), new Actor("sm", IncidentRole.ServiceManager), "acme", "owner-1", new PolicyReference("standard", 1), null));

        // One business hour on Friday, seven on Monday from 09:00 EDT (13:00 UTC): due 16:00 EDT.
        Assert.Equal(Instant.FromUtc(2026, 3, 9, 20, 0), opened.Incident.ServiceLevels!.FirstResponse.Schedule.Due);

        // A later calendar change does not move recorded deadlines: replay reads only the events.
        directory.Publish(new CustomerProfile("acme", "gold", 1m, NewYork, BusinessCalendar.AroundTheClock(NewYork)));
        Assert.Equal(opened.Incident, IncidentEvolver.Replay(id, await store.ReadStreamAsync(id, 1, CancellationToken.None)));
        Assert.Equal(opened.Incident, await engine.LoadAsync(id));
    }

    [Fact]
    public void CustomerDirectory_Publish_ReplacesTheCustomersProfile()
    {
        var directory = new CustomerDirectory();
        directory.Publish(new CustomerProfile("acme", "silver", 1m, NewYork, NewYorkOffice));
        directory.Publish(new CustomerProfile("acme", "gold", 2m, NewYork, NewYorkOffice));

        Assert.Equal(1, directory.Count);
        Assert.True(directory.TryFind("acme", out var profile));
        Assert.Equal("gold", profile.ContractTier);
        Assert.False(directory.TryFind("globex", out _));
    }

    [Fact]
    public async Task CustomerDirectory_ConcurrentPublishAndFind_EveryProfileEndsUpThere()
    {
        var directory = new CustomerDirectory();
        var ids = Enumerable.Range(0, 200).Select(i => "customer-" + i).ToArray();
        await Task.WhenAll(ids.Select(id => Task.Run(async () =>
        {
            directory.Publish(new CustomerProfile(id, "gold", 1m, NewYork, NewYorkOffice));
            Assert.NotNull(await directory.FindAsync(id, CancellationToken.None));
        })));
        Assert.Equal(ids.Length, directory.Count);
    }

    private static SegmentCatalog Catalog(int version, AdvocacyPolicy policy)
        => new SegmentCatalogBuilder(version).AddSegment("standard", policy).WithDefaultSegment("standard").Build();
}
