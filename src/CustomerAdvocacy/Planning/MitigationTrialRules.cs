using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Planning;

/// <summary>The stable names of the rules a <see cref="RuleBroken"/> rejection of a mitigation trial refers to.</summary>
public static class MitigationTrialRules
{
    /// <summary>An offer names the service, a complete ROI case and reminders inside the trial.</summary>
    public const string OfferComplete = "mitigation-trial.offer-complete";

    /// <summary>A reminder is sent once, when it is due.</summary>
    public const string ReminderDue = "mitigation-trial.reminder-due";

    /// <summary>The trial is switched off only at its end, with the risk notice recorded.</summary>
    public const string SwitchOffAtEndWithRiskNotice = "mitigation-trial.switch-off-at-end-with-risk-notice";

    /// <summary>A declined offer states why.</summary>
    public const string TextRequired = "mitigation-trial.text-required";
}
