using System;
using CustomerAdvocacy.Engagement;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Planning;
using CustomerAdvocacy.Review;
using NodaTime;

namespace CustomerAdvocacy.Tests.Planning;

/// <summary>
/// Every sub-process's fold takes its destinations from the process's definition: an event that no transition of the
/// definition allows from the current state is refused, not folded into a state the machine could never reach.
/// </summary>
public sealed class FoldDestinationTests
{
    private static readonly IncidentId Incident = new(new Guid("0f01d000-0000-4000-8000-0000000000f1"));
    private static readonly Actor Owner = new("owner-1", IncidentRole.AccountableOwner);
    private static readonly Instant At = Instant.FromUtc(2026, 3, 28, 9, 0);

    private static EventMetadata First() => new(Incident, 1, At, Owner, CommandId.New());

    [Fact]
    public void ChangePlan_StartedWhileDraft_IsRefused()
    {
        var plan = ChangePlan.Start(ChangePlanFixture.SaturdayPatch().Build());
        var ex = Assert.Throws<ArgumentException>(() => plan.Evolve(new ChangeStarted(First(), plan.Id)));
        Assert.Contains(nameof(ChangePlanTrigger.StartExecution), ex.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(ChangePlanState.Draft), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangePlan_ReviewedWhileDraft_TakesTheDefinitionsDestination()
    {
        var plan = ChangePlan.Start(ChangePlanFixture.SaturdayPatch().Build());
        Assert.Equal(ChangePlanState.ReviewedWithCustomer, plan.Evolve(new ChangePlanReviewedWithCustomer(First(), plan.Id, "customer-it")).State);
    }

    [Fact]
    public void Communication_ReleasedBeforeItsDraft_IsRefused()
    {
        var communication = Communication.New(new CommunicationId(new Guid("0f01d000-0000-4000-8000-0000000000f2")));
        var conversation = new ConversationRecord("c-1", ["customer-it"], At, privateAsideWith: null);
        var ex = Assert.Throws<ArgumentException>(() => communication.Evolve(new CommunicationReleased(First(), communication.Id, conversation)));
        Assert.Contains(nameof(CommunicationTrigger.Release), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MitigationTrial_PurchasedBeforeAnyOffer_IsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => MitigationTrial.Evolve(MitigationTrial.Start(Incident), new MitigationPurchased(First())));
        Assert.Contains(nameof(MitigationTrialTrigger.Purchase), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ManagementReview_CompletedBeforeItStarted_IsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => ManagementReview.Evolve(ManagementReview.Start(Incident), new ManagementReviewCompleted(First(), Late: false)));
        Assert.Contains(nameof(ReviewTrigger.Complete), ex.Message, StringComparison.Ordinal);
    }
}
