using System.Linq;
using CustomerAdvocacy.Scheduling;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using NodaTime.TimeZones;
using Interval = NodaTime.Interval;

namespace CustomerAdvocacy.Tests.Scheduling;

/// <summary>
/// The laws of business-time arithmetic (DOMAIN.md "Calendar arithmetic, precisely"), checked over generated calendars
/// in random tzdb zones. Each property runs <see cref="PropertyConfig.MaxTest"/> cases.
/// </summary>
public sealed class BusinessCalendarProperties
{
    private static readonly Duration Nanosecond = Duration.FromNanoseconds(1);

    [Fact]
    public void Scenarios_Generated_AlwaysBuildValidCalendars()
    {
        // The generators promise valid definitions by construction; the builder is the judge.
        var built = CalendarGenerators.Scenarios().Sample(PropertyConfig.MaxTest);
        Assert.Equal(PropertyConfig.MaxTest, built.Length);
        Assert.Contains(built, s => s.Definition.AroundTheClock);
        Assert.Contains(built, s => s.Definition.Weekly.Any(w => w.Hours.EndsNextDay && w.Hours != DailyInterval.AllDay));
        Assert.Contains(built, s => s.Definition.Weekly.Any(w => w.Hours == DailyInterval.AllDay));
        Assert.Contains(built, s => s.Definition.Holidays.Count > 0 && s.Definition.Shifts.Count > 0 && s.Definition.Breaks.Count > 0);
    }

    [ConfiguredProperty]
    public Property Add_ThenBusinessTimeBetween_GivesDurationBack()
        => Prop.ForAll(CalendarGenerators.ScenarioArbitrary(), s =>
        {
            var end = s.Calendar.Add(s.Start, s.BusinessTime);
            Assert.True(end >= s.Start);
            Assert.Equal(s.BusinessTime, s.Calendar.BusinessTimeBetween(s.Start, end));
        });

    [ConfiguredProperty]
    public Property Subtract_ThenBusinessTimeBetween_GivesDurationBack()
        => Prop.ForAll(CalendarGenerators.ScenarioArbitrary(), s =>
        {
            var start = s.Calendar.Subtract(s.Start, s.BusinessTime);
            Assert.True(start <= s.Start);
            Assert.Equal(s.BusinessTime, s.Calendar.BusinessTimeBetween(start, s.Start));
        });

    [ConfiguredProperty]
    public Property SubtractAfterAdd_PositiveDuration_ReturnsNextOpening()
        => Prop.ForAll(PositiveScenarios(), s =>
        {
            // The latest x with BusinessTimeBetween(x, Add(t, d)) == d: t itself when open, else the opening after
            // it, because the closed time between t and that opening adds nothing.
            var end = s.Calendar.Add(s.Start, s.BusinessTime);
            Assert.Equal(s.Calendar.GetNextOpening(s.Start), s.Calendar.Subtract(end, s.BusinessTime));
        });

    [ConfiguredProperty]
    public Property AddAfterSubtract_PositiveDuration_ReturnsLastBusinessInstantAtOrBefore()
        => Prop.ForAll(PositiveScenarios(), s =>
        {
            // The earliest x with BusinessTimeBetween(Subtract(t, d), x) == d: t itself when business time runs right
            // up to t (t inside a period past its start, or at a period's end), else the end of the previous period.
            // A period's very start counts as closed here, which is why this is not simply GetPreviousClosing(t).
            var calendar = s.Calendar;
            var start = calendar.Subtract(s.Start, s.BusinessTime);
            var expected = calendar.IsOpen(s.Start - Nanosecond) ? s.Start : calendar.GetPreviousClosing(s.Start - Nanosecond);
            Assert.Equal(expected, calendar.Add(start, s.BusinessTime));
        });

    [ConfiguredProperty]
    public Property Add_LaterStart_NeverEarlier()
        => Prop.ForAll(Arb.From(WithDuration(Gen.Choose(0, 21 * 24 * 60).Select(m => Duration.FromMinutes(m)))), x =>
        {
            var (s, delay) = x;
            Assert.True(s.Calendar.Add(s.Start, s.BusinessTime) <= s.Calendar.Add(s.Start + delay, s.BusinessTime));
        });

    [ConfiguredProperty]
    public Property Add_LongerDuration_StrictlyLater()
        => Prop.ForAll(Arb.From(WithDuration(CalendarGenerators.PositiveDurations())), x =>
        {
            // Each extra nanosecond of business time needs open time after the shorter result, so the order is strict.
            var (s, extra) = x;
            Assert.True(s.Calendar.Add(s.Start, s.BusinessTime) < s.Calendar.Add(s.Start, s.BusinessTime + extra));
        });

    [ConfiguredProperty]
    public Property Add_InTwoSteps_EqualsAddInOne()
        => Prop.ForAll(Arb.From(WithDuration(CalendarGenerators.PositiveDurations())), x =>
        {
            // For b > 0 only: with b = 0 the second step would move a period's end to the next opening.
            var (s, b) = x;
            var a = s.BusinessTime;
            Assert.Equal(s.Calendar.Add(s.Start, a + b), s.Calendar.Add(s.Calendar.Add(s.Start, a), b));
        });

