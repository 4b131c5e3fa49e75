using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Escalation;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Planning;

namespace CustomerAdvocacy.DueActions;

/// <summary>What a host does about an item that fell due.</summary>
public enum DueActionKind
{
    /// <summary>Apply the <see cref="DueAction.IncidentCommand"/> (a <see cref="RecordEscalationTimeOut"/>): record a ladder time-out.</summary>
    Escalate = 0,

    /// <summary>Apply the <see cref="DueAction.IncidentCommand"/>: record the commitment as missed.</summary>
    MarkMissed = 1,

    /// <summary>
    /// Remind: record a trial reminder with the <see cref="DueAction.IncidentCommand"/>; for a trial ending or a review
    /// due, remind the owner (no command: the customer buys or the trial is switched off, the review is done by people).
    /// </summary>
    Remind = 2,

    /// <summary>Run the customer's proactive health check (see <see cref="HealthCheckSchedule"/>); no command.</summary>
    RunHealthCheck = 3,

    /// <summary>
    /// Apply the <see cref="DueAction.IncidentCommand"/>: record an SLA warning or breach
    /// (<see cref="RecordServiceLevelWarning"/>, <see cref="RecordServiceLevelBreach"/>); escalation follows from the
    /// recorded event.
    /// </summary>
    RecordServiceLevel = 4,
}

/// <summary>What to do about one due item: the kind of action and, where there is one, the command to apply.</summary>
/// <param name="Item">The item that fell due.</param>
/// <param name="Kind">What to do.</param>
/// <param name="IncidentCommand">The command to execute through <see cref="Engine.IncidentEngine.ExecuteAsync"/>, whatever its kind (an escalation command is one too), or <see langword="null"/> when people must act.</param>
/// <param name="Description">What is due, in words.</param>
public sealed record DueAction(DueItem Item, DueActionKind Kind, IncidentCommand? IncidentCommand, string Description);

/// <summary>
/// Turns due items into actions and commands, issued by the host's scheduler actor. The command id is derived from
/// the item (key and due instant), so a sweep repeated after a crash issues the same ids and the engine records each
/// command once. Immutable and thread-safe.
/// </summary>
public sealed class DueActionPlanner
{
    /// <summary>Creates a planner.</summary>
    /// <param name="actor">Who the commands are issued as: a provider staff role (for example the host's service account as <see cref="IncidentRole.ServiceManager"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is null.</exception>
    public DueActionPlanner(Actor actor) => Actor = Preconditions.CheckNotNull(actor);

    /// <summary>Who the commands are issued as.</summary>
    public Actor Actor { get; }

    /// <summary>Plans several items, in the order given.</summary>
    /// <param name="items">The items (typically <see cref="DueActionScheduler.TakeDue"/>'s result).</param>
    /// <returns>One action per item.</returns>
    /// <exception cref="ArgumentException">An item cannot be planned (see <see cref="Plan(DueItem)"/>).</exception>
    public IReadOnlyList<DueAction> Plan(IEnumerable<DueItem> items) => Preconditions.CheckNotNull(items).Select(Plan).ToArray();

