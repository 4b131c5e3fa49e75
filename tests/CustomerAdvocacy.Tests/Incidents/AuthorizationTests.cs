using System.Linq;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Testing;
using NodaTime;

namespace CustomerAdvocacy.Tests.Incidents;

public sealed class AuthorizationTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 9, 0);
    private readonly IncidentId _id = IncidentId.New();
    private readonly IncidentCommands _script;
    private readonly IncidentScenario _scenario;

    public AuthorizationTests()
    {
        _script = new IncidentCommands(_id, Now);
        _scenario = new IncidentScenario(_id, Now);
    }

    [Theory]
    [InlineData(IncidentRole.AccountableOwner)]
    [InlineData(IncidentRole.Engineer)]
    [InlineData(IncidentRole.ServiceManager)]
    [InlineData(IncidentRole.SeniorManager)]
    [InlineData(IncidentRole.Executive)]
    [InlineData(IncidentRole.ThirdParty)]
    public void ConfirmResolution_ByAnyoneButTheCustomer_NotAuthorized(IncidentRole role)
    {
        ToResolutionProposed();
        var actor = role == IncidentRole.AccountableOwner ? _script.Owner : new Actor("someone", role);
        var rejection = _scenario.When(_script.Confirm() with { Actor = actor }).ThenRejected<NotAuthorized>();
        Assert.Equal(role, rejection.Role);
    }

    [Theory]
    [InlineData(IncidentRole.CustomerContact)]
    [InlineData(IncidentRole.CustomerBusinessManager)]
    public void ConfirmResolution_ByCustomer_Accepted(IncidentRole role)
    {
        ToResolutionProposed();
        _scenario.When(_script.Confirm() with { Actor = new Actor("customer-x", role) }).ThenAccepted(typeof(ResolutionConfirmed));
    }

    [Fact]
    public void ApprovePlan_ByProvider_NotAuthorized()
    {
        _scenario.Given(_script.Open(), _script.CapturePerspective(), _script.StartAnalysis(), _script.ProposePlan("c1"));
        _scenario.When(_script.ApprovePlan() with { Actor = _script.ServiceManager }).ThenRejected<NotAuthorized>();
    }

    [Fact]
    public void Close_ByThirdParty_NotAuthorized()
    {
        ToResolutionProposed();
        _scenario.Given(_script.Confirm());
        _scenario.When(_script.Close() with { Actor = _script.ThirdParty }).ThenRejected<NotAuthorized>();
    }

    [Fact]
    public void ActingAsAccountableOwner_WhenNotTheOwner_NotAuthorized()
    {
        _scenario.Given(_script.Open());
        _scenario.When(_script.CapturePerspective() with { Actor = new Actor("impostor", IncidentRole.AccountableOwner) }).ThenRejected<NotAuthorized>();
    }

    [Fact]
    public void AuthorizationCheck_ComesBeforeTheLifecycle_NotAuthorizedEvenInWrongState()
    {
        _scenario.Given(_script.Open());
        _scenario.When(_script.Close() with { Actor = _script.Customer }).ThenRejected<NotAuthorized>();
    }

    [Fact]
    public void Table_ConfirmationAndApproval_OnlyCustomerRoles()
    {
        foreach (var trigger in new[] { IncidentTrigger.ConfirmResolution, IncidentTrigger.ApprovePlan, IncidentTrigger.DisputeResolution, IncidentTrigger.AgreeCriteriaChange })
        {
            Assert.All(AuthorizationTable.AllowedRoles(trigger), r => Assert.True(r.IsCustomer(), $"{r} may {trigger}"));
            Assert.NotEmpty(AuthorizationTable.AllowedRoles(trigger));
        }
    }

    [Fact]
    public void Table_ThirdParty_ClosesNothing()
    {
        var closing = new[] { IncidentTrigger.Close, IncidentTrigger.DeliverCommitment, IncidentTrigger.ProposeResolution, IncidentTrigger.ReturnToSop, IncidentTrigger.CompleteReview };
        Assert.All(closing, t => Assert.False(AuthorizationTable.IsAllowed(IncidentRole.ThirdParty, t)));
    }

    [Fact]
    public void Table_HandOff_OnlyAccountableOwner()
        => Assert.Equal(new[] { IncidentRole.AccountableOwner }, AuthorizationTable.AllowedRoles(IncidentTrigger.HandOff));

    [Fact]
    public void Table_EveryTrigger_HasSomeoneAllowed()
        => Assert.All(AuthorizationTable.Triggers, t => Assert.NotEmpty(AuthorizationTable.AllowedRoles(t)));

    [Fact]
    public void Table_UnknownRoleValue_NotAllowed()
        => Assert.False(AuthorizationTable.IsAllowed((IncidentRole)99, IncidentTrigger.Open));

    [Fact]
    public void Roles_IsCustomer_OnlyCustomerContactAndBusinessManager()
        => Assert.Equal(
            new[] { IncidentRole.CustomerContact, IncidentRole.CustomerBusinessManager },
            AuthorizationTable.Roles.Where(r => r.IsCustomer()));

    private void ToResolutionProposed()
        => _scenario.Given(_script.ToExecuting("c1")).Given(_script.MeetCriterion("c1"), _script.ProposeResolution());
}
