using System;
using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Scheduling;
using CustomerAdvocacy.Segmentation;
using NodaTime;

namespace CustomerAdvocacy.Testing;

/// <summary>
/// An <see cref="IIncidentContextProvider"/> that gives every incident the same context, for tests and examples whose
/// incidents share one customer calendar and policy.
/// </summary>
public sealed class FixedIncidentContextProvider : IIncidentContextProvider
{
    /// <summary>A context with a plain policy (business-time targets, no dry run) and the UTC around-the-clock calendar, and no sub-process definitions.</summary>
    public static IncidentContext DefaultContext { get; } = new(
        new AdvocacyPolicy(Duration.FromHours(4), Duration.FromHours(8), Duration.FromDays(5), TargetClock.BusinessTime, "default-ladder"),
        BusinessCalendar.AroundTheClockUtc);

    /// <summary>Creates a provider that answers <see cref="DefaultContext"/>.</summary>
    public FixedIncidentContextProvider()
        : this(DefaultContext)
    {
    }

    /// <summary>Creates a provider that answers <paramref name="context"/>.</summary>
    /// <param name="context">The context of every incident.</param>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is null.</exception>
    public FixedIncidentContextProvider(IncidentContext context) => Context = context ?? throw new ArgumentNullException(nameof(context));

    /// <summary>The context every incident gets.</summary>
    public IncidentContext Context { get; }

    /// <inheritdoc />
    public ValueTask<IncidentContext> GetContextAsync(string customerId, PolicyReference policy, CancellationToken cancellationToken)
        => new(Context);
}
