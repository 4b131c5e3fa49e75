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

