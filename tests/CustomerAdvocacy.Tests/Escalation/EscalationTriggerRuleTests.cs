using System;
using System.Linq;
using CustomerAdvocacy.Escalation;
using CustomerAdvocacy.Scheduling;
using NodaTime;
using static CustomerAdvocacy.Tests.Scheduling.SlaTestCalendars;

namespace CustomerAdvocacy.Tests.Escalation;

public sealed class EscalationTriggerRuleTests
{
    private static readonly Instant MondayTen = LondonAt(2026, 11, 23, 10);

    // Four business hours, warning at 80 %: due 14:00, warning 13:12.
    private static readonly SlaClock FirstResponseClock = SlaClock.Start(SlaTarget.InBusinessTime(Duration.FromHours(4), 0.8), LondonOffice, MondayTen);

    [Fact]
    public void Sla_BeforeWarning_DoesNotFire()
        => Assert.Null(new SlaTriggerRule(SlaKind.FirstResponse).Evaluate(Observe(LondonAt(2026, 11, 23, 13))));

    [Fact]
    public void Sla_PastWarning_FiresWarning()
        => Assert.Equal(EscalationTriggerKind.FirstResponseWarning, new SlaTriggerRule(SlaKind.FirstResponse).Evaluate(Observe(LondonAt(2026, 11, 23, 13, 30)))?.Kind);

    [Fact]
    public void Sla_PastWarningWithoutWarnings_DoesNotFire()
        => Assert.Null(new SlaTriggerRule(SlaKind.FirstResponse, warnBeforeBreach: false).Evaluate(Observe(LondonAt(2026, 11, 23, 13, 30))));

    [Fact]
    public void Sla_PastDue_FiresBreach()
        => Assert.Equal(EscalationTriggerKind.FirstResponseBreached, new SlaTriggerRule(SlaKind.FirstResponse).Evaluate(Observe(LondonAt(2026, 11, 23, 14, 1)))?.Kind);

    [Fact]
    public void Sla_UpdateClock_FiresUpdateKinds()
    {
        var now = LondonAt(2026, 11, 23, 14, 1);
        var observation = new EscalationObservation(now) { Update = FirstResponseClock.Evaluate(now) };

        Assert.Equal(EscalationTriggerKind.UpdateBreached, new SlaTriggerRule(SlaKind.Update).Evaluate(observation)?.Kind);
        Assert.Null(new SlaTriggerRule(SlaKind.FirstResponse).Evaluate(observation));
    }

    [Fact]
    public void Sla_MetInTime_DoesNotFire()
    {
        var now = LondonAt(2026, 11, 23, 16);
        var observation = new EscalationObservation(now) { FirstResponse = FirstResponseClock.Stop(LondonAt(2026, 11, 23, 13, 30)).Evaluate(now) };

        Assert.Null(new SlaTriggerRule(SlaKind.FirstResponse).Evaluate(observation));
    }

    [Fact]
    public void CommitmentMissed_SomeMissed_Fires()
    {
        var observation = new EscalationObservation(MondayTen) { MissedCommitmentIds = ["call-back"] };

        Assert.Contains("call-back", new CommitmentMissedRule().Evaluate(observation)!.Detail, StringComparison.Ordinal);
        Assert.Null(new CommitmentMissedRule().Evaluate(new EscalationObservation(MondayTen)));
    }

    [Fact]
    public void CustomerRequest_Asked_Fires()
    {
        Assert.NotNull(new CustomerRequestRule().Evaluate(new EscalationObservation(MondayTen) { CustomerAskedAt = MondayTen }));
        Assert.Null(new CustomerRequestRule().Evaluate(new EscalationObservation(MondayTen)));
    }

    [Fact]
    public void BusinessImpact_AboveThresholdOnly_Fires()
    {
        var rule = new BusinessImpactRule(50_000m);

        Assert.Null(rule.Evaluate(new EscalationObservation(MondayTen) { BusinessImpact = 50_000m }));
        Assert.NotNull(rule.Evaluate(new EscalationObservation(MondayTen) { BusinessImpact = 50_000.01m }));
    }

    [Fact]
    public void RepeatIncidents_EnoughWithinWindow_Fires()
    {
        var rule = new RepeatIncidentsRule(2, Duration.FromDays(30));
        Instant DaysAgo(int days) => MondayTen - Duration.FromDays(days);

        Assert.NotNull(rule.Evaluate(new EscalationObservation(MondayTen) { PreviousIncidentsOpenedAt = [DaysAgo(3), DaysAgo(29)] }));
        Assert.Null(rule.Evaluate(new EscalationObservation(MondayTen) { PreviousIncidentsOpenedAt = [DaysAgo(3), DaysAgo(30)] }));
    }

    [Fact]
    public void RepeatIncidents_BadArguments_Throw()
    {
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => new RepeatIncidentsRule(0, Duration.FromDays(1))).ParamName);
        Assert.Equal("window", Assert.Throws<ArgumentOutOfRangeException>(() => new RepeatIncidentsRule(1, Duration.Zero)).ParamName);
    }

    [Fact]
    public void Avoidance_CountsBusinessTimeInTheCustomersCalendar()
    {
        var rule = new AvoidanceRule(Duration.FromHours(4), LondonOffice);
        var since = LondonAt(2026, 11, 27, 15);

        // Friday 15:00 plus four business hours is Monday 11:00, not Friday 19:00.
        Assert.Equal(LondonAt(2026, 11, 30, 11), rule.DueAt(since));
        Assert.Null(rule.Evaluate(new EscalationObservation(LondonAt(2026, 11, 30, 10, 59)) { OldestUnansweredContactAt = since }));
        Assert.Equal(EscalationTriggerKind.Avoidance, rule.Evaluate(new EscalationObservation(LondonAt(2026, 11, 30, 11)) { OldestUnansweredContactAt = since })?.Kind);
    }

    [Fact]
    public void ContractDispute_Disputed_Fires()
    {
        Assert.NotNull(new ContractDisputeRule().Evaluate(new EscalationObservation(MondayTen) { ContractDisputed = true }));
        Assert.Null(new ContractDisputeRule().Evaluate(new EscalationObservation(MondayTen)));
    }

    [Fact]
    public void RuleSet_EvaluatesEveryRuleInOrder()
    {
        var set = new EscalationTriggerRuleSet([new ContractDisputeRule(), new SlaTriggerRule(SlaKind.FirstResponse), new CustomerRequestRule()]);
        var now = LondonAt(2026, 11, 23, 15);

        var signals = set.Evaluate(new EscalationObservation(now) { ContractDisputed = true, FirstResponse = FirstResponseClock.Evaluate(now) });

        Assert.Equal([EscalationTriggerKind.ContractDispute, EscalationTriggerKind.FirstResponseBreached], signals.Select(s => s.Kind).ToArray());
    }

    [Fact]
    public void RuleSet_SameKindTwice_ListsTheProblem()
    {
        var error = Assert.Throws<DefinitionValidationException>(() => new EscalationTriggerRuleSet([new CustomerRequestRule(), new CustomerRequestRule(), null!]));

        Assert.Equal(2, error.Problems.Count);
    }

    private static EscalationObservation Observe(Instant now) => new(now) { FirstResponse = FirstResponseClock.Evaluate(now) };
}
