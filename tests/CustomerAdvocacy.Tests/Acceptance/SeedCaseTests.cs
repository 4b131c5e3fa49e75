using System.Linq;
using System.Threading.Tasks;
using CustomerAdvocacy.Engine;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Resolution;
using CustomerAdvocacy.Segmentation;
using CustomerAdvocacy.Storage;
using CustomerAdvocacy.Testing;
using NodaTime;
using NodaTime.Testing;

namespace CustomerAdvocacy.Tests.Acceptance;

/// <summary>The concrete cases of the seed articles, run through the engine end to end.</summary>
public sealed class SeedCaseTests
{
    private static readonly Instant SaturdayMorning = Instant.FromUtc(2026, 2, 28, 6, 0);
    private readonly FakeClock _clock = new(SaturdayMorning);
    private readonly InMemoryIncidentStore _store = new();
    private readonly IncidentEngine _engine;

    public SeedCaseTests() => _engine = new IncidentEngine(_store, FixedIncidentContextProvider.Standard, _clock);

    [Fact]
    public async Task SaturdayPatch_OwnerLeavesAndSuccessorClosesWhileServerDown_Refused()
    {
        var id = IncidentId.New();
        var fred = new Actor("fred", IncidentRole.AccountableOwner);
        var sarah = new Actor("sarah", IncidentRole.Engineer);
        var sarahOwner = new Actor("sarah", IncidentRole.AccountableOwner);
        var customer = new Actor("plant-it-lead", IncidentRole.CustomerContact);
        var policy = new PolicyReference("strategic", 1);

        await Accept(new OpenIncident(id, CommandId.New(), fred, "semiconductor-fab", "fred", policy, null));
        await Accept(new CapturePerspective(id, CommandId.New(), fred, new("patch needed on the production server", "known defect stops a line", "patched and running before month-end", Duration.FromHours(48))));
        await Accept(new StartAnalysis(id, CommandId.New(), fred));
        await Accept(new ProposePlan(id, CommandId.New(), fred, SaturdayMorning + Duration.FromDays(1), new[]
        {
            new CriterionDraft("patch-applied", "The patch is applied"),
            new CriterionDraft("server-up", "The customer's server and its connections are up"),
        }));
        await Accept(new ApprovePlan(id, CommandId.New(), customer));
        await Accept(new StartExecution(id, CommandId.New(), fred));
        await Accept(new RecordCriterionMet(id, CommandId.New(), fred, "patch-applied", "patch log 06:40", "fred"));

        // Fred needs another team for a key task, offers the incident to Sarah and goes to the beach.
        await Accept(new HandOff(id, CommandId.New(), fred, "sarah"));
        _clock.Advance(Duration.FromHours(1));

        // Before Sarah accepts, nobody can close: the owner is leaving and nobody has taken over.
        var whileLeaving = ClosureGate.Evaluate(await _engine.LoadAsync(id)).Select(p => p.Rule).ToArray();
        Assert.Contains(IncidentRules.AccountableOwnerInPlace, whileLeaving);

        await Accept(new AcceptHandoff(id, CommandId.New(), sarah));

        // Sarah did her task and wants to close the ticket, but the server is still down.
        var close = await _engine.ExecuteAsync(new CloseIncident(id, CommandId.New(), sarahOwner));
        Assert.IsType<NotPermittedInState>(((Rejected)close.Decision).Reason);
        var propose = await _engine.ExecuteAsync(new ProposeResolution(id, CommandId.New(), sarahOwner));
        Assert.Equal(IncidentRules.AllCriteriaMetBeforeProposal, ((RuleBroken)((Rejected)propose.Decision).Reason).Rule);

        // Even if she records her own task as making the server "up", closing still needs the customer.
        await Accept(new RecordCriterionMet(id, CommandId.New(), sarahOwner, "server-up", "my task completed", "sarah"));
        await Accept(new ProposeResolution(id, CommandId.New(), sarahOwner));
        var unconfirmed = await _engine.ExecuteAsync(new CloseIncident(id, CommandId.New(), sarahOwner));
        Assert.Equal(IncidentRules.CustomerConfirmedAfterLastCriterionChange, ((RuleBroken)((Rejected)unconfirmed.Decision).Reason).Rule);

        // Nobody confirms on the customer's behalf; Fred is no longer the owner.
        var forged = await _engine.ExecuteAsync(new ConfirmResolution(id, CommandId.New(), sarahOwner));
        Assert.IsType<NotAuthorized>(((Rejected)forged.Decision).Reason);
        var fredActs = await _engine.ExecuteAsync(new CloseIncident(id, CommandId.New(), fred));
        Assert.IsType<NotAuthorized>(((Rejected)fredActs.Decision).Reason);

        // The customer sees the server down and disputes: work returns to that criterion only.
        await Accept(new DisputeResolution(id, CommandId.New(), customer, new[] { "server-up" }, "server still down after two hours"));
        var state = await _engine.LoadAsync(id);
        Assert.Equal(IncidentState.Executing, state.State);
        Assert.Equal(new[] { "server-up" }, state.Criteria.Where(c => !c.IsMet).Select(c => c.Id));
        Assert.Equal("sarah", state.AccountableOwnerId);
        Assert.NotEqual(IncidentState.Resolved, state.State);
    }

