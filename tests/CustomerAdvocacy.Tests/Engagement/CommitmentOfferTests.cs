using System.Linq;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Scheduling;
using CustomerAdvocacy.Testing;
using NodaTime;
using NodaTime.Testing;

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
    public void Planner_OwnerWithOutstandingCommitments_ProposesAfterThemInBusinessTimePlusBuffer()
    {
        // London office hours 09:00-17:00 on weekdays; the owner still owes two 4-hour commitments on this incident.
        var office = new BusinessCalendarBuilder("Europe/London").AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0)).Build();
        var proposer = new DueDateProposer(office, new FakeClock(Now));
        _scenario.Given(_script.Commit("k1", 8), _script.Commit("k2", 30));

        var proposal = CommitmentDuePlanner.Propose(_scenario.State, _script.Owner.Id, proposer, Duration.FromHours(2), Duration.FromHours(1), Duration.FromHours(4));

        // Monday 09:00: 8 hours of owed work fill Monday; the new 2 hours run Tuesday 09:00-11:00; the buffer ends at 12:00.
        Assert.Equal(Instant.FromUtc(2026, 3, 3, 12, 0), proposal.Due);
        Assert.Equal(new[] { "k1", "k2" }, proposal.Queue.Select(q => q.Commitment.Id));

        _scenario.When(Offer("k3", proposal.Due)).ThenAccepted(typeof(CommitmentOffered));
        _scenario.When(new AcceptCommitmentDue(_id, CommandId.New(), _script.CustomerBusinessManager, "k3")).ThenAccepted(typeof(CommitmentMade));
        Assert.Equal(proposal.Due, _scenario.State.Commitments.Single(c => c.Id == "k3").Due);
    }

    [Fact]
    public void Planner_OtherOwnersAndDeliveredCommitments_AreNotInTheQueue()
    {
        var office = BusinessCalendar.AroundTheClock(DateTimeZoneProviders.Tzdb["Europe/London"]);
        var proposer = new DueDateProposer(office, new FakeClock(Now));
        _scenario.Given(_script.Commit("k1", 8), _script.Deliver("k1"));
        _scenario.Given(_script.Commit("k2", 8) with { OwnerId = "someone-else" });

        var proposal = CommitmentDuePlanner.Propose(_scenario.State, _script.Owner.Id, proposer, Duration.FromHours(2), Duration.Zero, Duration.FromHours(4));

        Assert.Empty(proposal.Queue);
        Assert.Equal(Now + Duration.FromHours(2), proposal.Due);
    }

    private OfferCommitment Offer(string id, Instant due)
        => new(_id, CommandId.New(), _script.Owner, id, _script.Owner.Id, "send the root-cause report", due);
}
