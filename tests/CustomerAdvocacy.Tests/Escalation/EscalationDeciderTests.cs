using System;
using System.Linq;
using CustomerAdvocacy.Escalation;
using CustomerAdvocacy.Kernel;
using NodaTime;
using static CustomerAdvocacy.Tests.Escalation.EscalationFixture;
using static CustomerAdvocacy.Tests.Scheduling.SlaTestCalendars;

namespace CustomerAdvocacy.Tests.Escalation;

public sealed class EscalationDeciderTests
{
    private static readonly Instant FridayFour = LondonAt(2026, 11, 27, 16);

    [Fact]
    public void Raise_FromCalm_StartsAtFirstRungWithBusinessTimeOut()
    {
        var (status, events) = Apply(Calm, Raise(EscalationTriggerKind.CustomerRequest, IncidentRole.CustomerContact), FridayFour);

        var raised = Assert.IsType<EscalationRaised>(Assert.Single(events));
        Assert.Equal((0, EscalationLevel.FrontlineService, LondonAt(2026, 11, 30, 10)), (raised.Rung, raised.Level, raised.TimeOutAt));
        Assert.Equal(1, raised.Metadata.Version);
        Assert.Equal(EscalationPhase.Escalating, status.Phase);
        Assert.Equal([EscalationTriggerKind.CustomerRequest], status.ActiveTriggers.ToArray());
    }

    [Fact]
    public void TimeOut_BeforeDue_RuleBroken()
    {
        var (status, _) = Apply(Calm, Raise(EscalationTriggerKind.Avoidance), FridayFour);

        var reason = Assert.IsType<RuleBroken>(Reject(status, TimeOut(), LondonAt(2026, 11, 30, 9, 59)));

        Assert.Equal(EscalationRules.TimeOutNotYetDue, reason.Rule);
    }

    [Fact]
    public void TimeOut_SweptLate_RisesOneRungCountingFromTheTimeOut()
    {
        var (status, _) = Apply(Calm, Raise(EscalationTriggerKind.Avoidance), FridayFour);

        var (risen, events) = Apply(status, TimeOut(), LondonAt(2026, 11, 30, 11));

        var rose = Assert.IsType<EscalationRose>(Assert.Single(events));
        Assert.Equal((0, 1, EscalationLevel.ServiceManagement, 0), (rose.FromRung, rose.ToRung, rose.Level, rose.Repeat));
        Assert.Equal(LondonAt(2026, 11, 30, 14), rose.TimeOutAt);
        Assert.Equal(EscalationLevel.ServiceManagement, risen.Level);
    }

    [Fact]
    public void TimeOut_AtTop_RepeatsOnceThenExhausted()
    {
        var status = Apply(Calm, Raise(EscalationTriggerKind.ContractDispute), FridayFour).Status;
        for (var i = 0; i < 3; i++)
        {
            status = Apply(status, TimeOut(), status.TimeOutAt!.Value).Status;
        }

        Assert.Equal((3, EscalationLevel.Executive, 0), (status.Rung!.Value, status.Level!.Value, status.RepeatsDone));
        var (repeated, repeatEvents) = Apply(status, TimeOut(), status.TimeOutAt!.Value);
        var rose = Assert.IsType<EscalationRose>(Assert.Single(repeatEvents));
        Assert.Equal((3, 3, 1), (rose.FromRung, rose.ToRung, rose.Repeat));

        var (exhausted, lastEvents) = Apply(repeated, TimeOut(), repeated.TimeOutAt!.Value);
        Assert.IsType<EscalationExhausted>(Assert.Single(lastEvents));
        Assert.Equal(EscalationPhase.Exhausted, exhausted.Phase);
        Assert.Null(exhausted.TimeOutAt);
        Assert.IsType<EscalationNotPermitted>(Reject(exhausted, TimeOut(), repeated.TimeOutAt!.Value + Duration.FromDays(1)));
    }

