using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Planning;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using static CustomerAdvocacy.Tests.Planning.ChangePlanFixture;

namespace CustomerAdvocacy.Tests.Planning;

/// <summary>
/// Random command sequences from random actors against the Saturday patch: whatever happens, the rules hold after
/// every step.
/// </summary>
public sealed class ChangePlanSequenceTests
{
    private static readonly Actor[] Actors =
    {
        Fred, Sarah, SarahAsEngineer, CustomerIt,
        new("customer-boss", IncidentRole.CustomerBusinessManager),
        new("vendor", IncidentRole.ThirdParty),
        new("service-manager", IncidentRole.ServiceManager),
    };

    // Inside the first Saturday window after the plan is reviewed, so a booked slot can start.
    private static readonly Instant Now = At(2026, 11, 7, 7);

    // Kind of command, actor index, and whether to send it from the actor the rules expect (so sequences get far).
    private static readonly Gen<Step[]> Steps =
        Gen.Choose(0, 200).SelectMany(n =>
            (from kind in Gen.Choose(0, 10)
             from actor in Gen.Choose(0, Actors.Length - 1)
             from expected in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
             select new Step(kind, actor, expected)).ArrayOf(n));

    [ConfiguredProperty]
    public Property RandomCommands_NeverCloseWithoutTheCustomerNorLoseTheOwner()
        => Prop.ForAll(Steps.ToArbitrary(), steps =>
        {
            var f = Run(steps);
            var replayed = ChangePlan.Replay(f.Definition, f.Events);
            Assert.Equal((f.Plan.State, f.Plan.Version, f.Plan.AccountableOwnerId), (replayed.State, replayed.Version, replayed.AccountableOwnerId));
            Assert.Equal(f.Plan.IsClosed, f.Events.OfType<ChangeConfirmedByCustomer>().Any());
            Assert.Equal(f.Events.Count, f.Events.Select(e => e.Metadata.CommandId).Distinct().Count());
            if (f.Plan.IsClosed)
            {
                Assert.Contains(f.Events, e => e is ChangePlanReviewedWithCustomer);
                Assert.Contains(f.Events, e => e is ChangeScheduled);
                Assert.Contains(f.Events, e => e is ChangeValidationStarted);
            }
        });

    [Fact]
    public void Steps_ReachClosingAndHandoffsOften()
    {
        // Guards the property above against vacuity: the generated sequences must get far enough to exercise it.
        var runs = Steps.Sample(200, 100).Select(Run).ToList();
        Assert.True(runs.Count(f => f.Plan.IsClosed) >= 10, $"{runs.Count(f => f.Plan.IsClosed)} of 100 sequences closed.");
        Assert.True(runs.Count(f => f.Plan.FormerOwnerIds.Count > 0) >= 10);
    }

    private static ChangePlanFixture Run(IEnumerable<Step> steps)
    {
        var f = new ChangePlanFixture(SaturdayPatch().Build());
        CommandId? repeat = null;
        foreach (var step in steps)
        {
            var before = f.Plan;
            var actor = step.Expected ? ExpectedActor(before, step.Kind) : Actors[step.Actor];
            var command = Command(f.Id, step.Kind, actor, repeat);
            if (f.Decide(command, Now) is not ProcessAccepted<ChangePlanEvent> accepted)
            {
                continue;
            }

            repeat = command.CommandId;
            foreach (var e in accepted.Events)
            {
                CheckEvent(before, actor, e);
            }

            f.Accept(command, Now);
        }

        return f;
    }

    private static void CheckEvent(ChangePlan before, Actor actor, ChangePlanEvent e)
    {
        switch (e)
        {
            case ChangeConfirmedByCustomer:
                Assert.True(actor.Role.IsCustomer());
                Assert.Equal(ChangePlanState.Validating, before.State);
                break;
            case ChangePlanParticipantLeft left:
                Assert.True(before.IsClosed || left.PersonId != before.AccountableOwnerId, "The open plan's owner left.");
                break;
            case ChangePlanHandoffAccepted handoff:
                Assert.Equal(before.PendingSuccessorId, handoff.NewOwnerId);
                Assert.Equal(before.AccountableOwnerId, handoff.PreviousOwnerId);
                break;
            default:
                Assert.True(
                    actor.Role == IncidentRole.AccountableOwner && actor.Id == before.AccountableOwnerId,
                    $"{e.GetType().Name} by {actor.Id} as {actor.Role}; the owner is {before.AccountableOwnerId}.");
                break;
        }
    }

    private static Actor ExpectedActor(ChangePlan plan, int kind) => kind switch
    {
        6 => CustomerIt,
        8 => new Actor(plan.PendingSuccessorId ?? "nobody", IncidentRole.AccountableOwner),
        9 => new Actor(plan.FormerOwnerIds.LastOrDefault() ?? plan.AccountableOwnerId, IncidentRole.Engineer),
        _ => new Actor(plan.AccountableOwnerId, IncidentRole.AccountableOwner),
    };

    private static ChangePlanCommand Command(ChangePlanId id, int kind, Actor actor, CommandId? repeat)
    {
        var commandId = CommandId.New();
        return kind switch
        {
            0 => new ReviewChangePlanWithCustomer(ChangePlanFixture.IncidentOfPlan, id, commandId, actor, "customer-it"),
            1 => new ScheduleEarliestChangeSlot(ChangePlanFixture.IncidentOfPlan, id, commandId, actor, At(2026, 11, 2)),
            2 => new StartChange(ChangePlanFixture.IncidentOfPlan, id, commandId, actor),
            3 => new PassPointOfNoReturn(ChangePlanFixture.IncidentOfPlan, id, commandId, actor),
            4 => new BackOutChange(ChangePlanFixture.IncidentOfPlan, id, commandId, actor, "validation failed"),
            5 => new StartChangeValidation(ChangePlanFixture.IncidentOfPlan, id, commandId, actor),
            6 => new ConfirmAllIsWell(ChangePlanFixture.IncidentOfPlan, id, commandId, actor),
            7 => new HandOffChangePlan(ChangePlanFixture.IncidentOfPlan, id, commandId, actor, actor.Id == "sarah" ? "fred" : "sarah"),
            8 => new AcceptChangePlanHandoff(ChangePlanFixture.IncidentOfPlan, id, commandId, actor),
            9 => new LeaveChangePlan(ChangePlanFixture.IncidentOfPlan, id, commandId, actor),

            // A retry of the last accepted command, whatever it was, must change nothing.
            _ => new StartChange(ChangePlanFixture.IncidentOfPlan, id, repeat ?? commandId, actor),
        };
    }

    private readonly record struct Step(int Kind, int Actor, bool Expected);
}