    [Fact]
    public async Task CustomerDisputesClosure_BackToDisputedCriteriaThenClosesWithNewConfirmation()
    {
        var script = new IncidentCommands(IncidentId.New(), SaturdayMorning);
        foreach (var c in script.ToExecuting("fix-deployed", "no-errors-24h", "report-sent"))
        {
            await Accept(c);
        }

        await Accept(script.MeetCriterion("fix-deployed"), script.MeetCriterion("no-errors-24h"), script.MeetCriterion("report-sent"), script.ProposeResolution(), script.Confirm());
        await Accept(script.Dispute("no-errors-24h"));
        var disputed = await _engine.LoadAsync(script.IncidentId);
        Assert.Equal(IncidentState.Executing, disputed.State);
        Assert.Equal(new[] { true, false, true }, disputed.Criteria.Select(c => c.IsMet));

        await Accept(script.MeetCriterion("no-errors-24h"), script.ProposeResolution());
        var stale = await _engine.ExecuteAsync(script.Close());
        Assert.Equal(IncidentRules.CustomerConfirmedAfterLastCriterionChange, ((RuleBroken)((Rejected)stale.Decision).Reason).Rule);
        await Accept(script.Confirm(), script.Close());
        Assert.Equal(IncidentState.Resolved, (await _engine.LoadAsync(script.IncidentId)).State);
    }

    [Fact]
    public async Task RelatedRecurrence_AddsAgreedCriterionThatMustBeMetBeforeClosing()
    {
        var script = new IncidentCommands(IncidentId.New(), SaturdayMorning);
        foreach (var c in script.ToExecuting("ink-adheres"))
        {
            await Accept(c);
        }

        await Accept(script.MeetCriterion("ink-adheres"), script.ProposeResolution(), script.Confirm());
        await Accept(new ClassifyRelatedRecurrence(script.IncidentId, CommandId.New(), script.Owner, "TICKET-77", new[] { new CriterionDraft("no-smudge", "No smudging on the second run") }));
        await Accept(new AgreeCriteriaChange(script.IncidentId, CommandId.New(), script.CustomerBusinessManager));
        var state = await _engine.LoadAsync(script.IncidentId);
        Assert.Equal(new[] { "ink-adheres", "no-smudge" }, state.Criteria.Select(c => c.Id));
        Assert.Equal(IncidentState.Executing, state.State);

        var early = await _engine.ExecuteAsync(script.ProposeResolution());
        Assert.Equal(IncidentRules.AllCriteriaMetBeforeProposal, ((RuleBroken)((Rejected)early.Decision).Reason).Rule);
        await Accept(script.MeetCriterion("no-smudge"), script.ProposeResolution());
        var oldConfirmation = await _engine.ExecuteAsync(script.Close());
        Assert.Equal(IncidentRules.CustomerConfirmedAfterLastCriterionChange, ((RuleBroken)((Rejected)oldConfirmation.Decision).Reason).Rule);
        await Accept(script.Confirm(), script.Close());
        Assert.Equal(IncidentState.Resolved, (await _engine.LoadAsync(script.IncidentId)).State);
    }

    [Fact]
    public async Task UnrelatedRecurrence_OpensLinkedIncidentAndFirstStillCloses()
    {
        var script = new IncidentCommands(IncidentId.New(), SaturdayMorning);
        foreach (var c in script.ToExecuting("c1"))
        {
            await Accept(c);
        }

        var linkedId = IncidentId.New();
        var classified = await _engine.ExecuteAsync(new ClassifyUnrelatedRecurrence(script.IncidentId, CommandId.New(), script.ServiceManager, "TICKET-78", linkedId));
        Assert.True(Assert.Single(classified.FollowUps).Decision.IsAccepted);
        await Accept(script.MeetCriterion("c1"), script.ProposeResolution(), script.Confirm(), script.Close());

        var first = await _engine.LoadAsync(script.IncidentId);
        var linked = await _engine.LoadAsync(linkedId);
        Assert.Equal(IncidentState.Resolved, first.State);
        Assert.Equal(new[] { linkedId }, first.LinkedIncidents);
        Assert.Equal(IncidentState.Opened, linked.State);
        Assert.Equal(script.IncidentId, linked.LinkedFrom);
        Assert.Equal(first.CustomerId, linked.CustomerId);
        Assert.Equal(first.Policy, linked.Policy);
    }

    private async Task Accept(params IncidentCommand[] commands)
    {
        foreach (var command in commands)
        {
            var result = await _engine.ExecuteAsync(command);
            Assert.True(result.Decision.IsAccepted, $"{command.GetType().Name} was rejected: {(result.Decision as Rejected)?.Reason}");
        }
    }
}
