using System;
using System.Collections.Generic;
using CustomerAdvocacy.Escalation;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Review;
using CustomerAdvocacy.Segmentation;
using CustomerAdvocacy.Storage;
using NodaTime;

namespace CustomerAdvocacy.Hosting;

/// <summary>
/// What <see cref="Microsoft.Extensions.DependencyInjection.AdvocacyServiceCollectionExtensions.AddCustomerAdvocacy"/> registers: the segment catalogs
/// (policies), the customers (profiles with their business calendars and blackouts), the escalation ladders and the
/// review policy of the incident contexts, the store, the clock and the due-action runner. Checked when the host starts;
/// every problem is reported together in one <see cref="Microsoft.Extensions.Options.OptionsValidationException"/>.
/// </summary>
public sealed class CustomerAdvocacyOptions
{
    private readonly List<SegmentCatalog?> _catalogs = new();
    private readonly List<CustomerProfile?> _customers = new();
    private readonly List<KeyValuePair<string?, EscalationLadder?>> _ladders = new();

    /// <summary>The published segment catalog versions, in the order added.</summary>
    public IReadOnlyList<SegmentCatalog?> SegmentCatalogs => _catalogs;

    /// <summary>
    /// The customers' profiles, in the order added: an incident's due instants are computed in its customer's
    /// <see cref="CustomerProfile.Calendar"/>, and change windows avoid its <see cref="CustomerProfile.Blackouts"/>.
    /// They fill the <see cref="CustomerDirectory"/> service, where the host publishes further profiles at run time
    /// (or registers its own <see cref="ICustomerDirectory"/> before calling AddCustomerAdvocacy).
    /// </summary>
    public IReadOnlyList<CustomerProfile?> Customers => _customers;

    /// <summary>The escalation ladders by the id a policy names (<see cref="AdvocacyPolicy.EscalationLadderId"/>), in the order added.</summary>
    public IReadOnlyList<KeyValuePair<string?, EscalationLadder?>> EscalationLadders => _ladders;

    /// <summary>
    /// The management-review policy of every incident context. <see langword="null"/> (the default): review
    /// commands are refused with <c>incident.process-context-required</c>; set <see cref="Review.ReviewPolicy.Default"/>
    /// or your own to run reviews.
    /// </summary>
    public ReviewPolicy? ReviewPolicy { get; set; }

    /// <summary>
    /// Creates the store. Default: an <see cref="InMemoryIncidentStore"/> (the runner logs a warning at start: its
    /// incidents are lost when the process ends). Set it with <see cref="UseStore"/>.
    /// </summary>
    public Func<IServiceProvider, IIncidentStore> StoreFactory { get; private set; } = _ => new InMemoryIncidentStore();

    /// <summary>
    /// The clock; <see langword="null"/> (the default) reads the host's <see cref="TimeProvider"/> service, which is
    /// <see cref="TimeProvider.System"/> unless the host registers another (tests register a fake one).
    /// </summary>
    public IClock? Clock { get; set; }

    /// <summary>Whether the background due-action runner runs. Default: <see langword="true"/>.</summary>
    public bool RunDueActions { get; set; } = true;

    /// <summary>
    /// Who the runner issues due commands as: a provider staff role. Default: <c>due-action-runner</c> as
    /// <see cref="IncidentRole.ServiceManager"/>.
    /// </summary>
    public Actor DueActionActor { get; set; } = new("due-action-runner", IncidentRole.ServiceManager);

    /// <summary>How long the runner waits before trying a failed due action again. Default: one minute.</summary>
    public Duration RetryDelay { get; set; } = Duration.FromMinutes(1);

    /// <summary>Publishes a segment catalog version; add every version incidents may still refer to.</summary>
    /// <param name="catalog">A built catalog.</param>
    /// <returns>These options.</returns>
    public CustomerAdvocacyOptions AddSegmentCatalog(SegmentCatalog catalog)
    {
        _catalogs.Add(catalog);
        return this;
    }

    /// <summary>Adds a customer's profile (with the business calendar their deadlines are computed in).</summary>
    /// <param name="profile">The profile; one per customer id.</param>
    /// <returns>These options.</returns>
    public CustomerAdvocacyOptions AddCustomer(CustomerProfile profile)
    {
        _customers.Add(profile);
        return this;
    }

    /// <summary>
    /// Adds an escalation ladder under the id policies name it by (<see cref="AdvocacyPolicy.EscalationLadderId"/>).
    /// Once any ladder is added, every policy of the added catalogs must name an added one.
    /// </summary>
    /// <param name="id">The ladder id; unique.</param>
    /// <param name="ladder">The built ladder.</param>
    /// <returns>These options.</returns>
    public CustomerAdvocacyOptions AddEscalationLadder(string id, EscalationLadder ladder)
    {
        _ladders.Add(new KeyValuePair<string?, EscalationLadder?>(id, ladder));
        return this;
    }

    /// <summary>Keeps incidents in memory (the default): for tests and demos; everything is lost when the process ends.</summary>
    /// <returns>These options.</returns>
    public CustomerAdvocacyOptions UseInMemoryStore() => UseStore(_ => new InMemoryIncidentStore());

    /// <summary>
    /// Uses a store created once, on first use, by <paramref name="factory"/>: for example
    /// <c>UseStore(_ =&gt; new SqliteIncidentStore("Data Source=advocacy.db"))</c> from the CustomerAdvocacy.Sqlite
    /// package, or <c>new PostgreSqlIncidentStore(connectionString)</c> from CustomerAdvocacy.PostgreSql. The store
    /// packages do not depend on this one, so an application that stores incidents without a host does not take
    /// the hosting dependencies.
    /// </summary>
    /// <param name="factory">Creates the store from the host's services.</param>
    /// <returns>These options.</returns>
    public CustomerAdvocacyOptions UseStore(Func<IServiceProvider, IIncidentStore> factory)
    {
        StoreFactory = Preconditions.CheckNotNull(factory);
        return this;
    }
}
