using CustomerAdvocacy.Incidents;
using NodaTime;

namespace CustomerAdvocacy.Planning;

/// <summary>A request to move a change plan, from an actor in a role, identified for idempotency.</summary>
/// <param name="PlanId">The plan the command is for.</param>
/// <param name="CommandId">Identifies the command; the same id applied twice records its events once.</param>
/// <param name="Actor">Who issues it, and in which role.</param>
public abstract record ChangePlanCommand(ChangePlanId PlanId, CommandId CommandId, Actor Actor)
{
    /// <summary>The trigger this command fires on the execution machine.</summary>
    public abstract ChangePlanTrigger Trigger { get; }

    /// <summary>
    /// When set, the version the issuer saw; the command is rejected as stale (<see cref="StaleVersion"/>) when the
    /// plan has moved on.
    /// </summary>
    public long? ExpectedVersion { get; init; }
}

/// <summary>The accountable owner records that the plan was reviewed in detail with the customer.</summary>
/// <param name="PlanId">The plan.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="CustomerParticipantId">The customer's person the plan was reviewed with.</param>
public sealed record ReviewChangePlanWithCustomer(ChangePlanId PlanId, CommandId CommandId, Actor Actor, string CustomerParticipantId)
    : ChangePlanCommand(PlanId, CommandId, Actor)
{
    /// <inheritdoc />
    public override ChangePlanTrigger Trigger => ChangePlanTrigger.ReviewWithCustomer;
}

/// <summary>The accountable owner proposes a slot; it is checked against the change windows and every blackout.</summary>
/// <param name="PlanId">The plan.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="Slot">The proposed slot, at least the plan's expected length.</param>
public sealed record ProposeChangeSlot(ChangePlanId PlanId, CommandId CommandId, Actor Actor, Interval Slot)
    : ChangePlanCommand(PlanId, CommandId, Actor)
{
    /// <inheritdoc />
    public override ChangePlanTrigger Trigger => ChangePlanTrigger.Schedule;
}

/// <summary>The accountable owner books the earliest slot the maintenance-window finder gives.</summary>
/// <param name="PlanId">The plan.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="SearchFrom">The earliest start wanted; never earlier than the decision's now.</param>
public sealed record ScheduleEarliestChangeSlot(ChangePlanId PlanId, CommandId CommandId, Actor Actor, Instant SearchFrom)
    : ChangePlanCommand(PlanId, CommandId, Actor)
{
    /// <inheritdoc />
    public override ChangePlanTrigger Trigger => ChangePlanTrigger.Schedule;
}

/// <summary>The accountable owner starts the change, no earlier than its slot.</summary>
/// <param name="PlanId">The plan.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
public sealed record StartChange(ChangePlanId PlanId, CommandId CommandId, Actor Actor)
    : ChangePlanCommand(PlanId, CommandId, Actor)
{
    /// <inheritdoc />
    public override ChangePlanTrigger Trigger => ChangePlanTrigger.StartExecution;
}

/// <summary>The accountable owner records passing the point of no return.</summary>
/// <param name="PlanId">The plan.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
public sealed record PassPointOfNoReturn(ChangePlanId PlanId, CommandId CommandId, Actor Actor)
    : ChangePlanCommand(PlanId, CommandId, Actor)
{
    /// <inheritdoc />
    public override ChangePlanTrigger Trigger => ChangePlanTrigger.PassPointOfNoReturn;
}

/// <summary>The accountable owner backs the change out by the back-out plan.</summary>
/// <param name="PlanId">The plan.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="Reason">Why.</param>
public sealed record BackOutChange(ChangePlanId PlanId, CommandId CommandId, Actor Actor, string Reason)
    : ChangePlanCommand(PlanId, CommandId, Actor)
{
    /// <inheritdoc />
    public override ChangePlanTrigger Trigger => ChangePlanTrigger.BackOut;
}

/// <summary>The accountable owner starts the validation steps.</summary>
/// <param name="PlanId">The plan.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
public sealed record StartChangeValidation(ChangePlanId PlanId, CommandId CommandId, Actor Actor)
    : ChangePlanCommand(PlanId, CommandId, Actor)
{
    /// <inheritdoc />
    public override ChangePlanTrigger Trigger => ChangePlanTrigger.StartValidation;
}

/// <summary>The customer confirms that all is well. Only a customer role may; it closes the plan.</summary>
/// <param name="PlanId">The plan.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it: a customer role.</param>
public sealed record ConfirmAllIsWell(ChangePlanId PlanId, CommandId CommandId, Actor Actor)
    : ChangePlanCommand(PlanId, CommandId, Actor)
{
    /// <inheritdoc />
    public override ChangePlanTrigger Trigger => ChangePlanTrigger.ConfirmAllIsWell;
}

/// <summary>The accountable owner offers the plan to a named successor; ownership moves when the successor accepts.</summary>
/// <param name="PlanId">The plan.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="SuccessorId">The named successor.</param>
public sealed record HandOffChangePlan(ChangePlanId PlanId, CommandId CommandId, Actor Actor, string SuccessorId)
    : ChangePlanCommand(PlanId, CommandId, Actor)
{
    /// <inheritdoc />
    public override ChangePlanTrigger Trigger => ChangePlanTrigger.HandOff;
}

/// <summary>The named successor accepts the plan, acting as accountable owner.</summary>
/// <param name="PlanId">The plan.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it: the named successor.</param>
public sealed record AcceptChangePlanHandoff(ChangePlanId PlanId, CommandId CommandId, Actor Actor)
    : ChangePlanCommand(PlanId, CommandId, Actor)
{
    /// <inheritdoc />
    public override ChangePlanTrigger Trigger => ChangePlanTrigger.AcceptHandoff;
}

/// <summary>A provider person leaves the plan. The current accountable owner may not: hand off first.</summary>
/// <param name="PlanId">The plan.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who leaves.</param>
public sealed record LeaveChangePlan(ChangePlanId PlanId, CommandId CommandId, Actor Actor)
    : ChangePlanCommand(PlanId, CommandId, Actor)
{
    /// <inheritdoc />
    public override ChangePlanTrigger Trigger => ChangePlanTrigger.Leave;
}
