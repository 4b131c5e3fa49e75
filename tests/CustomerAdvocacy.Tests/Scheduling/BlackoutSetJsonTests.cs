using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using CustomerAdvocacy.Scheduling;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Interval = NodaTime.Interval;

namespace CustomerAdvocacy.Tests.Scheduling;

public sealed class BlackoutSetJsonTests
{
    private const string ValidDocument = """
        {
          "name": "Acme change freeze",
          "zone": "America/New_York",
          "rules": [
            { "type": "periodEnd", "name": "month-end", "period": "month", "days": 3, "reason": "Billing run" },
            { "type": "periodEnd", "name": "quarter close", "period": "quarter", "businessDays": 2,
              "calendar": { "zone": "America/New_York", "weeklyHours": { "monday": ["09:00-17:00"], "tuesday": ["09:00-17:00"], "wednesday": ["09:00-17:00"], "thursday": ["09:00-17:00"], "friday": ["09:00-17:00"] } } },
            { "type": "range", "name": "office move", "start": "2026-12-04T18:00", "end": "2026-12-07T06:00" },
            { "type": "weekly", "name": "weekend batch", "startDay": "friday", "startTime": "22:00", "endDay": "monday", "endTime": "06:00" }
          ]
        }
        """;

    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    private static Instant NewYorkTime(int year, int month, int day, int hour, int minute = 0)
        => NewYork.AtStrictly(new LocalDateTime(year, month, day, hour, minute)).ToInstant();

    [Fact]
    public void Load_ValidDocument_ReadsEveryRule()
    {
        var blackouts = BlackoutSetJson.Load(ValidDocument);

        Assert.Equal("Acme change freeze", blackouts.Name);
        Assert.Same(NewYork, blackouts.Zone);
        Assert.Equal(["month-end", "quarter close", "office move", "weekend batch"], blackouts.Rules.Select(r => r.Name));

        var monthEnd = Assert.IsType<PeriodEndBlackout>(blackouts.Rules[0]);
        Assert.Equal((BlackoutPeriod.Month, 3, (BusinessCalendar?)null, "Billing run"), (monthEnd.Period, monthEnd.Days, monthEnd.BusinessDayCalendar, monthEnd.Reason));
        var quarter = Assert.IsType<PeriodEndBlackout>(blackouts.Rules[1]);
        Assert.Equal((BlackoutPeriod.Quarter, 2), (quarter.Period, quarter.Days));
        Assert.Equal("America/New_York", quarter.BusinessDayCalendar!.Zone.Id);
        var range = Assert.IsType<LocalRangeBlackout>(blackouts.Rules[2]);
        Assert.Equal((new LocalDateTime(2026, 12, 4, 18, 0), new LocalDateTime(2026, 12, 7, 6, 0)), (range.Start, range.End));
        var weekly = Assert.IsType<WeeklyBlackout>(blackouts.Rules[3]);
        Assert.Equal((IsoDayOfWeek.Friday, new LocalTime(22, 0), IsoDayOfWeek.Monday, new LocalTime(6, 0)), (weekly.StartDay, weekly.StartTime, weekly.EndDay, weekly.EndTime));
    }

    [Fact]
    public void Load_ValidDocument_RulesBlackOutTheirWindows()
    {
        var blackouts = BlackoutSetJson.Load(ValidDocument);

        // Tuesday 29 September 2026 is in the last three days of the month and the last two business days of the
        // quarter; Friday the 25th morning is in neither, nor in the weekend batch.
        Assert.Equal(
            ["month-end", "quarter close"],
            blackouts.GetCollisions(new Interval(NewYorkTime(2026, 9, 29, 10), NewYorkTime(2026, 9, 29, 11))).Select(h => h.Rule.Name));
        Assert.Empty(blackouts.GetCollisions(new Interval(NewYorkTime(2026, 9, 25, 10), NewYorkTime(2026, 9, 25, 11))));
        Assert.Equal("weekend batch", Assert.Single(blackouts.GetCollisions(new Interval(NewYorkTime(2026, 11, 14, 10), NewYorkTime(2026, 11, 14, 11)))).Rule.Name);
    }

