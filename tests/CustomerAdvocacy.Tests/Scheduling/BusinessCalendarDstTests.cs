using System.Linq;
using CustomerAdvocacy.Scheduling;
using NodaTime;

namespace CustomerAdvocacy.Tests.Scheduling;

/// <summary>
/// Offset changes in the zones the issue names, with every expected instant worked out by hand from the tzdb rules
/// (written in UTC so the expectation does not go through the zone at all).
/// </summary>
public sealed class BusinessCalendarDstTests
{
    private static BusinessCalendar Calendar(string zoneId, params (IsoDayOfWeek Day, int StartHour, int StartMinute, int EndHour, int EndMinute)[] hours)
    {
        var builder = new BusinessCalendarBuilder(zoneId);
        foreach (var (day, startHour, startMinute, endHour, endMinute) in hours)
        {
            builder.AddWeeklyHours(day, new LocalTime(startHour, startMinute), new LocalTime(endHour, endMinute));
        }

        return builder.Build();
    }

    private static BusinessCalendar NineToFive(string zoneId)
        => new BusinessCalendarBuilder(zoneId).AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0)).Build();

    private static Instant Utc(int year, int month, int day, int hour, int minute = 0) => Instant.FromUtc(year, month, day, hour, minute);

    // America/New_York, 2026-03-08: 02:00 EST (-05) jumps to 03:00 EDT (-04) at 07:00Z.
    [Fact]
    public void Add_NewYorkOvernightAcrossSpringForward_CountsSevenRealHours()
    {
        // Saturday 22:00 EST = Sun 03:00Z; Sunday 06:00 EDT = 10:00Z: the nominal 8 hours last 7 real hours, and
        // adding all 7 ends at the period's end, not at the next opening.
        var calendar = Calendar("America/New_York", (IsoDayOfWeek.Saturday, 22, 0, 6, 0));
        Assert.Equal(Duration.FromHours(7), calendar.BusinessTimeBetween(Utc(2026, 3, 7, 0), Utc(2026, 3, 9, 0)));
        Assert.Equal(Utc(2026, 3, 8, 10), calendar.Add(Utc(2026, 3, 8, 3), Duration.FromHours(7)));
    }

    [Fact]
    public void GetNextOpening_NewYorkStartInGap_MovesForwardByTheGap()
    {
        // Sunday 02:30 does not exist on 2026-03-08: it moves forward by the hour to 03:30 EDT = 07:30Z; 04:00 EDT is
        // 08:00Z, so the period is 30 real minutes and 03:00 EDT (07:00Z) is still closed.
        var calendar = Calendar("America/New_York", (IsoDayOfWeek.Sunday, 2, 30, 4, 0));
        Assert.Equal(Utc(2026, 3, 8, 7, 30), calendar.GetNextOpening(Utc(2026, 3, 8, 6)));
        Assert.False(calendar.IsOpen(Utc(2026, 3, 8, 7)));
        Assert.True(calendar.IsOpen(Utc(2026, 3, 8, 7, 30)));
        Assert.Equal(Duration.FromMinutes(30), calendar.BusinessTimeBetween(Utc(2026, 3, 8, 0), Utc(2026, 3, 9, 0)));
    }

    // America/New_York, 2026-11-01: 02:00 EDT falls back to 01:00 EST at 06:00Z; 01:00-02:00 happens twice.
    [Fact]
    public void BusinessTimeBetween_NewYorkStartInOverlap_TakesEarlierInstant()
    {
        // Sunday 01:30-03:00: 01:30 is ambiguous and takes its first occurrence, 01:30 EDT = 05:30Z; 03:00 EST = 08:00Z.
        // 2.5 real hours, and the repeated 01:15 EST (06:15Z) is open.
        var calendar = Calendar("America/New_York", (IsoDayOfWeek.Sunday, 1, 30, 3, 0));
        Assert.Equal(Utc(2026, 11, 1, 5, 30), calendar.GetNextOpening(Utc(2026, 11, 1, 5)));
        Assert.True(calendar.IsOpen(Utc(2026, 11, 1, 6, 15)));
        Assert.Equal(Duration.FromMinutes(150), calendar.BusinessTimeBetween(Utc(2026, 11, 1, 0), Utc(2026, 11, 2, 0)));
    }

    // Europe/London: 2026-03-29 01:00 GMT jumps to 02:00 BST at 01:00Z; 2026-10-25 02:00 BST falls back to 01:00 GMT at 01:00Z.
    [Fact]
    public void AddBusinessDays_LondonOverSpringForward_KeepsLocalTime()
    {
        // Friday 2026-03-27 10:00 GMT = 10:00Z, one business day later is Monday 10:00 BST = 09:00Z: 71 real hours.
        Assert.Equal(Utc(2026, 3, 30, 9), NineToFive("Europe/London").AddBusinessDays(Utc(2026, 3, 27, 10), 1));
    }

    [Fact]
    public void Add_LondonOvernightAcrossFallBack_CountsRepeatedHour()
    {
        // Saturday 22:00 BST = 21:00Z to Sunday 06:00 GMT = 06:00Z: 9 real hours. Four of them end at 01:00Z, the
        // instant the clocks show 01:00 for the second time.
        var calendar = Calendar("Europe/London", (IsoDayOfWeek.Saturday, 22, 0, 6, 0));
        Assert.Equal(Utc(2026, 10, 25, 6), calendar.Add(Utc(2026, 10, 24, 21), Duration.FromHours(9)));
        Assert.Equal(Utc(2026, 10, 24, 21), calendar.Subtract(Utc(2026, 10, 25, 6), Duration.FromHours(9)));
        Assert.Equal(Utc(2026, 10, 25, 1), calendar.Add(Utc(2026, 10, 24, 21), Duration.FromHours(4)));
    }

    // Australia/Lord_Howe: a 30-minute shift. 2026-04-05 02:00 (+11) falls back to 01:30 (+10:30) at 2026-04-04 15:00Z;
    // 2026-10-04 02:00 (+10:30) jumps to 02:30 (+11) at 2026-10-03 15:30Z.
    [Fact]
    public void BusinessTimeBetween_LordHoweHalfHourChanges_CountsRealTime()
    {
        // Sunday 01:00-03:00. On 5 April: 01:00 +11 = 14:00Z to 03:00 +10:30 = 16:30Z, 2.5 hours.
        // On 4 October: 01:00 +10:30 = 14:30Z to 03:00 +11 = 16:00Z, 1.5 hours.
        var calendar = Calendar("Australia/Lord_Howe", (IsoDayOfWeek.Sunday, 1, 0, 3, 0));
        Assert.Equal(Duration.FromMinutes(150), calendar.BusinessTimeBetween(Utc(2026, 4, 4, 0), Utc(2026, 4, 5, 0)));
        Assert.Equal(Duration.FromMinutes(90), calendar.BusinessTimeBetween(Utc(2026, 10, 3, 0), Utc(2026, 10, 4, 0)));

        // Two business hours from 01:00 on 5 April end at 16:00Z, which the clocks show as 02:30 +10:30.
        Assert.Equal(Utc(2026, 4, 4, 16), calendar.Add(Utc(2026, 4, 4, 14), Duration.FromHours(2)));
    }

    [Fact]
    public void GetNextOpening_LordHoweStartInHalfHourGap_MovesForwardThirtyMinutes()
    {
        // Sunday 02:15 does not exist on 4 October: 02:45 +11 = 2026-10-03 15:45Z.
        var calendar = Calendar("Australia/Lord_Howe", (IsoDayOfWeek.Sunday, 2, 15, 4, 0));
        Assert.Equal(Utc(2026, 10, 3, 15, 45), calendar.GetNextOpening(Utc(2026, 10, 3, 15)));
    }

    // Asia/Kathmandu: +05:45 since 1986-01-01, when 00:00 +05:30 jumped to 00:15 +05:45 at 1985-12-31 18:30Z.
    [Fact]
    public void Add_KathmanduQuarterHourOffset_EndsOnLocalHours()
    {
        // Monday 2026-11-23 09:00 +05:45 = 03:15Z; eight hours is 17:00 local = 11:15Z, nine hours runs into Tuesday
        // 10:00 local = 04:15Z.
        var calendar = NineToFive("Asia/Kathmandu");
        Assert.Equal(Utc(2026, 11, 23, 11, 15), calendar.Add(Utc(2026, 11, 23, 3, 15), Duration.FromHours(8)));
        Assert.Equal(Utc(2026, 11, 24, 4, 15), calendar.Add(Utc(2026, 11, 23, 3, 15), Duration.FromHours(9)));
    }

    [Fact]
    public void BusinessTimeBetween_KathmanduSkippedQuarterHourAtMidnight_CountsFortyFiveMinutes()
    {
        // Wednesday 1986-01-01 00:00-01:00: 00:00 moves forward by the 15-minute gap to 00:15 +05:45 = 18:30Z;
        // 01:00 +05:45 = 19:15Z.
        var calendar = Calendar("Asia/Kathmandu", (IsoDayOfWeek.Wednesday, 0, 0, 1, 0));
        Assert.Equal(Utc(1985, 12, 31, 18, 30), calendar.GetNextOpening(Utc(1985, 12, 31, 18)));
        Assert.Equal(Duration.FromMinutes(45), calendar.BusinessTimeBetween(Utc(1985, 12, 31, 0), Utc(1986, 1, 1, 0)));
    }

    // America/Santiago: 2026-09-06 00:00 (-04) jumps to 01:00 (-03) at 04:00Z; 2026-04-05 00:00 (-03) falls back to
    // 2026-04-04 23:00 (-04) at 03:00Z.
    [Fact]
    public void GetOpenPeriods_SantiagoSkippedMidnight_JoinsSaturdayAndSunday()
    {
        // Saturday 22:00-24:00 and Sunday 00:00-02:00 touch. Saturday 22:00 -04 = 02:00Z; the shared midnight does not
        // exist and moves forward to 01:00 -03 = 04:00Z; Sunday 02:00 -03 = 05:00Z: one stretch of 3 real hours.
        var calendar = Calendar("America/Santiago", (IsoDayOfWeek.Saturday, 22, 0, 0, 0), (IsoDayOfWeek.Sunday, 0, 0, 2, 0));
        var periods = calendar.GetOpenPeriods(new Interval(Utc(2026, 9, 5, 12), Utc(2026, 9, 7, 0))).ToList();
        Assert.Equal([new Interval(Utc(2026, 9, 6, 2), Utc(2026, 9, 6, 5))], periods);
    }

    [Fact]
    public void AddBusinessDays_SantiagoToSkippedMidnight_MovesForwardByTheGap()
    {
        // Friday 2026-09-04 00:00 -04 = 04:00Z plus two days is Sunday 00:00, which does not exist: 01:00 -03 = 04:00Z.
        var calendar = BusinessCalendar.AroundTheClock(DateTimeZoneProviders.Tzdb["America/Santiago"]);
        Assert.Equal(Utc(2026, 9, 6, 4), calendar.AddBusinessDays(Utc(2026, 9, 4, 4), 2));
    }

    [Fact]
    public void BusinessTimeBetween_SantiagoFallBackBeforeMidnight_CountsRepeatedHour()
    {
        // Saturday 2026-04-04 22:00-24:00: 22:00 -03 = 01:00Z; 24:00 is 5 April 00:00, which exists once, at -04 = 04:00Z.
        // 23:00-24:00 happens twice: 3 real hours.
        var calendar = Calendar("America/Santiago", (IsoDayOfWeek.Saturday, 22, 0, 0, 0));
        Assert.Equal(Duration.FromHours(3), calendar.BusinessTimeBetween(Utc(2026, 4, 4, 12), Utc(2026, 4, 6, 0)));
        Assert.Equal(Utc(2026, 4, 5, 4), calendar.Add(Utc(2026, 4, 5, 1), Duration.FromHours(3)));
    }

    // America/Havana, 2019 (a past year: tzdb 2026f has Cuba keep summer time through the end of 2026):
    // 2019-03-10 00:00 (-05) jumped to 01:00 (-04) at 05:00Z; 2019-11-03 01:00 (-04) fell back to 00:00 (-05) at 05:00Z.
    [Fact]
    public void BusinessTimeBetween_HavanaMidnightTransitions_CountRealTime()
    {
        // Sunday 00:00-02:00. On 10 March midnight does not exist: 01:00 -04 = 05:00Z to 02:00 -04 = 06:00Z, one hour.
        // On 3 November midnight happens twice and takes the first: 00:00 -04 = 04:00Z to 02:00 -05 = 07:00Z, three hours.
        var calendar = Calendar("America/Havana", (IsoDayOfWeek.Sunday, 0, 0, 2, 0));
        Assert.Equal(Duration.FromHours(1), calendar.BusinessTimeBetween(Utc(2019, 3, 9, 12), Utc(2019, 3, 11, 0)));
        Assert.False(calendar.IsOpen(Utc(2019, 3, 10, 4, 59)));
        Assert.True(calendar.IsOpen(Utc(2019, 3, 10, 5)));
        Assert.Equal(Duration.FromHours(3), calendar.BusinessTimeBetween(Utc(2019, 11, 2, 12), Utc(2019, 11, 4, 0)));
        Assert.Equal(Utc(2019, 11, 3, 4), calendar.GetNextOpening(Utc(2019, 11, 2, 12)));
    }

    // Pacific/Apia: Thursday 2011-12-29 24:00 (-10) became Saturday 2011-12-31 00:00 (+14) at 2011-12-30 10:00Z; Friday
    // 30 December never happened locally.
    [Fact]
    public void BusinessTimeBetween_ApiaSkippedFriday_LosesNoBusinessHours()
    {
        // Friday's 09:00-17:00 lies in the 24-hour gap and moves forward by it, to Saturday 09:00-17:00 +14
        // (2011-12-30 19:00Z to 2011-12-31 03:00Z). Monday 2011-12-26 00:00 -10 (10:00Z) to Monday 2012-01-02 00:00 +14
        // (2012-01-01 10:00Z) holds five full days: 40 hours.
        var calendar = NineToFive("Pacific/Apia");
        Assert.Equal(Duration.FromHours(40), calendar.BusinessTimeBetween(Utc(2011, 12, 26, 10), Utc(2012, 1, 1, 10)));
        Assert.Equal(
            [new Interval(Utc(2011, 12, 29, 19), Utc(2011, 12, 30, 3)), new Interval(Utc(2011, 12, 30, 19), Utc(2011, 12, 31, 3))],
            calendar.GetOpenPeriods(new Interval(Utc(2011, 12, 29, 10), Utc(2011, 12, 31, 10))).ToList());
    }

    [Fact]
    public void Add_ApiaAcrossSkippedFriday_ContinuesInFridaysMovedHours()
    {
        // Thursday 16:00 -10 = 12-30 02:00Z: one hour to 17:00 (03:00Z), the second hour from the moved Friday opening
        // at 19:00Z, ending 20:00Z = Saturday 10:00 +14.
        Assert.Equal(Utc(2011, 12, 30, 20), NineToFive("Pacific/Apia").Add(Utc(2011, 12, 30, 2), Duration.FromHours(2)));
    }

    [Fact]
    public void AddBusinessDays_ApiaToSkippedFriday_MovesForwardByTheGap()
    {
        // Friday 30 December is still a business day by date; its 10:00 does not exist and moves forward 24 hours to
        // Saturday 10:00 +14 = 12-30 20:00Z, which is inside Friday's moved hours.
        Assert.Equal(Utc(2011, 12, 30, 20), NineToFive("Pacific/Apia").AddBusinessDays(Utc(2011, 12, 29, 20), 1));
    }
}