    [ConfiguredProperty]
    public Property Add_Result_IsInsideOrAtEndOfPeriod()
        => Prop.ForAll(CalendarGenerators.ScenarioArbitrary(), s =>
        {
            var calendar = s.Calendar;
            var end = calendar.Add(s.Start, s.BusinessTime);
            if (s.BusinessTime == Duration.Zero)
            {
                // Adding zero: the first open instant at or after the start.
                Assert.True(calendar.IsOpen(end));
                Assert.Equal(calendar.GetNextOpening(s.Start), end);
            }
            else
            {
                // The last nanosecond before the result was business time (so the result is never a bare opening nor
                // inside closed time), and the result is open itself unless it is exactly a period's end.
                Assert.True(calendar.IsOpen(end - Nanosecond));
                Assert.Equal(end, calendar.GetPreviousClosing(end));
                Assert.True(calendar.IsOpen(end) || calendar.GetNextOpening(end) > end);
            }
        });

    [ConfiguredProperty]
    public Property Subtract_Result_IsInsideOrAtStartOfPeriod()
        => Prop.ForAll(PositiveScenarios(), s =>
        {
            var start = s.Calendar.Subtract(s.Start, s.BusinessTime);
            Assert.True(s.Calendar.IsOpen(start));
            Assert.Equal(start, s.Calendar.GetNextOpening(start));
        });

    [ConfiguredProperty]
    public Property BusinessTimeBetween_SplitAnywhere_Adds()
        => Prop.ForAll(Arb.From(WithDuration(Gen.Choose(0, 40 * 24 * 60).Select(m => Duration.FromMinutes(m)))), x =>
        {
            var (s, span) = x;
            var end = s.Start + span;
            var middle = s.Start + Duration.FromNanoseconds(span.ToInt64Nanoseconds() / 3);
            var calendar = s.Calendar;
            Assert.Equal(
                calendar.BusinessTimeBetween(s.Start, end),
                calendar.BusinessTimeBetween(s.Start, middle) + calendar.BusinessTimeBetween(middle, end));
        });

    [ConfiguredProperty]
    public Property AroundTheClockUtc_Arithmetic_IsPlainTimeArithmetic()
        => Prop.ForAll(CalendarGenerators.ScenarioArbitrary(), s =>
        {
            var calendar = BusinessCalendar.AroundTheClockUtc;
            Assert.True(calendar.IsOpen(s.Start));
            Assert.Equal(s.Start, calendar.GetNextOpening(s.Start));
            Assert.Equal(s.Start, calendar.GetPreviousClosing(s.Start));
            Assert.Equal(s.Start + s.BusinessTime, calendar.Add(s.Start, s.BusinessTime));
            Assert.Equal(s.Start - s.BusinessTime, calendar.Subtract(s.Start, s.BusinessTime));
            Assert.Equal(s.BusinessTime, calendar.BusinessTimeBetween(s.Start, s.Start + s.BusinessTime));
        });

