using System;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.DueActions;
using CustomerAdvocacy.Engine;
using CustomerAdvocacy.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using Orleans;
using Orleans.Hosting;
using Orleans.Serialization;

namespace CustomerAdvocacy.Orleans;

/// <summary>Configures silos and clients for CustomerAdvocacy.</summary>
public static class AdvocacyHostingExtensions
{
    /// <summary>
    /// Hosts incident and portfolio grains on this silo and enables reminders. The host registers, in the silo's
    /// services, the <see cref="IIncidentStore"/> every silo shares (SQLite file, PostgreSQL, …), the
    /// <see cref="IIncidentContextProvider"/> the engine decides with (policy versions, customer calendars), optionally
    /// <see cref="IncidentEngineOptions"/>, and a reminder table
    /// (<c>UseInMemoryReminderService</c> for development only, <c>UseAdoNetReminderService</c> or another durable one
    /// in production); optionally an <see cref="IClock"/> (default: the silo's <see cref="TimeProvider"/>), an
    /// <see cref="IIncidentDueItemSource"/> (default <see cref="IncidentStateDueItemSource"/>) and an
    /// <see cref="IDueActionHandler"/>, told of every due action after the grain applied its command (default: none;
    /// a handler written for <c>CustomerAdvocacy.Hosting</c> works unchanged). <see cref="IAdvocacyClient"/> is registered too, for code
    /// running on the silo.
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configure">Adjusts the options; they are validated when the silo starts.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static ISiloBuilder AddCustomerAdvocacy(this ISiloBuilder builder, Action<AdvocacyOrleansOptions>? configure = null)
    {
        Preconditions.CheckNotNull(builder);
        builder.AddReminders();
        var services = builder.Services;
        var options = services.AddOptions<AdvocacyOrleansOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(
            o =>
            {
                o.Validate();
                return true;
            })
            .ValidateOnStart();
        AllowLibraryExceptions(services);
        services.TryAddSingleton<IClock>(sp => new TimeProviderClock(sp.GetService<TimeProvider>() ?? throw new InvalidOperationException("Register an IClock (or a TimeProvider) in the silo's services.")));
        services.TryAddSingleton<IIncidentDueItemSource, IncidentStateDueItemSource>();
        services.TryAddSingleton<IDueActionHandler, NoDueActionHandler>();
        services.TryAddSingleton<AdvocacyServices>();
        services.TryAddSingleton<IAdvocacyClient>(sp => new AdvocacyClient(sp.GetRequiredService<IGrainFactory>(), sp.GetService<IncidentEventSerializer>()));
        return builder;
    }

    /// <summary>Registers <see cref="IAdvocacyClient"/> on an Orleans client.</summary>
    /// <param name="builder">The client builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IClientBuilder AddCustomerAdvocacyClient(this IClientBuilder builder)
    {
        Preconditions.CheckNotNull(builder);
        AllowLibraryExceptions(builder.Services);
        builder.Services.TryAddSingleton<IAdvocacyClient>(sp => new AdvocacyClient(sp.GetRequiredService<IGrainFactory>(), sp.GetService<IncidentEventSerializer>()));
        return builder;
    }

    // Orleans carries an exception across the wire only when its namespace is on this list (System, Microsoft and Azure
    // by default); without it a grain failing with, say, IncidentStoreUnavailableException reached the caller as a
    // CodecNotFoundException. Type, message and Exception.Data travel; the exception's own fields do not, so the
    // not-found exceptions (UnknownCustomerException, UnknownPolicyException) keep what they carry in Data too.
    private static void AllowLibraryExceptions(IServiceCollection services)
        => services.Configure<ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add(nameof(CustomerAdvocacy)));

    /// <summary>Reads the silo's <see cref="TimeProvider"/>, so that a host replacing it for tests moves the incidents' clock too.</summary>
    private sealed class TimeProviderClock : IClock
    {
        private readonly TimeProvider _time;

        public TimeProviderClock(TimeProvider time) => _time = time;

        public Instant GetCurrentInstant() => Instant.FromDateTimeOffset(_time.GetUtcNow());
    }

    /// <summary>The default handler: the grain has applied the incident command already; nothing else to do.</summary>
    private sealed class NoDueActionHandler : IDueActionHandler
    {
        public Task HandleAsync(DueAction action, CommandResult? result, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