    [Fact]
    public void Acknowledge_RoleBelowCurrentLevel_NotAuthorized()
    {
        var status = Apply(Calm, Raise(EscalationTriggerKind.BusinessImpact), FridayFour).Status;
        status = Apply(status, TimeOut(), status.TimeOutAt!.Value).Status;

        var reason = Assert.IsType<EscalationNotAuthorized>(Reject(status, Acknowledge(IncidentRole.Engineer), status.TimeOutAt!.Value));

        Assert.Equal(EscalationTrigger.Acknowledge, reason.Trigger);
    }

    [Fact]
    public void Acknowledge_AtLevel_StopsTheTimeOut()
    {
        var status = Apply(Calm, Raise(EscalationTriggerKind.BusinessImpact), FridayFour).Status;
        status = Apply(status, TimeOut(), status.TimeOutAt!.Value).Status;

        var (acknowledged, events) = Apply(status, Acknowledge(IncidentRole.ServiceManager), LondonAt(2026, 11, 30, 12));

        Assert.Equal((1, EscalationLevel.ServiceManagement), (Assert.IsType<EscalationAcknowledged>(Assert.Single(events)).Rung, acknowledged.Level!.Value));
        Assert.Equal(EscalationPhase.Acknowledged, acknowledged.Phase);
        Assert.Null(acknowledged.TimeOutAt);
        Assert.IsType<EscalationNotPermitted>(Reject(acknowledged, TimeOut(), LondonAt(2026, 12, 1, 12)));
    }

    [Fact]
    public void Raise_NewTriggerWhileAcknowledged_RearmsAtTheSameRung()
    {
        var status = Apply(Calm, Raise(EscalationTriggerKind.BusinessImpact), FridayFour).Status;
        status = Apply(status, TimeOut(), status.TimeOutAt!.Value).Status;
        status = Apply(status, Acknowledge(IncidentRole.SeniorManager), LondonAt(2026, 11, 30, 12)).Status;

        var (rearmed, events) = Apply(status, Raise(EscalationTriggerKind.CommitmentMissed), LondonAt(2026, 11, 30, 15));

        var raised = Assert.IsType<EscalationRaised>(Assert.Single(events));
        Assert.Equal((1, LondonAt(2026, 12, 1, 11)), (raised.Rung, raised.TimeOutAt));
        Assert.Equal(EscalationPhase.Escalating, rearmed.Phase);
        Assert.Equal(2, rearmed.ActiveTriggers.Count);
    }

    [Fact]
    public void Raise_WhileEscalating_AddsTriggerWithoutMovingTheTimeOut()
    {
        var status = Apply(Calm, Raise(EscalationTriggerKind.UpdateWarning), FridayFour).Status;

        var (added, events) = Apply(status, Raise(EscalationTriggerKind.UpdateBreached), LondonAt(2026, 11, 27, 16, 30));

        Assert.IsType<EscalationTriggerAdded>(Assert.Single(events));
        Assert.Equal(status.TimeOutAt, added.TimeOutAt);
        Assert.Equal(0, added.Rung);
    }

    [Fact]
    public void Raise_TriggerAlreadyActive_RuleBroken()
    {
        var status = Apply(Calm, Raise(EscalationTriggerKind.UpdateWarning), FridayFour).Status;

        Assert.Equal(EscalationRules.TriggerAlreadyActive, Assert.IsType<RuleBroken>(Reject(status, Raise(EscalationTriggerKind.UpdateWarning), FridayFour)).Rule);
    }

    [Fact]
    public void Raise_BlankDetail_RuleBroken()
        => Assert.Equal(
            EscalationRules.TextRequired,
            Assert.IsType<RuleBroken>(Reject(Calm, new RaiseEscalation(Subject, Id(), As(IncidentRole.Engineer), EscalationTriggerKind.Avoidance, " "), FridayFour)).Rule);

    [Theory]
    [InlineData(EscalationTriggerKind.CustomerRequest, true)]
    [InlineData(EscalationTriggerKind.ContractDispute, true)]
    [InlineData(EscalationTriggerKind.UpdateBreached, false)]
    [InlineData(EscalationTriggerKind.BusinessImpact, false)]
    public void Raise_ByCustomer_OnlyRequestOrContractDispute(EscalationTriggerKind kind, bool accepted)
    {
        var decision = Decider.Decide(Calm, Ladder, Raise(kind, IncidentRole.CustomerBusinessManager), FridayFour);

        Assert.Equal(accepted, decision.IsAccepted);
        if (!accepted)
        {
            Assert.IsType<EscalationNotAuthorized>(Assert.IsType<EscalationRejected>(decision).Reason);
        }
    }

