using System;
using System.Linq;
using CustomerAdvocacy.Scheduling;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using NodaTime.Testing;
using static CustomerAdvocacy.Tests.Scheduling.SlaTestCalendars;

namespace CustomerAdvocacy.Tests.Scheduling;

public sealed class SlaClockTests
{
    private static readonly SlaTarget FourBusinessHours = SlaTarget.InBusinessTime(Duration.FromHours(4));

    // Monday 23 November 2026, 10:00 London (GMT).
    private static readonly Instant MondayTen = LondonAt(2026, 11, 23, 10);

    [Fact]
    public void Evaluate_RunningWithinHours_DueAndWarningAfterTargetBusinessTime()
    {
        var reading = SlaClock.Start(FourBusinessHours, LondonOffice, MondayTen).Evaluate(LondonAt(2026, 11, 23, 11));

        Assert.Equal(SlaClockStatus.Running, reading.Status);
        Assert.Equal(LondonAt(2026, 11, 23, 14), reading.Due);
        Assert.Equal(LondonAt(2026, 11, 23, 13), reading.WarningAt);
        Assert.Equal(Duration.FromHours(1), reading.Elapsed);
        Assert.Equal(Duration.FromHours(3), reading.Remaining);
        Assert.False(reading.IsWarningReached);
        Assert.Null(reading.BreachedAt);
    }

    [Fact]
    public void Evaluate_ExactlyAtDue_RunningWithNothingRemaining()
    {
        var reading = SlaClock.Start(FourBusinessHours, LondonOffice, MondayTen).Evaluate(LondonAt(2026, 11, 23, 14));

        Assert.Equal(SlaClockStatus.Running, reading.Status);
        Assert.Equal(Duration.Zero, reading.Remaining);
        Assert.Equal(Duration.FromHours(4), reading.Elapsed);
        Assert.Null(reading.BreachedAt);
    }

    [Fact]
    public void Evaluate_OneNanosecondAfterDue_BreachedAtDueInstant()
    {
        var due = LondonAt(2026, 11, 23, 14);
        var reading = SlaClock.Start(FourBusinessHours, LondonOffice, MondayTen).Evaluate(due + Duration.Epsilon);

        Assert.Equal(SlaClockStatus.Breached, reading.Status);
        Assert.Equal(due, reading.BreachedAt);
        Assert.Equal(due, reading.Due);
        Assert.Equal(Duration.Zero, reading.Remaining);
        Assert.Equal(Duration.Epsilon, reading.Overrun);
    }

    [Fact]
    public void Evaluate_ExactlyAtWarningInstant_WarningReached()
    {
        var clock = SlaClock.Start(FourBusinessHours, LondonOffice, MondayTen);

        Assert.False(clock.Evaluate(LondonAt(2026, 11, 23, 13) - Duration.Epsilon).IsWarningReached);
        Assert.True(clock.Evaluate(LondonAt(2026, 11, 23, 13)).IsWarningReached);
    }

    [Fact]
    public void Evaluate_WarningAcrossLunchBreak_ExactShareOfBusinessTime()
    {
        var calendar = new BusinessCalendarBuilder(London)
            .AddWeekdayHours(new LocalTime(9, 0), new LocalTime(12, 0))
            .AddWeekdayHours(new LocalTime(13, 0), new LocalTime(17, 0))
            .Build();
        var target = SlaTarget.InBusinessTime(Duration.FromHours(8), warningShare: 0.75);

        var reading = SlaClock.Start(target, calendar, LondonAt(2026, 11, 23, 9)).Evaluate(LondonAt(2026, 11, 23, 9));

        // 6 hours of business: 09-12 and 13-16. The 8 hours: 7 on Monday, 1 on Tuesday.
        Assert.Equal(LondonAt(2026, 11, 23, 16), reading.WarningAt);
        Assert.Equal(LondonAt(2026, 11, 24, 10), reading.Due);
    }

