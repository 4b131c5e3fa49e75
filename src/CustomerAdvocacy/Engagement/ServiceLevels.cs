using System;
using CustomerAdvocacy.Scheduling;
using NodaTime;

namespace CustomerAdvocacy.Engagement;

/// <summary>Which responsiveness target of the policy a deadline measures.</summary>
public enum ServiceLevelKind
{
    /// <summary>The first response to the customer after the incident is opened.</summary>
    FirstResponse = 0,

    /// <summary>One occurrence of the update cadence: the customer hears from us at least this often.</summary>
    Update = 1,

    /// <summary>The resolution (get-well) target: the incident is closed by then.</summary>
    Resolution = 2,
}

/// <summary>
/// When a service-level deadline was computed from, when its warning point is and when it is due. Decide computes it
/// in the customer's calendar (or around the clock in the customer's zone) and writes it into the events, so folding
/// them never needs the calendar.
/// </summary>
/// <param name="CountedFrom">The instant the target started counting (the opening, the last update, the missed occurrence).</param>
/// <param name="WarningAt">The instant the warning share of the target is used up.</param>
/// <param name="Due">The instant the target is used up: from then on it is breached unless met.</param>
public sealed record ServiceLevelSchedule(Instant CountedFrom, Instant WarningAt, Instant Due)
{
    /// <summary>
    /// Computes a schedule with an SLA clock started at <paramref name="from"/>: the clock's due instant and warning point
    /// as read at its start.
    /// </summary>
    /// <param name="target">The target (its measure decides business time or around the clock).</param>
    /// <param name="customerCalendar">The customer's business calendar.</param>
    /// <param name="from">When the target starts counting.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ServiceLevelSchedule Start(SlaTarget target, BusinessCalendar customerCalendar, Instant from)
    {
        var reading = SlaClock.Start(Preconditions.CheckNotNull(target), Preconditions.CheckNotNull(customerCalendar), from).Evaluate(from);
        return new ServiceLevelSchedule(from, reading.WarningAt, reading.Due);
    }
}

/// <summary>
/// One service-level deadline of an incident, as its events left it: the schedule, whether the warning and the breach
/// were recorded, and when it stopped (met by a response, ended by the customer's confirmation or the closing).
/// </summary>
/// <param name="Kind">Which target it measures.</param>
/// <param name="Occurrence">For <see cref="ServiceLevelKind.Update"/>, the cadence occurrence (from 1); 0 otherwise.</param>
/// <param name="Schedule">When it counts from, warns and is due.</param>
public sealed record ServiceLevelDeadline(ServiceLevelKind Kind, int Occurrence, ServiceLevelSchedule Schedule)
{
    /// <summary>Whether the warning was recorded (<see cref="Incidents.ServiceLevelWarningRaised"/>).</summary>
    public bool WarningRaised { get; init; }

    /// <summary>Whether the breach was recorded (<see cref="Incidents.ServiceLevelBreached"/>).</summary>
    public bool Breached { get; init; }

    /// <summary>When the deadline stopped counting; <see langword="null"/> while it runs.</summary>
    public Instant? StoppedAt { get; init; }

    /// <summary>Whether it still counts.</summary>
    public bool IsRunning => StoppedAt is null;

    /// <summary>Whether its warning is due at <paramref name="now"/> and not yet recorded (nor made moot by a breach).</summary>
    /// <param name="now">The instant to check at.</param>
    /// <returns><see langword="true"/> when a warning may be recorded now.</returns>
    public bool IsWarningDue(Instant now) => IsRunning && !WarningRaised && !Breached && now >= Schedule.WarningAt;

    /// <summary>
    /// Whether its breach is due at <paramref name="now"/> and not yet recorded. The due instant itself counts as
    /// breached, as a commitment counts as missed at its due instant, so a sweep that runs exactly then records it.
    /// </summary>
    /// <param name="now">The instant to check at.</param>
    /// <returns><see langword="true"/> when a breach may be recorded now.</returns>
    public bool IsBreachDue(Instant now) => IsRunning && !Breached && now >= Schedule.Due;
}

/// <summary>
/// Where an incident stands against its policy's responsiveness targets: the first-response deadline, the current
/// occurrence of the update cadence and the resolution deadline. Part of the folded <see cref="Incidents.Incident"/>:
/// the one source of truth for due-action planning, escalation and reporting.
/// </summary>
/// <param name="FirstResponse">Started at the opening; stopped by the first update sent to the customer.</param>
/// <param name="Update">
/// The current (or last) cadence occurrence. Each update delivers it and schedules the next; a missed one is recorded as
/// breached and the next is scheduled anyway. The cadence ends when the customer confirms the resolution (and resumes
/// if work goes back to execution), and at the closing at the latest.
/// </param>
/// <param name="Resolution">Started at the opening; stopped at the closing.</param>
public sealed record IncidentServiceLevels(ServiceLevelDeadline FirstResponse, ServiceLevelDeadline Update, ServiceLevelDeadline Resolution)
{
    /// <summary>How many cadence occurrences an update delivered.</summary>
    public int UpdatesDelivered { get; init; }

    /// <summary>How many cadence occurrences were missed (recorded as breached).</summary>
    public int UpdatesMissed { get; init; }

    /// <summary>Whether a cadence occurrence is pending (the cadence has not ended).</summary>
    public bool IsCadenceRunning => Update.IsRunning;

    /// <summary>The deadline of a kind.</summary>
    /// <param name="kind">Which one.</param>
    /// <returns>The deadline.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not defined.</exception>
    public ServiceLevelDeadline Of(ServiceLevelKind kind) => kind switch
    {
        ServiceLevelKind.FirstResponse => FirstResponse,
        ServiceLevelKind.Update => Update,
        ServiceLevelKind.Resolution => Resolution,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown service-level kind."),
    };

    /// <summary>A copy with the deadline of <paramref name="deadline"/>'s kind replaced.</summary>
    internal IncidentServiceLevels With(ServiceLevelDeadline deadline) => deadline.Kind switch
    {
        ServiceLevelKind.FirstResponse => this with { FirstResponse = deadline },
        ServiceLevelKind.Update => this with { Update = deadline },
        _ => this with { Resolution = deadline },
    };
}
