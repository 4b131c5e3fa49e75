using System;
using System.Linq;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Planning;
using NodaTime;

namespace CustomerAdvocacy.Tests.Planning;

public sealed class AnalysisTests
{
    private static readonly Actor Owner = AnalysisTestKit.Owner;
    private static readonly Actor Engineer = AnalysisTestKit.Engineer;
    private static readonly Actor Customer = AnalysisTestKit.Customer;

    [Fact]
    public void RecordFact_ContradictingAScenario_EliminatesItWithThatFactAsReason()
    {
        var kit = new AnalysisTestKit();
        kit.Accept((i, c) => new ProposeScenario(i, c, Engineer, new Scenario("s1", "Curing", new[] { new Expectation("industrial-laundry", false) })));
        kit.Accept((i, c) => new ProposeScenario(i, c, Engineer, new Scenario("s2", "Fabric", new[] { new Expectation("fabric-changed", true) })));

        var decision = kit.Send((i, c) => new RecordFact(i, c, Engineer, new Fact("f1", "industrial-laundry", true, "Customer's statement")));

        var events = Assert.IsType<ProcessAccepted<AnalysisEvent>>(decision).Events;
        Assert.Equal(new ScenarioEliminated(events[1].Metadata, "s1", "f1"), events[1]);
        var verdicts = kit.State.Verdicts;
        Assert.Equal("f1", verdicts.Single(v => v.Scenario.Id == "s1").EliminatedBy?.Id);
        Assert.True(verdicts.Single(v => v.Scenario.Id == "s2").Remains);
    }

    [Fact]
    public void ProposeScenario_AlreadyContradicted_IsEliminatedAtOnce()
    {
        var kit = new AnalysisTestKit();
        kit.Accept((i, c) => new RecordFact(i, c, Engineer, new Fact("f1", "industrial-laundry", true, "Customer's statement")));

        var decision = kit.Send((i, c) => new ProposeScenario(i, c, Engineer, new Scenario("s1", "Curing", new[] { new Expectation("industrial-laundry", false) })));

        Assert.Equal(2, Assert.IsType<ProcessAccepted<AnalysisEvent>>(decision).Events.Count);
        Assert.Empty(kit.State.RemainingScenarios);
    }

    [Fact]
    public void Scenarios_SeveralConsistentWithFacts_AllRemain()
    {
        var kit = new AnalysisTestKit();
        kit.Accept((i, c) => new ProposeScenario(i, c, Engineer, new Scenario("s1", "A", new[] { new Expectation("x", true) })));
        kit.Accept((i, c) => new ProposeScenario(i, c, Engineer, new Scenario("s2", "B", new[] { new Expectation("y", true) })));
        kit.Accept((i, c) => new RecordFact(i, c, Engineer, new Fact("f1", "x", true, "log")));

        Assert.Equal(new[] { "s1", "s2" }, kit.State.RemainingScenarios.Select(s => s.Id));
    }

    [Fact]
    public void RecordFact_ContradictingARecordedFact_IsRefused()
    {
        var kit = new AnalysisTestKit();
        kit.Accept((i, c) => new RecordFact(i, c, Engineer, new Fact("f1", "x", true, "log")));

        var broken = AnalysisTestKit.Broken(kit.Send((i, c) => new RecordFact(i, c, Engineer, new Fact("f2", "x", false, "other log"))));

        Assert.Equal(AnalysisRules.FactsConsistent, broken.Rule);
    }

    [Fact]
    public void RecordFact_DuplicateId_IsRefused()
    {
        var kit = new AnalysisTestKit();
        kit.Accept((i, c) => new RecordFact(i, c, Engineer, new Fact("f1", "x", true, "log")));

        Assert.Equal(AnalysisRules.IdsUnique, AnalysisTestKit.Broken(kit.Send((i, c) => new RecordFact(i, c, Engineer, new Fact("f1", "y", true, "log")))).Rule);
    }

    [Fact]
    public void Fact_WithoutEvidence_Throws()
        => Assert.Throws<ArgumentException>("evidence", () => new Fact("f1", "x", true, " "));

    [Fact]
    public void SituationSummary_HidingACustomerOwnedFactor_IsInvalidAndRefused()
    {
        var kit = new AnalysisTestKit();
        var summary = AnalysisTestKit.Summary(discloseCustomerShare: false);
        Assert.Contains(summary.Problems, p => p.Message.Contains("c-laundry", StringComparison.Ordinal));

        var broken = AnalysisTestKit.Broken(kit.Send((i, c) => new RecordSituationSummary(i, c, Owner, summary)));

        Assert.Equal(AnalysisRules.SummaryDisclosesEverything, broken.Rule);
    }

