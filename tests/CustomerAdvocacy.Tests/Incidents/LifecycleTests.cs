using System;
using System.Collections.Generic;
using System.Linq;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Resolution;
using CustomerAdvocacy.Testing;
using NodaTime;

namespace CustomerAdvocacy.Tests.Incidents;

public sealed class LifecycleTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 9, 0);
    private readonly IncidentId _id = IncidentId.New();
    private readonly IncidentCommands _script;
    private readonly IncidentScenario _scenario;

    public LifecycleTests()
    {
        _script = new IncidentCommands(_id, Now);
        _scenario = new IncidentScenario(_id, Now);
    }

    [Fact]
    public void HappyPath_FromOpenToReviewed_VisitsEveryStateInOrder()
    {
        var states = new List<IncidentState>();
        foreach (var command in _script.ToExecuting("c1").Concat(new IncidentCommand[]
        {
            _script.MeetCriterion("c1"), _script.ProposeResolution(), _script.Confirm(), _script.Close(), _script.ReturnToSop(), _script.CompleteReview(),
        }))
        {
            _scenario.When(command).ThenAccepted();
            if (states.Count == 0 || states[^1] != _scenario.State.State)
            {
                states.Add(_scenario.State.State);
            }
        }

        Assert.Equal(
            new[]
            {
                IncidentState.Opened, IncidentState.Engaged, IncidentState.Analyzing, IncidentState.PlanProposed, IncidentState.PlanApproved,
                IncidentState.Executing, IncidentState.ResolutionProposed, IncidentState.Resolved, IncidentState.ReturnedToSop, IncidentState.Reviewed,
            },
            states);
    }

    [Fact]
    public void StartAnalysis_BeforePerspectiveCaptured_NotPermittedInState()
    {
        _scenario.Given(_script.Open());
        var rejection = _scenario.When(_script.StartAnalysis()).ThenRejected<NotPermittedInState>();
        Assert.Equal(IncidentState.Opened, rejection.State);
        Assert.Equal(IncidentTrigger.StartAnalysis, rejection.Trigger);
    }

    [Fact]
    public void Open_AnIncidentAlreadyOpened_NotPermittedInState()
    {
        _scenario.Given(_script.Open());
        _scenario.When(_script.Open()).ThenRejected<NotPermittedInState>();
    }

    [Fact]
    public void StartExecution_BeforeCustomerApprovedPlan_NotPermittedInState()
    {
        _scenario.Given(_script.Open(), _script.CapturePerspective(), _script.StartAnalysis(), _script.ProposePlan("c1"));
        _scenario.When(_script.StartExecution()).ThenRejected<NotPermittedInState>();
    }

    [Fact]
    public void ProposePlan_WithoutCriteria_PlanNeedsAgreedCriteria()
    {
        _scenario.Given(_script.Open(), _script.CapturePerspective(), _script.StartAnalysis());
        _scenario.When(_script.ProposePlan("c1") with { Criteria = new List<CriterionDraft>() }).ThenRuleBroken(IncidentRules.PlanNeedsAgreedCriteria);
    }

    [Fact]
    public void ProposePlan_WithRepeatedCriterionId_CriterionIdsUnique()
    {
        _scenario.Given(_script.Open(), _script.CapturePerspective(), _script.StartAnalysis());
        _scenario.When(_script.ProposePlan("c1", "c1")).ThenRuleBroken(IncidentRules.CriterionIdsUnique);
    }

    [Fact]
    public void ProposePlan_WithTargetDateInPast_PlanTargetInFuture()
    {
        _scenario.Given(_script.Open(), _script.CapturePerspective(), _script.StartAnalysis());
        _scenario.When(_script.ProposePlan("c1") with { TargetDate = Now - Duration.FromHours(1) }).ThenRuleBroken(IncidentRules.PlanTargetInFuture);
    }

    [Fact]
    public void RejectPlan_ByCustomer_ReturnsToAnalysisAndDropsProposedCriteria()
    {
        _scenario.Given(_script.Open(), _script.CapturePerspective(), _script.StartAnalysis(), _script.ProposePlan("c1"));
        _scenario.When(new RejectPlan(_id, CommandId.New(), _script.Customer, "month-end freeze")).ThenAccepted(typeof(PlanRejected));
        Assert.Equal(IncidentState.Analyzing, _scenario.State.State);
        Assert.Empty(_scenario.State.ProposedCriteria);
        Assert.Empty(_scenario.State.Criteria);
    }

    [Fact]
    public void ApprovePlan_ByCustomer_AgreesTheProposedCriteria()
    {
        _scenario.Given(_script.Open(), _script.CapturePerspective(), _script.StartAnalysis(), _script.ProposePlan("c1", "c2"));
        _scenario.When(_script.ApprovePlan()).ThenAccepted(typeof(PlanApproved));
        Assert.Equal(new[] { "c1", "c2" }, _scenario.State.Criteria.Select(c => c.Id));
        Assert.All(_scenario.State.Criteria, c => Assert.False(c.IsMet));
    }

    [Fact]
    public void RecordCriterionMet_WithoutEvidence_CriterionMetNeedsEvidence()
    {
        _scenario.Given(_script.ToExecuting("c1"));
        _scenario.When(_script.MeetCriterion("c1") with { Evidence = "  " }).ThenRuleBroken(IncidentRules.CriterionMetNeedsEvidence);
    }

    [Fact]
    public void RecordCriterionMet_ForCriterionNeverAgreed_CriterionMetNeedsEvidence()
    {
        _scenario.Given(_script.ToExecuting("c1"));
        _scenario.When(_script.MeetCriterion("c7")).ThenRuleBroken(IncidentRules.CriterionMetNeedsEvidence);
    }

    [Fact]
    public void RecordCriterionMet_WithEvidence_RecordsEvidenceAndVerifier()
    {
        _scenario.Given(_script.ToExecuting("c1"));
        _scenario.When(_script.MeetCriterion("c1")).ThenAccepted(typeof(CriterionMet));
        var criterion = Assert.Single(_scenario.State.Criteria);
        Assert.True(criterion.IsMet);
        Assert.Equal("checked c1", criterion.Evidence);
        Assert.Equal(_script.Engineer.Id, criterion.VerifiedBy);
        Assert.Equal(Now, criterion.MetAt);
    }

    [Fact]
    public void ProposeResolution_WithUnmetCriterion_AllCriteriaMetBeforeProposal()
    {
        _scenario.Given(_script.ToExecuting("c1", "c2")).Given(_script.MeetCriterion("c1"));
        var broken = _scenario.When(_script.ProposeResolution()).ThenRuleBroken(IncidentRules.AllCriteriaMetBeforeProposal);
        Assert.Contains("c2", broken.Detail);
    }

    [Fact]
    public void Command_WithExpectedVersionBehind_StaleVersion()
    {
        _scenario.Given(_script.Open(), _script.CapturePerspective());
        var stale = _scenario.When(_script.StartAnalysis() with { ExpectedVersion = 2 }).ThenRejected<StaleVersion>();
        Assert.Equal(2, stale.ExpectedVersion);
        Assert.Equal(3, stale.ActualVersion);
    }

    [Fact]
    public void Command_WithExpectedVersionCurrent_Accepted()
    {
        _scenario.Given(_script.Open(), _script.CapturePerspective());
        _scenario.When(_script.StartAnalysis() with { ExpectedVersion = 3 }).ThenAccepted(typeof(AnalysisStarted));
    }

    [Fact]
    public void Events_CarryIncidentIdContiguousVersionsClockInstantActorAndCommand()
    {
        var open = _script.Open();
        _scenario.Given(open, _script.CapturePerspective());
        var events = _scenario.History;
        Assert.Equal(new long[] { 1, 2, 3 }, events.Select(e => e.Version));
        Assert.All(events, e => Assert.Equal(_id, e.IncidentId));
        Assert.All(events, e => Assert.Equal(Now, e.Metadata.OccurredAt));
        Assert.Equal(open.CommandId, events[0].Metadata.CommandId);
        Assert.Equal(open.Actor, events[0].Metadata.Actor);
        Assert.Equal(IncidentOpened.TypeName, events[0].EventType);
        Assert.Equal(ServiceLevelsStarted.TypeName, events[1].EventType);
        Assert.Equal(open.CommandId, events[1].Metadata.CommandId);
    }

    [Fact]
    public void Replay_OfHistory_EqualsLiveState()
    {
        _scenario.Given(_script.ToExecuting("c1", "c2")).Given(_script.MeetCriterion("c1"), _script.Commit("k1"));
        Assert.Equal(_scenario.State, IncidentEvolver.Replay(_id, _scenario.History));
    }

    [Fact]
    public void Evolve_EventOutOfOrder_Throws()
    {
        _scenario.Given(_script.Open(), _script.CapturePerspective());
        Assert.Throws<System.ArgumentException>(() => IncidentEvolver.Evolve(_scenario.State, _scenario.History[0]));
    }

    [Fact]
    public void Decide_CommandForAnotherIncident_Throws()
    {
        var other = new IncidentCommands(IncidentId.New(), Now);
        Assert.Throws<System.ArgumentException>(() => new IncidentDecider().Decide(Incident.NotOpened(_id), other.Open(), IncidentContexts.Standard, Now));
    }

    [Fact]
    public void LifecycleDefinition_EveryTriggerIsReachableFromSomeState()
    {
        var triggers = IncidentLifecycle.Definition.Transitions.Select(t => t.Trigger).Distinct().ToHashSet();
        Assert.All(AuthorizationTable.Triggers.Where(t => !t.IsSubProcess()), t => Assert.Contains(t, triggers));
    }

    [Fact]
    public void LifecycleDefinition_PermissionTable_AgreesWithConfiguredStatelessMachine()
    {
        var cursor = new IncidentLifecycle.Cursor();
        var machine = IncidentLifecycle.Definition.Configure(() => cursor.State, s => cursor.State = s);
        foreach (var state in IncidentLifecycle.Definition.States)
        {
            foreach (var trigger in AuthorizationTable.Triggers)
            {
                cursor.State = state;
                var canFire = machine.CanFire(trigger);
                Assert.Equal(canFire, IncidentLifecycle.Definition.Permits(state, trigger));
                if (canFire)
                {
                    machine.Fire(trigger);
                    Assert.Equal(cursor.State, IncidentLifecycle.Definition.Destination(state, trigger));
                }
                else
                {
                    Assert.Null(IncidentLifecycle.Definition.Destination(state, trigger));
                }
            }
        }
    }

    [Fact]
    public void LifecycleDefinition_SuperstatesAreNeverAStateOrADestination()
    {
        IncidentState[] superstates = [IncidentState.Owned, IncidentState.Open, IncidentState.Promising];

        Assert.Equal(11, IncidentLifecycle.Definition.States.Count);
        Assert.All(superstates, s => Assert.DoesNotContain(s, IncidentLifecycle.Definition.States));
        Assert.All(IncidentLifecycle.Definition.Transitions.Where(t => t.From != t.To), t => Assert.DoesNotContain(t.To, superstates));
        Assert.All(superstates, s => Assert.All(AuthorizationTable.Triggers, t => Assert.False(IncidentLifecycle.Definition.Permits(s, t))));
    }

    [Fact]
    public void LifecycleDefinition_TriggersOfEveryOpenState_WrittenOnceOnASuperstate()
    {
        // "Allowed in every open state" is one internal transition on a superstate, not one self-loop per state: the
        // written definition has the 13 real transitions and few internal ones, and still permits them everywhere.
        var definition = IncidentLifecycle.Definition;
        Assert.Equal(13, definition.Transitions.Count(t => t.From != t.To));
        Assert.Single(definition.Transitions, t => t.Trigger == IncidentTrigger.RecordConversation);
        Assert.Single(definition.Transitions, t => t.Trigger == IncidentTrigger.HandOff);
        Assert.Equal(32, definition.Transitions.Count); // 104 when every open state repeated its own self-loops
        IncidentState[] open = [IncidentState.Opened, IncidentState.Engaged, IncidentState.Analyzing, IncidentState.PlanProposed, IncidentState.PlanApproved, IncidentState.Executing, IncidentState.ResolutionProposed];
        Assert.All(open, s => Assert.Equal(s, definition.Destination(s, IncidentTrigger.RecordConversation)));
        Assert.All(open.Skip(1), s => Assert.Equal(s, definition.Destination(s, IncidentTrigger.MakeCommitment)));
        Assert.False(definition.Permits(IncidentState.Opened, IncidentTrigger.MakeCommitment));
        Assert.All(open.Append(IncidentState.Resolved).Append(IncidentState.ReturnedToSop), s => Assert.True(definition.Permits(s, IncidentTrigger.HandOff)));
        Assert.False(definition.Permits(IncidentState.Reviewed, IncidentTrigger.HandOff));
        Assert.False(definition.Permits(IncidentState.Resolved, IncidentTrigger.RecordConversation));
    }

    [Fact]
    public void Evolve_LifecycleEventNotATransitionOfTheState_ArgumentException()
    {
        var id = IncidentId.New();
        var opened = IncidentEvolver.Replay(id, [new IncidentOpened(new EventMetadata(id, 1, Instant.FromUtc(2026, 3, 1, 9, 0), new Actor("o", IncidentRole.AccountableOwner), CommandId.New()), "c", "o", new CustomerAdvocacy.Segmentation.PolicyReference("gold", 1), null)]);

        var ex = Assert.Throws<ArgumentException>(() => IncidentEvolver.Evolve(opened, new IncidentResolved(new EventMetadata(id, 2, Instant.FromUtc(2026, 3, 1, 10, 0), new Actor("o", IncidentRole.AccountableOwner), CommandId.New()))));
        Assert.Contains("Opened", ex.Message);
    }
}
