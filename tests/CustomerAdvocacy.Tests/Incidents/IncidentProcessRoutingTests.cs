using System.Linq;
using CustomerAdvocacy.Escalation;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Planning;
using CustomerAdvocacy.Testing;
using CustomerAdvocacy.Tests.Storage;
using NodaTime;

namespace CustomerAdvocacy.Tests.Incidents;

/// <summary>How the incident decider routes sub-process commands: the same gates as the lifecycle's, before the process's own.</summary>
public sealed class IncidentProcessRoutingTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);

    [Fact]
    public void Decide_SubProcessCommandBeforeTheIncidentIsOpened_NotPermittedInState()
    {
        var c = new IncidentCommands(IncidentId.New(), Start);
        var s = new IncidentScenario(c.IncidentId, Start, SubProcessGoldenStreams.Context);

        var outcome = s.When(new RaiseEscalation(c.IncidentId, CommandId.New(), c.Owner, EscalationTriggerKind.CustomerRequest, "asked"));

        var refused = Assert.IsType<NotPermittedInState>(Assert.IsType<Rejected>(outcome.Decision).Reason);
        Assert.Equal((IncidentState.NotOpened, IncidentTrigger.RaiseEscalation), (refused.State, refused.Trigger));
    }

    [Fact]
    public void Decide_AccountableOwnerRoleFromSomeoneElse_NotAuthorized()
    {
        var c = new IncidentCommands(IncidentId.New(), Start);
        var s = new IncidentScenario(c.IncidentId, Start, SubProcessGoldenStreams.Context);
        s.Given(c.Open());

        var outcome = s.When(new RaiseEscalation(c.IncidentId, CommandId.New(), new Actor("impostor", IncidentRole.AccountableOwner), EscalationTriggerKind.CustomerRequest, "asked"));

        Assert.IsType<NotAuthorized>(Assert.IsType<Rejected>(outcome.Decision).Reason);
        Assert.Null(s.State.Processes.Escalation);
    }

    [Fact]
    public void Decide_EscalationWithoutALadderInTheContext_RuleBroken()
    {
        var c = new IncidentCommands(IncidentId.New(), Start);
        var s = new IncidentScenario(c.IncidentId, Start);
        s.Given(c.Open());

        var outcome = s.When(new RaiseEscalation(c.IncidentId, CommandId.New(), c.Owner, EscalationTriggerKind.CustomerRequest, "asked"));

        Assert.Equal(IncidentProcessRules.ContextRequired, Assert.IsType<RuleBroken>(Assert.IsType<Rejected>(outcome.Decision).Reason).Rule);
    }

    [Fact]
    public void Decide_ChangePlanCommandForAnUnknownPlan_RuleBroken()
    {
        var c = new IncidentCommands(IncidentId.New(), Start);
        var s = new IncidentScenario(c.IncidentId, Start, SubProcessGoldenStreams.Context);
        s.Given(c.Open());

        var outcome = s.When(new StartChange(c.IncidentId, ChangePlanId.New(), CommandId.New(), ChangePlanFixtureOwner()));

        Assert.Equal(IncidentProcessRules.ProcessMustExist, Assert.IsType<RuleBroken>(Assert.IsType<Rejected>(outcome.Decision).Reason).Rule);
    }

    [Fact]
    public void Decide_EveryAcceptedSubProcessCommand_LeavesTheLifecycleStateAlone()
    {
        var events = SubProcessGoldenStreams.Everything();
        var state = Incident.NotOpened(SubProcessGoldenStreams.MainId);
        foreach (var e in events)
        {
            var next = IncidentEvolver.Evolve(state, e);
            if (e.GetType().Namespace != typeof(IncidentOpened).Namespace)
            {
                Assert.Equal(state.State, next.State);
            }

            state = next;
        }

        Assert.True(events.Count(e => e.GetType().Namespace != typeof(IncidentOpened).Namespace) > 40);
    }

    [Fact]
    public void Decide_FirstResponseBreachRecorded_RaisesTheEscalationInTheSameDecision()
    {
        var c = new IncidentCommands(IncidentId.New(), Start);
        var s = new IncidentScenario(c.IncidentId, Start, SubProcessGoldenStreams.Context);
        s.Given(c.Open());
        var state = s.State.State;
        s.Now = s.State.ServiceLevels!.FirstResponse.Schedule.Due;

        var outcome = s.When(new RecordServiceLevelBreach(c.IncidentId, CommandId.New(), c.ServiceManager, CustomerAdvocacy.Engagement.ServiceLevelKind.FirstResponse));

        var events = Assert.IsType<Accepted>(outcome.Decision).Events;
        Assert.Equal(EscalationTriggerKind.FirstResponseBreached, Assert.IsType<EscalationRaised>(events[^1]).Reason);
        Assert.Equal(state, s.State.State);
        Assert.Equal(EscalationPhase.Escalating, s.State.Processes.Escalation!.Phase);
    }

    private static Actor ChangePlanFixtureOwner() => Planning.ChangePlanFixture.Fred;
}
