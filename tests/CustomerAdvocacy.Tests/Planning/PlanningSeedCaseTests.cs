using System;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Planning;
using NodaTime;
using static CustomerAdvocacy.Tests.Planning.ChangePlanFixture;

namespace CustomerAdvocacy.Tests.Planning;

/// <summary>The seed cases of response planning: the Saturday patch and the swirl factor (seed 000), make-whole (seed 001).</summary>
public sealed class PlanningSeedCaseTests
{
    [Fact]
    public void SaturdayPatch_CannotCloseWithoutTheCustomersConfirmation()
    {
        var f = Scheduled();
        var start = f.SlotStart;
        f.Accept(new StartChange(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Fred), start);

        // Fred needs Sarah's team for a key step and wants to go to the beach.
        var leaving = f.Reject<RuleBroken>(new LeaveChangePlan(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Fred), start + Duration.FromHours(1));
        Assert.Equal(ChangePlanRules.OwnerMustHandOff, leaving.Rule);
        f.Accept(new HandOffChangePlan(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Fred, "sarah"), start + Duration.FromHours(1));
        var stillLeaving = f.Reject<RuleBroken>(new LeaveChangePlan(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Fred), start + Duration.FromHours(1));
        Assert.Contains("sarah", stillLeaving.Detail, StringComparison.Ordinal);

        f.Accept(new AcceptChangePlanHandoff(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Sarah), start + Duration.FromHours(1));
        Assert.Equal("sarah", f.Plan.AccountableOwnerId);
        Assert.Equal(new[] { "fred" }, f.Plan.FormerOwnerIds);
        f.Accept(new LeaveChangePlan(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Fred), start + Duration.FromHours(1));

        // Sarah does her task and tries to close: refused while executing, and refused after validation because only
        // the customer closes the plan.
        f.Reject<NotAuthorized<ChangePlanTrigger>>(new ConfirmAllIsWell(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Sarah), start + Duration.FromHours(2));
        f.Accept(new PassPointOfNoReturn(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Sarah), start + Duration.FromHours(2));
        f.Accept(new StartChangeValidation(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Sarah), start + Duration.FromHours(2));
        var closing = f.Reject<NotAuthorized<ChangePlanTrigger>>(new ConfirmAllIsWell(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Sarah), start + Duration.FromHours(3));
        Assert.Contains("customer", closing.Detail, StringComparison.Ordinal);
        f.Reject<RuleBroken>(new LeaveChangePlan(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Sarah), start + Duration.FromHours(3));
        Assert.False(f.Plan.IsClosed);

        f.Accept(new ConfirmAllIsWell(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), CustomerIt), start + Duration.FromHours(3));
        Assert.True(f.Plan.IsClosed);
        f.Accept(new LeaveChangePlan(ChangePlanFixture.IncidentOfPlan, f.Id, CommandId.New(), Sarah), start + Duration.FromHours(3));
    }

    [Fact]
    public void SwirlFactor_MonitoringAuditSentStraightToTheCustomer_IsBlocked()
    {
        var decider = new CommunicationDecider();
        var id = CommunicationId.New();
        var now = Instant.FromUtc(2026, 3, 9, 14, 0);
        var audit = Communication.New(id);
        var drafted = Assert.IsType<ProcessAccepted<CommunicationEvent>>(decider.Decide(audit, CommunicationTests.Draft(CommunicationTests.MonitoringCenter, id), now));
        audit = audit.Evolve(Assert.Single(drafted.Events));

        var emailed = decider.Decide(audit, new ReleaseCommunication(CommunicationTests.IncidentOfCommunication, id, CommandId.New(), CommunicationTests.MonitoringCenter, "email", Array.Empty<string>()), now);
        Assert.IsType<NotAuthorized<CommunicationTrigger>>(Assert.IsType<ProcessRejected<CommunicationEvent>>(emailed).Reason);
        Assert.Equal(CommunicationState.Draft, audit.State);
    }

    [Fact]
    public void MakeWhole_SeedPrinciples_SettleAsTheSeedSays()
    {
        Money Usd(decimal amount) => new(amount, "USD");

        // "the verbal agreement doesn't exist and I'll side with the customer"
        Assert.Equal(Usd(2400m), Settlement.Settle(new UndocumentedVerbalAgreement("reprint at no charge if colours drift", Usd(2400m))).ProviderCovers);

        // "the customer bear the cost to correct it with our help"
        var missed = Settlement.Settle(new CustomerMissedDespiteOurProcess("the signed proof's typo", Usd(900m), "we reschedule the press run at no rush fee"));
        Assert.Equal((Usd(0m), Usd(900m)), (missed.ProviderCovers, missed.CustomerCovers));
        Assert.NotNull(missed.Help);

        // "cover my company's cost to correct our mistake and suggest the customer do likewise"
        var both = Settlement.Settle(new BothSidesErred(Usd(600m), Usd(350m)));
        Assert.Equal((Usd(600m), Usd(350m)), (both.ProviderCovers, both.CustomerCovers));

        // "cover the difference on that one item but not ... refund the whole invoice"
        var line = Settlement.Settle(new InflatedInvoiceLine("INV-7", "freight", Usd(1250m), Usd(400m), Usd(18000m)));
        Assert.Equal(Usd(850m), line.ProviderCovers);
    }
}