    [Fact]
    public void SituationSummary_DisclosingEveryShare_IsValidWithChronologyInOrder()
    {
        var summary = new SituationSummary(
            new[] { new ChronologyEntry(Instant.FromUtc(2026, 2, 2, 0, 0), "later"), new ChronologyEntry(Instant.FromUtc(2026, 2, 1, 0, 0), "earlier") },
            new[] { new ContributingFactor("c1", "ours", FactorOwner.Provider, false) });

        Assert.Empty(summary.Problems);
        Assert.Equal("earlier", summary.Chronology[0].What);
    }

    [Fact]
    public void SituationSummary_Empty_ReportsEveryProblemAtOnce()
    {
        var summary = new SituationSummary(Array.Empty<ChronologyEntry>(), Array.Empty<ContributingFactor>());

        Assert.Equal(2, summary.Problems.Count);
    }

    [Fact]
    public void DraftProposal_BeforeFactsAndSummary_IsRefused()
    {
        var kit = new AnalysisTestKit();

        var broken = AnalysisTestKit.Broken(kit.Send((i, c) => new DraftProposal(i, c, Owner, AnalysisTestKit.Proposal())));

        Assert.Equal(AnalysisRules.FactsBeforeRemedies, broken.Rule);
    }

    [Fact]
    public void DraftProposal_MissingParts_NamesEveryMissingPart()
    {
        var kit = new AnalysisTestKit().WithDraftedProposal();
        var empty = new Proposal(Array.Empty<string>(), Array.Empty<string>(), Array.Empty<ProposalAction>(), Array.Empty<ProposalAction>());

        var broken = AnalysisTestKit.Broken(kit.Send((i, c) => new DraftProposal(i, c, Owner, empty)));

        Assert.Equal(AnalysisRules.ProposalHasFiveParts, broken.Rule);
        Assert.Contains("facts, conclusions, immediate resolution, prevention", broken.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void DraftProposal_CitingAnUnrecordedFact_IsRefused()
    {
        var kit = new AnalysisTestKit().WithDraftedProposal();
        var proposal = new Proposal(new[] { "f-guess" }, new[] { "c" }, new[] { new ProposalAction("a1", "x") }, new[] { new ProposalAction("a2", "y") });

        Assert.Equal(AnalysisRules.FactsBeforeRemedies, AnalysisTestKit.Broken(kit.Send((i, c) => new DraftProposal(i, c, Owner, proposal))).Rule);
    }

    [Theory]
    [InlineData(IncidentRole.AccountableOwner)]
    [InlineData(IncidentRole.Engineer)]
    [InlineData(IncidentRole.SeniorManager)]
    [InlineData(IncidentRole.Executive)]
    [InlineData(IncidentRole.ThirdParty)]
    public void ApproveProposal_ByANonCustomerRole_IsRefused(IncidentRole role)
    {
        var kit = new AnalysisTestKit().WithDraftedProposal();

        var decision = kit.Send((i, c) => new ApproveProposal(i, c, new Actor("someone", role)));

        Assert.IsType<NotAuthorized<string>>(Assert.IsType<ProcessRejected<AnalysisEvent>>(decision).Reason);
        Assert.Equal(ProposalStatus.AwaitingApproval, kit.State.ProposalStatus);
    }

    [Fact]
    public void ExecuteProposalAction_AfterCustomerApproval_IsAccepted()
    {
        var kit = new AnalysisTestKit().WithDraftedProposal();
        kit.Accept((i, c) => new ApproveProposal(i, c, AnalysisTestKit.CustomerManager));

        var decision = kit.Send((i, c) => new ExecuteProposalAction(i, c, AnalysisTestKit.Vendor, "a-embroider"));

        Assert.True(decision.IsAccepted);
        Assert.Equal(new[] { "a-embroider" }, kit.State.ExecutedActions);
    }

    [Fact]
    public void ExecuteProposalAction_AfterRejection_IsRefused()
    {
        var kit = new AnalysisTestKit().WithDraftedProposal();
        kit.Accept((i, c) => new RejectProposal(i, c, Customer, "Our laundry is industrial"));

        Assert.Equal(AnalysisRules.ApprovedBeforeExecution, AnalysisTestKit.Broken(kit.Send((i, c) => new ExecuteProposalAction(i, c, Owner, "a-embroider"))).Rule);
    }

    [Fact]
    public void DraftProposal_AfterApproval_NeedsANewApproval()
    {
        var kit = new AnalysisTestKit().WithDraftedProposal();
        kit.Accept((i, c) => new ApproveProposal(i, c, Customer));
        kit.Accept((i, c) => new DraftProposal(i, c, Owner, AnalysisTestKit.Proposal()));

        Assert.Equal(ProposalStatus.AwaitingApproval, kit.State.ProposalStatus);
        Assert.Equal(AnalysisRules.ApprovedBeforeExecution, AnalysisTestKit.Broken(kit.Send((i, c) => new ExecuteProposalAction(i, c, Owner, "a-embroider"))).Rule);
    }

    [Fact]
    public void ApproveProposal_WithoutADraft_IsRefused()
        => Assert.Equal(AnalysisRules.ProposalAwaitingApproval, AnalysisTestKit.Broken(new AnalysisTestKit().Send((i, c) => new ApproveProposal(i, c, Customer))).Rule);

    [Fact]
    public void Decide_SameCommandIdTwice_RecordsItsEventsOnce()
    {
        var kit = new AnalysisTestKit();
        var command = new RecordFact(kit.Incident, CommandId.New(), Engineer, new Fact("f1", "x", true, "log"));
        kit.Send(command);

        var again = Assert.IsType<ProcessAccepted<AnalysisEvent>>(kit.Send(command));

        Assert.True(again.IsRepeat);
        Assert.Single(kit.State.Facts);
    }

    [Fact]
    public void Replay_OfRecordedEvents_EqualsTheLiveState()
    {
        var kit = new AnalysisTestKit().WithDraftedProposal();
        kit.Accept((i, c) => new ApproveProposal(i, c, Customer));

        Assert.Equal(kit.State, Analysis.Replay(kit.Incident, kit.Events));
    }

    [Fact]
    public void Decide_CommandForAnotherIncident_Throws()
    {
        var kit = new AnalysisTestKit();
        var command = new RecordFact(IncidentId.New(), CommandId.New(), Engineer, new Fact("f1", "x", true, "log"));

        Assert.Throws<ArgumentException>("command", () => AnalysisDecider.Decide(kit.State, command, kit.Policy, AnalysisTestKit.Now));
    }

    [Fact]
    public void ProposeScenario_DuplicateId_IsRefused()
    {
        var kit = new AnalysisTestKit();
        kit.Accept((i, c) => new ProposeScenario(i, c, Engineer, new Scenario("s1", "A", Array.Empty<Expectation>())));

        Assert.Equal(AnalysisRules.IdsUnique, AnalysisTestKit.Broken(kit.Send((i, c) => new ProposeScenario(i, c, Engineer, new Scenario("s1", "B", Array.Empty<Expectation>())))).Rule);
    }

    [Fact]
    public void Scenario_ExpectingAnObservationTwice_Throws()
        => Assert.Throws<ArgumentException>("expectations", () => new Scenario("s1", "A", new[] { new Expectation("x", true), new Expectation("x", false) }));

    [Fact]
    public void DraftProposal_DuplicateActionIds_IsRefused()
    {
        var kit = new AnalysisTestKit().WithDraftedProposal();
        var proposal = new Proposal(new[] { "f-laundry" }, new[] { "c" }, new[] { new ProposalAction("a1", "x") }, new[] { new ProposalAction("a1", "y") });

        Assert.Equal(AnalysisRules.IdsUnique, AnalysisTestKit.Broken(kit.Send((i, c) => new DraftProposal(i, c, Owner, proposal))).Rule);
    }

    [Fact]
    public void RejectProposal_WithoutReason_IsRefused()
    {
        var kit = new AnalysisTestKit().WithDraftedProposal();

        Assert.Equal(AnalysisRules.TextRequired, AnalysisTestKit.Broken(kit.Send((i, c) => new RejectProposal(i, c, Customer, " "))).Rule);
    }

    [Fact]
    public void RecordFact_ByACustomerRole_IsRefused()
    {
        var decision = new AnalysisTestKit().Send((i, c) => new RecordFact(i, c, Customer, new Fact("f1", "x", true, "log")));

        Assert.IsType<NotAuthorized<string>>(Assert.IsType<ProcessRejected<AnalysisEvent>>(decision).Reason);
    }
}
