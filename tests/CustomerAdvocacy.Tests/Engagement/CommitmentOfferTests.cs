using System.Linq;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Scheduling;
using CustomerAdvocacy.Testing;
using NodaTime;

namespace CustomerAdvocacy.Tests.Engagement;

public sealed class CommitmentOfferTests
{
    // Monday 2 March 2026, 09:00 in London (UTC in winter).
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 9, 0);
    private readonly IncidentId _id = IncidentId.New();
    private readonly IncidentCommands _script;
    private readonly IncidentScenario _scenario;

    public CommitmentOfferTests()
    {
        _script = new IncidentCommands(_id, Now);
        _scenario = new IncidentScenario(_id, Now).Given(_script.Open(), _script.CapturePerspective());
    }

    [Fact]
    public void AcceptCommitmentDue_ByCustomer_MakesTheCommitmentWithTheOfferedDue()
    {
        _scenario.Given(Offer("k1", Now + Duration.FromHours(30)));
        Assert.Empty(_scenario.State.Commitments);
        _scenario.When(new AcceptCommitmentDue(_id, CommandId.New(), _script.Customer, "k1")).ThenAccepted(typeof(CommitmentMade));
        var made = Assert.Single(_scenario.State.Commitments);
        Assert.Equal(Now + Duration.FromHours(30), made.Due);
        Assert.Empty(_scenario.State.CommitmentOffers);
    }

    [Fact]
    public void RejectCommitmentDue_WithReason_WithdrawsTheOfferAndMakesNothing()
    {
        _scenario.Given(Offer("k1", Now + Duration.FromHours(30)));
        _scenario.When(new RejectCommitmentDue(_id, CommandId.New(), _script.Customer, "k1", "month-end close runs that day")).ThenAccepted(typeof(CommitmentDueRejected));
        Assert.Empty(_scenario.State.CommitmentOffers);
        Assert.Empty(_scenario.State.Commitments);
        _scenario.When(_script.Commit("k1", 60)).ThenAccepted(typeof(CommitmentMade));
    }

    [Fact]
    public void RejectCommitmentDue_WithoutReason_CommitmentOfferPending()
    {
        _scenario.Given(Offer("k1", Now + Duration.FromHours(30)));
        _scenario.When(new RejectCommitmentDue(_id, CommandId.New(), _script.Customer, "k1", " ")).ThenRuleBroken(IncidentRules.CommitmentOfferPending);
    }

    [Fact]
    public void AcceptCommitmentDue_WithNothingOffered_CommitmentOfferPending()
        => _scenario.When(new AcceptCommitmentDue(_id, CommandId.New(), _script.Customer, "k1")).ThenRuleBroken(IncidentRules.CommitmentOfferPending);

    [Fact]
    public void AcceptCommitmentDue_ByProvider_NotAuthorized()
    {
        _scenario.Given(Offer("k1", Now + Duration.FromHours(30)));
        _scenario.When(new AcceptCommitmentDue(_id, CommandId.New(), _script.Owner, "k1")).ThenRejected<NotAuthorized>();
    }

    [Fact]
    public void AcceptCommitmentDue_AfterTheOfferedDuePassed_CommitmentDueInFuture()
    {
        _scenario.Given(Offer("k1", Now + Duration.FromHours(2)));
        _scenario.Now = Now + Duration.FromHours(3);
        _scenario.When(new AcceptCommitmentDue(_id, CommandId.New(), _script.Customer, "k1")).ThenRuleBroken(IncidentRules.CommitmentDueInFuture);
    }

    [Fact]
    public void OfferCommitment_ReusingAnId_CommitmentIdsUnique()
    {
        _scenario.Given(Offer("k1", Now + Duration.FromHours(30)));
        _scenario.When(Offer("k1", Now + Duration.FromHours(40))).ThenRuleBroken(IncidentRules.CommitmentIdsUnique);
        _scenario.When(_script.Commit("k1")).ThenRuleBroken(IncidentRules.CommitmentIdsUnique);
    }

    [Fact]
    public void OfferCommitment_DueInThePast_CommitmentDueInFuture()
        => _scenario.When(Offer("k1", Now)).ThenRuleBroken(IncidentRules.CommitmentDueInFuture);

    [Fact]
    public void MakeCommitment_WithoutDue_OffersTheDueProposedAfterTheOwnersOutstandingWorkInBusinessTime()
    {
        // London office hours 09:00-17:00 on weekdays; the owner still owes two commitments of 4 hours each here.
        var office = new BusinessCalendarBuilder("Europe/London").AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0)).Build();
        _scenario.Context = IncidentContexts.Standard with
        {
            Calendar = office,
            CommitmentProposals = new CommitmentProposalSettings(Duration.FromHours(2), Duration.FromHours(1), Duration.FromHours(4)),
        };
        _scenario.Given(_script.Commit("k1", 8), _script.Commit("k2", 30));

        var offered = _scenario.When(_script.Commit("k3") with { Due = null }).ThenAccepted(typeof(CommitmentOffered));

        // Monday 09:00: 8 hours of owed work fill Monday; the new 2 hours run Tuesday 09:00-11:00; the buffer ends at 12:00.
        var offer = Assert.IsType<CommitmentOffered>(offered[0]).Offer;
        Assert.Equal(Instant.FromUtc(2026, 3, 3, 12, 0), offer.Due);
        Assert.Equal(new[] { "k1", "k2" }, _scenario.State.Commitments.Select(c => c.Id));
        _scenario.When(new AcceptCommitmentDue(_id, CommandId.New(), _script.CustomerBusinessManager, "k3")).ThenAccepted(typeof(CommitmentMade));
        Assert.Equal(offer.Due, _scenario.State.Commitments.Single(c => c.Id == "k3").Due);
    }

    [Fact]
    public void MakeCommitment_WithoutDue_OtherOwnersAndDeliveredCommitmentsAreNotWorkedFirst()
    {
        _scenario.Context = IncidentContexts.Standard with
        {
            Calendar = BusinessCalendar.AroundTheClock(DateTimeZoneProviders.Tzdb["Europe/London"]),
            CommitmentProposals = new CommitmentProposalSettings(Duration.FromHours(2), Duration.Zero, Duration.FromHours(4)),
        };
        _scenario.Given(_script.Commit("k1", 8), _script.Deliver("k1"));
        _scenario.Given(_script.Commit("k2", 8) with { OwnerId = "someone-else" });

        var offered = _scenario.When(_script.Commit("k3") with { Due = null }).ThenAccepted(typeof(CommitmentOffered));

        Assert.Equal(Now + Duration.FromHours(2), Assert.IsType<CommitmentOffered>(offered[0]).Offer.Due);
    }

    [Fact]
    public void MakeCommitment_WithoutDueWithEffort_ProposesWithTheCommandsEffortAcrossTheNewYorkSpringForward()
    {
        // Friday 6 March 2026 16:00 in New York (EST); clocks spring forward on Sunday 8 March. Office 09:00-17:00.
        var office = new BusinessCalendarBuilder("America/New_York").AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0)).Build();
        var friday = Instant.FromUtc(2026, 3, 6, 21, 0);
        var script = new IncidentCommands(_id, friday);
        var scenario = new IncidentScenario(_id, friday, IncidentContexts.Standard with
        {
            Calendar = office,
            CommitmentProposals = new CommitmentProposalSettings(Duration.FromHours(1), Duration.Zero, Duration.Zero),
        }).Given(script.Open(), script.CapturePerspective());

        var offered = scenario.When(script.Commit("k1") with { Due = null, Effort = Duration.FromHours(3) }).ThenAccepted(typeof(CommitmentOffered));

        // One hour on Friday, two on Monday from 09:00 EDT (13:00 UTC): due Monday 11:00 EDT.
        Assert.Equal(Instant.FromUtc(2026, 3, 9, 15, 0), Assert.IsType<CommitmentOffered>(offered[0]).Offer.Due);
    }

    [Fact]
    public void MakeCommitment_WithoutDueAndNonPositiveEffort_CommitmentEffortPositive()
        => _scenario.When(_script.Commit("k1") with { Due = null, Effort = Duration.Zero }).ThenRuleBroken(IncidentRules.CommitmentEffortPositive);

    private OfferCommitment Offer(string id, Instant due)
        => new(_id, CommandId.New(), _script.Owner, id, _script.Owner.Id, "send the root-cause report", due);
}
