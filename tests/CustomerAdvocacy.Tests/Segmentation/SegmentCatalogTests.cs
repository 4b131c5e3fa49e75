using System;
using System.Linq;
using CustomerAdvocacy.Scheduling;
using CustomerAdvocacy.Segmentation;
using NodaTime;

namespace CustomerAdvocacy.Tests.Segmentation;

public sealed class SegmentCatalogTests
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    private static readonly BusinessCalendar BerlinOffice = new BusinessCalendarBuilder(Berlin).AddWeekdayHours(new LocalTime(8, 0), new LocalTime(17, 0)).Build();

    private static readonly AdvocacyPolicy Standard = new(Duration.FromHours(8), Duration.FromHours(24), Duration.FromDays(10), TargetClock.BusinessTime, "standard-ladder");

    private static readonly AdvocacyPolicy Critical = new(Duration.FromHours(1), Duration.FromHours(2), Duration.FromDays(3), TargetClock.AroundTheClock, "critical-ladder")
    {
        SeniorManagementAtFirstMeeting = true,
        DryRunRequired = true,
    };

    [Fact]
    public void Classify_FirstMatchingRuleWins()
    {
        var catalog = Builder(1).Build();
        var profile = new CustomerProfile("acme", "gold", 2_000_000m, Berlin, BerlinOffice) { Strategic = true };
        var assignment = catalog.Classify(profile);
        Assert.Equal("critical", assignment.SegmentId);
        Assert.Equal("strategic", assignment.RuleName);
        Assert.Same(Critical, assignment.Policy);
        Assert.Equal(new PolicyReference("critical", 1), assignment.Reference);
    }

    [Fact]
    public void Classify_NoRuleMatches_DefaultSegment()
    {
        var assignment = Builder(1).Build().Classify(new CustomerProfile("small", "bronze", 1_000m, Berlin, BerlinOffice));
        Assert.Equal("standard", assignment.SegmentId);
        Assert.Null(assignment.RuleName);
    }

    [Fact]
    public void Classify_LaterRuleMatchesWhenEarlierDoesNot()
    {
        var assignment = Builder(1).Build().Classify(new CustomerProfile("risky", "silver", 5_000m, Berlin, BerlinOffice) { AtRisk = true });
        Assert.Equal("watch", assignment.SegmentId);
        Assert.Equal("at-risk", assignment.RuleName);
    }

    [Fact]
    public void Build_WithEveryKindOfProblem_ReportsThemAllTogether()
    {
        var broken = new AdvocacyPolicy(Duration.Zero, Duration.FromHours(-1), Duration.FromHours(1), TargetClock.BusinessTime, " ");
        var builder = new SegmentCatalogBuilder(0)
            .AddSegment("a", broken)
            .AddSegment("a", Standard)
            .AddRule("r", "missing", _ => true)
            .AddRule("r", "a", _ => true)
            .WithDefaultSegment("nowhere");
        var ex = Assert.Throws<DefinitionValidationException>(builder.Build);
        var paths = ex.Problems.Select(p => p.Path).ToArray();
        Assert.Contains("version", paths);
        Assert.Contains("segments['a'].policy.firstResponseTarget", paths);
        Assert.Contains("segments['a'].policy.updateCadence", paths);
        Assert.Contains("segments['a'].policy.escalationLadderId", paths);
        Assert.Contains("segments[1]", paths);
        Assert.Contains("defaultSegment", paths);
        Assert.Equal(2, paths.Count(p => p.StartsWith("rules[", StringComparison.Ordinal)));
        Assert.Contains("segment catalog version 0", ex.Message);
    }

    [Fact]
    public void Build_WithoutDefaultSegment_DefinitionValidationException()
    {
        var ex = Assert.Throws<DefinitionValidationException>(new SegmentCatalogBuilder(1).AddSegment("a", Standard).Build);
        Assert.Equal("defaultSegment", Assert.Single(ex.Problems).Path);
    }

    [Fact]
    public void PolicyRegistry_NewVersion_AppliesToNewIncidentsOnly()
    {
        var registry = new PolicyRegistry();
        registry.Publish(Builder(1).Build());
        var opened = registry.Classify(new CustomerProfile("small", "bronze", 1_000m, Berlin, BerlinOffice)).Reference;

        var tighter = Standard with { };
        var v2Standard = new AdvocacyPolicy(Duration.FromHours(4), Duration.FromHours(12), Duration.FromDays(5), TargetClock.BusinessTime, "standard-ladder");
        registry.Publish(new SegmentCatalogBuilder(2).AddSegment("standard", v2Standard).WithDefaultSegment("standard").Build());

        Assert.Equal(Duration.FromHours(8), registry.Resolve(opened).FirstResponseTarget);
        var fresh = registry.Classify(new CustomerProfile("small", "bronze", 1_000m, Berlin, BerlinOffice)).Reference;
        Assert.Equal(2, fresh.Version);
        Assert.Equal(Duration.FromHours(4), registry.Resolve(fresh).FirstResponseTarget);
        Assert.Equal(tighter, Standard);
    }

    [Fact]
    public void PolicyRegistry_PublishingOlderVersion_Throws()
    {
        var registry = new PolicyRegistry();
        registry.Publish(Builder(2).Build());
        Assert.Throws<ArgumentException>(() => registry.Publish(Builder(1).Build()));
    }

    [Fact]
    public void PolicyRegistry_UnknownVersion_Throws()
    {
        var registry = new PolicyRegistry();
        Assert.Throws<InvalidOperationException>(() => registry.Classify(new CustomerProfile("x", "y", 1m, Berlin, BerlinOffice)));
        registry.Publish(Builder(1).Build());
        var ex = Assert.Throws<UnknownPolicyException>(() => registry.Resolve(new PolicyReference("standard", 7)));
        Assert.Equal(("standard", 7, false), (ex.SegmentId, ex.Version, ex.VersionPublished));
        Assert.Contains("version 7", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PolicyRegistry_UnknownSegmentInPublishedVersion_UnknownPolicyExceptionNamingTheSegment()
    {
        var registry = new PolicyRegistry();
        registry.Publish(Builder(1).Build());

        var ex = Assert.Throws<UnknownPolicyException>(() => registry.Resolve(new PolicyReference("platinum", 1)));

        Assert.Equal(("platinum", 1, true), (ex.SegmentId, ex.Version, ex.VersionPublished));
        Assert.Contains("'platinum'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PolicyOf_UnknownSegment_UnknownPolicyExceptionThatOldKeyNotFoundHandlersStillCatch()
    {
        var catalog = Builder(3).Build();

        var ex = Assert.ThrowsAny<System.Collections.Generic.KeyNotFoundException>(() => catalog.PolicyOf("platinum"));

        var typed = Assert.IsType<UnknownPolicyException>(ex);
        Assert.Equal(("platinum", 3, true), (typed.SegmentId, typed.Version, typed.VersionPublished));
    }

    private static SegmentCatalogBuilder Builder(int version)
        => new SegmentCatalogBuilder(version)
            .AddSegment("standard", Standard)
            .AddSegment("critical", Critical)
            .AddSegment("watch", Standard with { })
            .AddRule("strategic", "critical", p => p.Strategic || p.AnnualValue >= 1_000_000m)
            .AddRule("at-risk", "watch", p => p.AtRisk)
            .WithDefaultSegment("standard");
}