    [Fact]
    public void Load_CommittedDocsExample_LoadsAndRoundTrips()
    {
        var blackouts = BlackoutSetJson.Load(RepositoryFiles.ReadAllText("docs/examples/blackouts.json"));

        Assert.Equal(4, blackouts.Rules.Count);
        var text = BlackoutSetJson.Save(blackouts);
        Assert.Equal(text, BlackoutSetJson.Save(BlackoutSetJson.Load(text)));
    }

    [Fact]
    public void Load_CommittedDocsExample_IsTheExampleInSchedulingDoc()
    {
        var example = RepositoryFiles.ReadAllText("docs/examples/blackouts.json").Trim();
        Assert.Contains("```json\n" + example + "\n```", RepositoryFiles.ReadAllText("docs/scheduling.md"), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Stream_ReadsSameSetAsText()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(ValidDocument));
        Assert.Equal(BlackoutSetJson.Save(BlackoutSetJson.Load(ValidDocument)), BlackoutSetJson.Save(BlackoutSetJson.Load(stream)));
    }

    [Fact]
    public void Save_Stream_WritesSameTextAsString()
    {
        var blackouts = BlackoutSetJson.Load(ValidDocument);
        using var stream = new MemoryStream();
        BlackoutSetJson.Save(blackouts, stream);
        Assert.Equal(BlackoutSetJson.Save(blackouts), Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void Converter_InsideLargerDocument_RoundTrips()
    {
        var options = new JsonSerializerOptions { Converters = { new BlackoutSetJsonConverter(), new BusinessCalendarJsonConverter() } };
        var original = new Profile("Acme", BlackoutSetJson.Load(ValidDocument));

        var read = JsonSerializer.Deserialize<Profile>(JsonSerializer.Serialize(original, options), options)!;

        Assert.Equal(BlackoutSetJson.Save(original.Blackouts), BlackoutSetJson.Save(read.Blackouts));
    }

    [Fact]
    public void Save_HostRuleType_ThrowsNamingTheArgument()
    {
        var blackouts = new BlackoutSetBuilder(NewYork).AddRule(new EveryInstantBlackout()).Build();
        var error = Assert.Throws<ArgumentException>(() => BlackoutSetJson.Save(blackouts));
        Assert.Equal("blackouts", error.ParamName);
    }

    [Fact]
    public void Load_UnknownZone_ReportsZone()
        => AssertProblems("""{"zone": "Mars/Olympus_Mons", "rules": []}""", "zone");

    [Fact]
    public void Load_UnknownRuleType_ReportsType()
        => AssertProblems("""{"zone": "Europe/London", "rules": [{"type": "monthly", "name": "x"}]}""", "rules[0].type");

    [Fact]
    public void Load_BadValues_ReportsEachAtItsPath()
        => AssertProblems(
            """
            {"zone": "Europe/London", "rules": [
              {"type": "periodEnd", "name": "a", "period": "fortnight", "days": 3},
              {"type": "periodEnd", "name": "b", "period": "month", "days": 2.5},
              {"type": "range", "name": "c", "start": "2026-12-01", "end": "2026-12-02T00:00"},
              {"type": "weekly", "name": "d", "startDay": "caturday", "startTime": "25:00", "endDay": "monday", "endTime": "06:00"},
              {"type": "weekly", "name": "e", "startDay": "friday", "startTime": "22:00", "endDay": "monday", "endTime": "06:00", "until": "never"}
            ]}
            """,
            "rules[0].period",
            "rules[1].days",
            "rules[2].start",
            "rules[3].startDay",
            "rules[3].startTime",
            "rules[4].until");

    [Fact]
    public void Load_RulesInvalidForTheBuilder_ReportedAtTheirJsonPaths()
        => AssertProblems(
            """
            {"zone": "Europe/London", "rules": [
              {"type": "range", "name": "unreadable", "start": "soon", "end": "2026-12-02T00:00"},
              {"type": "periodEnd", "name": "month-end", "period": "month", "days": 40},
              {"type": "range", "name": "backwards", "start": "2026-12-02T00:00", "end": "2026-12-01T00:00"},
              {"type": "weekly", "name": "month-end", "startDay": "friday", "startTime": "22:00", "endDay": "monday", "endTime": "06:00"},
              {"type": "range", "start": "2026-12-01T00:00", "end": "2026-12-02T00:00"}
            ]}
            """,
            "rules[0].start",
            "rules[1]",
            "rules[2]",
            "rules[3]",
            "rules[4]");

    [Fact]
    public void Load_BusinessDaysWithoutCalendar_ReportsCalendar()
        => AssertProblems("""{"zone": "Europe/London", "rules": [{"type": "periodEnd", "name": "m", "period": "month", "businessDays": 2}]}""", "rules[0].calendar");

    [Fact]
    public void Load_DaysAndBusinessDays_ReportsTheRule()
        => AssertProblems("""{"zone": "Europe/London", "rules": [{"type": "periodEnd", "name": "m", "period": "month", "days": 2, "businessDays": 2}]}""", "rules[0]");

    [Fact]
    public void Load_InvalidEmbeddedCalendar_ReportsItsProblemsUnderTheRule()
        => AssertProblems(
            """{"zone": "Europe/London", "rules": [{"type": "periodEnd", "name": "m", "period": "month", "businessDays": 2, "calendar": {"zone": "Europe/London", "weeklyHours": {"monday": ["09:00-12:00", "11:00-13:00"], "funday": []}}}]}""",
            "rules[0].calendar.weeklyHours.monday",
            "rules[0].calendar.weeklyHours.funday");

    [Fact]
    public void Load_CalendarInAnotherZone_ReportsTheRule()
        => AssertProblems(
            """{"zone": "Europe/London", "rules": [{"type": "periodEnd", "name": "m", "period": "month", "businessDays": 2, "calendar": {"zone": "Europe/Paris", "weeklyHours": {"monday": ["09:00-17:00"]}}}]}""",
            "rules[0]");

    [Fact]
    public void Load_MalformedJson_ReportsLine()
    {
        var error = Assert.Throws<DefinitionValidationException>(() => BlackoutSetJson.Load("{\"zone\": \"Europe/London\",\n\"rules\": [ }"));
        Assert.StartsWith("line 2, position ", Assert.Single(error.Problems).Path, StringComparison.Ordinal);
        Assert.Equal("blackout set", error.Definition);
    }

    [Fact]
    public void Load_NullArguments_ThrowNamingTheArgument()
    {
        Assert.Equal("json", Assert.Throws<ArgumentNullException>(() => BlackoutSetJson.Load((string)null!)).ParamName);
        Assert.Equal("utf8Json", Assert.Throws<ArgumentNullException>(() => BlackoutSetJson.Load((Stream)null!)).ParamName);
        Assert.Equal("blackouts", Assert.Throws<ArgumentNullException>(() => BlackoutSetJson.Save(null!)).ParamName);
    }

    [ConfiguredProperty]
    public Property SaveThenLoad_GeneratedSet_GivesEquivalentSet()
        => Prop.ForAll(Arb.From(Sets()), sample =>
        {
            var text = BlackoutSetJson.Save(sample.Blackouts);
            var loaded = BlackoutSetJson.Load(text);

            Assert.Equal(sample.Blackouts.Name, loaded.Name);
            Assert.Equal(sample.Blackouts.Zone.Id, loaded.Zone.Id);
            Assert.Equal(sample.Blackouts.Rules.Select(Describe), loaded.Rules.Select(Describe));
            Assert.Equal(text, BlackoutSetJson.Save(loaded));
        });

    private static string Describe(BlackoutRule rule) => rule switch
    {
        PeriodEndBlackout p => $"{p.Name}|{p.Reason}|{p.Period}|{p.Days}|{(p.BusinessDayCalendar is null ? "-" : BusinessCalendarJson.Save(p.BusinessDayCalendar))}",
        LocalRangeBlackout r => $"{r.Name}|{r.Reason}|{r.Start:uuuu-MM-dd'T'HH:mm:ss.fffffffff}|{r.End:uuuu-MM-dd'T'HH:mm:ss.fffffffff}",
        WeeklyBlackout w => $"{w.Name}|{w.Reason}|{w.StartDay}|{w.StartTime:HH:mm:ss.fffffffff}|{w.EndDay}|{w.EndTime:HH:mm:ss.fffffffff}",
        _ => throw new InvalidOperationException(rule.GetType().Name),
    };

    private static void AssertProblems(string json, params string[] expectedPaths)
    {
        var error = Assert.Throws<DefinitionValidationException>(() => BlackoutSetJson.Load(json));
        Assert.Equal(expectedPaths.OrderBy(p => p, StringComparer.Ordinal), error.Problems.Select(p => p.Path).OrderBy(p => p, StringComparer.Ordinal));
    }

    private static readonly string[] ZoneIds = [.. DateTimeZoneProviders.Tzdb.Ids];
    private static readonly Gen<string?> Reasons = Gen.Elements<string?>(null, "Billing run", "“Quoted” reason \\ with backslash", "東京");

    private static Gen<SetSample> Sets()
        => from zone in Gen.Elements(ZoneIds)
           from name in Gen.Elements<string?>(null, "Acme change freeze", "Zürich")
           from rules in Gen.ListOf(Rule(DateTimeZoneProviders.Tzdb[zone]), 6)
           select new SetSample(Build(zone, name, rules));

    private static Gen<Action<BlackoutSetBuilder, string>> Rule(DateTimeZone zone)
        => Gen.OneOf(PeriodEnd(zone), Range(), Weekly());

    private static Gen<Action<BlackoutSetBuilder, string>> PeriodEnd(DateTimeZone zone)
        => from period in Gen.Elements(BlackoutPeriod.Month, BlackoutPeriod.Quarter, BlackoutPeriod.Year)
           from days in Gen.Choose(1, 28)
           from businessDays in Gen.Elements(false, true)
           from openDays in Gen.SubListOf(Enumerable.Range(1, 7).ToArray()).Where(d => d.Count > 0)
           from reason in Reasons
           select (Action<BlackoutSetBuilder, string>)((builder, name) =>
           {
               BusinessCalendar? calendar = null;
               if (businessDays)
               {
                   var calendarBuilder = new BusinessCalendarBuilder(zone);
                   foreach (var day in openDays)
                   {
                       calendarBuilder.AddWeeklyHours((IsoDayOfWeek)day, new LocalTime(9, 0), new LocalTime(17, 0));
                   }

                   calendar = calendarBuilder.AddHoliday(new LocalDate(2026, 12, 25), "Christmas Day").Build();
               }

               builder.AddPeriodEnd(name, period, days, calendar, reason);
           });

    private static Gen<Action<BlackoutSetBuilder, string>> Range()
        => from day in Gen.Choose(0, 3650)
           from minute in Gen.Choose(0, 1439)
           from second in Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(1, 59)))
           from length in Gen.Choose(1, 20_000)
           from reason in Reasons
           let start = new LocalDate(2020, 1, 1).PlusDays(day).AtMidnight().PlusMinutes(minute).PlusSeconds(second)
           select (Action<BlackoutSetBuilder, string>)((builder, name) => builder.AddRange(name, start, start.PlusMinutes(length), reason));

