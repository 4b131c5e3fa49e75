using System;
using System.Linq;
using CustomerAdvocacy.Scheduling;
using NodaTime;

namespace CustomerAdvocacy.Tests.Scheduling;

public sealed class BusinessCalendarTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    // Monday to Friday 09:00-12:00 and 13:00-17:30 in New York.
    private static BusinessCalendar OfficeHours() => new BusinessCalendarBuilder("America/New_York")
        .AddWeekdayHours(new LocalTime(9, 0), new LocalTime(12, 0))
        .AddWeekdayHours(new LocalTime(13, 0), new LocalTime(17, 30))
        .Build();

    private static Instant NewYorkTime(int year, int month, int day, int hour, int minute = 0)
        => NewYork.AtStrictly(new LocalDateTime(year, month, day, hour, minute)).ToInstant();

    [Fact]
    public void IsOpen_InsideMorningHours_True()
        => Assert.True(OfficeHours().IsOpen(NewYorkTime(2026, 11, 23, 10)));

    [Fact]
    public void IsOpen_DuringLunch_False()
        => Assert.False(OfficeHours().IsOpen(NewYorkTime(2026, 11, 23, 12, 30)));

    [Fact]
    public void IsOpen_AtPeriodEnd_False()
        => Assert.False(OfficeHours().IsOpen(NewYorkTime(2026, 11, 23, 17, 30)));

    [Fact]
    public void IsOpen_AtPeriodStart_True()
        => Assert.True(OfficeHours().IsOpen(NewYorkTime(2026, 11, 23, 13)));

    [Fact]
    public void Add_FourHoursFromFridayAfternoon_ContinuesMonday()
    {
        var result = OfficeHours().Add(NewYorkTime(2026, 11, 20, 16), Duration.FromHours(4));
        Assert.Equal(NewYorkTime(2026, 11, 23, 11, 30), result);
    }

    [Fact]
    public void Add_DurationEndingExactlyAtPeriodEnd_ReturnsThatEnd()
    {
        var result = OfficeHours().Add(NewYorkTime(2026, 11, 23, 9), Duration.FromHours(3));
        Assert.Equal(NewYorkTime(2026, 11, 23, 12), result);
    }

    [Fact]
    public void Add_ZeroWhileClosed_ReturnsNextOpening()
    {
        var result = OfficeHours().Add(NewYorkTime(2026, 11, 21, 10), Duration.Zero);
        Assert.Equal(NewYorkTime(2026, 11, 23, 9), result);
    }

    [Fact]
    public void Subtract_ExactFitAtPeriodStart_ReturnsThatStart()
    {
        var result = OfficeHours().Subtract(NewYorkTime(2026, 11, 23, 12), Duration.FromHours(3));
        Assert.Equal(NewYorkTime(2026, 11, 23, 9), result);
    }

    [Fact]
    public void Subtract_ZeroBetweenPeriods_ReturnsPreviousEnd()
    {
        var result = OfficeHours().Subtract(NewYorkTime(2026, 11, 23, 12, 30), Duration.Zero);
        Assert.Equal(NewYorkTime(2026, 11, 23, 12), result);
    }

    [Fact]
    public void BusinessTimeBetween_OneFullWeek_IsThirtySevenAndAHalfHours()
    {
        var result = OfficeHours().BusinessTimeBetween(NewYorkTime(2026, 11, 23, 0), NewYorkTime(2026, 11, 30, 0));
        Assert.Equal(Duration.FromMinutes(5 * 7.5 * 60), result);
    }

    [Fact]
    public void BusinessTimeBetween_AcrossSpringForward_CountsRealElapsedTime()
    {
        // 01:00-05:00 local on the day clocks jump from 02:00 to 03:00: three real hours pass.
        var calendar = new BusinessCalendarBuilder("America/New_York")
            .AddWeeklyHours(IsoDayOfWeek.Sunday, new LocalTime(1, 0), new LocalTime(5, 0))
            .Build();
        var sunday = new LocalDate(2026, 3, 8);
        var between = calendar.BusinessTimeBetween(
            NewYork.AtStartOfDay(sunday).ToInstant(),
            NewYork.AtStartOfDay(sunday.PlusDays(1)).ToInstant());
        Assert.Equal(Duration.FromHours(3), between);
    }

    [Fact]
    public void BusinessTimeBetween_AcrossFallBack_CountsRealElapsedTime()
    {
        // 01:00-05:00 local on the day clocks fall back from 02:00 to 01:00: five real hours pass.
        var calendar = new BusinessCalendarBuilder("America/New_York")
            .AddWeeklyHours(IsoDayOfWeek.Sunday, new LocalTime(1, 0), new LocalTime(5, 0))
            .Build();
        var sunday = new LocalDate(2026, 11, 1);
        var between = calendar.BusinessTimeBetween(
            NewYork.AtStartOfDay(sunday).ToInstant(),
            NewYork.AtStartOfDay(sunday.PlusDays(1)).ToInstant());
        Assert.Equal(Duration.FromHours(5), between);
    }

    [Fact]
    public void AddBusinessDays_OverWeekendAndHoliday_KeepsLocalTime()
    {
        var calendar = new BusinessCalendarBuilder("America/New_York")
            .AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0))
            .AddHoliday(new LocalDate(2026, 11, 26), "Thanksgiving")
            .Build();
        // Wednesday 25th 10:00 + 2 business days: Thursday is a holiday, so Friday then Monday.
        var result = calendar.AddBusinessDays(NewYorkTime(2026, 11, 25, 10), 2);
        Assert.Equal(NewYorkTime(2026, 11, 30, 10), result);
    }

    [Fact]
    public void GetOpenPeriods_OneDay_ReturnsBothPeriods()
    {
        var periods = OfficeHours().GetOpenPeriods(new Interval(NewYorkTime(2026, 11, 23, 0), NewYorkTime(2026, 11, 24, 0))).ToList();
        Assert.Equal(
            [new Interval(NewYorkTime(2026, 11, 23, 9), NewYorkTime(2026, 11, 23, 12)), new Interval(NewYorkTime(2026, 11, 23, 13), NewYorkTime(2026, 11, 23, 17, 30))],
            periods);
    }

    [Fact]
    public void Build_SeveralProblems_ReportsEveryOneTogether()
    {
        var builder = new BusinessCalendarBuilder("Mars/Olympus_Mons")
            .AddWeeklyHours(IsoDayOfWeek.Monday, new LocalTime(9, 0), new LocalTime(12, 0))
            .AddWeeklyHours(IsoDayOfWeek.Monday, new LocalTime(11, 0), new LocalTime(13, 0))
            .AddWeeklyHours(IsoDayOfWeek.Tuesday, new LocalTime(9, 0), new LocalTime(9, 0))
            .AddHoliday(new LocalDate(2026, 12, 25))
            .AddHoliday(new LocalDate(2026, 12, 25));
        var error = Assert.Throws<DefinitionValidationException>(() => builder.Build());
        Assert.Equal(4, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.Path == "zone");
    }

    [Fact]
    public void Add_NegativeDuration_ThrowsNamingArgument()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => OfficeHours().Add(NewYorkTime(2026, 11, 23, 9), Duration.FromHours(-1)));
        Assert.Equal("businessTime", error.ParamName);
    }

    [Fact]
    public void AddWeeklyHours_MidnightToMidnight_IsWholeDay()
    {
        var calendar = new BusinessCalendarBuilder("Europe/London")
            .AddWeeklyHours(IsoDayOfWeek.Saturday, LocalTime.Midnight, LocalTime.Midnight)
            .Build();
        Assert.Equal(DailyInterval.AllDay, Assert.Single(calendar.GetWeeklyHours(IsoDayOfWeek.Saturday)));
    }

    [Theory]
    [InlineData("00:00-00:00", "00:00-24:00")]
    [InlineData("00:00-24:00", "00:00-24:00")]
    [InlineData("22:00-06:00", "22:00-06:00")]
    [InlineData("13:00-24:00", "13:00-24:00")]
    public void DailyIntervalParse_WholeDayAndOvernightForms_RoundTrip(string text, string expected)
        => Assert.Equal(expected, DailyInterval.Parse(text).ToString());

    [Fact]
    public void DailyIntervalCreate_SameNonMidnightTimes_ThrowsNamingEnd()
    {
        var error = Assert.Throws<ArgumentException>(() => DailyInterval.Create(new LocalTime(9, 0), new LocalTime(9, 0)));
        Assert.Equal("end", error.ParamName);
    }
}
