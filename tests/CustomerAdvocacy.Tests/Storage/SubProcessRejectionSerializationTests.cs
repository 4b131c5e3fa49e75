using System;
using CustomerAdvocacy.Escalation;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Planning;
using CustomerAdvocacy.Review;
using CustomerAdvocacy.Scheduling;
using CustomerAdvocacy.Storage;
using NodaTime;

namespace CustomerAdvocacy.Tests.Storage;

/// <summary>Sub-process rejections reach the stores' command records like the lifecycle's, so each has a stored form.</summary>
public sealed class SubProcessRejectionSerializationTests
{
    private static readonly IncidentEventSerializer Serializer = new();

    public static TheoryData<Rejection> Rejections() => new()
    {
        new NotPermittedInState<ChangePlanState, ChangePlanTrigger>(ChangePlanState.Draft, ChangePlanTrigger.ConfirmAllIsWell),
        new NotPermittedInState<CommunicationState, CommunicationTrigger>(CommunicationState.Draft, CommunicationTrigger.Release),
        new NotPermittedInState<MitigationTrialState, MitigationTrialTrigger>(MitigationTrialState.Offered, MitigationTrialTrigger.Purchase),
        new NotPermittedInState<ReviewState, ReviewTrigger>(ReviewState.Open, ReviewTrigger.DecideTermination),
        new NotAuthorized<ChangePlanTrigger>(IncidentRole.Engineer, ChangePlanTrigger.ConfirmAllIsWell, "only the customer"),
        new NotAuthorized<CommunicationTrigger>(IncidentRole.Engineer, CommunicationTrigger.Release, "account team"),
        new NotAuthorized<MitigationTrialTrigger>(IncidentRole.Engineer, MitigationTrialTrigger.Accept, "the customer accepts"),
        new NotAuthorized<ReviewTrigger>(IncidentRole.SeniorManager, ReviewTrigger.DecideTermination, "only an executive"),
        new NotAuthorized<string>(IncidentRole.Engineer, nameof(ApproveProposal), "the customer approves"),
        new EscalationNotPermitted(EscalationPhase.Calm, EscalationTrigger.Acknowledge),
        new EscalationNotAuthorized(IncidentRole.Engineer, EscalationTrigger.Acknowledge, "acts below the rung"),
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public void DeserializeRejection_SubProcessKind_EqualsTheOriginal(Rejection rejection)
        => Assert.Equal(rejection, Serializer.DeserializeRejection(CommandId.New(), Serializer.SerializeRejection(rejection)));

    [Fact]
    public void DeserializeRejection_RefusedChangeSlot_KeepsSlotAndDetail()
    {
        var slot = new Interval(Instant.FromUtc(2026, 10, 31, 12, 0), Instant.FromUtc(2026, 10, 31, 16, 0));
        var refused = new ChangeSlotRefused(slot, Array.Empty<BlackoutHit>(), false, "outside the change windows");

        var read = Assert.IsType<ChangeSlotRefused>(Serializer.DeserializeRejection(CommandId.New(), Serializer.SerializeRejection(refused)));

        Assert.Equal((slot, false, "outside the change windows"), (read.Slot, read.IsInsideChangeWindows, read.Detail));
    }
}