    [Fact]
    public void Stop_ExactlyAtDue_Met()
    {
        var due = LondonAt(2026, 11, 23, 14);
        var reading = SlaClock.Start(FourBusinessHours, LondonOffice, MondayTen).Stop(due).Evaluate(due + Duration.FromDays(3));

        Assert.Equal(SlaClockStatus.Met, reading.Status);
        Assert.True(reading.StoppedInTime);
        Assert.Equal(due, reading.Due);
        Assert.Equal(due, reading.EndedAt);
        Assert.Equal(Duration.FromHours(4), reading.Elapsed);
    }

    [Fact]
    public void Stop_OneNanosecondLate_BreachedAtDue()
    {
        var due = LondonAt(2026, 11, 23, 14);
        var reading = SlaClock.Start(FourBusinessHours, LondonOffice, MondayTen).Stop(due + Duration.Epsilon).Evaluate(due + Duration.FromDays(3));

        Assert.Equal(SlaClockStatus.Breached, reading.Status);
        Assert.False(reading.StoppedInTime);
        Assert.Equal(due, reading.BreachedAt);
        Assert.Equal(Duration.FromHours(4) + Duration.Epsilon, reading.Elapsed);
    }

    [Fact]
    public void Stop_AfterDueWhileCalendarClosed_BreachedWithoutBusinessOverrun()
    {
        // Due Friday 17:00, the end of the day; stopping on Saturday is late even though no business time passed.
        var clock = SlaClock.Start(FourBusinessHours, LondonOffice, LondonAt(2026, 11, 27, 13)).Stop(LondonAt(2026, 11, 28, 10));
        var reading = clock.Evaluate(LondonAt(2026, 11, 28, 10));

        Assert.Equal(SlaClockStatus.Breached, reading.Status);
        Assert.Equal(LondonAt(2026, 11, 27, 17), reading.BreachedAt);
        Assert.Equal(Duration.Zero, reading.Overrun);
    }

    [Fact]
    public void Resume_AfterPauseOverWeekend_DuePushedOutByPausedBusinessTime()
    {
        // Friday 15:00 start; paused Friday 16:00 to Monday 11:00; 1 hour counted, 3 remaining.
        var clock = SlaClock.Start(FourBusinessHours, LondonOffice, LondonAt(2026, 11, 27, 15))
            .Pause(LondonAt(2026, 11, 27, 16))
            .Resume(LondonAt(2026, 11, 30, 11));
        var unpaused = SlaClock.Start(FourBusinessHours, LondonOffice, LondonAt(2026, 11, 27, 15));

        var reading = clock.Evaluate(LondonAt(2026, 11, 30, 11));

        Assert.Equal(LondonAt(2026, 11, 30, 11), unpaused.Evaluate(LondonAt(2026, 11, 27, 15)).Due);
        Assert.Equal(SlaClockStatus.Running, reading.Status);
        Assert.Equal(LondonAt(2026, 11, 30, 14), reading.Due);
        Assert.Equal(LondonAt(2026, 11, 30, 13), reading.WarningAt);
        Assert.Equal(Duration.FromHours(1), reading.Elapsed);
        Assert.Equal(Duration.FromHours(3), reading.Remaining);
        Assert.Equal(Duration.FromHours(3), reading.PausedBusinessTime); // Friday 16-17 and Monday 09-11
        Assert.Equal(Duration.FromHours(67), reading.PausedElapsed);
    }

    [Fact]
    public void Evaluate_WhilePausedOnWeekend_DueProjectedFromNow()
    {
        var clock = SlaClock.Start(FourBusinessHours, LondonOffice, LondonAt(2026, 11, 27, 15)).Pause(LondonAt(2026, 11, 27, 16));

        var reading = clock.Evaluate(LondonAt(2026, 11, 28, 12));

        Assert.Equal(SlaClockStatus.Paused, reading.Status);
        Assert.Equal(LondonAt(2026, 11, 30, 12), reading.Due);
        Assert.Equal(Duration.FromHours(1), reading.PausedBusinessTime);
        Assert.Equal(Duration.FromHours(3), reading.Remaining);
    }

