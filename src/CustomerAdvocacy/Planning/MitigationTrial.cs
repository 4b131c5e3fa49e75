using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Kernel;
using NodaTime;

namespace CustomerAdvocacy.Planning;

/// <summary>
/// A mitigation trial: the service the customer lacked, offered on trial with the ROI case from the incident's impact;
/// at the end the customer buys it, or it is switched off and the risk notice recorded. Immutable; the fold of its
/// <see cref="MitigationTrialEvent"/>s.
/// </summary>
public sealed record MitigationTrial
{
    private MitigationTrial(IncidentId incidentId) => IncidentId = incidentId;

    /// <summary>The incident whose impact argues for the mitigation.</summary>
    public IncidentId IncidentId { get; }

    /// <summary>The version of the last event applied; 0 before any.</summary>
    public long Version { get; private init; }

    /// <summary>Where the trial stands.</summary>
    public MitigationTrialState State { get; private init; }

    /// <summary>The service on trial, once offered.</summary>
    public string? Service { get; private init; }

    /// <summary>How long the trial runs, once offered.</summary>
    public TrialLength Length { get; private init; }

    /// <summary>When to remind before the end, in trial days.</summary>
    public IReadOnlyList<int> ReminderDaysBeforeEnd { get; private init; } = EquatableList<int>.Empty;

    /// <summary>The ROI case, once offered.</summary>
    public MitigationRoiCase? RoiCase { get; private init; }

    /// <summary>When the trial started, once accepted.</summary>
    public Instant? StartedAt { get; private init; }

    /// <summary>When the trial ends, once accepted.</summary>
    public Instant? EndsAt { get; private init; }

    /// <summary>The reminders before the end, in due order, once accepted.</summary>
    public IReadOnlyList<TrialReminder> Reminders { get; private init; } = EquatableList<TrialReminder>.Empty;

    /// <summary>The reminders sent, by days before the end.</summary>
    public IReadOnlyList<int> RemindersSent { get; private init; } = EquatableList<int>.Empty;

    /// <summary>The risk notice given when the trial was switched off.</summary>
    public string? RiskNotice { get; private init; }

    /// <summary>The commands applied, for idempotency.</summary>
    public IReadOnlyList<CommandId> AppliedCommands { get; private init; } = EquatableList<CommandId>.Empty;

    /// <summary>
    /// What is due by <paramref name="now"/>: the unsent reminders whose instant has come, while the trial runs. A host
    /// (or the due-action scheduler) issues a <see cref="RemindMitigationTrialEnd"/> for each.
    /// </summary>
    /// <param name="now">The instant.</param>
    /// <returns>The due reminders, in due order.</returns>
    public IEnumerable<TrialReminder> DueReminders(Instant now)
        => State == MitigationTrialState.Active
            ? Reminders.Where(r => r.DueAt <= now && !RemindersSent.Contains(r.DaysBeforeEnd))
            : Enumerable.Empty<TrialReminder>();

    /// <summary>A trial not yet offered.</summary>
    /// <param name="incidentId">The incident.</param>
    /// <returns>The trial before any event.</returns>
    public static MitigationTrial Start(IncidentId incidentId) => new(incidentId);

    /// <summary>Folds events into a trial.</summary>
    /// <param name="incidentId">The incident.</param>
    /// <param name="events">The trial's events, in order.</param>
    /// <returns>The trial.</returns>
    public static MitigationTrial Replay(IncidentId incidentId, IEnumerable<MitigationTrialEvent> events)
        => Preconditions.CheckNotNull(events).Aggregate(Start(incidentId), Evolve);

    /// <summary>Applies one event. Replay never uses the state machine.</summary>
    /// <param name="trial">The state before the event.</param>
    /// <param name="event">The next event; its version must follow the state's.</param>
    /// <returns>The state after the event.</returns>
    /// <exception cref="ArgumentException">The event belongs to another incident or is out of order.</exception>
    public static MitigationTrial Evolve(MitigationTrial trial, MitigationTrialEvent @event)
    {
        Preconditions.CheckNotNull(trial);
        Preconditions.CheckNotNull(@event);
        var m = @event.Metadata;
        if (m.IncidentId != trial.IncidentId || m.Version != trial.Version + 1)
        {
            throw new ArgumentException($"Event {m.IncidentId}@{m.Version} does not follow trial {trial.IncidentId}@{trial.Version}.", nameof(@event));
        }

        var commands = (EquatableList<CommandId>)trial.AppliedCommands;
        var state = TriggerOf(@event) is { } trigger
            ? MitigationTrialDecider.Definition.Follow(trial.State, trigger, @event.EventType)
            : throw new ArgumentException($"Unknown trial event {@event.EventType}.", nameof(@event));
        var next = trial with { Version = m.Version, AppliedCommands = commands.AddIfAbsent(m.CommandId), State = state };
        return @event switch
        {
            MitigationTrialOffered e => next with
            {
                Service = e.Service,
                Length = e.Length,
                ReminderDaysBeforeEnd = EquatableList<int>.From(e.ReminderDaysBeforeEnd),
                RoiCase = e.RoiCase,
            },
            MitigationTrialStarted e => next with
            {
                StartedAt = e.StartedAt,
                EndsAt = e.EndsAt,
                Reminders = EquatableList<TrialReminder>.From(e.Reminders),
            },
            MitigationTrialDeclined or MitigationPurchased => next,
            MitigationTrialReminded e => next with { RemindersSent = ((EquatableList<int>)next.RemindersSent).Add(e.DaysBeforeEnd) },
            MitigationTrialSwitchedOff e => next with { RiskNotice = e.RiskNotice },
            _ => throw new ArgumentException($"Unknown trial event {@event.EventType}.", nameof(@event)),
        };
    }

    /// <summary>The trigger an event records: the state it leaves comes from the definition.</summary>
    private static MitigationTrialTrigger? TriggerOf(MitigationTrialEvent @event) => @event switch
    {
        MitigationTrialOffered => MitigationTrialTrigger.Offer,
        MitigationTrialStarted => MitigationTrialTrigger.Accept,
        MitigationTrialDeclined => MitigationTrialTrigger.Decline,
        MitigationTrialReminded => MitigationTrialTrigger.Remind,
        MitigationPurchased => MitigationTrialTrigger.Purchase,
        MitigationTrialSwitchedOff => MitigationTrialTrigger.SwitchOff,
        _ => null,
    };

    /// <summary>The same state carried to a stream version, so the next event decided for it follows the incident's last event.</summary>
    internal MitigationTrial AtVersion(long version) => this with { Version = version };
}
