using CustomerAdvocacy.Planning;

namespace CustomerAdvocacy.Tests.Planning;

/// <summary>
/// Seed 001, the screen-printing case: an extra curing step was tried on the returned garments without the customer's
/// approval, and failed against the fire department's industrial laundry. The analysis refuses such an experiment.
/// </summary>
public sealed class ScreenPrintingSeedTests
{
    [Fact]
    public void CuringExperiment_WithoutAProposal_IsRefused()
    {
        var kit = new AnalysisTestKit();
        kit.Accept((i, c) => new RecordFact(i, c, AnalysisTestKit.Engineer, new Fact("f-returned", "logos-worn-after-washing", true, "Returned garments")));

        var broken = AnalysisTestKit.Broken(kit.Send((i, c) => new ExecuteProposalAction(i, c, AnalysisTestKit.Vendor, "extra-curing")));

        Assert.Equal(AnalysisRules.ApprovedBeforeExecution, broken.Rule);
    }

    [Fact]
    public void ApprovedAction_BeforeTheCustomerApproves_IsRefused()
    {
        var kit = new AnalysisTestKit().WithDraftedProposal();

        var broken = AnalysisTestKit.Broken(kit.Send((i, c) => new ExecuteProposalAction(i, c, AnalysisTestKit.Vendor, "a-embroider")));

        Assert.Equal(AnalysisRules.ApprovedBeforeExecution, broken.Rule);
        Assert.Empty(kit.State.ExecutedActions);
    }

    [Fact]
    public void CuringExperiment_NotInTheApprovedProposal_IsRefused()
    {
        var kit = new AnalysisTestKit().WithDraftedProposal();
        kit.Accept((i, c) => new ApproveProposal(i, c, AnalysisTestKit.CustomerManager));

        var broken = AnalysisTestKit.Broken(kit.Send((i, c) => new ExecuteProposalAction(i, c, AnalysisTestKit.Vendor, "extra-curing")));

        Assert.Equal(AnalysisRules.ActionInApprovedProposal, broken.Rule);
    }

    [Fact]
    public void Facts_EliminateTheCuringScenario_AndLeaveTheLaundryScenario()
    {
        var kit = new AnalysisTestKit().WithDraftedProposal();

        var verdict = Assert.Single(kit.State.Verdicts, v => !v.Remains);
        Assert.Equal("s-curing", verdict.Scenario.Id);
        Assert.Equal("f-laundry", verdict.EliminatedBy?.Id);
        Assert.Equal("s-laundry", Assert.Single(kit.State.RemainingScenarios).Id);
    }
}