    [Fact]
    public void Resume_AfterPauseExactlyAtDue_BreachesWithFirstCountedTime()
    {
        var target = SlaTarget.InBusinessTime(Duration.FromHours(1));
        var clock = SlaClock.Start(target, LondonOffice, MondayTen)
            .Pause(LondonAt(2026, 11, 23, 11))
            .Resume(LondonAt(2026, 11, 23, 11, 30));

        var paused = clock.Evaluate(LondonAt(2026, 11, 23, 11, 15));
        var resumed = clock.Evaluate(LondonAt(2026, 11, 23, 11, 30));
        var later = clock.Evaluate(LondonAt(2026, 11, 23, 11, 31));

        Assert.Equal(SlaClockStatus.Paused, paused.Status);
        Assert.Equal(SlaClockStatus.Running, resumed.Status);
        Assert.Equal(Duration.Zero, resumed.Remaining);
        Assert.Equal(SlaClockStatus.Breached, later.Status);
        Assert.Equal(LondonAt(2026, 11, 23, 11, 30), later.BreachedAt);
    }

    [Fact]
    public void Evaluate_BusinessTimeAcrossLondonSpringForward_DueCountsRealTime()
    {
        // Open 00:00-04:00 every day. On Sunday 29 March 2026 01:00 GMT becomes 02:00 BST, so that night has 3 real hours.
        var nights = NightShift(London);
        var clock = SlaClock.Start(SlaTarget.InBusinessTime(Duration.FromHours(6)), nights, LondonAt(2026, 3, 28, 0));

        var reading = clock.Evaluate(LondonAt(2026, 3, 28, 0));

        // 4 hours on Saturday, then 2 real hours from Sunday 00:00 GMT: 02:00 UTC, which is 03:00 BST.
        Assert.Equal(Instant.FromUtc(2026, 3, 29, 2, 0), reading.Due);
        Assert.Equal(new LocalDateTime(2026, 3, 29, 3, 0), reading.Due.InZone(London).LocalDateTime);
        Assert.Equal(Instant.FromUtc(2026, 3, 29, 0, 30), reading.WarningAt);
    }

    [Fact]
    public void Evaluate_BusinessTimeAcrossLondonFallBack_DueCountsRealTime()
    {
        // On Sunday 25 October 2026 02:00 BST becomes 01:00 GMT: the 00:00-04:00 night has 5 real hours.
        var nights = NightShift(London);
        var clock = SlaClock.Start(SlaTarget.InBusinessTime(Duration.FromMinutes(270)), nights, LondonAt(2026, 10, 25, 0));

        var reading = clock.Evaluate(LondonAt(2026, 10, 25, 0));

        Assert.Equal(Instant.FromUtc(2026, 10, 25, 3, 30), reading.Due);
        Assert.Equal(new LocalDateTime(2026, 10, 25, 3, 30), reading.Due.InZone(London).LocalDateTime);
    }

    [Fact]
    public void Evaluate_AroundTheClockAcrossLondonSpringForward_DueIsPlainElapsedTime()
    {
        var start = LondonAt(2026, 3, 28, 12);
        var clock = SlaClock.Start(SlaTarget.AroundTheClock(Duration.FromHours(24)), LondonOffice, start);

        var reading = clock.Evaluate(start);

        Assert.Equal(start + Duration.FromHours(24), reading.Due);
        Assert.Equal(new LocalDateTime(2026, 3, 29, 13, 0), reading.Due.InZone(London).LocalDateTime);
        Assert.True(clock.MeasuringCalendar.IsAroundTheClock);
    }

