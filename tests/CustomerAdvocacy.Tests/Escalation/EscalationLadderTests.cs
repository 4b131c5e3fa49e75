using System;
using System.Linq;
using CustomerAdvocacy.Escalation;
using NodaTime;
using static CustomerAdvocacy.Tests.Escalation.EscalationFixture;
using static CustomerAdvocacy.Tests.Scheduling.SlaTestCalendars;

namespace CustomerAdvocacy.Tests.Escalation;

public sealed class EscalationLadderTests
{
    [Fact]
    public void Build_FourLevels_KeepsRungsInOrder()
    {
        Assert.Equal(
            [EscalationLevel.FrontlineService, EscalationLevel.ServiceManagement, EscalationLevel.SeniorManagement, EscalationLevel.Executive],
            Ladder.Rungs.Select(r => r.Level).ToArray());
        Assert.Equal(1, Ladder.RepeatsAtTop);
        Assert.False(Ladder.AllowsSkippedLevels);
        Assert.Equal(2, Ladder.Rungs[3].Targets.Count);
    }

    [Fact]
    public void Build_EverythingWrong_ListsEveryProblem()
    {
        var builder = new EscalationLadderBuilder("broken")
            .AddRung(EscalationLevel.ServiceManagement, Duration.Zero, LondonOffice)
            .AddRung(EscalationLevel.ServiceManagement, Duration.FromHours(1), null!, EscalationTarget.Person("a"), EscalationTarget.Person("a"))
            .AddRung(EscalationLevel.SeniorManagement, Duration.FromHours(1), LondonOffice, EscalationTarget.Person("b"))
            .RepeatAtTop(-1);

        var error = Assert.Throws<DefinitionValidationException>(builder.Build);

        var paths = error.Problems.Select(p => p.Path).ToArray();
        Assert.Contains("repeatsAtTop", paths);
        Assert.Contains("rungs[0].level", paths);
        Assert.Contains("rungs[0].timeOut", paths);
        Assert.Contains("rungs[0].targets", paths);
        Assert.Contains("rungs[1].level", paths);
        Assert.Contains("rungs[1].calendar", paths);
        Assert.Equal(2, paths.Count(p => p == "rungs[1].targets") + paths.Count(p => p == "rungs[0].targets"));
        Assert.Contains("rungs", paths);
        Assert.Contains("broken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoRungs_Throws()
    {
        var error = Assert.Throws<DefinitionValidationException>(() => new EscalationLadderBuilder("empty").Build());
        Assert.Contains(error.Problems, p => p.Path == "rungs");
    }

    [Fact]
    public void Build_SkippedLevelWithoutPermission_Throws()
    {
        var builder = new EscalationLadderBuilder("critical")
            .AddRung(EscalationLevel.FrontlineService, Duration.FromMinutes(15), AroundTheClockLondon, EscalationTarget.OnCallGroup("noc"))
            .AddRung(EscalationLevel.Executive, Duration.FromMinutes(30), AroundTheClockLondon, EscalationTarget.Person("eve"));

        var error = Assert.Throws<DefinitionValidationException>(builder.Build);

        Assert.Contains(error.Problems, p => p.Path == "rungs[1].level" && p.Message.Contains("skips", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_SkippedLevelAllowed_Builds()
    {
        var ladder = new EscalationLadderBuilder("critical")
            .AddRung(EscalationLevel.FrontlineService, Duration.FromMinutes(15), AroundTheClockLondon, EscalationTarget.OnCallGroup("noc"))
            .AddRung(EscalationLevel.Executive, Duration.FromMinutes(30), AroundTheClockLondon, EscalationTarget.Person("eve"))
            .AllowSkippingLevels()
            .Build();

        Assert.True(ladder.AllowsSkippedLevels);
        Assert.Equal(1, ladder.TopIndex);
    }

    [Fact]
    public void Build_TopBelowExecutive_Throws()
    {
        var builder = new EscalationLadderBuilder("short")
            .AddRung(EscalationLevel.FrontlineService, Duration.FromHours(1), LondonOffice, EscalationTarget.Person("a"));

        Assert.Contains(Assert.Throws<DefinitionValidationException>(builder.Build).Problems, p => p.Path == "rungs");
    }

    [Fact]
    public void NextRungAfterTimeOut_BelowTop_NextRung()
        => Assert.Equal(2, Ladder.NextRungAfterTimeOut(1, 0));

    [Fact]
    public void NextRungAfterTimeOut_TopWithRepeatLeft_TopAgain()
        => Assert.Equal(3, Ladder.NextRungAfterTimeOut(3, 0));

    [Fact]
    public void NextRungAfterTimeOut_TopWithoutRepeatLeft_Null()
        => Assert.Null(Ladder.NextRungAfterTimeOut(3, 1));

    [Fact]
    public void NextRungAfterTimeOut_NotARung_Throws()
        => Assert.Equal("rungIndex", Assert.Throws<ArgumentOutOfRangeException>(() => Ladder.NextRungAfterTimeOut(4, 0)).ParamName);

    [Fact]
    public void TimeOutAfter_BusinessRungLateFriday_ContinuesMonday()
        => Assert.Equal(LondonAt(2026, 11, 30, 10), Ladder.Rungs[0].TimeOutAfter(LondonAt(2026, 11, 27, 16)));

    [Fact]
    public void TimeOutAfter_AroundTheClockRungOverDstEnd_CountsRealElapsedTime()
    {
        // London falls back at 02:00 BST on 25 October 2026, so the wall clock shows 01:30 twice: two real hours after
        // 00:30 BST (23:30 UTC) is the second 01:30, in GMT, not 02:30 on the wall clock.
        var start = London.AtStrictly(new LocalDateTime(2026, 10, 25, 0, 30)).ToInstant();
        Assert.Equal(Instant.FromUtc(2026, 10, 25, 1, 30), Ladder.Rungs[3].TimeOutAfter(start));
    }

    [Fact]
    public void Target_Blank_Throws()
        => Assert.Throws<ArgumentException>(() => EscalationTarget.Person(" "));
}
