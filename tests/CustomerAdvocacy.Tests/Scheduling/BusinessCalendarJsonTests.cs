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

namespace CustomerAdvocacy.Tests.Scheduling;

public sealed class BusinessCalendarJsonTests
{
    private const string ValidDocument = """
        {
          "name": "Acme",
          "zone": "America/New_York",
          "weeklyHours": { "monday": ["09:00-12:00", "13:00-17:30"], "friday": ["22:00-02:00"], "sunday": ["00:00-24:00"] },
          "holidays": [ { "date": "2026-11-26", "name": "Thanksgiving" } ],
          "shifts": [ { "date": "2026-11-27", "hours": ["09:00-13:00"] } ],
          "breaks": [ { "start": "2026-11-30T10:00", "end": "2026-11-30T10:30", "reason": "Fire drill" } ]
        }
        """;

    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    [Fact]
    public void Load_ValidDocument_ReadsEveryPart()
    {
        var calendar = BusinessCalendarJson.Load(ValidDocument);

        Assert.Equal("Acme", calendar.Name);
        Assert.Same(NewYork, calendar.Zone);
        Assert.False(calendar.IsAroundTheClock);
        Assert.Equal([DailyInterval.Parse("09:00-12:00"), DailyInterval.Parse("13:00-17:30")], calendar.GetWeeklyHours(IsoDayOfWeek.Monday));
        Assert.Equal([DailyInterval.Parse("22:00-02:00")], calendar.GetWeeklyHours(IsoDayOfWeek.Friday));
        Assert.Equal([DailyInterval.AllDay], calendar.GetWeeklyHours(IsoDayOfWeek.Sunday));
        Assert.Empty(calendar.GetWeeklyHours(IsoDayOfWeek.Tuesday));
        Assert.Equal("Thanksgiving", Assert.Single(calendar.Holidays, h => h.Key == new LocalDate(2026, 11, 26)).Value);
        Assert.Equal([DailyInterval.Parse("09:00-13:00")], calendar.Shifts[new LocalDate(2026, 11, 27)]);
        var pause = Assert.Single(calendar.Breaks);
        Assert.Equal((new LocalDateTime(2026, 11, 30, 10, 0), new LocalDateTime(2026, 11, 30, 10, 30), "Fire drill"), (pause.Start, pause.End, pause.Reason));
    }

    [Fact]
    public void Load_ValidDocument_CalendarComputesWithItsHours()
    {
        var calendar = BusinessCalendarJson.Load(ValidDocument);
        var mondayNine = NewYork.AtStrictly(new LocalDateTime(2026, 11, 30, 9, 0)).ToInstant();

        // Monday 09:00-12:00 less the 30-minute fire drill, then 13:00-17:30.
        Assert.Equal(Duration.FromMinutes(150 + 270), calendar.BusinessTimeBetween(mondayNine, mondayNine + Duration.FromHours(9)));
    }

    [Fact]
    public void Load_CommittedDocsExample_LoadsAndRoundTrips()
    {
        var calendar = BusinessCalendarJson.Load(RepositoryFiles.ReadAllText("docs/examples/calendar.json"));

        Assert.Equal("Acme Ltd support desk", calendar.Name);
        Assert.Equal("Europe/London", calendar.Zone.Id);
        Assert.Equal(3, calendar.Holidays.Count);
        Assert.Equal(2, calendar.Shifts.Count);
        Assert.Single(calendar.Breaks);
        AssertEquivalent(calendar, BusinessCalendarJson.Load(BusinessCalendarJson.Save(calendar)));
    }

    [Fact]
    public void Load_CommittedDocsExample_IsTheExampleInSchedulingDoc()
    {
        var example = RepositoryFiles.ReadAllText("docs/examples/calendar.json").Trim();
        var doc = RepositoryFiles.ReadAllText("docs/scheduling.md");

        Assert.Contains("```json\n" + example + "\n```", doc, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Stream_ReadsSameCalendarAsText()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(ValidDocument));
        AssertEquivalent(BusinessCalendarJson.Load(ValidDocument), BusinessCalendarJson.Load(stream));
    }

