using CustomerAdvocacy.Incidents;

namespace CustomerAdvocacy.Escalation;

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

        // Service-level warnings and breaches (first response, update cadence, resolution) map here, to
        // FirstResponseWarning/FirstResponseBreached and UpdateWarning/UpdateBreached, once the engine records them as
        // incident events (issue 4: ServiceLevelWarningRaised, ServiceLevelBreached).
        _ => null,
    };
}
