using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Scheduling;
using NodaTime;

namespace CustomerAdvocacy.Planning;

/// <summary>
/// Decides mitigation-trial commands: trial + command + the customer's calendar + now → events or a typed rejection.
/// The trial's states and triggers are a Stateless machine defined once (<see cref="Definition"/>), whose
/// permissions and destinations are a table computed once by firing it, as the incident lifecycle's are; the trial's
/// fold reads the same table. Pure and thread-safe.
/// </summary>
internal static class MitigationTrialDecider
{
    private static readonly IncidentRole[] Staff =
    {
        IncidentRole.AccountableOwner, IncidentRole.Engineer, IncidentRole.ServiceManager, IncidentRole.SeniorManager, IncidentRole.Executive,
    };

    internal static ProcessMachine<MitigationTrialState, MitigationTrialTrigger> Definition { get; } = new(new[]
    {
        (MitigationTrialState.NotOffered, MitigationTrialTrigger.Offer, MitigationTrialState.Offered),
        (MitigationTrialState.Offered, MitigationTrialTrigger.Accept, MitigationTrialState.Active),
        (MitigationTrialState.Offered, MitigationTrialTrigger.Decline, MitigationTrialState.Declined),
        (MitigationTrialState.Active, MitigationTrialTrigger.Remind, MitigationTrialState.Active),
        (MitigationTrialState.Active, MitigationTrialTrigger.Purchase, MitigationTrialState.Purchased),
        (MitigationTrialState.Active, MitigationTrialTrigger.SwitchOff, MitigationTrialState.SwitchedOff),
    });

    /// <summary>Whether <paramref name="role"/> may fire <paramref name="trigger"/>: the customer accepts, declines and buys; our staff do the rest.</summary>
    /// <param name="role">The role.</param>
    /// <param name="trigger">The trigger.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    public static bool IsAllowed(IncidentRole role, MitigationTrialTrigger trigger)
        => trigger is MitigationTrialTrigger.Accept or MitigationTrialTrigger.Decline or MitigationTrialTrigger.Purchase
            ? role.IsCustomer()
            : Staff.Contains(role);

    /// <summary>Decides a command against a trial.</summary>
    /// <param name="trial">The trial's current state.</param>
    /// <param name="command">The command; it must be for the same incident.</param>
    /// <param name="calendar">The customer's business calendar: its zone counts calendar days, its hours business days.</param>
    /// <param name="now">The current instant, from the host's clock.</param>
    /// <returns>The events to record, or the rejection.</returns>
    /// <exception cref="ArgumentException">The command is for another incident.</exception>
    public static ProcessDecision<MitigationTrialEvent> Decide(MitigationTrial trial, MitigationTrialCommand command, BusinessCalendar calendar, Instant now)
    {
        Preconditions.CheckNotNull(trial);
        Preconditions.CheckNotNull(command);
        Preconditions.CheckNotNull(calendar);
        if (command.IncidentId != trial.IncidentId)
        {
            throw new ArgumentException($"Command for incident {command.IncidentId} decided against the trial of {trial.IncidentId}.", nameof(command));
        }

        if (trial.AppliedCommands.Contains(command.CommandId))
        {
            return new ProcessAccepted<MitigationTrialEvent>(Array.Empty<MitigationTrialEvent>());
        }

        var role = command.Actor.Role;
        if (!IsAllowed(role, command.TrialTrigger))
        {
            return Reject(new NotAuthorized<MitigationTrialTrigger>(role, command.TrialTrigger, $"The role {role} may not {command.TrialTrigger} a mitigation trial."));
        }

        if (!Definition.CanFire(trial.State, command.TrialTrigger))
        {
            return Reject(new NotPermittedInState<MitigationTrialState, MitigationTrialTrigger>(trial.State, command.TrialTrigger));
        }

        var metadata = new EventMetadata(trial.IncidentId, trial.Version + 1, now, command.Actor, command.CommandId);
        MitigationTrialEvent? accepted = null;
        var broken = command switch
        {
            OfferMitigationTrial c => Offer(c, metadata, out accepted),
            AcceptMitigationTrial => Accept(trial, calendar, metadata, out accepted),
            DeclineMitigationTrial c => string.IsNullOrWhiteSpace(c.Reason)
                ? new RuleBroken(MitigationTrialRules.TextRequired, "A declined offer states why.")
                : Set(new MitigationTrialDeclined(metadata, c.Reason), out accepted),
            RemindMitigationTrialEnd c => trial.DueReminders(now).Any(r => r.DaysBeforeEnd == c.DaysBeforeEnd)
                ? Set(new MitigationTrialReminded(metadata, c.DaysBeforeEnd), out accepted)
                : new RuleBroken(MitigationTrialRules.ReminderDue, $"No reminder {c.DaysBeforeEnd} days before the end is due and unsent."),
            PurchaseMitigation => Set(new MitigationPurchased(metadata), out accepted),
            SwitchOffMitigationTrial c => SwitchOff(trial, c, now, metadata, out accepted),
            _ => new RuleBroken(MitigationTrialRules.TextRequired, $"Unknown command {command.GetType().Name}."),
        };
        return broken is null && accepted is not null
            ? new ProcessAccepted<MitigationTrialEvent>(new[] { accepted })
            : Reject(broken!);
    }