    [ConfiguredProperty]
    public Property AllDayEveryDay_AnyZone_IsPlainTimeArithmetic()
        => Prop.ForAll(CalendarGenerators.ScenarioArbitrary(), s =>
        {
            // Built from weekly hours, so it goes through the timeline rather than the 24x7 shortcut: touching
            // 00:00-24:00 days form one stretch, and DST changes the length of a day, never the elapsed time.
            var builder = new BusinessCalendarBuilder(s.Definition.ZoneId);
            for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Sunday; day++)
            {
                builder.AddAllDay(day);
            }

            var calendar = builder.Build();
            Assert.True(calendar.IsOpen(s.Start));
            Assert.Equal(s.Start + s.BusinessTime, calendar.Add(s.Start, s.BusinessTime));
            Assert.Equal(s.Start - s.BusinessTime, calendar.Subtract(s.Start, s.BusinessTime));
            Assert.Equal(s.BusinessTime, calendar.BusinessTimeBetween(s.Start - s.BusinessTime, s.Start));
        });

    [ConfiguredProperty]
    public Property IsOpen_AgreesWithGetOpenPeriods()
        => Prop.ForAll(Arb.From(WithDuration(Gen.Choose(0, 21 * 24 * 60).Select(m => Duration.FromMinutes(m)))
            .SelectMany(x => Gen.ArrayOf(Gen.Choose(0, 1_000_000), 16), (x, probes) => (x.Scenario, x.Extra, Probes: probes))), x =>
        {
            var (s, span, probes) = x;
            var calendar = s.Calendar;
            var range = new Interval(s.Start, s.Start + span);
            var periods = calendar.GetOpenPeriods(range).ToList();

            Duration total = Duration.Zero;
            for (var i = 0; i < periods.Count; i++)
            {
                var period = periods[i];
                Assert.True(period.Start < period.End, $"empty period {period}");
                Assert.True(range.Start <= period.Start && period.End <= range.End, $"{period} outside {range}");
                if (i > 0)
                {
                    Assert.True(periods[i - 1].End < period.Start, $"{periods[i - 1]} and {period} touch or overlap");
                }

                Assert.True(calendar.IsOpen(period.Start));
                Assert.True(calendar.IsOpen(period.End - Nanosecond));
                Assert.True(period.Start == range.Start || !calendar.IsOpen(period.Start - Nanosecond), $"{period} starts inside open time");
                Assert.True(period.End == range.End || !calendar.IsOpen(period.End), $"{period} ends inside open time");
                total += period.Duration;
            }

            Assert.Equal(calendar.BusinessTimeBetween(range.Start, range.End), total);
            foreach (var probe in probes)
            {
                var at = range.Start + Duration.FromNanoseconds(span.ToInt64Nanoseconds() / 1_000_000 * probe);
                if (at < range.End)
                {
                    Assert.Equal(periods.Any(p => p.Contains(at)), calendar.IsOpen(at));
                }
            }
        });

    [ConfiguredProperty]
    public Property GetNextOpening_IsFirstOpenInstantAtOrAfter()
        => Prop.ForAll(CalendarGenerators.ScenarioArbitrary(), s =>
        {
            var calendar = s.Calendar;
            var opening = calendar.GetNextOpening(s.Start);
            Assert.True(opening >= s.Start);
            Assert.True(calendar.IsOpen(opening));
            Assert.Equal(Duration.Zero, calendar.BusinessTimeBetween(s.Start, opening));
            Assert.True(opening == s.Start || !calendar.IsOpen(opening - Nanosecond));
            Assert.Equal(opening, calendar.GetNextOpening(opening));
            Assert.Equal(calendar.IsOpen(s.Start), opening == s.Start);
        });

    [ConfiguredProperty]
    public Property GetPreviousClosing_IsLastPeriodEndAtOrBefore()
        => Prop.ForAll(CalendarGenerators.ScenarioArbitrary(), s =>
        {
            var calendar = s.Calendar;
            var closing = calendar.GetPreviousClosing(s.Start);
            Assert.True(closing <= s.Start);
            Assert.Equal(Duration.Zero, calendar.BusinessTimeBetween(closing, s.Start));
            if (calendar.IsOpen(s.Start) || calendar.IsOpen(s.Start - Nanosecond))
            {
                // Within a period (its start included) or exactly at its end.
                Assert.Equal(s.Start, closing);
            }
            else
            {
                Assert.True(closing < s.Start);
                Assert.True(calendar.IsOpen(closing - Nanosecond));
                Assert.False(calendar.IsOpen(closing));
            }

            Assert.Equal(closing, calendar.GetPreviousClosing(closing));
        });

    [ConfiguredProperty]
    public Property AddBusinessDays_LandsOnNthBusinessDayAtSameLocalTime()
        => Prop.ForAll(Arb.From(CalendarGenerators.Scenarios().SelectMany(_ => Gen.Choose(1, 40), (s, days) => (s, days))), x =>
        {
            var (s, days) = x;
            var calendar = s.Calendar;
            var local = s.Start.InZone(calendar.Zone).LocalDateTime;
            var date = local.Date;
            for (var counted = 0; counted < days;)
            {
                date = date.PlusDays(1);
                if (calendar.IsBusinessDay(date))
                {
                    counted++;
                }
            }

            var candidate = calendar.Zone.ResolveLocal(date + local.TimeOfDay, Resolvers.LenientResolver).ToInstant();
            var result = calendar.AddBusinessDays(s.Start, days);
            Assert.Equal(calendar.GetNextOpening(candidate), result);
            Assert.True(calendar.IsOpen(result));
            if (calendar.IsOpen(candidate))
            {
                // Open at that local time: the result is exactly it, on the business day itself unless a gap pushed
                // the local time onto the next date.
                Assert.Equal(candidate, result);
                var landed = result.InZone(calendar.Zone).Date;
                Assert.True(landed == date ? calendar.IsBusinessDay(landed) : landed > date, $"landed on {landed}, business day {date}");
            }
        });

    [ConfiguredProperty]
    public Property AddBusinessDays_MoreDays_NeverEarlier()
        => Prop.ForAll(Arb.From(
            from s in CalendarGenerators.Scenarios()
            from days in Gen.Choose(0, 30)
            from more in Gen.Choose(0, 30)
            select (s, days, more)), x =>
        {
            var (s, days, more) = x;
            Assert.True(s.Calendar.AddBusinessDays(s.Start, days) <= s.Calendar.AddBusinessDays(s.Start, days + more));
            if (days == 0)
            {
                Assert.Equal(s.Calendar.GetNextOpening(s.Start), s.Calendar.AddBusinessDays(s.Start, 0));
            }
        });

    private static Arbitrary<CalendarScenario> PositiveScenarios()
        => Arb.From(CalendarGenerators.Scenarios().Where(s => s.BusinessTime > Duration.Zero));

    private static Gen<(CalendarScenario Scenario, Duration Extra)> WithDuration(Gen<Duration> extra)
        => CalendarGenerators.Scenarios().SelectMany(_ => extra, (s, e) => (s, e));
}
