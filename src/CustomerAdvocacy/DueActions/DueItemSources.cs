using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Escalation;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Planning;
using CustomerAdvocacy.Review;
using CustomerAdvocacy.Scheduling;

namespace CustomerAdvocacy.DueActions;

/// <summary>
/// The due items an incident's clocks, commitments and sub-processes (ladder time-out, trial reminders and end, review
/// deadline) need, for <see cref="DueActionScheduler.ReplaceIncident"/> after each command.
/// </summary>
public static class DueItemSources
{
    /// <summary>
    /// Everything due for an incident according to its own folded state: what a scheduler, a due index or a reminder
    /// re-arms after each accepted command. That is the open commitments' due instants and, for each running
    /// service-level deadline (first response, the pending update-cadence occurrence, resolution), its warning point
    /// until the warning is recorded and its due instant until the breach is recorded. An incident not opened yet has
    /// nothing due.
    /// </summary>
    /// <param name="incident">The incident's current state.</param>
    /// <returns>The items, in no particular order.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="incident"/> is null.</exception>
    public static IReadOnlyList<DueItem> ForIncident(Incident incident)
    {
        Preconditions.CheckNotNull(incident);
        if (incident.State is IncidentState.NotOpened)
        {
            return System.Array.Empty<DueItem>();
        }

        var items = new List<DueItem>(ForCommitments(incident.Id, incident.Commitments));
        var processes = incident.Processes;
        if (processes.Escalation is { } escalation)
        {
            items.AddRange(ForEscalation(escalation));
        }

        if (processes.MitigationTrial is { } trial)
        {
            items.AddRange(ForTrial(trial));
        }

        if (processes.ManagementReview is { State: not (ReviewState.Completed or ReviewState.NotStarted), DueAt: { } reviewDue })
        {
            items.Add(new DueItem(incident.Id, DueItemKind.ReviewDue, string.Empty, reviewDue));
        }

        if (incident.ServiceLevels is { } levels)
        {
            AddDeadline(items, incident.Id, levels.FirstResponse, DueItemReferences.FirstResponse);
            AddDeadline(items, incident.Id, levels.Update, DueItemReferences.Update);
            AddDeadline(items, incident.Id, levels.Resolution, DueItemReferences.Resolution);
        }

        return items;
    }

    /// <summary>
    /// A running mitigation trial's items: each reminder not sent yet, and its end (when the customer buys it, or it is
    /// switched off with the risk notice). An offered, declined, bought or switched-off trial needs none.
    /// </summary>
    /// <param name="trial">The incident's trial.</param>
    /// <returns>The reminders not sent yet and the end.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="trial"/> is null.</exception>
    public static IReadOnlyList<DueItem> ForTrial(MitigationTrial trial)
    {
        Preconditions.CheckNotNull(trial);
        if (trial is not { State: MitigationTrialState.Active, EndsAt: { } end })
        {
            return System.Array.Empty<DueItem>();
        }

        var items = trial.Reminders
            .Where(r => !trial.RemindersSent.Contains(r.DaysBeforeEnd))
            .Select(r => new DueItem(trial.IncidentId, DueItemKind.TrialReminder, r.DaysBeforeEnd.ToString(CultureInfo.InvariantCulture), r.DueAt))
            .ToList();
        items.Add(new DueItem(trial.IncidentId, DueItemKind.TrialEnd, DueItemReferences.MitigationTrial, end));
        return items;
    }

    /// <summary>The reference of a service-level kind's due items.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>One of <see cref="DueItemReferences"/>.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="kind"/> is not defined.</exception>
    public static string ReferenceOf(ServiceLevelKind kind) => kind switch
    {
        ServiceLevelKind.FirstResponse => DueItemReferences.FirstResponse,
        ServiceLevelKind.Update => DueItemReferences.Update,
        ServiceLevelKind.Resolution => DueItemReferences.Resolution,
        _ => throw new System.ArgumentOutOfRangeException(nameof(kind), kind, "Unknown service-level kind."),
    };

    private static void AddDeadline(List<DueItem> items, IncidentId incidentId, ServiceLevelDeadline deadline, string reference)
    {
        if (!deadline.IsRunning || deadline.Breached)
        {
            return;
        }

        if (!deadline.WarningRaised)
        {
            items.Add(new DueItem(incidentId, DueItemKind.SlaWarning, reference, deadline.Schedule.WarningAt));
        }

        items.Add(new DueItem(incidentId, DueItemKind.SlaBreach, reference, deadline.Schedule.Due));
    }

    /// <summary>
    /// An SLA clock's items while it runs: its warning point (unless already reached) and its due instant, also when that
    /// has passed (an overdue breach is due at once, so it is still recorded). A paused, stopped or cancelled clock needs none: a paused clock's due instant moves, so it is re-armed
    /// when it resumes.
    /// </summary>
    /// <param name="incidentId">The incident.</param>
    /// <param name="sla">Which SLA the clock measures.</param>
    /// <param name="reading">The clock read at the moment of re-arming.</param>
    /// <returns>Zero, one or two items.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="reading"/> is null.</exception>
    public static IReadOnlyList<DueItem> ForSla(IncidentId incidentId, SlaKind sla, SlaClockReading reading)
    {
        Preconditions.CheckNotNull(reading);
        var items = new List<DueItem>(2);
        if (reading.Status != SlaClockStatus.Running)
        {
            return items;
        }

        var reference = sla == SlaKind.FirstResponse ? DueItemReferences.FirstResponse : DueItemReferences.Update;
        if (!reading.IsWarningReached && reading.WarningAt < reading.Due)
        {
            items.Add(new DueItem(incidentId, DueItemKind.SlaWarning, reference, reading.WarningAt));
        }

        items.Add(new DueItem(incidentId, DueItemKind.SlaBreach, reference, reading.Due));
        return items;
    }

    /// <summary>The open commitments' due instants (delivered and already-missed commitments need none).</summary>
    /// <param name="incidentId">The incident.</param>
    /// <param name="commitments">The incident's commitments.</param>
    /// <returns>One item per open commitment.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="commitments"/> is null.</exception>
    public static IReadOnlyList<DueItem> ForCommitments(IncidentId incidentId, IEnumerable<Commitment> commitments)
        => Preconditions.CheckNotNull(commitments)
            .Where(c => c is { Status: CommitmentStatus.Open })
            .Select(c => new DueItem(incidentId, DueItemKind.CommitmentDue, c.Id, c.Due))
            .ToArray();

    /// <summary>The escalation's ladder time-out while it is escalating; nothing when calm, acknowledged or exhausted.</summary>
    /// <param name="status">The incident's escalation.</param>
    /// <returns>No item or one.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="status"/> is null.</exception>
    public static IReadOnlyList<DueItem> ForEscalation(EscalationStatus status) => DueActionPlanner.EscalationDueItems(status);
}
