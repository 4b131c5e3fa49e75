using CustomerAdvocacy.Engine;
using CustomerAdvocacy.Hosting;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Scheduling;
using CustomerAdvocacy.Segmentation;
using CustomerAdvocacy.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;

namespace Consumer;

/// <summary>What a host does with the packages: register, start, run a command on SQLite, stop.</summary>
internal static class HostingCheck
{
    internal static async Task RunAsync()
    {
        var database = Path.Combine(Path.GetTempPath(), $"consumer-{Guid.NewGuid():N}.db");
        var london = new BusinessCalendarBuilder("Europe/London").AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 30)).Build();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddCustomerAdvocacy(o =>
        {
            o.AddSegmentCatalog(new SegmentCatalogBuilder(1)
                    .AddSegment("standard", new AdvocacyPolicy(Duration.FromHours(4), Duration.FromHours(8), Duration.FromHours(40), TargetClock.BusinessTime, "standard"))
                    .WithDefaultSegment("standard")
                    .Build())
                .AddCustomer(new CustomerProfile("customer-1", "standard", 100_000m, london.Zone, london))
                .UseStore(_ => new SqliteIncidentStore($"Data Source={database}"));
        });

        CommandResult result;
        using (var host = builder.Build())
        {
            await host.StartAsync();
            var engine = host.Services.GetRequiredService<IncidentEngine>();
            var owner = new Actor("owner-1", IncidentRole.AccountableOwner);
            result = await engine.ExecuteAsync(new OpenIncident(IncidentId.New(), CommandId.New(), owner, "customer-1", owner.Id, new PolicyReference("standard", 1), null));
            await host.StopAsync();
        }

        // The host disposed the store with its services, so the database file is closed.
        File.Delete(database);

        if (!result.Decision.IsAccepted || result.Incident.State != IncidentState.Opened)
        {
            throw new InvalidOperationException($"The packaged engine did not open the incident: {result.Decision}");
        }

        Console.WriteLine($"Hosted engine opened incident {result.Incident.Id} on SQLite: {result.Incident.State}");
    }
}
