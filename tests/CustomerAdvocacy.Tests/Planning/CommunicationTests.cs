using System;
using System.Collections.Generic;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Planning;
using NodaTime;

namespace CustomerAdvocacy.Tests.Planning;

public sealed class CommunicationTests
{
    internal static readonly IncidentId IncidentOfCommunication = new(Guid.Parse("a0d17000-0000-4000-8000-0000000000aa"));
    internal static readonly Actor MonitoringCenter = new("monitoring-tech", IncidentRole.Engineer);
    internal static readonly Actor ServiceManager = new("service-manager", IncidentRole.ServiceManager);
    internal static readonly Actor AccountOwner = new("account-owner", IncidentRole.AccountableOwner);
    internal static readonly Actor CustomerContact = new("customer-contact", IncidentRole.CustomerContact);
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 9, 14, 0);

    private readonly CommunicationDecider _decider = new();
    private readonly CommunicationId _id = CommunicationId.New();
    private Communication _communication;

    public CommunicationTests() => _communication = Communication.New(_id);

    [Fact]
    public void Release_AfterInternalReviewByTheAccountTeam_IsARecordedConversationCopiedToEveryone()
    {
        Accept(Draft(MonitoringCenter));
        Accept(new SubmitCommunicationForReview(CommunicationTests.IncidentOfCommunication, _id, CommandId.New(), MonitoringCenter));
        Assert.Equal(CommunicationState.InternalReview, _communication.State);
        Accept(new ReleaseCommunication(CommunicationTests.IncidentOfCommunication, _id, CommandId.New(), ServiceManager, "audit-review-1", new[] { "account-manager" }));
        Assert.Equal(CommunicationState.Released, _communication.State);
        var conversation = _communication.Release!;
        Assert.Equal("audit-review-1", conversation.Id);
        Assert.Equal(Now, conversation.At);
        Assert.Null(conversation.PrivateAsideWith);
        Assert.Equal(new[] { "monitoring-tech", "service-manager", "customer-contact", "account-manager" }, conversation.Participants);
    }

    [Fact]
    public void Release_StraightFromDraftByTheAccountTeam_IsNotPermitted()
    {
        Accept(Draft(MonitoringCenter));
        var refused = Reject<NotPermittedInState<CommunicationState, CommunicationTrigger>>(Release(AccountOwner));
        Assert.Equal((CommunicationState.Draft, CommunicationTrigger.Release), (refused.State, refused.Trigger));
    }

    [Fact]
    public void Release_ByTheProducerAfterReview_IsNotAuthorized()
    {
        Accept(Draft(MonitoringCenter));
        Accept(new SubmitCommunicationForReview(CommunicationTests.IncidentOfCommunication, _id, CommandId.New(), MonitoringCenter));
        Reject<NotAuthorized<CommunicationTrigger>>(Release(MonitoringCenter));
    }

    [Fact]
    public void Release_ByTheAccountTeamMemberWhoProducedIt_BreaksReviewedByAnother()
    {
        Accept(Draft(ServiceManager));
        Accept(new SubmitCommunicationForReview(CommunicationTests.IncidentOfCommunication, _id, CommandId.New(), ServiceManager));
        Assert.Equal(CommunicationRules.ReviewedByAnother, Reject<RuleBroken>(Release(ServiceManager)).Rule);
        Accept(Release(AccountOwner));
    }

    [Fact]
    public void Draft_ByTheCustomer_IsNotAuthorized()
        => Reject<NotAuthorized<CommunicationTrigger>>(Draft(CustomerContact));

    [Fact]
    public void Draft_ByAThirdPartyWithoutRecipients_BreaksTextRequired()
    {
        var vendor = new Actor("vendor", IncidentRole.ThirdParty);
        Assert.Equal(CommunicationRules.TextRequired, Reject<RuleBroken>(new DraftCommunication(CommunicationTests.IncidentOfCommunication, _id, CommandId.New(), vendor, CommunicationKind.Analysis, "root cause", Array.Empty<string>())).Rule);
        Accept(Draft(vendor));
        Assert.Equal("vendor", _communication.ProducerId);
    }

    [Fact]
    public void Submit_ByAnotherEngineer_IsNotAuthorized()
    {
        Accept(Draft(MonitoringCenter));
        Reject<NotAuthorized<CommunicationTrigger>>(new SubmitCommunicationForReview(CommunicationTests.IncidentOfCommunication, _id, CommandId.New(), new Actor("other-engineer", IncidentRole.Engineer)));
    }

    [Fact]
    public void Withdraw_FromReview_EndsItAndNothingIsReleased()
    {
        Accept(Draft(MonitoringCenter));
        Accept(new SubmitCommunicationForReview(CommunicationTests.IncidentOfCommunication, _id, CommandId.New(), MonitoringCenter));
        Assert.Equal(CommunicationRules.TextRequired, Reject<RuleBroken>(new WithdrawCommunication(CommunicationTests.IncidentOfCommunication, _id, CommandId.New(), ServiceManager, "")).Rule);
        Accept(new WithdrawCommunication(CommunicationTests.IncidentOfCommunication, _id, CommandId.New(), ServiceManager, "superseded by the full review"));
        Reject<NotPermittedInState<CommunicationState, CommunicationTrigger>>(Release(ServiceManager));
        Assert.Null(_communication.Release);
    }

    [Fact]
    public void Decide_SameCommandIdTwice_RecordsOnce()
    {
        var draft = Draft(MonitoringCenter);
        Accept(draft);
        var again = Assert.IsType<ProcessAccepted<CommunicationEvent>>(_decider.Decide(_communication, draft, Now));
        Assert.True(again.IsRepeat);
        Assert.Empty(again.Events);
    }

    [Fact]
    public void Decide_StaleExpectedVersion_IsRejectedAsStale()
    {
        Accept(Draft(MonitoringCenter));
        var stale = Reject<StaleVersion>(new SubmitCommunicationForReview(CommunicationTests.IncidentOfCommunication, _id, CommandId.New(), MonitoringCenter) { ExpectedVersion = 0 });
        Assert.Equal((0L, 1L), (stale.ExpectedVersion, stale.ActualVersion));
    }

    [Fact]
    public void Replay_RebuildsTheSameCommunication()
    {
        var events = new List<CommunicationEvent>();
        events.AddRange(Accept(Draft(MonitoringCenter)));
        events.AddRange(Accept(new SubmitCommunicationForReview(CommunicationTests.IncidentOfCommunication, _id, CommandId.New(), MonitoringCenter)));
        events.AddRange(Accept(Release(ServiceManager)));
        var replayed = Communication.Replay(_id, events);
        Assert.Equal(_communication.State, replayed.State);
        Assert.Equal(_communication.Release, replayed.Release);
        Assert.Equal(3, replayed.Version);
    }

    [Fact]
    public void IsAccountTeam_OnlyAccountableOwnerAndServiceManager()
    {
        foreach (IncidentRole role in Enum.GetValues(typeof(IncidentRole)))
        {
            Assert.Equal(role is IncidentRole.AccountableOwner or IncidentRole.ServiceManager, CommunicationDecider.IsAccountTeam(role));
        }
    }

    internal static DraftCommunication Draft(Actor producer, CommunicationId id)
        => new(IncidentOfCommunication, id, CommandId.New(), producer, CommunicationKind.Audit, "Monitoring audit of managed components", new[] { "customer-contact" });

    private DraftCommunication Draft(Actor producer) => Draft(producer, _id);

    private ReleaseCommunication Release(Actor actor) => new(IncidentOfCommunication, _id, CommandId.New(), actor, "release-" + Guid.NewGuid().ToString("N"), Array.Empty<string>());

    private IReadOnlyList<CommunicationEvent> Accept(CommunicationCommand command)
    {
        var accepted = Assert.IsType<ProcessAccepted<CommunicationEvent>>(_decider.Decide(_communication, command, Now));
        foreach (var e in accepted.Events)
        {
            _communication = _communication.Evolve(e);
        }

        return accepted.Events;
    }

    private T Reject<T>(CommunicationCommand command)
        where T : Rejection
    {
        var before = _communication;
        var rejected = Assert.IsType<ProcessRejected<CommunicationEvent>>(_decider.Decide(_communication, command, Now));
        Assert.Same(before, _communication);
        return Assert.IsType<T>(rejected.Reason);
    }
}
