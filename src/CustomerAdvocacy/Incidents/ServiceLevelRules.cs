using System;
using System.Linq;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Scheduling;
using CustomerAdvocacy.Segmentation;
using NodaTime;

namespace CustomerAdvocacy.Incidents;

/// <summary>
/// The decider's rules for service levels: the deadlines started at the opening, the update cadence as a repeating
/// commitment, and the warnings and breaches a due-action sweep records. Every instant is computed here, from the
/// context's policy and calendar, and written into the events.
/// </summary>
internal static class ServiceLevelRules
{
    /// <summary>The deadlines of a new incident, counted from its opening.</summary>
    internal static ServiceLevelsStarted Start(EventMetadata metadata, IncidentContext context, Instant openedAt)
    {
        var policy = context.Policy;
        return new ServiceLevelsStarted(
            metadata,
            ServiceLevelSchedule.Start(Target(policy.FirstResponseTarget, policy.Clock), context.Calendar, openedAt),
            NextUpdate(context, openedAt),
            ServiceLevelSchedule.Start(Target(policy.ResolutionTarget, policy.Clock), context.Calendar, openedAt));
    }

    /// <summary>
    /// Schedules the next cadence occurrence when the cadence ended (the customer had confirmed) and work goes on:
    /// the customer keeps hearing from us until the incident closes.
    /// </summary>
    internal static void ResumeCadence(Incident incident, IncidentContext context, Instant now, IncidentDecider.EventFactory events)
    {
        if (incident.ServiceLevels is { IsCadenceRunning: false } levels)
        {
            events.Add(new UpdateScheduled(events.Next, levels.Update.Occurrence + 1, NextUpdate(context, now)));
        }
    }

    internal static Rejection? DecideUpdate(Incident incident, SendCustomerUpdate command, IncidentContext context, Instant now, IncidentDecider.EventFactory events)
    {
        var recipients = (command.Recipients ?? Array.Empty<string>()).Where(r => !string.IsNullOrWhiteSpace(r)).Distinct(StringComparer.Ordinal).ToArray();
        if (recipients.Length == 0)
        {
            return new RuleBroken(IncidentRules.CustomerUpdateNeedsRecipients, "An update to the customer names who it goes to.");
        }

        events.Add(new CustomerUpdateSent(events.Next, EquatableList<string>.Wrap(recipients)));
        if (incident.ServiceLevels is { IsCadenceRunning: true } levels)
        {
            // The next occurrence counts from this update, not from the one it delivered: a consistent interval between updates.
            events.Add(new UpdateScheduled(events.Next, levels.Update.Occurrence + 1, NextUpdate(context, now)));
        }

        return null;
    }

    internal static Rejection? DecideWarning(Incident incident, RecordServiceLevelWarning command, Instant now, IncidentDecider.EventFactory events)
    {
        if (Find(incident, command.Kind, out var deadline) is { } missing)
        {
            return missing;
        }

        if (!deadline.IsWarningDue(now))
        {
            return NotDue(deadline, "warning", deadline.WarningRaised || deadline.Breached, deadline.Schedule.WarningAt);
        }

        events.Add(new ServiceLevelWarningRaised(events.Next, deadline.Kind, deadline.Occurrence, deadline.Schedule.WarningAt));
        return null;
    }

    internal static Rejection? DecideBreach(Incident incident, RecordServiceLevelBreach command, IncidentContext context, Instant now, IncidentDecider.EventFactory events)
    {
        if (Find(incident, command.Kind, out var deadline) is { } missing)
        {
            return missing;
        }

        if (!deadline.IsBreachDue(now))
        {
            return NotDue(deadline, "breach", deadline.Breached, deadline.Schedule.Due);
        }

        events.Add(new ServiceLevelBreached(events.Next, deadline.Kind, deadline.Occurrence, deadline.Schedule.Due));
        if (deadline.Kind == ServiceLevelKind.Update)
        {
            // A missed occurrence does not stop the cadence: the next one counts from the missed due instant, so a late
            // sweep records every missed occurrence in turn rather than one for the whole silence.
            events.Add(new UpdateScheduled(events.Next, deadline.Occurrence + 1, NextUpdate(context, deadline.Schedule.Due)));
        }

        return null;
    }

    private static RuleBroken? Find(Incident incident, ServiceLevelKind kind, out ServiceLevelDeadline deadline)
    {
        deadline = null!;
        if (kind is not (ServiceLevelKind.FirstResponse or ServiceLevelKind.Update or ServiceLevelKind.Resolution))
        {
            return new RuleBroken(IncidentRules.ServiceLevelMustBeDue, $"'{kind}' is not a known service level.");
        }

        if (incident.ServiceLevels is not { } levels)
        {
            return new RuleBroken(IncidentRules.ServiceLevelMustBeDue, "The incident tracks no service levels.");
        }

        deadline = levels.Of(kind);
        return deadline.IsRunning ? null : new RuleBroken(IncidentRules.ServiceLevelMustBeDue, $"The {kind} deadline no longer runs.");
    }

    private static RuleBroken NotDue(ServiceLevelDeadline deadline, string what, bool recorded, Instant at)
        => new(
            IncidentRules.ServiceLevelMustBeDue,
            recorded
                ? $"The {what} of the {deadline.Kind} deadline (occurrence {deadline.Occurrence}) is already recorded."
                : $"The {what} of the {deadline.Kind} deadline (occurrence {deadline.Occurrence}) is not due before {at}.");

    private static ServiceLevelSchedule NextUpdate(IncidentContext context, Instant from)
        => ServiceLevelSchedule.Start(Target(context.Policy.UpdateCadence, context.Policy.Clock), context.Calendar, from);

    private static SlaTarget Target(Duration duration, TargetClock clock)
        => clock == TargetClock.AroundTheClock ? SlaTarget.AroundTheClock(duration) : SlaTarget.InBusinessTime(duration);
}