    [Fact]
    public void Load_EmbeddedElement_ReadsCalendar()
    {
        using var document = JsonDocument.Parse("{\"customer\": \"Acme\", \"calendar\": " + ValidDocument + "}");
        var calendar = BusinessCalendarJson.Load(document.RootElement.GetProperty("calendar"));
        AssertEquivalent(BusinessCalendarJson.Load(ValidDocument), calendar);
    }

    [Fact]
    public void Converter_InsideLargerDocument_RoundTrips()
    {
        var options = new JsonSerializerOptions { Converters = { new BusinessCalendarJsonConverter() } };
        var original = new Holder("Acme", BusinessCalendarJson.Load(ValidDocument));

        var text = JsonSerializer.Serialize(original, options);
        var read = JsonSerializer.Deserialize<Holder>(text, options)!;

        Assert.Equal("Acme", read.Customer);
        AssertEquivalent(original.Calendar, read.Calendar);
    }

    [Fact]
    public void Converter_InvalidEmbeddedCalendar_ThrowsValidationException()
    {
        var options = new JsonSerializerOptions { Converters = { new BusinessCalendarJsonConverter() } };
        var error = Assert.Throws<DefinitionValidationException>(
            () => JsonSerializer.Deserialize<Holder>("{\"Customer\": \"Acme\", \"Calendar\": {\"zone\": \"Nowhere/Special\", \"weeklyHours\": {\"monday\": [\"09:00-17:00\"]}}}", options));
        Assert.Equal("zone", Assert.Single(error.Problems).Path);
    }

