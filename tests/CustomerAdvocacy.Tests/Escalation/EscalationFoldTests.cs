using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Escalation;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Tests.Incidents;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Stateless;

namespace CustomerAdvocacy.Tests.Escalation;

/// <summary>
/// Every edge of the escalation machine, guarded ones included, taken through a public command on a real incident:
/// the fold of the recorded event lands where firing a fresh machine (its guards read from the same incident) lands.
/// </summary>
public sealed class EscalationFoldTests : SubProcessFoldTests<EscalationPhase, EscalationTrigger, EscalationScript>
{
    public EscalationFoldTests(Explored explored)
        : base(explored)
    {
    }

    [Fact]
    public void Edges_GuardedTimeOutAndClear_AreEnumeratedWithTheirGuards()
    {
        // The guarded pairs are the reason the edge key includes the destination.
        var guarded = Exploration.Edges.Where(e => e.Guard.Length > 0).ToList();
        Assert.Contains(guarded, e => e is { From: EscalationPhase.Escalating, Trigger: EscalationTrigger.TimeOut, To: EscalationPhase.Exhausted });
        Assert.Contains(guarded, e => e is { From: EscalationPhase.Escalating, Trigger: EscalationTrigger.TimeOut, To: EscalationPhase.Escalating });
        Assert.Equal(3, guarded.Count(e => e.Trigger == EscalationTrigger.Clear && e.To == EscalationPhase.Calm));
    }

    /// <summary>
    /// The escalation has no terminal phase, but whatever the sequence (bad actors, repeated commands, time-outs not
    /// yet due), each accepted command's fold lands where firing does and nothing the machine permits is refused as not
    /// permitted.
    /// </summary>
    [ConfiguredProperty]
    public Property RandomCommands_FoldAgreesWithFire()
        => Exploration.WalkProperty();
}

/// <summary>Which public command fires each escalation trigger; guards read the incident's escalation and the context's ladder.</summary>
public sealed class EscalationScript : SubProcessScript<EscalationPhase, EscalationTrigger>
{
    private static readonly EscalationTriggerKind[] Kinds = { EscalationTriggerKind.CustomerRequest, EscalationTriggerKind.BusinessImpact };
    private static readonly Actor Executive = new("eve", IncidentRole.Executive);
    private static readonly Actor SeniorManager = new("vera", IncidentRole.SeniorManager);

    public EscalationScript()
        : base(new IncidentId(new Guid("0f01d000-0000-4000-8000-000000000001")))
    {
    }

    internal override string Machine => "escalation";

    internal override Type CommandBase => typeof(EscalationCommand);

    internal override StateMachine<EscalationPhase, EscalationTrigger> Configure(Func<EscalationPhase> read, Action<EscalationPhase> write, Incident? incident, IncidentCommand? command)
        => EscalationMachine.Definition.Configure(read, write, () => Guards(incident!, command!));

    internal override EscalationPhase StateOf(Incident incident) => Status(incident).Phase;

    internal override EscalationTrigger TriggerOf(IncidentCommand command) => ((EscalationCommand)command).EscalationTrigger;

    // Rung and repeats decide whether a time-out rises or exhausts; the active triggers whether a clear calms.
    internal override object Signature(Incident incident)
    {
        var s = Status(incident);
        return (s.Phase, s.Rung, s.RepeatsDone, string.Join(",", s.ActiveTriggers));
    }

    // A missed commitment or a breached service level raises the escalation in the lifecycle's own decision.
    internal override EscalationTrigger? RaisedByLifecycle => EscalationTrigger.Raise;

    internal override bool IsRefusal(Rejection reason, EscalationPhase state, EscalationTrigger trigger)
        => reason is EscalationNotPermitted r && r.Phase == state && r.Trigger == trigger;

    internal override IEnumerable<TimedCommand> CommandsFor(EscalationTrigger trigger, Incident incident, Instant now)
    {
        var status = Status(incident);
        var id = IncidentId;
        switch (trigger)
        {
            case EscalationTrigger.Raise:
                {
                    var kind = Kinds.FirstOrDefault(k => !status.IsActive(k), Kinds[0]);
                    yield return new(now, new RaiseEscalation(id, CommandId.New(), Commands.Engineer, kind, "because " + kind));
                    break;
                }

            case EscalationTrigger.Acknowledge:
                yield return new(now, new AcknowledgeEscalation(id, CommandId.New(), Executive));
                break;
            case EscalationTrigger.TimeOut:
                yield return new(status.TimeOutAt is { } due && due > now ? due : now, new RecordEscalationTimeOut(id, CommandId.New(), Commands.ServiceManager));
                break;
            case EscalationTrigger.Clear:
                yield return new(now, new ClearEscalationTrigger(id, CommandId.New(), Commands.Engineer, status.ActiveTriggers.FirstOrDefault(Kinds[0])));
                break;
            case EscalationTrigger.RecordDecision:
                yield return new(now, new RecordPowerLineDecision(
                    id,
                    CommandId.New(),
                    SeniorManager,
                    PowerLineDecisionKind.ContractTermException,
                    new[] { Stakeholder.InUsualSide(SeniorManager.Id, IncidentRole.SeniorManager), Stakeholder.InUsualSide(Commands.CustomerBusinessManager.Id, IncidentRole.CustomerBusinessManager) },
                    "Waive the change-freeze clause for the patch"));
                break;
        }
    }

    private static EscalationStatus Status(Incident incident) => incident.Processes.Escalation ?? EscalationStatus.Initial(incident.Id);

    // The guards' own reading: "a rung or repeat is left" above the current rung, and "last active trigger" cleared.
    private static EscalationGuards Guards(Incident incident, IncidentCommand command)
    {
        var status = Status(incident);
        var ladder = Context.EscalationLadder!;
        var rungAbove = status.Rung is { } rung && ladder.NextRungAfterTimeOut(Math.Min(rung, ladder.TopIndex), status.RepeatsDone) is not null;
        var clearsLast = command is ClearEscalationTrigger clear && status.ActiveTriggers.Count == 1 && status.IsActive(clear.Reason);
        return new EscalationGuards(rungAbove, clearsLast);
    }
}
