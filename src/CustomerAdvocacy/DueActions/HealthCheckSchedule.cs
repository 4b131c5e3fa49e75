using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Scheduling;
using CustomerAdvocacy.Segmentation;
using NodaTime;

namespace CustomerAdvocacy.DueActions;

/// <summary>
/// A proactive health check ("checking the oil") for a customer outside any incident, on a <see cref="Cadence"/> in
/// the customer's calendar: each check falls due the cadence's interval of business time after the previous one (or
/// after <see cref="StartsAt"/>). Immutable.
/// </summary>
public sealed class HealthCheckSchedule
{
    /// <summary>Creates a schedule.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cadence">How often, in the customer's calendar.</param>
    /// <param name="startsAt">When the schedule starts counting.</param>
    /// <exception cref="ArgumentException"><paramref name="customerId"/> is blank.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="cadence"/> is null.</exception>
    public HealthCheckSchedule(string customerId, Cadence cadence, Instant startsAt)
    {
        CustomerId = Preconditions.CheckNotNullOrWhiteSpace(customerId);
        Cadence = Preconditions.CheckNotNull(cadence);
        StartsAt = Preconditions.CheckSupported(startsAt);
    }

    /// <summary>The customer.</summary>
    public string CustomerId { get; }

    /// <summary>How often, in the customer's calendar.</summary>
    public Cadence Cadence { get; }

    /// <summary>When the schedule starts counting.</summary>
    public Instant StartsAt { get; }

    /// <summary>When the next check is due, given the checks done so far.</summary>
    /// <param name="completedChecks">When the checks were done, in time order, none before <see cref="StartsAt"/>.</param>
    /// <returns>The due instant.</returns>
    /// <exception cref="ArgumentException"><paramref name="completedChecks"/> is out of order or starts too early.</exception>
    public Instant NextDue(IEnumerable<Instant> completedChecks) => Cadence.NextDue(StartsAt, completedChecks);

    /// <summary>The due item for the next check, for a <see cref="DueActionScheduler"/>.</summary>
    /// <param name="completedChecks">When the checks were done, in time order.</param>
    /// <returns>The item (no incident; the customer id as reference).</returns>
    public DueItem NextDueItem(IEnumerable<Instant> completedChecks) => new(null, DueItemKind.HealthCheck, CustomerId, NextDue(completedChecks));
}

/// <summary>How serious a health-check finding is.</summary>
public enum HealthFindingSeverity
{
    /// <summary>Worth noting; nothing to do now.</summary>
    Observation = 0,

    /// <summary>A risk to act on before it becomes an incident.</summary>
    Warning = 1,

    /// <summary>The customer is already affected.</summary>
    Critical = 2,
}

/// <summary>One finding of a health check.</summary>
public sealed record HealthCheckFinding
{
    /// <summary>Creates a finding.</summary>
    /// <param name="code">A stable code for the finding (for example <c>disk-space</c>); it makes the incident it opens idempotent.</param>
    /// <param name="summary">What was found.</param>
    /// <param name="severity">How serious it is.</param>
    /// <exception cref="ArgumentException"><paramref name="code"/> or <paramref name="summary"/> is blank.</exception>
    public HealthCheckFinding(string code, string summary, HealthFindingSeverity severity)
    {
        Code = Preconditions.CheckNotNullOrWhiteSpace(code);
        Summary = Preconditions.CheckNotNullOrWhiteSpace(summary);
        Severity = severity;
    }

    /// <summary>A stable code for the finding.</summary>
    public string Code { get; }

    /// <summary>What was found.</summary>
    public string Summary { get; }

    /// <summary>How serious it is.</summary>
    public HealthFindingSeverity Severity { get; }
}

/// <summary>A finding that opens an incident, with the command that opens it.</summary>
/// <param name="Finding">The finding.</param>
/// <param name="Command">The command for the incident engine.</param>
public sealed record HealthCheckIncident(HealthCheckFinding Finding, OpenIncident Command);

/// <summary>The result of one health check of a customer.</summary>
public sealed class HealthCheckResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="checkedAt">When the check was done.</param>
    /// <param name="findings">What was found (possibly nothing); no code twice.</param>
    /// <exception cref="ArgumentException"><paramref name="customerId"/> is blank, a finding is null or a code repeats.</exception>
    public HealthCheckResult(string customerId, Instant checkedAt, IEnumerable<HealthCheckFinding> findings)
    {
        CustomerId = Preconditions.CheckNotNullOrWhiteSpace(customerId);
        CheckedAt = checkedAt;
        var list = Preconditions.CheckNotNull(findings).ToArray();
        if (list.Any(f => f is null))
        {
            throw new ArgumentException("A finding is null.", nameof(findings));
        }

        if (list.GroupBy(f => f.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            throw new ArgumentException($"The finding code '{repeated.Key}' is used twice.", nameof(findings));
        }

        Findings = list;
    }

    /// <summary>The customer.</summary>
    public string CustomerId { get; }

    /// <summary>When the check was done.</summary>
    public Instant CheckedAt { get; }

    /// <summary>What was found.</summary>
    public IReadOnlyList<HealthCheckFinding> Findings { get; }

    /// <summary>
    /// The incidents to open: one per finding at or above <paramref name="threshold"/>. Incident and command ids are
    /// derived from the customer, the check instant and the finding code, so planning the same result twice gives the
    /// same commands and the engine opens each incident once.
    /// </summary>
    /// <param name="threshold">The least severity that opens an incident.</param>
    /// <param name="actor">Who opens them (provider staff).</param>
    /// <param name="accountableOwnerId">The accountable owner of the new incidents.</param>
    /// <param name="policy">The customer's segment policy.</param>
    /// <returns>The findings that open incidents, with their commands, in finding order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="policy"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="accountableOwnerId"/> is blank.</exception>
    public IReadOnlyList<HealthCheckIncident> IncidentsToOpen(HealthFindingSeverity threshold, Actor actor, string accountableOwnerId, PolicyReference policy)
    {
        Preconditions.CheckNotNull(actor);
        Preconditions.CheckNotNullOrWhiteSpace(accountableOwnerId);
        Preconditions.CheckNotNull(policy);
        return Findings
            .Where(f => f.Severity >= threshold)
            .Select(f =>
            {
                var name = $"health-check|{CustomerId}|{CheckedAt.ToUnixTimeTicks()}|{f.Code}";
                var command = new OpenIncident(
                    new IncidentId(DueActionPlanner.NameBasedGuid("incident|" + name)),
                    new CommandId(DueActionPlanner.NameBasedGuid("command|" + name)),
                    actor,
                    CustomerId,
                    accountableOwnerId,
                    policy,
                    null);
                return new HealthCheckIncident(f, command);
            })
            .ToArray();
    }
}