    private static RuleBroken? Offer(OfferMitigationTrial c, EventMetadata metadata, out MitigationTrialEvent? accepted)
    {
        accepted = null;
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(c.Service))
        {
            problems.Add("the offer names the service");
        }

        if (c.Length.Days <= 0)
        {
            problems.Add("the trial lasts at least one day");
        }

        if (c.RoiCase is null)
        {
            problems.Add("the offer carries the ROI case");
        }
        else
        {
            problems.AddRange(c.RoiCase.Problems.Select(p => p.ToString()));
        }

        var reminders = c.ReminderDaysBeforeEnd ?? Array.Empty<int>();
        if (reminders.Any(d => d <= 0 || d >= c.Length.Days) || reminders.Distinct().Count() != reminders.Count)
        {
            problems.Add("each reminder is a distinct number of days between 1 and the trial's length − 1");
        }

        if (problems.Count > 0)
        {
            return new RuleBroken(MitigationTrialRules.OfferComplete, string.Join("; ", problems) + ".");
        }

        accepted = new MitigationTrialOffered(metadata, c.Service, c.Length, EquatableList<int>.From(reminders.OrderByDescending(d => d)), c.RoiCase!);
        return null;
    }

    private static RuleBroken? Accept(MitigationTrial trial, BusinessCalendar calendar, EventMetadata metadata, out MitigationTrialEvent? accepted)
    {
        var start = metadata.OccurredAt;
        var length = trial.Length;
        var reminders = trial.ReminderDaysBeforeEnd
            .Select(d => new TrialReminder(d, length.After(calendar, start, length.Days - d)))
            .OrderBy(r => r.DueAt);
        accepted = new MitigationTrialStarted(metadata, start, length.After(calendar, start, length.Days), EquatableList<TrialReminder>.From(reminders));
        return null;
    }

    private static RuleBroken? SwitchOff(MitigationTrial trial, SwitchOffMitigationTrial c, Instant now, EventMetadata metadata, out MitigationTrialEvent? accepted)
    {
        accepted = null;
        if (string.IsNullOrWhiteSpace(c.RiskNotice))
        {
            return new RuleBroken(MitigationTrialRules.SwitchOffAtEndWithRiskNotice, "Switching off records what the customer was told about the returning risk.");
        }

        if (trial.EndsAt is { } end && now < end)
        {
            return new RuleBroken(MitigationTrialRules.SwitchOffAtEndWithRiskNotice, $"The trial runs until {end}; it is switched off only at its end.");
        }

        accepted = new MitigationTrialSwitchedOff(metadata, c.RiskNotice);
        return null;
    }

    private static RuleBroken? Set(MitigationTrialEvent @event, out MitigationTrialEvent? accepted)
    {
        accepted = @event;
        return null;
    }

    private static ProcessRejected<MitigationTrialEvent> Reject(Rejection reason) => new(reason);
}