    [Fact]
    public void Evaluate_BusinessTimeAcrossLordHoweDstStart_LosesHalfAnHour()
    {
        // Open all weekend. On Sunday 4 October 2026 Lord Howe moves from +10:30 to +11:00 at 02:00, so the weekend has
        // 47.5 real hours and a 48-hour target spills into the next Saturday by half an hour.
        var weekends = new BusinessCalendarBuilder(LordHowe).AddAllDay(IsoDayOfWeek.Saturday).AddAllDay(IsoDayOfWeek.Sunday).Build();
        var clock = SlaClock.Start(SlaTarget.InBusinessTime(Duration.FromHours(48)), weekends, At(LordHowe, 2026, 10, 3, 0));

        var reading = clock.Evaluate(At(LordHowe, 2026, 10, 4, 12));

        Assert.Equal(At(LordHowe, 2026, 10, 10, 0, 30), reading.Due);
        Assert.Equal(Duration.FromMinutes((24 + 12) * 60) - Duration.FromMinutes(30), reading.Elapsed);
        Assert.Equal(Duration.FromHours(48), reading.Elapsed + reading.Remaining);
    }

    [Fact]
    public void Evaluate_AroundTheClockAcrossLordHoweDstEnd_GainsHalfAnHourOnTheWallClock()
    {
        // Sunday 5 April 2026 02:00 (+11:00) becomes 01:30 (+10:30): 24 real hours end at 11:30 local.
        var start = At(LordHowe, 2026, 4, 4, 12);
        var officeHours = new BusinessCalendarBuilder(LordHowe).AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0)).Build();
        var clock = SlaClock.Start(SlaTarget.AroundTheClock(Duration.FromHours(24)), officeHours, start);

        var reading = clock.Evaluate(start + Duration.FromHours(25));

        Assert.Equal(start + Duration.FromHours(24), reading.Due);
        Assert.Equal(new LocalDateTime(2026, 4, 5, 11, 30), reading.Due.InZone(LordHowe).LocalDateTime);
        Assert.Equal(SlaClockStatus.Breached, reading.Status);
        Assert.Equal(Duration.FromHours(1), reading.Overrun);
    }

    [Fact]
    public void WithCalendar_CalendarGainsHolidays_RecomputedRetroactively()
    {
        var target = SlaTarget.InBusinessTime(Duration.FromHours(16));
        var clock = SlaClock.Start(target, LondonOffice, LondonAt(2026, 12, 23, 10));
        var withHolidays = new BusinessCalendarBuilder(London)
            .AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0))
            .AddHoliday(new LocalDate(2026, 12, 25), "Christmas Day")
            .AddHoliday(new LocalDate(2026, 12, 28), "Boxing Day (substitute)")
            .Build();
        var now = LondonAt(2026, 12, 28, 12);

        var before = clock.Evaluate(now);
        var after = clock.WithCalendar(withHolidays).Evaluate(now);

        Assert.Equal(SlaClockStatus.Breached, before.Status);
        Assert.Equal(LondonAt(2026, 12, 25, 10), before.BreachedAt);
        Assert.Equal(SlaClockStatus.Running, after.Status);
        Assert.Equal(LondonAt(2026, 12, 29, 10), after.Due);
        Assert.Equal(Duration.FromHours(15), after.Elapsed);
        Assert.Equal(Duration.FromHours(1), after.Remaining);
        Assert.Equal(clock.History, clock.WithCalendar(withHolidays).History);
    }

    [Fact]
    public void FromHistory_SameEntriesAsTransitions_EqualClock()
    {
        var built = SlaClock.Start(FourBusinessHours, LondonOffice, MondayTen).Pause(MondayTen + Duration.FromHours(1)).Resume(MondayTen + Duration.FromHours(2));
        var rebuilt = SlaClock.FromHistory(FourBusinessHours, LondonOffice, built.History);

        Assert.Equal(built, rebuilt);
        Assert.Equal(SlaClockPhase.Running, rebuilt.Phase);
        Assert.Equal(built.Evaluate(MondayTen + Duration.FromHours(3)).Due, rebuilt.Evaluate(MondayTen + Duration.FromHours(3)).Due);
    }

    [Fact]
    public void Evaluate_BeforeLaterEntries_IgnoresThem()
    {
        var clock = SlaClock.Start(FourBusinessHours, LondonOffice, MondayTen).Pause(LondonAt(2026, 11, 23, 12)).Stop(LondonAt(2026, 11, 23, 13));

        Assert.Equal(SlaClockStatus.Running, clock.Evaluate(LondonAt(2026, 11, 23, 11)).Status);
        Assert.Equal(SlaClockStatus.Paused, clock.Evaluate(LondonAt(2026, 11, 23, 12, 30)).Status);
        Assert.Equal(SlaClockStatus.Met, clock.Evaluate(LondonAt(2026, 11, 23, 13)).Status);
    }

    [Fact]
    public void Evaluate_WithFakeClock_ReadsNowFromIt()
    {
        var clock = SlaClock.Start(FourBusinessHours, LondonOffice, MondayTen);
        var fake = new FakeClock(LondonAt(2026, 11, 23, 12));

        Assert.Equal(Duration.FromHours(2), clock.Evaluate(fake).Elapsed);
        fake.AdvanceHours(3);
        Assert.Equal(SlaClockStatus.Breached, clock.Evaluate(fake).Status);
    }

    [Fact]
    public void Cancel_WhilePaused_CancelledAndNothingCountsAfter()
    {
        var clock = SlaClock.Start(FourBusinessHours, LondonOffice, MondayTen)
            .Pause(LondonAt(2026, 11, 23, 11))
            .Cancel(LondonAt(2026, 11, 23, 12));

        var reading = clock.Evaluate(LondonAt(2026, 11, 25, 12));

        Assert.Equal(SlaClockStatus.Cancelled, reading.Status);
        Assert.Equal(Duration.FromHours(1), reading.Elapsed);
        Assert.Equal(Duration.FromHours(1), reading.PausedBusinessTime);
        Assert.Null(reading.StoppedInTime);
    }

    [Fact]
    public void Explain_FullHistory_OneLinePerStageInTimeOrder()
    {
        var clock = SlaClock.Start(FourBusinessHours, LondonOffice, MondayTen)
            .Pause(LondonAt(2026, 11, 23, 11))
            .Resume(LondonAt(2026, 11, 23, 12))
            .Stop(LondonAt(2026, 11, 23, 16));

        var lines = clock.Explain(LondonAt(2026, 11, 23, 17));

        Assert.Equal(
            ["Started at", "Paused at", "Resumed at", "Warning share", "Breached at", "Stopped at", "As of"],
            lines.Select(line => string.Join(" ", line.Split(' ').Take(2))).ToArray());
        Assert.Contains("2026-11-23T14:00:00Z", lines[3], StringComparison.Ordinal);
        Assert.Contains("2026-11-23T15:00:00Z", lines[4], StringComparison.Ordinal);
        Assert.Contains("1:00:00", lines[2], StringComparison.Ordinal);
        Assert.Contains("Breached", lines[6], StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_RunningClock_ShowsUpcomingWarningAndDue()
    {
        var lines = SlaClock.Start(FourBusinessHours, LondonOffice, MondayTen).Explain(LondonAt(2026, 11, 23, 11));

        Assert.Equal(4, lines.Count);
        Assert.StartsWith("Started at 2026-11-23T10:00:00Z (Mon 2026-11-23 10:00:00 +00 Europe/London): target 4:00:00 of business time", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Warning share 75 % (3:00:00) due at 2026-11-23T13:00:00Z", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("Due at 2026-11-23T14:00:00Z", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("As of 2026-11-23T11:00:00Z", lines[3], StringComparison.Ordinal);
        Assert.Contains("Running; counted 1:00:00, remaining 3:00:00", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Pause_WhenPaused_TypedExceptionNamingAt()
    {
        var paused = SlaClock.Start(FourBusinessHours, LondonOffice, MondayTen).Pause(MondayTen);

        var error = Assert.Throws<SlaClockTransitionException>(() => paused.Pause(MondayTen + Duration.FromHours(1)));

        Assert.Equal("at", error.ParamName);
        Assert.Equal(SlaClockAction.Pause, error.Attempted);
        Assert.Equal(SlaClockPhase.Paused, error.Phase);
        Assert.Equal(2, paused.History.Count);
    }

    [Fact]
    public void Resume_WhenRunning_TypedExceptionNamingAt()
    {
        var running = SlaClock.Start(FourBusinessHours, LondonOffice, MondayTen);

        var error = Assert.Throws<SlaClockTransitionException>(() => running.Resume(MondayTen));

        Assert.Equal("at", error.ParamName);
        Assert.Equal(SlaClockPhase.Running, error.Phase);
    }

    [Theory]
    [InlineData(SlaClockAction.Pause)]
    [InlineData(SlaClockAction.Resume)]
    [InlineData(SlaClockAction.Stop)]
    [InlineData(SlaClockAction.Cancel)]
    public void Transition_AfterStopOrCancel_TypedException(SlaClockAction action)
    {
        var start = SlaClock.Start(FourBusinessHours, LondonOffice, MondayTen);
        foreach (var ended in new[] { start.Stop(MondayTen), start.Cancel(MondayTen) })
        {
            var later = MondayTen + Duration.FromHours(1);
            Func<SlaClock> transition = action switch
            {
                SlaClockAction.Pause => () => ended.Pause(later),
                SlaClockAction.Resume => () => ended.Resume(later),
                SlaClockAction.Stop => () => ended.Stop(later),
                _ => () => ended.Cancel(later),
            };

            var error = Assert.Throws<SlaClockTransitionException>(() => transition());
            Assert.Equal("at", error.ParamName);
            Assert.Equal(ended.Phase, error.Phase);
        }
    }

    [Fact]
    public void Pause_BeforeLastEntry_TypedExceptionNamingAt()
    {
        var running = SlaClock.Start(FourBusinessHours, LondonOffice, MondayTen);

        var error = Assert.Throws<SlaClockTransitionException>(() => running.Pause(MondayTen - Duration.Epsilon));

        Assert.Equal("at", error.ParamName);
    }

    [Fact]
    public void FromHistory_NotStartingWithStart_TypedExceptionNamingHistory()
    {
        var error = Assert.Throws<SlaClockTransitionException>(
            () => SlaClock.FromHistory(FourBusinessHours, LondonOffice, [new SlaClockEntry(SlaClockAction.Pause, MondayTen)]));

        Assert.Equal("history", error.ParamName);
    }

    [Fact]
    public void FromHistory_SecondStart_TypedExceptionNamingIndex()
    {
        var error = Assert.Throws<SlaClockTransitionException>(() => SlaClock.FromHistory(
            FourBusinessHours,
            LondonOffice,
            [new SlaClockEntry(SlaClockAction.Start, MondayTen), new SlaClockEntry(SlaClockAction.Start, MondayTen)]));

        Assert.Equal("history", error.ParamName);
        Assert.StartsWith("history[1]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_BeforeStart_ArgumentOutOfRangeNamingNow()
    {
        var clock = SlaClock.Start(FourBusinessHours, LondonOffice, MondayTen);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => clock.Evaluate(MondayTen - Duration.Epsilon));

        Assert.Equal("now", error.ParamName);
    }

    [Fact]
    public void SlaTarget_SeveralBadValues_EveryProblemListed()
    {
        var error = Assert.Throws<DefinitionValidationException>(() => new SlaTarget(Duration.Zero, (SlaMeasure)7, 1.0));

        Assert.Equal(["duration", "measure", "warningShare"], error.Problems.Select(p => p.Path).ToArray());
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    public void SlaTarget_WarningShareOutsideOpenUnitInterval_Rejected(double share)
    {
        var error = Assert.Throws<DefinitionValidationException>(() => SlaTarget.InBusinessTime(Duration.FromHours(1), share));

        Assert.Equal("warningShare", Assert.Single(error.Problems).Path);
    }

    [Fact]
    public void SlaTarget_WarningShare_RoundsToExactDuration()
    {
        var target = SlaTarget.AroundTheClock(Duration.FromHours(1), 0.8);

        Assert.Equal(Duration.FromMinutes(48), target.WarningDuration);
        Assert.Equal(target, new SlaTarget(Duration.FromHours(1), SlaMeasure.AroundTheClock, 0.8));
    }

    [ConfiguredProperty(Arbitrary = new[] { typeof(SlaClockArbitraries) })]
    public bool Due_LongerPause_NeverEarlier(PauseCase c)
    {
        var calendar = Pick(c.Calendar);
        var target = SlaTarget.InBusinessTime(Duration.FromMinutes(c.TargetMinutes));
        var start = SpreadOver2026(c.Start);
        var pauseAt = start + Duration.FromMinutes(c.PauseAfter);
        var shortResume = pauseAt + Duration.FromMinutes(c.ShortPause);
        var longResume = shortResume + Duration.FromMinutes(c.ExtraPause);
        var now = longResume + Duration.FromMinutes(c.NowAfter);
        var paused = SlaClock.Start(target, calendar, start).Pause(pauseAt);

        var shorter = paused.Resume(shortResume).Evaluate(now);
        var longer = paused.Resume(longResume).Evaluate(now);

        return shorter.Due <= longer.Due
            && shorter.PausedBusinessTime <= longer.PausedBusinessTime
            && shorter.WarningAt <= longer.WarningAt;
    }

    [ConfiguredProperty(Arbitrary = new[] { typeof(SlaClockArbitraries) })]
    public bool ElapsedPlusRemaining_RunningAndNotBreached_EqualsTarget(HistoryCase c)
    {
        var calendar = Pick(c.Calendar);
        var target = c.AroundTheClock
            ? SlaTarget.AroundTheClock(Duration.FromMinutes(c.TargetMinutes))
            : SlaTarget.InBusinessTime(Duration.FromMinutes(c.TargetMinutes));
        var (clock, last) = WithAlternatingPauses(SlaClock.Start(target, calendar, SpreadOver2026(c.Start)), c.Gaps);

        return ReadingIsConsistent(clock, last + Duration.FromMinutes(c.NowAfter));
    }

    [ConfiguredProperty(Arbitrary = new[] { typeof(SlaClockArbitraries) })]
    public bool Evaluate_GeneratedCalendarInRandomZone_ConsistentAndLongerPauseNeverEarlier(GeneratedClockCase c)
    {
        var scenario = c.Scenario;
        var target = SlaTarget.InBusinessTime(scenario.BusinessTime > Duration.Zero ? scenario.BusinessTime : Duration.FromMinutes(1));
        var start = SlaClock.Start(target, scenario.Calendar, scenario.Start);
        var (clock, last) = WithAlternatingPauses(start, c.Gaps);

        var pauseAt = scenario.Start + Duration.FromMinutes(c.PauseAfter);
        var shortResume = pauseAt + Duration.FromMinutes(c.ShortPause);
        var longResume = shortResume + Duration.FromMinutes(c.ExtraPause);
        var shorter = start.Pause(pauseAt).Resume(shortResume).Evaluate(longResume);
        var longer = start.Pause(pauseAt).Resume(longResume).Evaluate(longResume);

        return ReadingIsConsistent(clock, last + Duration.FromMinutes(c.NowAfter))
            && shorter.Due <= longer.Due
            && shorter.WarningAt <= longer.WarningAt;
    }

    private static (SlaClock Clock, Instant Last) WithAlternatingPauses(SlaClock clock, int[] gapMinutes)
    {
        var at = clock.StartedAt;
        foreach (var gap in gapMinutes)
        {
            at += Duration.FromMinutes(gap);
            clock = clock.Phase == SlaClockPhase.Running ? clock.Pause(at) : clock.Resume(at);
        }

        return (clock, at);
    }

    private static bool ReadingIsConsistent(SlaClock clock, Instant now)
    {
        var target = clock.Target.Duration;
        var reading = clock.Evaluate(now);
        return reading.Status switch
        {
            SlaClockStatus.Breached => reading.Remaining == Duration.Zero
                && reading.Elapsed >= target
                && reading.BreachedAt < reading.Now
                && reading.Overrun == reading.Elapsed - target,
            SlaClockStatus.Paused => reading.Elapsed + reading.Remaining == target
                && clock.MeasuringCalendar.BusinessTimeBetween(reading.Now, reading.Due) == reading.Remaining,
            _ => reading.Status == SlaClockStatus.Running
                && reading.Elapsed + reading.Remaining == target
                && clock.MeasuringCalendar.BusinessTimeBetween(reading.Now, reading.Due) == reading.Remaining
                && reading.Due >= reading.Now
                && (reading.WarningAt <= reading.Now) == reading.IsWarningReached
                && reading.WarningAt <= reading.Due,
        };
    }

    public sealed record PauseCase(int Calendar, int Start, int TargetMinutes, int PauseAfter, int ShortPause, int ExtraPause, int NowAfter);

    public sealed record HistoryCase(int Calendar, int Start, int TargetMinutes, bool AroundTheClock, int[] Gaps, int NowAfter);

    public sealed record GeneratedClockCase(CalendarScenario Scenario, int[] Gaps, int NowAfter, int PauseAfter, int ShortPause, int ExtraPause)
    {
        public override string ToString()
            => $"{Scenario}; gaps [{string.Join(", ", Gaps)}] min, now +{NowAfter} min, pause +{PauseAfter} for {ShortPause} or {ShortPause + ExtraPause} min";
    }

    public static class SlaClockArbitraries
    {
        public static Arbitrary<PauseCase> PauseCases()
            => Arb.From(
                from calendar in Gen.Choose(0, 100)
                from start in Gen.Choose(0, int.MaxValue)
                from target in Gen.Choose(1, 3000)
                from pauseAfter in Gen.Choose(0, 3000)
                from shortPause in Gen.Choose(0, 6000)
                from extraPause in Gen.Choose(0, 6000)
                from nowAfter in Gen.Choose(0, 6000)
                select new PauseCase(calendar, start, target, pauseAfter, shortPause, extraPause, nowAfter));

        public static Arbitrary<GeneratedClockCase> GeneratedClockCases()
            => Arb.From(
                from scenario in CalendarGenerators.Scenarios()
                from count in Gen.Choose(0, 6)
                from gaps in Gen.ArrayOf(Gen.Choose(0, 4000), count)
                from nowAfter in Gen.Choose(0, 6000)
                from pauseAfter in Gen.Choose(0, 6000)
                from shortPause in Gen.Choose(0, 6000)
                from extraPause in Gen.Choose(0, 6000)
                select new GeneratedClockCase(scenario, gaps, nowAfter, pauseAfter, shortPause, extraPause));

        public static Arbitrary<HistoryCase> HistoryCases()
            => Arb.From(
                from calendar in Gen.Choose(0, 100)
                from start in Gen.Choose(0, int.MaxValue)
                from target in Gen.Choose(1, 6000)
                from aroundTheClock in Gen.Elements(false, true)
                from count in Gen.Choose(0, 6)
                from gaps in Gen.ArrayOf(Gen.Choose(0, 2000), count)
                from nowAfter in Gen.Choose(0, 6000)
                select new HistoryCase(calendar, start, target, aroundTheClock, gaps, nowAfter));
    }

    private static BusinessCalendar NightShift(DateTimeZone zone)
    {
        var builder = new BusinessCalendarBuilder(zone);
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Sunday; day++)
        {
            builder.AddWeeklyHours(day, new LocalTime(0, 0), new LocalTime(4, 0));
        }

        return builder.Build();
    }
}
