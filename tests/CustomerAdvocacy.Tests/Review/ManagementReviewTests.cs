using System;
using System.Collections.Generic;
using CustomerAdvocacy.Kernel;
using CustomerAdvocacy.Planning;
using CustomerAdvocacy.Review;
using CustomerAdvocacy.Scheduling;
using NodaTime;

namespace CustomerAdvocacy.Tests.Review;

public sealed class ManagementReviewTests
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    private static readonly BusinessCalendar Office = new BusinessCalendarBuilder(London)
        .AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0))
        .AddHoliday(new LocalDate(2026, 12, 25))
        .AddHoliday(new LocalDate(2026, 12, 28))
        .Build();

    private static readonly Actor Owner = new("owner-1", IncidentRole.AccountableOwner);
    private static readonly Actor ServiceManager = new("sm-1", IncidentRole.ServiceManager);
    private static readonly Actor Executive = new("ceo", IncidentRole.Executive);

    // Wednesday 2026-12-23 15:00 in London.
    private static readonly Instant ClosedAt = new LocalDateTime(2026, 12, 23, 15, 0).InZoneStrictly(London).ToInstant();

    private readonly IncidentId _incident = IncidentId.New();
    private readonly List<ReviewEvent> _events = new();
    private ManagementReview _review;

    public ManagementReviewTests() => _review = ManagementReview.Start(_incident);

    [Fact]
    public void Start_DueInPolicyBusinessDays_SkipsHolidaysInTheCustomerCalendar()
    {
        Accept(new StartManagementReview(_incident, CommandId.New(), Owner, ClosedAt));

        // 24th, then 25th and 28th are holidays and 26/27 a weekend: 29th, 30th, 31st, 1st Jan is a Friday.
        Assert.Equal(new LocalDateTime(2027, 1, 1, 15, 0), _review.DueAt!.Value.InZone(London).LocalDateTime);
        Assert.Equal(ReviewState.Open, _review.State);
    }

    [Fact]
    public void Start_ClosureInTheFuture_IsRefused()
        => Assert.Equal(ReviewRules.ClosedBeforeReview, Broken(Send(new StartManagementReview(_incident, CommandId.New(), Owner, Now + Duration.FromHours(1)))).Rule);

    [Fact]
    public void Complete_WithoutFindingsOrPreventiveActions_IsRefused()
    {
        Accept(new StartManagementReview(_incident, CommandId.New(), Owner, ClosedAt));

        Assert.Equal(ReviewRules.CompleteReview, Broken(Send(new CompleteManagementReview(_incident, CommandId.New(), Owner))).Rule);
    }

    [Fact]
    public void Complete_WithFindingsAndActions_IsCompletedOnTime()
    {
        Started();
        Accept(new CompleteManagementReview(_incident, CommandId.New(), ServiceManager));

        Assert.Equal(ReviewState.Completed, _review.State);
        Assert.False(_review.CompletedLate);
        Assert.Equal(_review, ManagementReview.Replay(_incident, _events));
    }

    [Fact]
    public void RecordFindings_WithoutLearnings_IsRefused()
    {
        Accept(new StartManagementReview(_incident, CommandId.New(), Owner, ClosedAt));

        var broken = Broken(Send(new RecordReviewFindings(_incident, CommandId.New(), Owner, Chronology(), Factors(), Array.Empty<string>())));

        Assert.Equal(ReviewRules.FindingsComplete, broken.Rule);
    }

    [Theory]
    [InlineData(PreventiveActionKind.Process)]
    [InlineData(PreventiveActionKind.Training)]
    [InlineData(PreventiveActionKind.TermsAndConditions)]
    public void AddPreventiveAction_WithOwnerAndFutureDueDate_IsAccepted(PreventiveActionKind kind)
    {
        Accept(new StartManagementReview(_incident, CommandId.New(), Owner, ClosedAt));

        Accept(new AddPreventiveAction(_incident, CommandId.New(), Owner, new PreventiveAction("p1", "Change intake form", kind, "sm-1", Now + Duration.FromDays(30))));

        Assert.Equal(kind, Assert.Single(_review.PreventiveActions).Kind);
    }

    [Fact]
    public void AddPreventiveAction_WithoutOwnerOrWithPastDueDate_IsRefused()
    {
        Accept(new StartManagementReview(_incident, CommandId.New(), Owner, ClosedAt));

        Assert.Equal(ReviewRules.PreventiveActionOwnedAndDue, Broken(Send(new AddPreventiveAction(_incident, CommandId.New(), Owner, new PreventiveAction("p1", "x", PreventiveActionKind.Process, " ", Now + Duration.FromDays(3))))).Rule);
        Assert.Equal(ReviewRules.PreventiveActionOwnedAndDue, Broken(Send(new AddPreventiveAction(_incident, CommandId.New(), Owner, new PreventiveAction("p1", "x", PreventiveActionKind.Process, "sm-1", Now)))).Rule);
    }

    /// <summary>Seed 000, "you get what you pay for": recurring problems on a three-year-old low-cost solution.</summary>
    [Fact]
    public void AssessCustomerFit_OutdatedSolutionWithRecurringIncidents_RecommendsUpgrade()
    {
        Accept(new StartManagementReview(_incident, CommandId.New(), Owner, ClosedAt));

        Accept(new AssessCustomerFit(_incident, CommandId.New(), Owner, new CustomerFitFacts(4, SolutionOutdated: true, CostToServe: 50_000m, Revenue: 80_000m, StaffAbuseReported: false)));

        Assert.True(_review.CustomerFit!.UpgradeRecommended);
        Assert.Empty(_review.CustomerFit.TerminationGrounds);
    }

    [Theory]
    [InlineData(2, true)]
    [InlineData(5, false)]
    public void CustomerFit_EitherCurrentOrNotRecurring_NoUpgrade(int incidents, bool outdated)
        => Assert.False(CustomerFitAssessment.Assess(new CustomerFitFacts(incidents, outdated, 1m, 10m, false), ReviewPolicy.Default).UpgradeRecommended);

    [Fact]
    public void CustomerFit_CostAboveRevenueAndAbuse_GivesBothGrounds()
        => Assert.Equal(
            new[] { TerminationGround.CostToServe, TerminationGround.StaffAbuse },
            CustomerFitAssessment.Assess(new CustomerFitFacts(1, false, 120m, 100m, true), ReviewPolicy.Default).TerminationGrounds);

    [Fact]
    public void RecommendTermination_WithoutAnAssessedGround_IsRefused()
    {
        Accept(new StartManagementReview(_incident, CommandId.New(), Owner, ClosedAt));
        Accept(new AssessCustomerFit(_incident, CommandId.New(), Owner, new CustomerFitFacts(1, false, 10m, 100m, false)));

        var broken = Broken(Send(new RecommendTermination(_incident, CommandId.New(), ServiceManager, TerminationGround.CostToServe, "Too costly")));

        Assert.Equal(ReviewRules.TerminationNeedsAssessedGround, broken.Rule);
    }

    [Theory]
    [InlineData(IncidentRole.AccountableOwner)]
    [InlineData(IncidentRole.Engineer)]
    [InlineData(IncidentRole.ServiceManager)]
    [InlineData(IncidentRole.SeniorManager)]
    [InlineData(IncidentRole.CustomerBusinessManager)]
    public void DecideTermination_ByAnyoneButAnExecutive_IsRefused(IncidentRole role)
    {
        TerminationRaised();

        var decision = Send(new DecideTermination(_incident, CommandId.New(), new Actor("someone", role), true, "Abuse of staff"));

        var reason = Assert.IsType<NotAuthorized<ReviewTrigger>>(Assert.IsType<ProcessRejected<ReviewEvent>>(decision).Reason);
        Assert.Equal(role, reason.Role);
        Assert.Equal(ReviewState.AwaitingExecutiveDecision, _review.State);
    }

    [Fact]
    public void DecideTermination_ByAnExecutive_IsRecordedAndReviewCanComplete()
    {
        TerminationRaised();

        Accept(new DecideTermination(_incident, CommandId.New(), Executive, false, "Give the account team one quarter"));
        Accept(new CompleteManagementReview(_incident, CommandId.New(), Owner));

        Assert.False(_review.TerminationDecision);
        Assert.Equal(ReviewState.Completed, _review.State);
    }

    [Fact]
    public void Complete_WhileTerminationAwaitsAnExecutive_IsNotPermitted()
    {
        TerminationRaised();

        var reason = Assert.IsType<ProcessRejected<ReviewEvent>>(Send(new CompleteManagementReview(_incident, CommandId.New(), Owner))).Reason;

        Assert.IsType<NotPermittedInState<ReviewState, ReviewTrigger>>(reason);
    }

    [Fact]
    public void RecommendTermination_ByStaff_IsAccepted_ButTheCustomerTakesNoPart()
    {
        Started();
        Accept(new AssessCustomerFit(_incident, CommandId.New(), Owner, new CustomerFitFacts(1, false, 10m, 100m, true)));

        Assert.IsType<NotAuthorized<ReviewTrigger>>(Assert.IsType<ProcessRejected<ReviewEvent>>(
            Send(new RecommendTermination(_incident, CommandId.New(), new Actor("cust", IncidentRole.CustomerContact), TerminationGround.StaffAbuse, "x"))).Reason);
        Accept(new RecommendTermination(_incident, CommandId.New(), new Actor("eng-2", IncidentRole.Engineer), TerminationGround.StaffAbuse, "Repeated verbal abuse of the night shift"));
        Assert.Equal(TerminationGround.StaffAbuse, _review.TerminationRecommendation);
    }

    [Fact]
    public void Decide_SameCommandIdTwice_RecordsOnce()
    {
        var start = new StartManagementReview(_incident, CommandId.New(), Owner, ClosedAt);
        Accept(start);

        Assert.True(Assert.IsType<ProcessAccepted<ReviewEvent>>(Send(start)).IsRepeat);
        Assert.Equal(1, _review.Version);
    }

    [Fact]
    public void ReviewPolicy_NonPositiveDays_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>("businessDaysToReview", () => new ReviewPolicy(0, 3, 1m));

    private static Instant Now => ClosedAt + Duration.FromDays(1);

    private static ChronologyEntry[] Chronology() => new[] { new ChronologyEntry(ClosedAt - Duration.FromDays(10), "Outage reported") };

    private static ContributingFactor[] Factors() => new[]
    {
        new ContributingFactor("c1", "Out-of-support firmware", FactorOwner.Customer, false),
        new ContributingFactor("c2", "No monitoring on the link", FactorOwner.Provider, false),
    };

    private void Started()
    {
        Accept(new StartManagementReview(_incident, CommandId.New(), Owner, ClosedAt));
        Accept(new RecordReviewFindings(_incident, CommandId.New(), Owner, Chronology(), Factors(), new[] { "Ask about laundering" }));
        Accept(new AddPreventiveAction(_incident, CommandId.New(), Owner, new PreventiveAction("p1", "Intake form", PreventiveActionKind.Process, "sm-1", Now + Duration.FromDays(30))));
    }

    private void TerminationRaised()
    {
        Started();
        Accept(new AssessCustomerFit(_incident, CommandId.New(), Owner, new CustomerFitFacts(1, false, 10m, 100m, true)));
        Accept(new RecommendTermination(_incident, CommandId.New(), ServiceManager, TerminationGround.StaffAbuse, "Repeated abuse of the night shift"));
    }

    private ProcessDecision<ReviewEvent> Send(ReviewCommand command)
        => ReviewDecider.Decide(_review, command, ReviewPolicy.Default, Office, Now);

    private void Accept(ReviewCommand command)
    {
        var accepted = Assert.IsType<ProcessAccepted<ReviewEvent>>(Send(command));
        foreach (var e in accepted.Events)
        {
            _review = ManagementReview.Evolve(_review, e);
            _events.Add(e);
        }
    }

    private static RuleBroken Broken(ProcessDecision<ReviewEvent> decision)
        => Assert.IsType<RuleBroken>(Assert.IsType<ProcessRejected<ReviewEvent>>(decision).Reason);
}
