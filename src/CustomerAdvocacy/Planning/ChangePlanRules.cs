using CustomerAdvocacy.Kernel;

namespace CustomerAdvocacy.Planning;

/// <summary>The stable names of the change-plan rules a <see cref="RuleBroken"/> rejection can name.</summary>
public static class ChangePlanRules
{
    /// <summary>A required text (reason, participant, successor) is missing.</summary>
    public const string TextRequired = "change-plan.text-required";

    /// <summary>The accountable owner may not leave a plan before a named successor has accepted it.</summary>
    public const string OwnerMustHandOff = "change-plan.owner-must-hand-off";

    /// <summary>A handoff names someone other than the current owner.</summary>
    public const string HandoffToAnother = "change-plan.handoff-to-another";

    /// <summary>A slot must be at least the change's expected length and not start in the past.</summary>
    public const string SlotFitsTheChange = "change-plan.slot-fits-the-change";

    /// <summary>The maintenance-window finder found no slot.</summary>
    public const string NoSlotFound = "change-plan.no-slot-found";

    /// <summary>A change starts no earlier than its slot.</summary>
    public const string StartInSlot = "change-plan.start-in-slot";
}
