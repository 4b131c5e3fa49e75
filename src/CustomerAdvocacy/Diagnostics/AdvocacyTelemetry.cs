using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Diagnostics;

/// <summary>
/// The names of the library's traces and metrics, for hosts that subscribe to them (OpenTelemetry's
/// <c>AddSource</c> / <c>AddMeter</c>, or a listener). Tags carry ids, triggers, states, kinds and rule names only:
/// never customer names or free text.
/// </summary>
public static class AdvocacyTelemetry
{
    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/> the engine starts a span on per command.</summary>
    public const string ActivitySourceName = "CustomerAdvocacy";

    /// <summary>The name of the span started per command executed through the engine.</summary>
    public const string CommandActivityName = "customeradvocacy.command";

    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/> of the engine's instruments.</summary>
    public const string MeterName = "CustomerAdvocacy";

    /// <summary>
    /// Counter of commands executed, tagged <c>customeradvocacy.trigger</c>, <c>customeradvocacy.outcome</c>
    /// (<c>accepted</c>, <c>rejected</c>, <c>duplicate</c>, <c>failed</c>) and, for a rejection,
    /// <c>customeradvocacy.rejection</c> (the rejection kind) and <c>customeradvocacy.rule</c> (the broken rule, if any).
    /// </summary>
    public const string CommandsInstrumentName = "customeradvocacy.commands";

    /// <summary>Counter of escalations raised or risen, tagged <c>customeradvocacy.escalation.level</c>.</summary>
    public const string EscalationsInstrumentName = "customeradvocacy.escalations";

    /// <summary>Tag: the command's trigger.</summary>
    public const string TriggerTag = "customeradvocacy.trigger";

    /// <summary>Tag: what became of the command.</summary>
    public const string OutcomeTag = "customeradvocacy.outcome";

    /// <summary>Tag: the kind of rejection (see <see cref="Rejection.Kind"/>).</summary>
    public const string RejectionTag = "customeradvocacy.rejection";

    /// <summary>Tag: the broken rule's stable name, for a <see cref="RuleBroken"/> rejection.</summary>
    public const string RuleTag = "customeradvocacy.rule";

    /// <summary>Tag: the incident id (spans only; metrics never carry ids).</summary>
    public const string IncidentIdTag = "customeradvocacy.incident.id";

    /// <summary>Tag: the incident's lifecycle state after the command (spans only).</summary>
    public const string StateTag = "customeradvocacy.incident.state";

    /// <summary>Tag: the escalation level reached.</summary>
    public const string EscalationLevelTag = "customeradvocacy.escalation.level";
}
