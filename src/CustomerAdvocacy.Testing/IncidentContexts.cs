using System.Threading;
using System.Threading.Tasks;
using CustomerAdvocacy.Engine;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Scheduling;
using CustomerAdvocacy.Segmentation;
using NodaTime;

namespace CustomerAdvocacy.Testing;

/// <summary>Ready-made decision contexts for tests: a London office calendar and a standard policy.</summary>
public static class IncidentContexts
{
    /// <summary>Monday to Friday, 09:00 to 17:30, in Europe/London (with its real daylight-saving transitions).</summary>
    public static BusinessCalendar LondonOffice { get; } = new BusinessCalendarBuilder("Europe/London")
        .WithName("London office")
        .AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 30))
        .Build();

    /// <summary>
    /// A policy in business time: first response within 4 hours, an update every 8 hours, resolution within 80 hours.
    /// </summary>
    public static AdvocacyPolicy StandardPolicy { get; } = new(Duration.FromHours(4), Duration.FromHours(8), Duration.FromHours(80), TargetClock.BusinessTime, "standard-ladder");

    /// <summary>The <see cref="StandardPolicy"/> in the <see cref="LondonOffice"/> calendar.</summary>
    public static IncidentContext Standard { get; } = new(StandardPolicy, LondonOffice);
}

/// <summary>An <see cref="IIncidentContextProvider"/> that gives every customer and policy the same context.</summary>
public sealed class FixedIncidentContextProvider : IIncidentContextProvider
{
    /// <summary>Creates a provider.</summary>
    /// <param name="context">The context to give.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="context"/> is null.</exception>
    public FixedIncidentContextProvider(IncidentContext context)
        => Context = context ?? throw new System.ArgumentNullException(nameof(context));

    /// <summary>A provider of <see cref="IncidentContexts.Standard"/>.</summary>
    public static FixedIncidentContextProvider Standard { get; } = new(IncidentContexts.Standard);

    /// <summary>The context given.</summary>
    public IncidentContext Context { get; }

    /// <inheritdoc />
    public ValueTask<IncidentContext> GetContextAsync(string customerId, PolicyReference policy, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<IncidentContext>(Context);
    }
}
