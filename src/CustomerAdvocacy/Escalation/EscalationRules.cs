using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Escalation;

/// <summary>The stable names of the escalation rules a command can break (see <see cref="RuleBroken.Rule"/>).</summary>
public static class EscalationRules
{
    /// <summary>A trigger is raised once while it is active.</summary>
    public const string TriggerAlreadyActive = "escalation.trigger-already-active";

    /// <summary>Only an active trigger is cleared.</summary>
    public const string TriggerMustBeActive = "escalation.trigger-must-be-active";

    /// <summary>A time-out is recorded only once the rung's time-out instant has come.</summary>
    public const string TimeOutNotYetDue = "escalation.time-out-not-yet-due";

    /// <summary>Text that explains the command is required.</summary>
    public const string TextRequired = "escalation.text-required";

    /// <summary>A decision above the power line needs participants above it (an executive to end the relationship).</summary>
    public const string AbovePowerLine = "escalation.above-power-line";
}