    [Fact]
    public void Save_Stream_WritesSameTextAsString()
    {
        var calendar = BusinessCalendarJson.Load(ValidDocument);
        using var stream = new MemoryStream();
        BusinessCalendarJson.Save(calendar, stream);
        Assert.Equal(BusinessCalendarJson.Save(calendar), Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void Save_AroundTheClock_RoundTripsAsAroundTheClock()
    {
        var calendar = BusinessCalendar.AroundTheClock(DateTimeZoneProviders.Tzdb["Asia/Kathmandu"]);
        var loaded = BusinessCalendarJson.Load(BusinessCalendarJson.Save(calendar));

        Assert.True(loaded.IsAroundTheClock);
        AssertEquivalent(calendar, loaded);
    }

    [Fact]
    public void Load_AroundTheClockWithoutName_KeepsNoName()
    {
        var calendar = BusinessCalendarJson.Load("""{"zone": "Australia/Lord_Howe", "aroundTheClock": true}""");
        Assert.True(calendar.IsAroundTheClock);
        Assert.Null(calendar.Name);
        Assert.Equal("Australia/Lord_Howe", calendar.Zone.Id);
    }

    [Fact]
    public void Load_CommentsAndTrailingCommas_Accepted()
    {
        var calendar = BusinessCalendarJson.Load("""
            {
              // The customer's own zone.
              "zone": "Europe/London",
              "weeklyHours": { "monday": ["09:00-17:00",], },
            }
            """);
        Assert.Single(calendar.GetWeeklyHours(IsoDayOfWeek.Monday));
    }

    [Fact]
    public void Load_UnknownZone_ReportsZone()
        => AssertProblems("""{"zone": "Mars/Olympus_Mons", "weeklyHours": {"monday": ["09:00-17:00"]}}""", "zone");

    [Fact]
    public void Load_MissingZone_ReportsZone()
        => AssertProblems("""{"weeklyHours": {"monday": ["09:00-17:00"]}}""", "zone");

    [Fact]
    public void Load_ZoneNotAString_ReportsZoneOnce()
        => AssertProblems("""{"zone": 5, "weeklyHours": {"monday": ["09:00-17:00"]}}""", "zone");

    [Theory]
    [InlineData("9-5")]
    [InlineData("09:00")]
    [InlineData("09:00-25:00")]
    [InlineData("09:00-09:00")]
    public void Load_BadIntervalText_ReportsItsPath(string interval)
        => AssertProblems($$"""{"zone": "Europe/London", "weeklyHours": {"monday": ["08:00-08:30", "{{interval}}"], "tuesday": ["09:00-17:00"] } }""", "weeklyHours.monday[1]");

    [Fact]
    public void Load_IntervalNotAString_ReportsItsPath()
        => AssertProblems("""{"zone": "Europe/London", "weeklyHours": {"monday": [900], "tuesday": ["09:00-17:00"]}}""", "weeklyHours.monday[0]");

    [Fact]
    public void Load_OnlyHoursUnreadable_DoesNotAlsoReportNoOpenTime()
        => AssertProblems("""{"zone": "Europe/London", "weeklyHours": {"monday": ["nine to five"]}}""", "weeklyHours.monday[0]");

    [Fact]
    public void Load_NoHoursAtAll_ReportsNoOpenTime()
        => AssertProblems("""{"zone": "Europe/London"}""", "weeklyHours");

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("25/12/2026")]
    [InlineData("2026-12-25T00:00")]
    public void Load_BadHolidayDate_ReportsItsPath(string date)
        => AssertProblems($$"""{"zone": "Europe/London", "weeklyHours": {"monday": ["09:00-17:00"]}, "holidays": [{"date": "2026-12-24"}, {"date": "{{date}}"}]}""", "holidays[1].date");

    [Fact]
    public void Load_BadShiftDate_ReportsItsPath()
        => AssertProblems("""{"zone": "Europe/London", "weeklyHours": {"monday": ["09:00-17:00"]}, "shifts": [{"date": "tomorrow", "hours": ["09:00-12:00"]}]}""", "shifts[0].date");

    [Theory]
    [InlineData("2026-12-01 14:00")]
    [InlineData("2026-12-01T25:00")]
    [InlineData("2026-12-01")]
    public void Load_BadBreakDateTime_ReportsItsPath(string start)
        => AssertProblems($$"""{"zone": "Europe/London", "weeklyHours": {"monday": ["09:00-17:00"]}, "breaks": [{"start": "{{start}}", "end": "2026-12-01T15:00"}]}""", "breaks[0].start");

    [Fact]
    public void Load_BreakEndingBeforeItStarts_ReportsItsPath()
        => AssertProblems("""{"zone": "Europe/London", "weeklyHours": {"monday": ["09:00-17:00"]}, "breaks": [{"start": "2026-12-01T14:00", "end": "2026-12-01T15:00"}, {"start": "2026-12-01T15:00", "end": "2026-12-01T14:00"}]}""", "breaks[1]");

    [Fact]
    public void Load_UnknownWeekdayName_ReportsIt()
        => AssertProblems("""{"zone": "Europe/London", "weeklyHours": {"monday": ["09:00-17:00"], "funday": ["09:00-17:00"]}}""", "weeklyHours.funday");

    [Fact]
    public void Load_WeekdayNameInAnyCase_Accepted()
        => Assert.Single(BusinessCalendarJson.Load("""{"zone": "Europe/London", "weeklyHours": {"Monday": ["09:00-17:00"]}}""").GetWeeklyHours(IsoDayOfWeek.Monday));

    [Fact]
    public void Load_SameWeekdayTwice_ReportsIt()
        => AssertProblems("""{"zone": "Europe/London", "weeklyHours": {"monday": ["09:00-12:00"], "Monday": ["13:00-17:00"]}}""", "weeklyHours.Monday");

    [Fact]
    public void Load_OverlappingWeeklyIntervals_ReportsTheDay()
        => AssertProblems("""{"zone": "Europe/London", "weeklyHours": {"monday": ["09:00-12:00", "11:00-13:00"]}}""", "weeklyHours.monday");

    [Fact]
    public void Load_OvernightIntervalRunningIntoNextDay_ReportsTheDay()
        => AssertProblems("""{"zone": "Europe/London", "weeklyHours": {"monday": ["22:00-10:00"], "tuesday": ["09:00-17:00"]}}""", "weeklyHours.monday");

    [Fact]
    public void Load_OverlappingShiftIntervals_ReportsTheShift()
        => AssertProblems("""{"zone": "Europe/London", "weeklyHours": {"monday": ["09:00-17:00"]}, "shifts": [{"date": "2026-12-01", "hours": ["09:00-12:00"]}, {"date": "2026-12-24", "hours": ["09:00-12:00", "10:00-11:00"]}]}""", "shifts[1]");

    [Fact]
    public void Load_ShiftWithoutHours_ReportsHours()
        => AssertProblems("""{"zone": "Europe/London", "weeklyHours": {"monday": ["09:00-17:00"]}, "shifts": [{"date": "2026-12-24", "hours": []}]}""", "shifts[0].hours");

    [Fact]
    public void Load_DuplicateHoliday_ReportsTheSecond()
        => AssertProblems("""{"zone": "Europe/London", "weeklyHours": {"monday": ["09:00-17:00"]}, "holidays": [{"date": "2026-12-25"}, {"date": "2026-12-26"}, {"date": "2026-12-25", "name": "Again"}]}""", "holidays[2]");

    [Fact]
    public void Load_HolidayAlsoAShift_ReportsTheShift()
        => AssertProblems("""{"zone": "Europe/London", "weeklyHours": {"monday": ["09:00-17:00"]}, "holidays": [{"date": "2026-12-24"}], "shifts": [{"date": "2026-12-24", "hours": ["09:00-12:00"]}]}""", "shifts[0].hours[0]");

    [Fact]
    public void Load_UnknownProperty_ReportsIt()
        => AssertProblems("""{"zone": "Europe/London", "weeklyHours": {"monday": ["09:00-17:00"]}, "holiday": []}""", "holiday");

    [Fact]
    public void Load_PropertyGivenTwice_ReportsIt()
        => AssertProblems("""{"zone": "Europe/London", "zone": "Europe/Paris", "weeklyHours": {"monday": ["09:00-17:00"]}}""", "zone");

    [Fact]
    public void Load_WrongShapes_ReportsEach()
        => AssertProblems(
            """{"zone": "Europe/London", "aroundTheClock": "no", "weeklyHours": {"monday": ["09:00-17:00"]}, "holidays": {"date": "2026-12-25"}, "breaks": ["2026-12-01T14:00"]}""",
            "aroundTheClock",
            "holidays",
            "breaks[0]");

    [Fact]
    public void Load_AroundTheClockWithHours_ReportsTheHours()
        => AssertProblems("""{"zone": "Europe/London", "aroundTheClock": true, "weeklyHours": {"monday": ["09:00-17:00"]}, "holidays": [{"date": "2026-12-25"}]}""", "weeklyHours", "holidays");

    [Fact]
    public void Load_AroundTheClockInUnknownZone_ReportsZone()
        => AssertProblems("""{"zone": "Europe/Atlantis", "aroundTheClock": true}""", "zone");

    [Fact]
    public void Load_RootNotAnObject_ReportsRoot()
        => AssertProblems("""["09:00-17:00"]""", "$");

    [Fact]
    public void Load_MalformedJson_ReportsLineAndPosition()
    {
        var error = Assert.Throws<DefinitionValidationException>(() => BusinessCalendarJson.Load("{\n  \"zone\": \"Europe/London\",\n  \"weeklyHours\": { \"monday\": [\"09:00-17:00\" }\n}"));
        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("line 3, position ", problem.Path, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MalformedJsonStream_ReportsLine()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("{\"zone\": \"Europe/London\",\n\"weeklyHours\": }"));
        var error = Assert.Throws<DefinitionValidationException>(() => BusinessCalendarJson.Load(stream));
        Assert.StartsWith("line 2, position ", Assert.Single(error.Problems).Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EveryKindOfProblemAtOnce_ListsEveryOne()
    {
        const string Json = """
            {
              "name": "Broken",
              "zone": "Mars/Olympus_Mons",
              "weeklyHours": {
                "monday": ["09:00-12:00", "11:00-13:00"],
                "tuesday": ["nine to five"],
                "funday": ["09:00-17:00"]
              },
              "holidays": [ { "date": "2026-12-25" }, { "date": "2026-12-25" }, { "date": "2026-13-01" } ],
              "shifts": [ { "date": "2026-12-24", "hours": ["09:00-13:00", "12:00-14:00"] } ],
              "breaks": [ { "start": "2026-12-01T15:00", "end": "2026-12-01T14:00" } ]
            }
            """;

        var error = AssertProblems(
            Json,
            "zone",
            "weeklyHours.monday",
            "weeklyHours.tuesday[0]",
            "weeklyHours.funday",
            "holidays[1]",
            "holidays[2].date",
            "shifts[0]",
            "breaks[0]");
        Assert.Equal("business calendar 'Broken'", error.Definition);
    }

    [Fact]
    public void Load_NullArguments_ThrowNamingTheArgument()
    {
        Assert.Equal("json", Assert.Throws<ArgumentNullException>(() => BusinessCalendarJson.Load((string)null!)).ParamName);
        Assert.Equal("utf8Json", Assert.Throws<ArgumentNullException>(() => BusinessCalendarJson.Load((Stream)null!)).ParamName);
        Assert.Equal("calendar", Assert.Throws<ArgumentNullException>(() => BusinessCalendarJson.Save(null!)).ParamName);
    }

    [ConfiguredProperty]
    public Property SaveThenLoad_GeneratedCalendar_GivesEquivalentCalendar()
        => Prop.ForAll(Arb.From(CalendarSamples()), sample =>
        {
            var text = BusinessCalendarJson.Save(sample.Calendar);
            var loaded = BusinessCalendarJson.Load(text);
            AssertEquivalent(sample.Calendar, loaded);
            Assert.Equal(text, BusinessCalendarJson.Save(loaded));
        });

    private static DefinitionValidationException AssertProblems(string json, params string[] expectedPaths)
    {
        var error = Assert.Throws<DefinitionValidationException>(() => BusinessCalendarJson.Load(json));
        Assert.Equal(expectedPaths.OrderBy(p => p, StringComparer.Ordinal), error.Problems.Select(p => p.Path).OrderBy(p => p, StringComparer.Ordinal));
        return error;
    }

    private static void AssertEquivalent(BusinessCalendar expected, BusinessCalendar actual)
    {
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Zone.Id, actual.Zone.Id);
        Assert.Equal(expected.IsAroundTheClock, actual.IsAroundTheClock);
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Sunday; day++)
        {
            Assert.Equal(expected.GetWeeklyHours(day), actual.GetWeeklyHours(day));
        }

        Assert.Equal(expected.Holidays.OrderBy(h => h.Key), actual.Holidays.OrderBy(h => h.Key));
        Assert.Equal(expected.Shifts.Keys.Order(), actual.Shifts.Keys.Order());
        foreach (var shift in expected.Shifts)
        {
            Assert.Equal(shift.Value, actual.Shifts[shift.Key]);
        }

        Assert.Equal(expected.Breaks.Select(b => (b.Start, b.End, b.Reason)), actual.Breaks.Select(b => (b.Start, b.End, b.Reason)));
    }

    private static readonly string[] ZoneIds = [.. DateTimeZoneProviders.Tzdb.Ids];

    private static readonly Gen<string?> Names = Gen.Elements<string?>(
        null, "Acme support", "Zürich “Kundendienst”", "quote \" and backslash \\", "line\nbreak", "東京オフィス", "<script>&amp;</script>", " ");

    private static readonly LocalDate FirstDate = new(2020, 1, 1);

    private static Gen<CalendarSample> CalendarSamples()
        => Gen.Frequency((1, AroundTheClockCalendars()), (9, DefinedCalendars())).Select(c => new CalendarSample(c));

    private static Gen<BusinessCalendar> AroundTheClockCalendars()
        => Gen.Elements(ZoneIds).Select(zone => BusinessCalendar.AroundTheClock(DateTimeZoneProviders.Tzdb[zone]));

    private static Gen<BusinessCalendar> DefinedCalendars()
        => from zone in Gen.Elements(ZoneIds)
           from name in Names
           from spills in Gen.ArrayOf(Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 360))), 7)
           from days in Gen.CollectToArray(Enumerable.Range(0, 7), i => MinutePoints(spills[i], 1440, 6))
           from holidays in Gen.ListOf(Gen.Zip(Gen.Choose(0, 3650), Names), 8)
           from shifts in Gen.ListOf(Gen.Zip(Gen.Choose(0, 3650), MinutePoints(360, 1440, 6).Where(p => p.Length >= 2)), 5)
           from breaks in Gen.ListOf(Breaks(), 5)
           let any = days.Any(d => d.Length >= 2) || shifts.Count > 0
           select Build(zone, name, any ? spills : new int[7], any ? days : [[540, 1020], [], [], [], [], [], []], holidays, shifts, breaks);

    /// <summary>Distinct sorted minutes of the day in [from, to]; consecutive pairs become intervals.</summary>
    private static Gen<int[]> MinutePoints(int from, int to, int maxCount)
        => Gen.Choose(0, maxCount).SelectMany(n => Gen.ArrayOf(Gen.Choose(from, to), n)).Select(p => p.Distinct().Order().ToArray());

    private static Gen<(LocalDateTime Start, LocalDateTime End, string? Reason)> Breaks()
        => from day in Gen.Choose(0, 3650)
           from minute in Gen.Choose(0, 1439)
           from second in Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(1, 59)))
           from length in Gen.Choose(1, 3 * 1440)
           from reason in Names
           let start = FirstDate.PlusDays(day).AtMidnight().PlusMinutes(minute).PlusSeconds(second)
           select (start, start.PlusMinutes(length), reason);

    private static BusinessCalendar Build(
        string zone,
        string? name,
        int[] spills,
        int[][] days,
        IList<(int Day, string? Name)> holidays,
        IList<(int Day, int[] Points)> shifts,
        IList<(LocalDateTime Start, LocalDateTime End, string? Reason)> breaks)
    {
        var builder = new BusinessCalendarBuilder(zone) { Name = name };
        for (var i = 0; i < 7; i++)
        {
            var intervals = Intervals(days[i]);
            var spillIntoNext = spills[(i + 1) % 7];
            if (intervals.Count > 0 && spillIntoNext > 0 && intervals[^1].Start > spillIntoNext)
            {
                // The last interval runs past midnight, no further than the next day's hours allow.
                intervals[^1] = (intervals[^1].Start, spillIntoNext);
            }

            foreach (var (start, end) in intervals)
            {
                builder.AddWeeklyHours((IsoDayOfWeek)(i + 1), Interval(start, end));
            }
        }

        var holidayDates = new HashSet<LocalDate>();
        foreach (var (day, holidayName) in holidays)
        {
            if (holidayDates.Add(FirstDate.PlusDays(day)))
            {
                builder.AddHoliday(FirstDate.PlusDays(day), holidayName);
            }
        }

        var shiftDates = new HashSet<LocalDate>();
        foreach (var (day, points) in shifts)
        {
            var date = FirstDate.PlusDays(day);
            if (!holidayDates.Contains(date) && shiftDates.Add(date))
            {
                foreach (var (start, end) in Intervals(points))
                {
                    builder.AddShift(date, Interval(start, end));
                }
            }
        }

        foreach (var (start, end, reason) in breaks)
        {
            builder.AddBreak(start, end, reason);
        }

        return builder.Build();
    }

    private static List<(int Start, int End)> Intervals(int[] points)
    {
        var intervals = new List<(int Start, int End)>();
        for (var k = 0; k + 1 < points.Length; k += 2)
        {
            intervals.Add((points[k], points[k + 1]));
        }

        return intervals;
    }

    private static DailyInterval Interval(int startMinute, int endMinute)
        => startMinute == 0 && endMinute == 1440
            ? DailyInterval.AllDay
            : DailyInterval.Create(LocalTime.FromMinutesSinceMidnight(startMinute), LocalTime.FromMinutesSinceMidnight(endMinute % 1440));

    private sealed record Holder(string Customer, BusinessCalendar Calendar);

    /// <summary>Shows a failing calendar as its JSON.</summary>
    private sealed class CalendarSample(BusinessCalendar calendar)
    {
        public BusinessCalendar Calendar { get; } = calendar;

        public override string ToString() => BusinessCalendarJson.Save(Calendar);
    }
}