    /// <summary>Plans one item.</summary>
    /// <param name="item">The item.</param>
    /// <returns>The action.</returns>
    /// <exception cref="ArgumentException">An incident item without an incident, an SLA item whose reference is not
    /// one of <see cref="DueItemReferences"/>, or a commitment without its id.</exception>
    public DueAction Plan(DueItem item)
    {
        var key = item.Key;
        var id = CommandIdFor(item);
        switch (key.Kind)
        {
            case DueItemKind.SlaWarning:
            case DueItemKind.SlaBreach:
                {
                    var kind = key.Reference switch
                    {
                        DueItemReferences.FirstResponse => ServiceLevelKind.FirstResponse,
                        DueItemReferences.Update => ServiceLevelKind.Update,
                        DueItemReferences.Resolution => ServiceLevelKind.Resolution,
                        _ => throw new ArgumentException($"The SLA item {key} names no known SLA.", nameof(item)),
                    };
                    if (key.Kind == DueItemKind.SlaBreach)
                    {
                        return new DueAction(item, DueActionKind.RecordServiceLevel, new RecordServiceLevelBreach(Incident(item), id, Actor, kind), $"The {key.Reference} target was due at {item.Due}.");
                    }

                    return new DueAction(item, DueActionKind.RecordServiceLevel, new RecordServiceLevelWarning(Incident(item), id, Actor, kind), $"The {key.Reference} target reached its warning point at {item.Due}.");
                }

            case DueItemKind.LadderTimeOut:
                {
                    var timeOut = new RecordEscalationTimeOut(Incident(item), id, Actor);
                    return new DueAction(item, DueActionKind.Escalate, timeOut, $"The escalation rung timed out at {item.Due}.");
                }

            case DueItemKind.CommitmentDue:
                if (key.Reference.Length == 0)
                {
                    throw new ArgumentException($"The commitment item {key} has no commitment id.", nameof(item));
                }

                return new DueAction(item, DueActionKind.MarkMissed, new RecordCommitmentMissed(Incident(item), id, Actor, key.Reference), $"The commitment '{key.Reference}' was due at {item.Due}.");

            case DueItemKind.TrialReminder:
                {
                    if (!int.TryParse(key.Reference, NumberStyles.None, CultureInfo.InvariantCulture, out var days))
                    {
                        throw new ArgumentException($"The trial reminder {key} does not name its days before the end.", nameof(item));
                    }

                    return new DueAction(item, DueActionKind.Remind, new RemindMitigationTrialEnd(Incident(item), id, Actor, days), $"The trial ends in {days} days: remind the customer (due {item.Due}).");
                }

            case DueItemKind.TrialEnd:
                return new DueAction(item, DueActionKind.Remind, null, $"The trial '{key.Reference}' ends at {item.Due}: the customer buys it, or it is switched off and the risk notice recorded.");

            case DueItemKind.ReviewDue:
                return new DueAction(item, DueActionKind.Remind, null, $"The internal management review is due at {item.Due}.");

            case DueItemKind.HealthCheck:
                return new DueAction(item, DueActionKind.RunHealthCheck, null, $"The health check of customer '{key.Reference}' is due at {item.Due}.");

            default:
                throw new ArgumentException($"Unknown due item kind {key.Kind}.", nameof(item));
        }
    }

    /// <summary>
    /// The due items an incident's escalation needs after a command: its ladder time-out while it is escalating,
    /// nothing otherwise (acknowledged, exhausted or calm). Give them, with the incident's other items, to
    /// <see cref="DueActionScheduler.ReplaceIncident"/>.
    /// </summary>
    /// <param name="status">The incident's escalation.</param>
    /// <returns>No item or one.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="status"/> is null.</exception>
    public static IReadOnlyList<DueItem> EscalationDueItems(EscalationStatus status)
        => Preconditions.CheckNotNull(status) is { Phase: EscalationPhase.Escalating, TimeOutAt: { } due }
            ? new[] { new DueItem(status.IncidentId, DueItemKind.LadderTimeOut, string.Empty, due) }
            : Array.Empty<DueItem>();

    /// <summary>The command id for an item: the same for the same key and due instant, different otherwise.</summary>
    /// <param name="item">The item.</param>
    /// <returns>The command id.</returns>
    public static CommandId CommandIdFor(DueItem item) => new(NameBasedGuid("due-action|" + item.Key + "|" + item.Due.ToUnixTimeTicks()));

    internal static Guid NameBasedGuid(string name)
    {
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(name));
        var bytes = new byte[16];
        Array.Copy(hash, bytes, 16);

        // RFC 4122 layout: a name-based version and the standard variant, so the id reads as a well-formed UUID.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private static IncidentId Incident(DueItem item)
        => item.Key.IncidentId ?? throw new ArgumentException($"The {item.Key.Kind} item {item.Key} has no incident.", nameof(item));
}
