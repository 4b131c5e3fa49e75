using System;
using System.Linq;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Incidents;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Testing;
using NodaTime;

namespace CustomerAdvocacy.Tests.Engagement;

public sealed class EngagementTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 9, 0);
    private readonly IncidentId _id = IncidentId.New();
    private readonly IncidentCommands _script;
    private readonly IncidentScenario _scenario;

    public EngagementTests()
    {
        _script = new IncidentCommands(_id, Now);
        _scenario = new IncidentScenario(_id, Now);
    }

    [Fact]
    public void MakeCommitment_BeforePerspectiveCaptured_NotPermittedInState()
    {
        _scenario.Given(_script.Open());
        _scenario.When(_script.Commit("k1")).ThenRejected<NotPermittedInState>();
    }

    [Fact]
    public void MakeCommitment_WithoutDueDate_NoCommitmentMadeButAProposedDueOffered()
    {
        _scenario.Given(_script.Open(), _script.CapturePerspective());
        _scenario.When(_script.Commit("k1") with { Due = null }).ThenAccepted(typeof(CommitmentOffered));
        Assert.Empty(_scenario.State.Commitments);
        Assert.True(Assert.Single(_scenario.State.CommitmentOffers).Due > _scenario.Now);
    }

    [Fact]
    public void MakeCommitment_DueInThePast_CommitmentDueInFuture()
    {
        _scenario.Given(_script.Open(), _script.CapturePerspective());
        _scenario.When(_script.Commit("k1") with { Due = Now }).ThenRuleBroken(IncidentRules.CommitmentDueInFuture);
    }

    [Fact]
    public void MakeCommitment_ReusingId_CommitmentIdsUnique()
    {
        _scenario.Given(_script.Open(), _script.CapturePerspective(), _script.Commit("k1"));
        _scenario.When(_script.Commit("k1")).ThenRuleBroken(IncidentRules.CommitmentIdsUnique);
    }

    [Fact]
    public void MakeCommitment_WithDueDate_IsOpenWithOwnerAndDue()
    {
        _scenario.Given(_script.Open(), _script.CapturePerspective());
        _scenario.When(_script.Commit("k1", 5)).ThenAccepted(typeof(CommitmentMade));
        var commitment = Assert.Single(_scenario.State.Commitments);
        Assert.Equal(CommitmentStatus.Open, commitment.Status);
        Assert.Equal(_script.Owner.Id, commitment.OwnerId);
        Assert.Equal(Now + Duration.FromHours(5), commitment.Due);
        Assert.True(commitment.IsOutstanding);
    }

    [Fact]
    public void DeliverCommitment_Outstanding_Delivered()
    {
        _scenario.Given(_script.Open(), _script.CapturePerspective(), _script.Commit("k1"));
        _scenario.When(_script.Deliver("k1")).ThenAccepted(typeof(CommitmentDelivered));
        Assert.False(Assert.Single(_scenario.State.Commitments).IsOutstanding);
    }

    [Fact]
    public void DeliverCommitment_Twice_CommitmentMustBeOutstanding()
    {
        _scenario.Given(_script.Open(), _script.CapturePerspective(), _script.Commit("k1"), _script.Deliver("k1"));
        _scenario.When(_script.Deliver("k1")).ThenRuleBroken(IncidentRules.CommitmentMustBeOutstanding);
    }

    [Fact]
    public void RecordCommitmentMissed_BeforeDue_CommitmentMissedOnlyAfterDue()
    {
        _scenario.Given(_script.Open(), _script.CapturePerspective(), _script.Commit("k1", 2));
        _scenario.When(new RecordCommitmentMissed(_id, CommandId.New(), _script.Customer, "k1")).ThenRuleBroken(IncidentRules.CommitmentMissedOnlyAfterDue);
    }

    [Fact]
    public void RecordCommitmentMissed_AfterDue_MissedAndStillOutstandingUntilDeliveredLate()
    {
        _scenario.Given(_script.Open(), _script.CapturePerspective(), _script.Commit("k1", 2));
        _scenario.Now = Now + Duration.FromHours(3);
        _scenario.When(new RecordCommitmentMissed(_id, CommandId.New(), _script.Customer, "k1")).ThenAccepted(typeof(CommitmentMissed));
        Assert.Equal(CommitmentStatus.Missed, _scenario.State.Commitments[0].Status);
        Assert.True(_scenario.State.Commitments[0].IsOutstanding);
        _scenario.When(_script.Deliver("k1")).ThenAccepted(typeof(CommitmentDelivered));
    }

    [Fact]
    public void RecordConversation_WithoutParticipants_ConversationNeedsParticipants()
    {
        _scenario.Given(_script.Open());
        _scenario.When(new RecordConversation(_id, CommandId.New(), _script.Owner, "call-1", Array.Empty<string>(), null, null))
            .ThenRuleBroken(IncidentRules.ConversationNeedsParticipants);
    }

    [Fact]
    public void RecordConversation_WithParticipants_RecordedWithEveryone()
    {
        _scenario.Given(_script.Open());
        _scenario.When(new RecordConversation(_id, CommandId.New(), _script.Owner, "call-1", new[] { "customer-1", "owner-1" }, null, null))
            .ThenAccepted(typeof(ConversationRecorded));
        var record = Assert.Single(_scenario.State.Conversations);
        Assert.Equal(new[] { "customer-1", "owner-1" }, record.Participants);
        Assert.Empty(_scenario.State.Commitments);
    }

    [Fact]
    public void RecordConversation_PrivateAsideWithoutFollowUpDue_PrivateAsideNeedsFollowUp()
    {
        _scenario.Given(_script.Open(), _script.CapturePerspective());
        _scenario.When(new RecordConversation(_id, CommandId.New(), _script.Owner, "aside-1", new[] { "customer-1", "owner-1" }, "exec-1", null))
            .ThenRuleBroken(IncidentRules.PrivateAsideNeedsFollowUp);
    }

    [Fact]
    public void RecordConversation_PrivateAside_CreatesFollowUpToAllCommitment()
    {
        _scenario.Given(_script.Open(), _script.CapturePerspective());
        _scenario.When(new RecordConversation(_id, CommandId.New(), _script.Owner, "aside-1", new[] { "customer-1", "owner-1" }, "exec-1", Now + Duration.FromHours(4)))
            .ThenAccepted(typeof(ConversationRecorded), typeof(CommitmentMade));
        var followUp = Assert.Single(_scenario.State.Commitments);
        Assert.Equal("follow-up:aside-1", followUp.Id);
        Assert.Equal(_script.Owner.Id, followUp.OwnerId);
        Assert.True(followUp.IsOutstanding);
    }

    [Fact]
    public void HandOff_ByNonOwner_NotAuthorized()
    {
        _scenario.Given(_script.Open());
        _scenario.When(_script.HandOff("owner-2") with { Actor = _script.Engineer }).ThenRejected<NotAuthorized>();
    }

    [Fact]
    public void HandOff_ToTheOwnerItself_HandoffNeedsSuccessor()
    {
        _scenario.Given(_script.Open());
        _scenario.When(_script.HandOff(_script.Owner.Id)).ThenRuleBroken(IncidentRules.HandoffNeedsSuccessor);
    }

    [Fact]
    public void HandOff_OfferedNotAccepted_OwnerStaysInPlace()
    {
        _scenario.Given(_script.Open());
        _scenario.When(_script.HandOff("owner-2")).ThenAccepted(typeof(HandoffOffered));
        Assert.Equal(_script.Owner.Id, _scenario.State.AccountableOwnerId);
        Assert.Equal("owner-2", _scenario.State.PendingSuccessorId);
    }

    [Fact]
    public void AcceptHandoff_BySomeoneOtherThanNamedSuccessor_OnlyNamedSuccessorAccepts()
    {
        _scenario.Given(_script.Open(), _script.HandOff("owner-2"));
        _scenario.When(_script.AcceptHandoff("engineer-1")).ThenRuleBroken(IncidentRules.OnlyNamedSuccessorAccepts);
    }

    [Fact]
    public void AcceptHandoff_WithNoneOffered_OnlyNamedSuccessorAccepts()
    {
        _scenario.Given(_script.Open());
        _scenario.When(_script.AcceptHandoff("owner-2")).ThenRuleBroken(IncidentRules.OnlyNamedSuccessorAccepts);
    }

    [Fact]
    public void AcceptHandoff_ByNamedSuccessor_OwnershipMovesInOneStep()
    {
        _scenario.Given(_script.Open(), _script.HandOff("owner-2"));
        var events = _scenario.When(_script.AcceptHandoff("owner-2")).ThenAccepted(typeof(HandoffAccepted));
        Assert.Equal("owner-1", ((HandoffAccepted)events[0]).PreviousOwnerId);
        Assert.Equal("owner-2", _scenario.State.AccountableOwnerId);
        Assert.Null(_scenario.State.PendingSuccessorId);
        _scenario.When(_script.CapturePerspective() with { Actor = _script.Owner }).ThenRejected<NotAuthorized>();
    }

    [Fact]
    public void Perspective_Incomplete_RefusedAtConstruction()
    {
        Assert.Throws<ArgumentException>(() => new CustomerPerspective(" ", "orders stopped", "server up", Duration.FromHours(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CustomerPerspective("down", "orders stopped", "server up", Duration.Zero));
    }

    [Fact]
    public void CapturePerspective_Accepted_KeepsAllFourAnswers()
    {
        _scenario.Given(_script.Open());
        _scenario.When(_script.CapturePerspective()).ThenAccepted(typeof(PerspectiveCaptured));
        var p = _scenario.State.Perspective!;
        Assert.Equal(("server down", "orders stopped", "server back up", Duration.FromHours(24)), (p.BiggestProblem, p.ProblemsCaused, p.RemedySought, p.TimeAllowed));
    }

    [Fact]
    public void Conversation_Participants_AreDeduplicatedAndBlankDropped()
    {
        _scenario.Given(_script.Open());
        _scenario.When(new RecordConversation(_id, CommandId.New(), _script.Owner, "call-1", new[] { "a", "a", " ", "b" }, null, null)).ThenAccepted();
        Assert.Equal(new[] { "a", "b" }, _scenario.State.Conversations.Single().Participants);
    }
}
