using System.Collections.Generic;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Scheduling;
using NodaTime;

namespace CustomerAdvocacy.Planning;

/// <summary>A proposed slot is refused: it collides with blackouts, or lies outside the customer's change windows.</summary>
/// <param name="Slot">The slot proposed.</param>
/// <param name="Hits">The blackout windows it collides with; empty when only the change windows refuse it.</param>
/// <param name="IsInsideChangeWindows">Whether it lies inside one stretch of the customer's change windows.</param>
/// <param name="Detail">Why, in words, naming each blackout.</param>
public sealed record ChangeSlotRefused(Interval Slot, IReadOnlyList<BlackoutHit> Hits, bool IsInsideChangeWindows, string Detail) : Rejection
{
    /// <inheritdoc />
    public override string Kind => nameof(ChangeSlotRefused);
}

/// <summary>The stable names of the planning rules a <see cref="RuleBroken"/> rejection can name.</summary>
public static class PlanningRules
{
    /// <summary>A required text (reason, participant, successor) is missing.</summary>
    public const string TextRequired = "planning.text-required";

    /// <summary>The accountable owner may not leave a plan before a named successor has accepted it.</summary>
    public const string OwnerMustHandOff = "planning.owner-must-hand-off";

    /// <summary>A handoff names someone other than the current owner.</summary>
    public const string HandoffToAnother = "planning.handoff-to-another";

    /// <summary>A slot must be at least the change's expected length and not start in the past.</summary>
    public const string SlotFitsTheChange = "planning.slot-fits-the-change";

    /// <summary>The maintenance-window finder found no slot.</summary>
    public const string NoSlotFound = "planning.no-slot-found";

    /// <summary>A change starts no earlier than its slot.</summary>
    public const string StartInSlot = "planning.start-in-slot";

    /// <summary>A communication is released by someone other than whoever produced it.</summary>
    public const string ReviewedByAnother = "planning.reviewed-by-another";
}
