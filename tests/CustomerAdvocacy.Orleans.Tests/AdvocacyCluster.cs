using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.DueActions;
using CustomerAdvocacy.Engine;
using CustomerAdvocacy.Escalation;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Orleans.Grains;
using CustomerAdvocacy.Scheduling;
using CustomerAdvocacy.Segmentation;
using CustomerAdvocacy.Sqlite;
using CustomerAdvocacy.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace CustomerAdvocacy.Orleans.Tests;

/// <summary>
/// An in-process cluster of silos sharing one SQLite file in a temp directory (each silo opens its own store on it,
/// as separate processes would), Orleans' in-memory reminder service, and a handler that signals every fired due
/// action. Time is real: Orleans' local reminder service waits on its time provider and, for a tick already due,
/// waits a minimal delay on it, so a frozen fake time would stall it; tests instead set due instants a second or two
/// ahead and wait on signals, never on sleeps.
/// </summary>
internal sealed class AdvocacyCluster : IAsyncDisposable
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The rules incidents are decided with, around the clock in London. Segment "fast" has a one-second first-response
    /// target, for the SLA reminder test; every other segment has targets far beyond any test's commitments (1,000
    /// days), so their SLA items never fire during a test and a reminder is armed for a commitment whenever one is open.
    /// Segment "escalating" has an escalation ladder whose first rung times out after two seconds and whose second
    /// (the executive) waits 1,000 days, for the ladder reminder test. Customer <see cref="UnknownCustomer"/> is the one
    /// customer it does not know.
    /// </summary>
    public static IIncidentContextProvider Contexts { get; } = new SegmentContexts();

    /// <summary>The customer <see cref="Contexts"/> does not know: it throws <see cref="UnknownCustomerException"/> for it.</summary>
    public const string UnknownCustomer = "customer-nobody-knows";

    private sealed class SegmentContexts : IIncidentContextProvider
    {
        private static readonly BusinessCalendar London = BusinessCalendar.AroundTheClock(DateTimeZoneProviders.Tzdb["Europe/London"]);
        private static readonly IncidentContext Slow = new(new AdvocacyPolicy(Duration.FromDays(1000), Duration.FromDays(1000), Duration.FromDays(2000), TargetClock.AroundTheClock, "standard-ladder"), London);
        private static readonly IncidentContext Escalating = Slow with
        {
            EscalationLadder = new EscalationLadderBuilder("two-second-ladder")
                .AddRung(EscalationLevel.FrontlineService, Duration.FromSeconds(2), London, EscalationTarget.OnCallGroup("frontline"))
                .AddRung(EscalationLevel.Executive, Duration.FromDays(1000), London, EscalationTarget.Person("eve"))
                .AllowSkippingLevels()
                .Build(),
        };

        private static readonly IncidentContext Fast = new(new AdvocacyPolicy(Duration.FromSeconds(1), Duration.FromDays(1000), Duration.FromDays(2000), TargetClock.AroundTheClock, "standard-ladder"), London);

        public ValueTask<IncidentContext> GetContextAsync(string customerId, PolicyReference policy, CancellationToken cancellationToken)
            => customerId == UnknownCustomer
                ? throw new UnknownCustomerException(customerId)
                : new(policy.SegmentId switch { "fast" => Fast, "escalating" => Escalating, _ => Slow });
    }
    private readonly string _directory;

    private AdvocacyCluster(string directory, InProcessTestCluster cluster, IClock clock, RecordingHandler handler, ExtraDueItems extra)
    {
        Extra = extra;
        _directory = directory;
        Cluster = cluster;
        Clock = clock;
        Handler = handler;
    }

    public InProcessTestCluster Cluster { get; }

    public IClock Clock { get; }

    public RecordingHandler Handler { get; }

    /// <summary>Due items a test adds for an incident, beside its commitments (trial ends, review deadlines, SLA items).</summary>
    public ExtraDueItems Extra { get; }

    public string DatabasePath => Path.Combine(_directory, "incidents.db");

    public IAdvocacyClient Client => Cluster.Client.ServiceProvider.GetRequiredService<IAdvocacyClient>();

    public IGrainFactory Grains => Cluster.Client;

    public static async Task<AdvocacyCluster> StartAsync(int silos = 2)
    {
        var directory = Path.Combine(Path.GetTempPath(), "ca-orleans-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var connection = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "incidents.db"), DefaultTimeout = 30 }.ToString();
        await new SqliteIncidentStore(connection).InitializeAsync();
        var clock = SystemClock.Instance;
        var handler = new RecordingHandler();
        var extra = new ExtraDueItems();
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.ConfigureSilo((options, silo) =>
        {
            var siloName = options.SiloName;
            silo.UseInMemoryReminderService();
            silo.Services.AddSingleton<IIncidentStore>(new SqliteIncidentStore(connection));
            silo.Services.AddSingleton<IClock>(clock);
            silo.Services.AddSingleton<IIncidentContextProvider>(Contexts);
            silo.Services.AddSingleton<IDueActionHandler>(new SiloHandler(handler, siloName));
            silo.Services.AddSingleton<IIncidentDueItemSource>(extra);
            // A tick lost to the failover is retried after the reminder's period: seconds here, not Orleans' default minute.
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(2));
            silo.AddCustomerAdvocacy(o => o.ReminderRetryPeriod = TimeSpan.FromSeconds(3));

            // A call to a killed silo fails after this long instead of Orleans' default 30 s; the caller retries.
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = CallTimeout);
        });
        builder.ConfigureClient(client => client.AddCustomerAdvocacyClient().Configure<ClientMessagingOptions>(o => o.ResponseTimeout = CallTimeout));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new AdvocacyCluster(directory, cluster, clock, handler, extra);
    }

    public IIncidentStore OpenStore() => new SqliteIncidentStore(new SqliteConnectionStringBuilder { DataSource = DatabasePath, DefaultTimeout = 30 }.ToString());

    /// <summary>An engine over its own store on the shared file, as a process outside the cluster would run it.</summary>
    public IncidentEngine Engine() => new(OpenStore(), Contexts, Clock);

    public IIncidentGrain Grain(IncidentId id) => Cluster.Client.GetGrain<IIncidentGrain>(id.Value);

    /// <summary>The silo whose runtime identity a grain reported.</summary>
    public InProcessSiloHandle SiloOf(string runtimeIdentity)
        => Cluster.Silos.Single(s => runtimeIdentity.Contains(s.SiloAddress.ToString(), StringComparison.Ordinal));

    /// <summary>The silo holding the in-memory reminder table (a grain): killing it would lose every reminder, as losing a durable table's database would.</summary>
    public async Task<SiloAddress?> ReminderTableSiloAsync()
    {
        var stats = await Cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return stats.FirstOrDefault(s => s.GrainType.Contains("ReminderTable", StringComparison.OrdinalIgnoreCase))?.SiloAddress;
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>
    /// The incident state's items plus whatever a test adds for an incident; an added item replaces the state's item
    /// with the same key (to replay an item that already fired, as a lost tick would).
    /// </summary>
    internal sealed class ExtraDueItems : IIncidentDueItemSource
    {
        private readonly IncidentStateDueItemSource _state = new();
        private readonly ConcurrentDictionary<IncidentId, DueItem[]> _extra = new();

        public void Set(IncidentId incidentId, params DueItem[] items) => _extra[incidentId] = items;

        public IReadOnlyList<DueItem> DueItems(Incident incident, Instant now)
        {
            var extra = _extra.TryGetValue(incident.Id, out var items) ? items : Array.Empty<DueItem>();
            return _state.DueItems(incident, now).Where(i => !extra.Any(e => e.Key == i.Key)).Concat(extra).ToArray();
        }
    }

    private sealed class SiloHandler(RecordingHandler recorder, string silo) : IDueActionHandler
    {
        public Task HandleAsync(DueAction action, CommandResult? result, CancellationToken cancellationToken)
        {
            if (recorder.TakeFailure(action.Item.Key))
            {
                throw new InvalidOperationException("The host's pager is down.");
            }

            recorder.Record(action, result, silo);
            return Task.CompletedTask;
        }
    }

    /// <summary>Records every fired due action and lets a test wait for one without polling.</summary>
    internal sealed class RecordingHandler
    {
        private readonly ConcurrentDictionary<DueItemKey, TaskCompletionSource<(DueAction Action, CommandResult? Result)>> _first = new();
        private readonly ConcurrentQueue<(DueAction Action, CommandResult? Result, string Silo)> _all = new();
        private readonly ConcurrentDictionary<DueItemKey, int> _failures = new();

        public (DueAction Action, CommandResult? Result, string Silo)[] All => _all.ToArray();

        public void Record(DueAction action, CommandResult? result, string silo)
        {
            _all.Enqueue((action, result, silo));
            Signal(action.Item.Key).TrySetResult((action, result));
        }

        /// <summary>Makes the next call for <paramref name="key"/> throw, as a host whose own system is down would.</summary>
        public void FailNext(DueItemKey key) => _failures.AddOrUpdate(key, 1, (_, n) => n + 1);

        /// <summary>How many calls failed on purpose so far.</summary>
        public int Failed { get; private set; }

        public bool TakeFailure(DueItemKey key)
        {
            if (_failures.TryGetValue(key, out var left) && left > 0 && _failures.TryUpdate(key, left - 1, left))
            {
                Failed++;
                return true;
            }

            return false;
        }

        public Task<(DueAction Action, CommandResult? Result)> FiredAsync(DueItemKey key, TimeSpan timeout) => Signal(key).Task.WaitAsync(timeout);

        private TaskCompletionSource<(DueAction Action, CommandResult? Result)> Signal(DueItemKey key)
            => _first.GetOrAdd(key, _ => new TaskCompletionSource<(DueAction, CommandResult?)>(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}