    [Fact]
    public void Raise_ByThirdParty_NotAuthorized()
        => Assert.IsType<EscalationNotAuthorized>(Reject(Calm, Raise(EscalationTriggerKind.Avoidance, IncidentRole.ThirdParty), FridayFour));

    [Fact]
    public void Clear_OneOfTwoTriggers_StaysEscalated()
    {
        var status = Apply(Calm, Raise(EscalationTriggerKind.UpdateWarning), FridayFour).Status;
        status = Apply(status, Raise(EscalationTriggerKind.Avoidance), FridayFour).Status;

        var (cleared, events) = Apply(status, Clear(EscalationTriggerKind.UpdateWarning), LondonAt(2026, 11, 27, 16, 30));

        Assert.False(Assert.IsType<EscalationTriggerCleared>(Assert.Single(events)).Deescalated);
        Assert.Equal(EscalationPhase.Escalating, cleared.Phase);
        Assert.Equal([EscalationTriggerKind.Avoidance], cleared.ActiveTriggers.ToArray());
    }

    [Fact]
    public void Clear_LastTrigger_DeescalatesToCalm()
    {
        var status = Apply(Calm, Raise(EscalationTriggerKind.UpdateWarning), FridayFour).Status;
        status = Apply(status, TimeOut(), status.TimeOutAt!.Value).Status;

        var (calm, events) = Apply(status, Clear(EscalationTriggerKind.UpdateWarning), LondonAt(2026, 11, 30, 12));

        Assert.True(Assert.IsType<EscalationTriggerCleared>(Assert.Single(events)).Deescalated);
        Assert.Equal((EscalationPhase.Calm, (int?)null, (EscalationLevel?)null, (Instant?)null, 0), (calm.Phase, calm.Rung, calm.Level, calm.TimeOutAt, calm.RepeatsDone));
        Assert.Empty(calm.ActiveTriggers);
    }

    [Fact]
    public void Clear_InactiveTrigger_RuleBroken()
    {
        var status = Apply(Calm, Raise(EscalationTriggerKind.UpdateWarning), FridayFour).Status;

        Assert.Equal(EscalationRules.TriggerMustBeActive, Assert.IsType<RuleBroken>(Reject(status, Clear(EscalationTriggerKind.Avoidance), FridayFour)).Rule);
    }

    [Fact]
    public void Clear_WhenCalm_NotPermitted()
        => Assert.Equal(
            new EscalationNotPermitted(EscalationPhase.Calm, EscalationTrigger.Clear),
            Reject(Calm, Clear(EscalationTriggerKind.Avoidance), FridayFour));

    [Fact]
    public void Acknowledge_WhenCalm_NotPermitted()
        => Assert.IsType<EscalationNotPermitted>(Reject(Calm, Acknowledge(IncidentRole.Executive), FridayFour));

    [Fact]
    public void Decide_StaleExpectedVersion_StaleVersion()
    {
        var status = Apply(Calm, Raise(EscalationTriggerKind.UpdateWarning), FridayFour).Status;

        Assert.Equal(new StaleVersion(0, 1), Reject(status, Clear(EscalationTriggerKind.UpdateWarning) with { ExpectedVersion = 0 }, FridayFour));
    }

    [Fact]
    public void Decide_CommandForAnotherIncident_Throws()
        => Assert.Throws<ArgumentException>(() => Decider.Decide(EscalationStatus.Initial(IncidentId.New()), Ladder, Raise(EscalationTriggerKind.Avoidance), FridayFour));

