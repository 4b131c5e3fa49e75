using System.Linq;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Resolution;
using CustomerAdvocacy.Testing;
using NodaTime;

namespace CustomerAdvocacy.Tests.Resolution;

public sealed class RecurrenceTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 9, 0);
    private readonly IncidentId _id = IncidentId.New();
    private readonly IncidentCommands _script;
    private readonly IncidentScenario _scenario;

    public RecurrenceTests()
    {
        _script = new IncidentCommands(_id, Now);
        _scenario = new IncidentScenario(_id, Now);
    }

    [Fact]
    public void RelatedRecurrence_WithCriterion_AddsItOnlyOnceCustomerAgrees()
    {
        _scenario.Given(_script.ToExecuting("c1"));
        _scenario.When(Related("c2")).ThenAccepted(typeof(RelatedRecurrenceJoined));
        Assert.Equal(new[] { "c1" }, _scenario.State.Criteria.Select(c => c.Id));
        Assert.Equal(new[] { "c2" }, _scenario.State.PendingCriteriaChange.Select(c => c.Id));

        _scenario.When(new AgreeCriteriaChange(_id, CommandId.New(), _script.CustomerBusinessManager)).ThenAccepted(typeof(CriteriaChangeAgreed));
        Assert.Equal(new[] { "c1", "c2" }, _scenario.State.Criteria.Select(c => c.Id));
        Assert.Empty(_scenario.State.PendingCriteriaChange);
    }

    [Fact]
    public void AgreeCriteriaChange_ByProvider_NotAuthorized()
    {
        _scenario.Given(_script.ToExecuting("c1")).Given(Related("c2"));
        _scenario.When(new AgreeCriteriaChange(_id, CommandId.New(), _script.Owner)).ThenRejected<NotAuthorized>();
    }

    [Fact]
    public void AgreeCriteriaChange_WithNothingPending_CriteriaChangeOneAtATime()
    {
        _scenario.Given(_script.ToExecuting("c1"));
        _scenario.When(new AgreeCriteriaChange(_id, CommandId.New(), _script.Customer)).ThenRuleBroken(IncidentRules.CriteriaChangeOneAtATime);
    }

    [Fact]
    public void RelatedRecurrence_WhileAnotherChangePending_CriteriaChangeOneAtATime()
    {
        _scenario.Given(_script.ToExecuting("c1")).Given(Related("c2"));
        _scenario.When(Related("c3")).ThenRuleBroken(IncidentRules.CriteriaChangeOneAtATime);
    }

    [Fact]
    public void RelatedRecurrence_ReusingAgreedCriterionId_CriterionIdsUnique()
    {
        _scenario.Given(_script.ToExecuting("c1"));
        _scenario.When(Related("c1")).ThenRuleBroken(IncidentRules.CriterionIdsUnique);
    }

    [Fact]
    public void RejectCriteriaChange_ByCustomer_DropsThePendingCriteria()
    {
        _scenario.Given(_script.ToExecuting("c1")).Given(Related("c2"));
        _scenario.When(new RejectCriteriaChange(_id, CommandId.New(), _script.Customer, "separate issue")).ThenAccepted(typeof(CriteriaChangeRejected));
        Assert.Empty(_scenario.State.PendingCriteriaChange);
        Assert.Single(_scenario.State.Criteria);
    }

    [Fact]
    public void RelatedRecurrence_AtResolutionProposed_ReturnsToExecuting()
    {
        _scenario.Given(_script.ToExecuting("c1")).Given(_script.MeetCriterion("c1"), _script.ProposeResolution());
        _scenario.When(Related()).ThenAccepted(typeof(RelatedRecurrenceJoined));
        Assert.Equal(IncidentState.Executing, _scenario.State.State);
    }

    [Fact]
    public void UnrelatedRecurrence_PointingAtThisIncident_LinkedIncidentIsNew()
    {
        _scenario.Given(_script.ToExecuting("c1"));
        _scenario.When(new ClassifyUnrelatedRecurrence(_id, CommandId.New(), _script.Owner, "REC-2", _id)).ThenRuleBroken(IncidentRules.LinkedIncidentIsNew);
    }

    [Fact]
    public void UnrelatedRecurrence_LinksTheNewIncidentAndLeavesCriteriaAlone()
    {
        _scenario.Given(_script.ToExecuting("c1"));
        var other = IncidentId.New();
        _scenario.When(new ClassifyUnrelatedRecurrence(_id, CommandId.New(), _script.Owner, "REC-2", other)).ThenAccepted(typeof(UnrelatedRecurrenceLinked));
        Assert.Equal(new[] { other }, _scenario.State.LinkedIncidents);
        Assert.Single(_scenario.State.Criteria);
    }

    private ClassifyRelatedRecurrence Related(params string[] newCriteria)
        => new(_id, CommandId.New(), _script.Owner, "REC-1", newCriteria.Select(c => new CriterionDraft(c, "no repeat of " + c)).ToArray());
}
