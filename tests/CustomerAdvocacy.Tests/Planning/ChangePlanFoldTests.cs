using System;
using System.Collections.Generic;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Planning;
using CustomerAdvocacy.Tests.Incidents;
using FsCheck;
using NodaTime;
using Stateless;

namespace CustomerAdvocacy.Tests.Planning;

/// <summary>
/// Every edge of the change-plan execution machine, taken through a public command on a plan drafted into a real
/// incident: the fold of the recorded event lands where firing a fresh machine lands.
/// </summary>
public sealed class ChangePlanFoldTests : SubProcessFoldTests<ChangePlanState, ChangePlanTrigger, ChangePlanScript>
{
    public ChangePlanFoldTests(Explored explored)
        : base(explored)
    {
    }

    /// <summary>
    /// A plan confirmed by the customer is never reopened (the Saturday patch: nobody closes it but the customer, and
    /// nothing undoes that), and every accepted command's fold lands where firing does.
    /// </summary>
    [ConfiguredProperty]
    public Property RandomCommands_FoldAgreesWithFire_ConfirmedPlanStaysConfirmed()
        => Exploration.WalkProperty();
}

/// <summary>Which public command fires each change-plan trigger, on the Saturday patch drafted by Fred.</summary>
public sealed class ChangePlanScript : SubProcessScript<ChangePlanState, ChangePlanTrigger>
{
    private static readonly ChangePlanId PlanId = new(new Guid("0f01d000-0000-4000-8000-0000000000a1"));

    // A provider backup contact on the plan who is never its owner, so leaving is always the rule's to accept.
    private static readonly Actor Noc = new("noc", IncidentRole.Engineer);

    public ChangePlanScript()
        : base(new IncidentId(new Guid("0f01d000-0000-4000-8000-000000000002")))
    {
    }

    internal override string Machine => "change plan";

    internal override Type CommandBase => typeof(ChangePlanCommand);

    internal override StateMachine<ChangePlanState, ChangePlanTrigger> Configure(Func<ChangePlanState> read, Action<ChangePlanState> write, Incident? incident, IncidentCommand? command)
        => ChangePlanMachine.Definition.Configure(read, write);

    internal override IEnumerable<IncidentCommand> Setup()
        => new IncidentCommand[] { Commands.Open(), new DraftChangePlan(IncidentId, CommandId.New(), ChangePlanFixture.Fred, ChangePlanFixture.SaturdayPatch(id: PlanId).Build()) };

    internal override ChangePlanState StateOf(Incident incident) => Plan(incident).State;

    internal override ChangePlanTrigger TriggerOf(IncidentCommand command) => ((ChangePlanCommand)command).PlanTrigger;

    // Who owns the plan and who was offered it decide who may hand off, accept and leave.
    internal override object Signature(Incident incident)
    {
        var plan = Plan(incident);
        return (plan.State, plan.AccountableOwnerId, plan.PendingSuccessorId);
    }

    internal override IEnumerable<TimedCommand> CommandsFor(ChangePlanTrigger trigger, Incident incident, Instant now)
    {
        var plan = Plan(incident);
        var owner = new Actor(plan.AccountableOwnerId, IncidentRole.AccountableOwner);
        var other = plan.AccountableOwnerId == ChangePlanFixture.Fred.Id ? ChangePlanFixture.Sarah.Id : ChangePlanFixture.Fred.Id;
        var id = IncidentId;
        switch (trigger)
        {
            case ChangePlanTrigger.ReviewWithCustomer:
                yield return new(now, new ReviewChangePlanWithCustomer(id, PlanId, CommandId.New(), owner, ChangePlanFixture.CustomerIt.Id));
                break;
            case ChangePlanTrigger.Schedule:
                {
                    yield return new(now, new ScheduleEarliestChangeSlot(id, PlanId, CommandId.New(), owner, now));
                    var earliest = plan.Definition.SchedulingConstraints.FindEarliest(now, plan.Definition.ExpectedLength);
                    if (earliest.IsFound)
                    {
                        yield return new(now, new ProposeChangeSlot(id, PlanId, CommandId.New(), owner, earliest.Slot));
                    }

                    break;
                }

            case ChangePlanTrigger.StartExecution:
                yield return new(plan.Slot is { } slot && slot.Start > now ? slot.Start : now, new StartChange(id, PlanId, CommandId.New(), owner));
                break;
            case ChangePlanTrigger.PassPointOfNoReturn:
                yield return new(now, new PassPointOfNoReturn(id, PlanId, CommandId.New(), owner));
                break;
            case ChangePlanTrigger.BackOut:
                yield return new(now, new BackOutChange(id, PlanId, CommandId.New(), owner, "validation failed on the second node"));
                break;
            case ChangePlanTrigger.StartValidation:
                yield return new(now, new StartChangeValidation(id, PlanId, CommandId.New(), owner));
                break;
            case ChangePlanTrigger.ConfirmAllIsWell:
                yield return new(now, new ConfirmAllIsWell(id, PlanId, CommandId.New(), ChangePlanFixture.CustomerIt));
                break;
            case ChangePlanTrigger.HandOff:
                yield return new(now, new HandOffChangePlan(id, PlanId, CommandId.New(), owner, other));
                break;
            case ChangePlanTrigger.AcceptHandoff:
                yield return new(now, new AcceptChangePlanHandoff(id, PlanId, CommandId.New(), new Actor(plan.PendingSuccessorId ?? other, IncidentRole.AccountableOwner)));
                break;
            case ChangePlanTrigger.Leave:
                yield return new(now, new LeaveChangePlan(id, PlanId, CommandId.New(), Noc));
                break;
        }
    }

    private static ChangePlan Plan(Incident incident)
        => incident.Processes.FindChangePlan(PlanId) ?? throw new InvalidOperationException($"The plan {PlanId} was not drafted in incident {incident.Id}.");
}