    [Fact]
    public void ContractTermException_OnlyBelowThePowerLine_RuleBroken()
    {
        var command = new RecordPowerLineDecision(
            Subject, Id(), As(IncidentRole.CustomerBusinessManager), PowerLineDecisionKind.ContractTermException,
            [Stakeholder.InUsualSide("pat", IncidentRole.CustomerContact), Stakeholder.InUsualSide("sam", IncidentRole.ServiceManager)],
            "Waive the minimum term.");

        Assert.Equal(EscalationRules.AbovePowerLine, Assert.IsType<RuleBroken>(Reject(Calm, command, FridayFour)).Rule);
    }

    [Fact]
    public void ContractTermException_WithParticipantAbove_Recorded()
    {
        var command = new RecordPowerLineDecision(
            Subject, Id(), As(IncidentRole.SeniorManager), PowerLineDecisionKind.ContractTermException,
            [Stakeholder.InUsualSide("pat", IncidentRole.CustomerContact), Stakeholder.InUsualSide("bea", IncidentRole.CustomerBusinessManager)],
            "Waive the minimum term.");

        var (status, events) = Apply(Calm, command, FridayFour);

        Assert.IsType<PowerLineDecisionRecorded>(Assert.Single(events));
        Assert.Equal([PowerLineDecisionKind.ContractTermException], status.Decisions.ToArray());
        Assert.Equal(EscalationPhase.Calm, status.Phase);
    }

    [Fact]
    public void PowerLineDecision_ByActorBelowTheLine_NotAuthorized()
    {
        var command = new RecordPowerLineDecision(
            Subject, Id(), As(IncidentRole.AccountableOwner), PowerLineDecisionKind.ContractTermException,
            [Stakeholder.InUsualSide("bea", IncidentRole.CustomerBusinessManager)], "Waive it.");

        Assert.IsType<EscalationNotAuthorized>(Reject(Calm, command, FridayFour));
    }

    [Fact]
    public void EndRelationship_BySeniorManager_NotAuthorized()
    {
        var command = new RecordPowerLineDecision(
            Subject, Id(), As(IncidentRole.SeniorManager), PowerLineDecisionKind.EndRelationship,
            [Stakeholder.InUsualSide("eve", IncidentRole.Executive)], "End it.");

        Assert.IsType<EscalationNotAuthorized>(Reject(Calm, command, FridayFour));
    }

    [Fact]
    public void EndRelationship_ExecutiveMarkedBelowTheLine_RuleBroken()
    {
        var command = new RecordPowerLineDecision(
            Subject, Id(), As(IncidentRole.Executive, "eve"), PowerLineDecisionKind.EndRelationship,
            [new Stakeholder("eve", IncidentRole.Executive, PowerLineSide.Below), Stakeholder.InUsualSide("vera", IncidentRole.SeniorManager)], "End it.");

        Assert.Equal(EscalationRules.AbovePowerLine, Assert.IsType<RuleBroken>(Reject(Calm, command, FridayFour)).Rule);
    }

    [Fact]
    public void EndRelationship_ByExecutiveAboveTheLine_Recorded()
    {
        var command = new RecordPowerLineDecision(
            Subject, Id(), As(IncidentRole.Executive, "eve"), PowerLineDecisionKind.EndRelationship,
            [Stakeholder.InUsualSide("eve", IncidentRole.Executive)], "Cost to serve and abuse of staff.");

        Assert.Equal([PowerLineDecisionKind.EndRelationship], Apply(Calm, command, FridayFour).Status.Decisions.ToArray());
    }

    [Fact]
    public void Replay_SameEvents_SameStatus()
    {
        var first = Apply(Calm, Raise(EscalationTriggerKind.UpdateWarning), FridayFour);
        var second = Apply(first.Status, TimeOut(), first.Status.TimeOutAt!.Value);

        var replayed = EscalationEvolver.Replay(Subject, first.Events.Concat(second.Events));

        Assert.Equal(second.Status, replayed);
    }

    [Fact]
    public void Evolve_EventOutOfOrder_Throws()
    {
        var first = Apply(Calm, Raise(EscalationTriggerKind.UpdateWarning), FridayFour);

        Assert.Throws<ArgumentException>(() => EscalationEvolver.Evolve(first.Status, first.Events[0]));
    }
}
