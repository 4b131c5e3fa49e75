using CustomerAdvocacy.Kernel;
using NodaTime;

namespace CustomerAdvocacy.Planning;

/// <summary>A request to move a change plan, from an actor in a role, identified for idempotency.</summary>
/// <param name="IncidentId">The incident whose stream records the plan.</param>
/// <param name="PlanId">The plan the command is for.</param>
/// <param name="CommandId">Identifies the command; the same id applied twice records its events once.</param>
/// <param name="Actor">Who issues it, and in which role.</param>
public abstract record ChangePlanCommand(IncidentId IncidentId, ChangePlanId PlanId, CommandId CommandId, Actor Actor)
    : IncidentCommand(IncidentId, CommandId, Actor)
{
    /// <summary>The trigger this command fires on the execution machine.</summary>
    public abstract ChangePlanTrigger PlanTrigger { get; }

    /// <inheritdoc />
    public sealed override IncidentTrigger Trigger => IncidentTrigger.ReviewChangePlanWithCustomer + (int)PlanTrigger;
}

/// <summary>The accountable owner records that the plan was reviewed in detail with the customer.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="PlanId">The plan.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="CustomerParticipantId">The customer's person the plan was reviewed with.</param>
public sealed record ReviewChangePlanWithCustomer(IncidentId IncidentId, ChangePlanId PlanId, CommandId CommandId, Actor Actor, string CustomerParticipantId)
    : ChangePlanCommand(IncidentId, PlanId, CommandId, Actor)
{
    /// <inheritdoc />
    public override ChangePlanTrigger PlanTrigger => ChangePlanTrigger.ReviewWithCustomer;
}

/// <summary>The accountable owner proposes a slot; it is checked against the change windows and every blackout.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="PlanId">The plan.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="Slot">The proposed slot, at least the plan's expected length.</param>
public sealed record ProposeChangeSlot(IncidentId IncidentId, ChangePlanId PlanId, CommandId CommandId, Actor Actor, Interval Slot)
    : ChangePlanCommand(IncidentId, PlanId, CommandId, Actor)
{
    /// <inheritdoc />
    public override ChangePlanTrigger PlanTrigger => ChangePlanTrigger.Schedule;
}

/// <summary>The accountable owner books the earliest slot the maintenance-window finder gives.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="PlanId">The plan.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="SearchFrom">The earliest start wanted; never earlier than the decision's now.</param>
public sealed record ScheduleEarliestChangeSlot(IncidentId IncidentId, ChangePlanId PlanId, CommandId CommandId, Actor Actor, Instant SearchFrom)
    : ChangePlanCommand(IncidentId, PlanId, CommandId, Actor)
{
    /// <inheritdoc />
    public override ChangePlanTrigger PlanTrigger => ChangePlanTrigger.Schedule;
}

/// <summary>The accountable owner starts the change, no earlier than its slot.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="PlanId">The plan.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
public sealed record StartChange(IncidentId IncidentId, ChangePlanId PlanId, CommandId CommandId, Actor Actor)
    : ChangePlanCommand(IncidentId, PlanId, CommandId, Actor)
{
    /// <inheritdoc />
    public override ChangePlanTrigger PlanTrigger => ChangePlanTrigger.StartExecution;
}

/// <summary>The accountable owner records passing the point of no return.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="PlanId">The plan.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
public sealed record PassPointOfNoReturn(IncidentId IncidentId, ChangePlanId PlanId, CommandId CommandId, Actor Actor)
    : ChangePlanCommand(IncidentId, PlanId, CommandId, Actor)
{
    /// <inheritdoc />
    public override ChangePlanTrigger PlanTrigger => ChangePlanTrigger.PassPointOfNoReturn;
}

/// <summary>The accountable owner backs the change out by the back-out plan.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="PlanId">The plan.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="Reason">Why.</param>
public sealed record BackOutChange(IncidentId IncidentId, ChangePlanId PlanId, CommandId CommandId, Actor Actor, string Reason)
    : ChangePlanCommand(IncidentId, PlanId, CommandId, Actor)
{
    /// <inheritdoc />
    public override ChangePlanTrigger PlanTrigger => ChangePlanTrigger.BackOut;
}

/// <summary>The accountable owner starts the validation steps.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="PlanId">The plan.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
public sealed record StartChangeValidation(IncidentId IncidentId, ChangePlanId PlanId, CommandId CommandId, Actor Actor)
    : ChangePlanCommand(IncidentId, PlanId, CommandId, Actor)
{
    /// <inheritdoc />
    public override ChangePlanTrigger PlanTrigger => ChangePlanTrigger.StartValidation;
}

/// <summary>The customer confirms that all is well. Only a customer role may; it closes the plan.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="PlanId">The plan.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it: a customer role.</param>
public sealed record ConfirmAllIsWell(IncidentId IncidentId, ChangePlanId PlanId, CommandId CommandId, Actor Actor)
    : ChangePlanCommand(IncidentId, PlanId, CommandId, Actor)
{
    /// <inheritdoc />
    public override ChangePlanTrigger PlanTrigger => ChangePlanTrigger.ConfirmAllIsWell;
}

/// <summary>The accountable owner offers the plan to a named successor; ownership moves when the successor accepts.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="PlanId">The plan.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="SuccessorId">The named successor.</param>
public sealed record HandOffChangePlan(IncidentId IncidentId, ChangePlanId PlanId, CommandId CommandId, Actor Actor, string SuccessorId)
    : ChangePlanCommand(IncidentId, PlanId, CommandId, Actor)
{
    /// <inheritdoc />
    public override ChangePlanTrigger PlanTrigger => ChangePlanTrigger.HandOff;
}

/// <summary>The named successor accepts the plan, acting as accountable owner.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="PlanId">The plan.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it: the named successor.</param>
public sealed record AcceptChangePlanHandoff(IncidentId IncidentId, ChangePlanId PlanId, CommandId CommandId, Actor Actor)
    : ChangePlanCommand(IncidentId, PlanId, CommandId, Actor)
{
    /// <inheritdoc />
    public override ChangePlanTrigger PlanTrigger => ChangePlanTrigger.AcceptHandoff;
}

/// <summary>A provider person leaves the plan. The current accountable owner may not: hand off first.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="PlanId">The plan.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who leaves.</param>
public sealed record LeaveChangePlan(IncidentId IncidentId, ChangePlanId PlanId, CommandId CommandId, Actor Actor)
    : ChangePlanCommand(IncidentId, PlanId, CommandId, Actor)
{
    /// <inheritdoc />
    public override ChangePlanTrigger PlanTrigger => ChangePlanTrigger.Leave;
}

/// <summary>
/// Drafts a validated change plan into the incident: every change is a project, recorded in the incident's stream. The
/// plan's own commands (<see cref="ChangePlanCommand"/>) then move it; the incident cannot close while it is not
/// confirmed by the customer.
/// </summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="CommandId">Identifies the command.</param>
/// <param name="Actor">Who issues it: the plan's accountable owner, acting as accountable owner.</param>
/// <param name="Definition">The plan, built and validated by <see cref="ChangePlanBuilder"/>.</param>
public sealed record DraftChangePlan(IncidentId IncidentId, CommandId CommandId, Actor Actor, ChangePlanDefinition Definition)
    : IncidentCommand(IncidentId, CommandId, Actor)
{
    /// <inheritdoc />
    public override IncidentTrigger Trigger => IncidentTrigger.DraftChangePlan;
}
