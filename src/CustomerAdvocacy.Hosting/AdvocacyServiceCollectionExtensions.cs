using System;
using System.Linq;
using CustomerAdvocacy.Engine;
using CustomerAdvocacy.Hosting;
using CustomerAdvocacy.Segmentation;
using CustomerAdvocacy.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers CustomerAdvocacy in a host's services.</summary>
public static class AdvocacyServiceCollectionExtensions
{
    /// <summary>
    /// Registers the incident engine, the store, the clock, the policies (<see cref="PolicyRegistry"/>), the customers
    /// (<see cref="CustomerDirectory"/> as <see cref="ICustomerDirectory"/>), one <see cref="IIncidentContextProvider"/>
    /// (core's <see cref="IncidentContextProvider"/>: policy, customer calendar and blackouts, the escalation ladder the
    /// policy names, the review policy) and the background due-action runner. The options are checked when the host
    /// starts; every problem is reported in one <see cref="OptionsValidationException"/>.
    /// Services registered before this call (an <see cref="IClock"/>, a <see cref="TimeProvider"/>, an
    /// <see cref="ICustomerDirectory"/>, an <see cref="IIncidentContextProvider"/>, an <see cref="IncidentEngineOptions"/>,
    /// an <see cref="IDueActionHandler"/>, whose default <see cref="LoggingDueActionHandler"/> logs what needs a person)
    /// are kept or used. The store is created once and, when it is
    /// <see cref="IDisposable"/>, disposed with the service provider.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddCustomerAdvocacy(this IServiceCollection services, Action<CustomerAdvocacyOptions> configure)
    {
        CustomerAdvocacy.Preconditions.CheckNotNull(services);
        CustomerAdvocacy.Preconditions.CheckNotNull(configure);
        services.AddOptions<CustomerAdvocacyOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CustomerAdvocacyOptions>, CustomerAdvocacyOptionsValidator>());

        // The host edge reads real time through its TimeProvider service, so a fake one drives clock and timers alike.
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IClock>(sp => Options(sp).Clock ?? new TimeProviderClock(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp =>
        {
            var registry = new PolicyRegistry();
            foreach (var catalog in Options(sp).SegmentCatalogs.OrderBy(c => c!.Version))
            {
                registry.Publish(catalog!);
            }

            return registry;
        });
        services.TryAddSingleton(sp => new CustomerDirectory(Options(sp).Customers.Select(c => c!)));
        services.TryAddSingleton<ICustomerDirectory>(sp => sp.GetRequiredService<CustomerDirectory>());
        services.TryAddSingleton<IIncidentContextProvider>(sp =>
        {
            var options = Options(sp);
            var ladders = options.EscalationLadders.ToDictionary(l => l.Key!, l => l.Value!, StringComparer.Ordinal);
            return new IncidentContextProvider(sp.GetRequiredService<PolicyRegistry>(), sp.GetRequiredService<ICustomerDirectory>(), ladders, options.ReviewPolicy);
        });
        services.TryAddSingleton(sp => Options(sp).StoreFactory(sp));
        services.TryAddSingleton(sp => new IncidentEngine(
            sp.GetRequiredService<IIncidentStore>(),
            sp.GetRequiredService<IIncidentContextProvider>(),
            sp.GetRequiredService<IClock>(),
            sp.GetService<ILogger<IncidentEngine>>(),
            sp.GetService<IncidentEngineOptions>()));
        services.TryAddSingleton<IDueActionHandler>(sp => new LoggingDueActionHandler(sp.GetService<ILogger<LoggingDueActionHandler>>()));
        services.TryAddSingleton(sp => new DueActionRunner(
            sp.GetRequiredService<IncidentEngine>(),
            sp.GetRequiredService<IIncidentStore>(),
            sp.GetRequiredService<IDueActionHandler>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IClock>(),
            Options(sp),
            (ILogger?)sp.GetService<ILogger<DueActionRunner>>() ?? NullLogger.Instance));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DueActionRunner>(sp => sp.GetRequiredService<DueActionRunner>()));
        return services;
    }

    private static CustomerAdvocacyOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<CustomerAdvocacyOptions>>().Value;
}