    private static Gen<Action<BlackoutSetBuilder, string>> Weekly()
        => from startDay in Gen.Choose(1, 7)
           from endDay in Gen.Choose(1, 7)
           from startMinute in Gen.Choose(0, 1438)
           from endMinute in Gen.Choose(0, 1439)
           from second in Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(1, 59)))
           from reason in Reasons
           let sameDayEnd = startDay == endDay ? Math.Max(endMinute, startMinute + 1) : endMinute
           select (Action<BlackoutSetBuilder, string>)((builder, name) => builder.AddWeekly(
               name,
               (IsoDayOfWeek)startDay,
               LocalTime.FromMinutesSinceMidnight(startMinute).PlusSeconds(second),
               (IsoDayOfWeek)endDay,
               LocalTime.FromMinutesSinceMidnight(sameDayEnd).PlusSeconds(second),
               reason));

    private static BlackoutSet Build(string zone, string? name, IList<Action<BlackoutSetBuilder, string>> rules)
    {
        var builder = new BlackoutSetBuilder(zone) { Name = name };
        for (var i = 0; i < rules.Count; i++)
        {
            rules[i](builder, $"rule {i}");
        }

        return builder.Build();
    }

    private sealed record Profile(string Customer, BlackoutSet Blackouts);

    /// <summary>Shows a failing set as its JSON.</summary>
    private sealed class SetSample(BlackoutSet blackouts)
    {
        public BlackoutSet Blackouts { get; } = blackouts;

        public override string ToString() => BlackoutSetJson.Save(Blackouts);
    }

    private sealed class EveryInstantBlackout() : BlackoutRule("always", null)
    {
        protected override IEnumerable<Interval> EnumerateWindows(Interval range, DateTimeZone zone)
        {
            yield return range;
        }
    }
}
