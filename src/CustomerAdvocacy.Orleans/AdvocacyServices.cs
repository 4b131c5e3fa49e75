using CustomerAdvocacy.Engine;
using CustomerAdvocacy.Orleans.Wire;
using CustomerAdvocacy.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Orleans.Hosting;

namespace CustomerAdvocacy.Orleans;

/// <summary>
/// What the grains of a silo share, built once from the silo's services. The one place that constructs the
/// <see cref="IncidentEngine"/>: a host that changes how the engine is built (a decision context, a snapshot store)
/// changes it here only.
/// </summary>
internal sealed class AdvocacyServices
{
    public AdvocacyServices(
        IIncidentStore store,
        IIncidentContextProvider contexts,
        IClock clock,
        IIncidentDueItemSource dueItems,
        IDueActionHandler handler,
        IOptions<AdvocacyOrleansOptions> options,
        IOptions<ReminderOptions> reminderOptions,
        ILoggerFactory loggerFactory,
        IncidentEventSerializer? serializer = null,
        IncidentEngineOptions? engineOptions = null)
    {
        Store = store;
        Clock = clock;
        DueItems = dueItems;
        Options = options.Value;
        Options.Validate();
        ReminderOptions = reminderOptions.Value;
        Engine = new IncidentEngine(store, contexts, clock, loggerFactory.CreateLogger<IncidentEngine>(), engineOptions);
        DueActions = new DueActionProcessor(Engine, Options.DueActionActor, handler);
        Mapper = new WireMapper(serializer ?? new IncidentEventSerializer());
    }

    public IIncidentStore Store { get; }

    public IClock Clock { get; }

    public IIncidentDueItemSource DueItems { get; }

    public AdvocacyOrleansOptions Options { get; }

    public ReminderOptions ReminderOptions { get; }

    public IncidentEngine Engine { get; }

    public DueActionProcessor DueActions { get; }

    public WireMapper Mapper { get; }
}
