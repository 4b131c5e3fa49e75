using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Escalation;
using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Incidents;

/// <summary>
/// Which incident events raise the escalation, in the same decision that records them (see
/// <see cref="IncidentDecider"/>). The one place that maps incident facts to escalation triggers; a trigger already
/// active is not raised again, and nothing is raised when the incident's context has no escalation ladder.
/// </summary>
internal static class IncidentEventTriggers
{
    /// <summary>The escalation an event raises, or <see langword="null"/> when it raises none.</summary>
    internal static EscalationSignal? Raised(IncidentEvent @event) => @event switch
    {
        CommitmentMissed e => new EscalationSignal(EscalationTriggerKind.CommitmentMissed, $"The commitment '{e.CommitmentId}' was missed."),
        ServiceLevelWarningRaised { Kind: ServiceLevelKind.FirstResponse } e => new EscalationSignal(EscalationTriggerKind.FirstResponseWarning, $"The first response reached its warning point at {e.WarningAt}."),
        ServiceLevelWarningRaised { Kind: ServiceLevelKind.Update } e => new EscalationSignal(EscalationTriggerKind.UpdateWarning, $"Update {e.Occurrence} reached its warning point at {e.WarningAt}."),
        ServiceLevelBreached { Kind: ServiceLevelKind.FirstResponse } e => new EscalationSignal(EscalationTriggerKind.FirstResponseBreached, $"The first response was due at {e.Due}."),
        ServiceLevelBreached { Kind: ServiceLevelKind.Update } e => new EscalationSignal(EscalationTriggerKind.UpdateBreached, $"Update {e.Occurrence} was due at {e.Due}."),

        // The resolution target has no trigger of its own in the framework's list; its breach is the incident's, not the
        // escalation's, until the segment policy names one.
        _ => null,
    };
}
