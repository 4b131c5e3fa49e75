using System.Linq;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Testing;
using NodaTime;

namespace CustomerAdvocacy.Tests.Resolution;

public sealed class ClosureGateTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 9, 0);
    private readonly IncidentId _id = IncidentId.New();
    private readonly IncidentCommands _script;
    private readonly IncidentScenario _scenario;

    public ClosureGateTests()
    {
        _script = new IncidentCommands(_id, Now);
        _scenario = new IncidentScenario(_id, Now);
    }

    [Fact]
    public void Close_WithEverythingInPlace_Resolved()
    {
        ToResolutionProposed("c1", "c2");
        _scenario.Given(_script.Confirm());
        Assert.Empty(ClosureGate.Evaluate(_scenario.State));
        _scenario.When(_script.Close()).ThenAccepted(typeof(IncidentResolved));
        Assert.Equal(IncidentState.Resolved, _scenario.State.State);
    }

    [Fact]
    public void Close_WithoutCustomerConfirmation_CustomerConfirmedAfterLastCriterionChange()
    {
        ToResolutionProposed("c1");
        _scenario.When(_script.Close()).ThenRuleBroken(IncidentRules.CustomerConfirmedAfterLastCriterionChange);
    }

    [Fact]
    public void Close_WithConfirmationOlderThanLastCriterionChange_CustomerConfirmedAfterLastCriterionChange()
    {
        ToResolutionProposed("c1", "c2");
        _scenario.Given(_script.Confirm(), _script.Dispute("c2"), _script.MeetCriterion("c2"), _script.ProposeResolution());
        var broken = _scenario.When(_script.Close()).ThenRuleBroken(IncidentRules.CustomerConfirmedAfterLastCriterionChange);
        Assert.Contains("before the criteria last changed", broken.Detail);
    }

    [Fact]
    public void Close_WithOutstandingCommitment_NoOpenCommitment()
    {
        ToResolutionProposed("c1");
        _scenario.Given(_script.Commit("k9"), _script.Confirm());
        var broken = _scenario.When(_script.Close()).ThenRuleBroken(IncidentRules.NoOpenCommitment);
        Assert.Contains("k9", broken.Detail);
    }

    [Fact]
    public void Close_WithCommitmentOfferAwaitingTheCustomer_NoPendingCommitmentOffer()
    {
        ToResolutionProposed("c1");
        _scenario.Given(_script.Commit("k9") with { Due = null }, _script.Confirm());
        Assert.Single(_scenario.State.CommitmentOffers);
        Assert.Empty(_scenario.State.Commitments);
        var broken = _scenario.When(_script.Close()).ThenRuleBroken(IncidentRules.NoPendingCommitmentOffer);
        Assert.Contains("k9", broken.Detail);
        Assert.Single(ClosureGate.Evaluate(_scenario.State));

        _scenario.Given(new RejectCommitmentDue(_id, CommandId.New(), _script.Customer, "k9", "not needed any more"));
        _scenario.When(_script.Close()).ThenAccepted(typeof(IncidentResolved));
    }

    [Fact]
    public void Close_WithMissedCommitmentNotDelivered_NoOpenCommitment()
    {
        ToResolutionProposed("c1");
        _scenario.Given(_script.Commit("k9", dueInHours: 1));
        _scenario.Now = Now + Duration.FromHours(2);
        _scenario.Given(new RecordCommitmentMissed(_id, CommandId.New(), _script.Customer, "k9"), _script.Confirm());
        _scenario.When(_script.Close()).ThenRuleBroken(IncidentRules.NoOpenCommitment);
    }

    [Fact]
    public void Close_WithHandoffPending_AccountableOwnerInPlace()
    {
        ToResolutionProposed("c1");
        _scenario.Given(_script.Confirm(), _script.HandOff("owner-2"));
        _scenario.When(_script.Close()).ThenRuleBroken(IncidentRules.AccountableOwnerInPlace);
    }

    [Fact]
    public void Close_WithSeveralUnmetConditions_RefusalListsEveryOneTyped()
    {
        ToResolutionProposed("c1");
        _scenario.Given(_script.Commit("k9"), _script.HandOff("owner-2"));

        var broken = _scenario.When(_script.Close()).ThenRuleBroken(IncidentRules.CustomerConfirmedAfterLastCriterionChange);

        var problems = broken.Violations.Select(v => Assert.IsType<ClosureProblem>(v)).ToArray();
        Assert.Equal(
            [ClosureCondition.CustomerConfirmedAfterLastCriterionChange, ClosureCondition.NoOpenCommitment, ClosureCondition.AccountableOwnerInPlace],
            problems.Select(p => p.Condition));
        Assert.Equal(["k9"], problems[1].References);
        Assert.Equal(["owner-2"], problems[2].References);
        Assert.Equal(ClosureGate.Evaluate(_scenario.State), problems);
        Assert.All(problems, p => Assert.Contains(p.Detail, broken.Detail));
    }

    [Fact]
    public void Evaluate_WithNoCriteria_EveryCriterionMetWithEvidence()
    {
        _scenario.Given(_script.Open());
        Assert.Contains(ClosureGate.Evaluate(_scenario.State), p => p.Rule == IncidentRules.EveryCriterionMetWithEvidence);
    }

    [Fact]
    public void Evaluate_WithConfirmationFromNonCustomer_CustomerConfirmedAfterLastCriterionChange()
    {
        ToResolutionProposed("c1");
        var forged = _scenario.State with
        {
            Version = _scenario.State.Version + 1,
            LastConfirmation = new CustomerConfirmation(_scenario.State.Version + 1, _script.Owner, Now),
        };
        Assert.Contains(ClosureGate.Evaluate(forged), p => p.Rule == IncidentRules.CustomerConfirmedAfterLastCriterionChange);
    }

    [Fact]
    public void Evaluate_ListsEveryProblemTogether()
    {
        ToResolutionProposed("c1");
        _scenario.Given(_script.Commit("k1"), _script.HandOff("owner-2"));
        var rules = ClosureGate.Evaluate(_scenario.State).Select(p => p.Rule).ToArray();
        Assert.Equal(
            new[] { IncidentRules.CustomerConfirmedAfterLastCriterionChange, IncidentRules.NoOpenCommitment, IncidentRules.AccountableOwnerInPlace },
            rules);
        Assert.False(ClosureGate.MayClose(_scenario.State));
    }

    [Fact]
    public void DisputeResolution_OnOneCriterion_ReturnsToExecutingWithOnlyThatCriterionUnmet()
    {
        ToResolutionProposed("c1", "c2", "c3");
        _scenario.When(_script.Dispute("c2")).ThenAccepted(typeof(ResolutionDisputed));
        Assert.Equal(IncidentState.Executing, _scenario.State.State);
        Assert.Equal(new[] { "c2" }, _scenario.State.Criteria.Where(c => !c.IsMet).Select(c => c.Id));
    }

    [Fact]
    public void DisputeResolution_NamingUnknownCriterion_DisputeNamesAgreedCriteria()
    {
        ToResolutionProposed("c1");
        _scenario.When(_script.Dispute("c8")).ThenRuleBroken(IncidentRules.DisputeNamesAgreedCriteria);
    }

    [Fact]
    public void DisputeResolution_NamingNothing_DisputeNamesAgreedCriteria()
    {
        ToResolutionProposed("c1");
        _scenario.When(_script.Dispute()).ThenRuleBroken(IncidentRules.DisputeNamesAgreedCriteria);
    }

    private void ToResolutionProposed(params string[] criteria)
    {
        _scenario.Given(_script.ToExecuting(criteria));
        _scenario.Given(criteria.Select(_script.MeetCriterion));
        _scenario.Given(_script.ProposeResolution());
    }
}
