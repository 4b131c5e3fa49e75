using System;
using System.IO;
using System.Linq;
using System.Text;
using CustomerAdvocacy.ICalendar;
using CustomerAdvocacy.Scheduling;
using NodaTime;

namespace CustomerAdvocacy.ICalendar.Tests;

public sealed class ICalendarImportTests
{
    private static readonly DateInterval Year2026 = new(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31));
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    private static string UkBankHolidays()
        => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "uk-bank-holidays.ics"));

    private static string Calendar(params string[] events)
        => "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//tests//EN\r\n" + string.Concat(events) + "END:VCALENDAR\r\n";

    private static string Event(string uid, string summary, params string[] properties)
        => $"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:{summary}\r\n" + string.Concat(properties.Select(p => p + "\r\n")) + "END:VEVENT\r\n";

    [Fact]
    public void Read_UkBankHolidays2026_GivesEveryBankHolidayOfTheYear()
    {
        var result = ICalendarImport.Read(UkBankHolidays(), Year2026, ICalendarImportOptions.HolidaysOnly);

        Assert.Equal(
            [
                new ImportedHoliday(new LocalDate(2026, 1, 1), "New Year's Day"),
                new ImportedHoliday(new LocalDate(2026, 4, 3), "Good Friday"),
                new ImportedHoliday(new LocalDate(2026, 4, 6), "Easter Monday"),
                new ImportedHoliday(new LocalDate(2026, 5, 4), "Early May bank holiday"),
                new ImportedHoliday(new LocalDate(2026, 5, 25), "Spring bank holiday"),
                new ImportedHoliday(new LocalDate(2026, 8, 31), "Summer bank holiday"),
                new ImportedHoliday(new LocalDate(2026, 12, 25), "Christmas Day"),
                new ImportedHoliday(new LocalDate(2026, 12, 28), "Boxing Day (substitute day)"),
            ],
            result.Holidays);
        Assert.Empty(result.Breaks);
    }

    [Fact]
    public void Read_YearlyRules_ExpandedInEveryYearOfTheRange()
    {
        var range = new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2028, 12, 31));
        var holidays = ICalendarImport.Read(UkBankHolidays(), range, ICalendarImportOptions.HolidaysOnly).Holidays;

        Assert.Equal(
            [new LocalDate(2025, 5, 26), new LocalDate(2026, 5, 25), new LocalDate(2027, 5, 31), new LocalDate(2028, 5, 29)],
            holidays.Where(h => h.Name == "Spring bank holiday").Select(h => h.Date));
        Assert.Equal(
            [new LocalDate(2025, 8, 25), new LocalDate(2026, 8, 31), new LocalDate(2027, 8, 30), new LocalDate(2028, 8, 28)],
            holidays.Where(h => h.Name == "Summer bank holiday").Select(h => h.Date));
    }

    [Fact]
    public void Read_ExceptionDates_AreLeftOut()
    {
        var range = new DateInterval(new LocalDate(2027, 12, 1), new LocalDate(2027, 12, 31));
        var holidays = ICalendarImport.Read(UkBankHolidays(), range, ICalendarImportOptions.HolidaysOnly).Holidays;

        Assert.Equal([new LocalDate(2027, 12, 27), new LocalDate(2027, 12, 28)], holidays.Select(h => h.Date));
    }

    [Fact]
    public void Read_OccurrenceReplacedByRecurrenceId_GivesTheReplacementDate()
    {
        var range = new DateInterval(new LocalDate(2028, 1, 1), new LocalDate(2028, 1, 31));
        var holiday = Assert.Single(ICalendarImport.Read(UkBankHolidays(), range, ICalendarImportOptions.HolidaysOnly).Holidays);

        Assert.Equal(new ImportedHoliday(new LocalDate(2028, 1, 3), "New Year's Day (substitute day)"), holiday);
    }

    [Fact]
    public void Read_RangeOfOneMonth_ReturnsOnlyDatesInIt()
    {
        var range = new DateInterval(new LocalDate(2026, 5, 1), new LocalDate(2026, 5, 31));
        var holidays = ICalendarImport.Read(UkBankHolidays(), range, ICalendarImportOptions.HolidaysOnly).Holidays;

        Assert.Equal([new LocalDate(2026, 5, 4), new LocalDate(2026, 5, 25)], holidays.Select(h => h.Date));
    }

    [Fact]
    public void Read_MultiDayEvent_GivesEachDateItCovers()
    {
        var ics = Calendar(Event("shutdown", "Christmas shutdown", "DTSTART;VALUE=DATE:20261229", "DTEND;VALUE=DATE:20270102"));
        var holidays = ICalendarImport.Read(ics, Year2026, ICalendarImportOptions.HolidaysOnly).Holidays;

        Assert.Equal(
            [new LocalDate(2026, 12, 29), new LocalDate(2026, 12, 30), new LocalDate(2026, 12, 31)],
            holidays.Select(h => h.Date));
        Assert.All(holidays, h => Assert.Equal("Christmas shutdown", h.Name));
    }

    [Fact]
    public void Read_RecurringMultiDayEvent_GivesEachDateOfEachOccurrence()
    {
        var ics = Calendar(Event("stocktake", "Stocktake", "DTSTART;VALUE=DATE:20260130", "DTEND;VALUE=DATE:20260201", "RRULE:FREQ=MONTHLY;BYMONTHDAY=-2;COUNT=3"));
        var holidays = ICalendarImport.Read(ics, Year2026, ICalendarImportOptions.HolidaysOnly).Holidays;

        Assert.Equal(
            [new LocalDate(2026, 1, 30), new LocalDate(2026, 1, 31), new LocalDate(2026, 2, 27), new LocalDate(2026, 2, 28), new LocalDate(2026, 3, 30), new LocalDate(2026, 3, 31)],
            holidays.Select(h => h.Date));
    }

    [Fact]
    public void Read_EventWithoutEnd_GivesOneDay()
    {
        var ics = Calendar(Event("one", "Founders' day", "DTSTART;VALUE=DATE:20260610"));
        Assert.Equal([new ImportedHoliday(new LocalDate(2026, 6, 10), "Founders' day")], ICalendarImport.Read(ics, Year2026, ICalendarImportOptions.HolidaysOnly).Holidays);
    }

    [Fact]
    public void Read_DuplicateDates_MergedIntoOneHolidayWithBothNames()
    {
        var ics = Calendar(
            Event("a", "Christmas Day", "DTSTART;VALUE=DATE:20261225"),
            Event("b", "Office closed", "DTSTART;VALUE=DATE:20261224", "DTEND;VALUE=DATE:20261226"),
            Event("c", "Christmas Day", "DTSTART;VALUE=DATE:20261225"));
        var holidays = ICalendarImport.Read(ics, Year2026, ICalendarImportOptions.HolidaysOnly).Holidays;

        Assert.Equal(
            [new ImportedHoliday(new LocalDate(2026, 12, 24), "Office closed"), new ImportedHoliday(new LocalDate(2026, 12, 25), "Christmas Day / Office closed")],
            holidays);
    }

    [Fact]
    public void Read_CancelledEvent_IsSkipped()
    {
        var ics = Calendar(
            Event("a", "Staff day", "DTSTART;VALUE=DATE:20260701", "STATUS:CANCELLED"),
            Event("b", "Company picnic", "DTSTART;VALUE=DATE:20260702"));
        Assert.Equal([new LocalDate(2026, 7, 2)], ICalendarImport.Read(ics, Year2026, ICalendarImportOptions.HolidaysOnly).Holidays.Select(h => h.Date));
    }

    [Fact]
    public void Read_TimedEvents_SkippedForHolidaysOnly()
    {
        var ics = Calendar(Event("t", "All-hands", "DTSTART;TZID=Europe/London:20260701T140000", "DTEND;TZID=Europe/London:20260701T150000"));
        var result = ICalendarImport.Read(ics, Year2026, ICalendarImportOptions.HolidaysOnly);

        Assert.Empty(result.Holidays);
        Assert.Empty(result.Breaks);
    }

    [Fact]
    public void Read_TimedEventsAsBreaks_ConvertedToCalendarLocalTime()
    {
        var ics = Calendar(
            Event("zoned", "Call with New York", "DTSTART;TZID=America/New_York:20260701T090000", "DTEND;TZID=America/New_York:20260701T100000"),
            Event("utc", "Release", "DTSTART:20260115T120000Z", "DURATION:PT90M"),
            Event("floating", "Fire drill", "DTSTART:20260301T110000", "DTEND:20260301T113000"),
            Event("holiday", "Christmas Day", "DTSTART;VALUE=DATE:20261225"));
        var result = ICalendarImport.Read(ics, Year2026, ICalendarImportOptions.TimedEventsAsBreaks(London));

        Assert.Equal(
            [
                new ImportedBreak(new LocalDateTime(2026, 1, 15, 12, 0), new LocalDateTime(2026, 1, 15, 13, 30), "Release"),
                new ImportedBreak(new LocalDateTime(2026, 3, 1, 11, 0), new LocalDateTime(2026, 3, 1, 11, 30), "Fire drill"),
                new ImportedBreak(new LocalDateTime(2026, 7, 1, 14, 0), new LocalDateTime(2026, 7, 1, 15, 0), "Call with New York"),
            ],
            result.Breaks);
        Assert.Equal([new LocalDate(2026, 12, 25)], result.Holidays.Select(h => h.Date));
    }

    [Fact]
    public void Read_RecurringTimedEvent_ExpandedAsBreaksAcrossDaylightSaving()
    {
        // Weekly 09:00-09:30 stand-up in London: the local time stays 09:00 on both sides of the March change.
        var ics = Calendar(Event("standup", "Stand-up", "DTSTART;TZID=Europe/London:20260323T090000", "DTEND;TZID=Europe/London:20260323T093000", "RRULE:FREQ=WEEKLY;COUNT=3"));
        var breaks = ICalendarImport.Read(ics, Year2026, ICalendarImportOptions.TimedEventsAsBreaks(London)).Breaks;

        Assert.Equal(
            [new LocalDateTime(2026, 3, 23, 9, 0), new LocalDateTime(2026, 3, 30, 9, 0), new LocalDateTime(2026, 4, 6, 9, 0)],
            breaks.Select(b => b.Start));
        Assert.All(breaks, b => Assert.Equal(Period.FromMinutes(30), Period.Between(b.Start, b.End, PeriodUnits.Minutes)));
    }

    [Fact]
    public void Read_BreakCrossingRangeEnd_ClippedToRange()
    {
        var ics = Calendar(Event("move", "Office move", "DTSTART:20261231T170000", "DTEND:20270102T090000"));
        var pause = Assert.Single(ICalendarImport.Read(ics, Year2026, ICalendarImportOptions.TimedEventsAsBreaks(London)).Breaks);

        Assert.Equal(new ImportedBreak(new LocalDateTime(2026, 12, 31, 17, 0), new LocalDateTime(2027, 1, 1, 0, 0), "Office move"), pause);
    }

    [Fact]
    public void Read_Stream_ReadsSameAsText()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(UkBankHolidays())).ToArray());
        Assert.Equal(
            ICalendarImport.Read(UkBankHolidays(), Year2026, ICalendarImportOptions.HolidaysOnly).Holidays,
            ICalendarImport.Read(stream, Year2026, ICalendarImportOptions.HolidaysOnly).Holidays);
    }

    [Fact]
    public void Read_TextReader_ReadsSameAsText()
    {
        using var reader = new StringReader(UkBankHolidays());
        Assert.Equal(8, ICalendarImport.Read(reader, Year2026, ICalendarImportOptions.HolidaysOnly).Holidays.Count);
    }

    [Theory]
    [InlineData("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART;VALUE=DATE:20261225\r\n")]
    [InlineData("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n")]
    [InlineData("Christmas Day is on the 25th of December.")]
    [InlineData("")]
    public void Read_BadText_ThrowsFormatExceptionNamingTheArgument(string ics)
    {
        var error = Assert.Throws<ICalendarFormatException>(() => ICalendarImport.Read(ics, Year2026, ICalendarImportOptions.HolidaysOnly));
        Assert.Equal("icsText", error.ParamName);
    }

    [Fact]
    public void Read_EventWithoutStart_ThrowsFormatExceptionNamingTheEvent()
    {
        var ics = Calendar(Event("nostart", "Mystery day", "DTEND;VALUE=DATE:20261226"));
        var error = Assert.Throws<ICalendarFormatException>(() => ICalendarImport.Read(ics, Year2026, ICalendarImportOptions.HolidaysOnly));

        Assert.Equal("icsText", error.ParamName);
        Assert.Contains("Mystery day", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadStream_ThrowsFormatExceptionNamingTheStream()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n"));
        Assert.Equal("utf8Ics", Assert.Throws<ICalendarFormatException>(() => ICalendarImport.Read(stream, Year2026, ICalendarImportOptions.HolidaysOnly)).ParamName);
    }

    [Fact]
    public void Read_NullArguments_ThrowNamingTheArgument()
    {
        Assert.Equal("icsText", Assert.Throws<ArgumentNullException>(() => ICalendarImport.Read((string)null!, Year2026, ICalendarImportOptions.HolidaysOnly)).ParamName);
        Assert.Equal("range", Assert.Throws<ArgumentNullException>(() => ICalendarImport.Read(UkBankHolidays(), null!, ICalendarImportOptions.HolidaysOnly)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => ICalendarImport.Read(UkBankHolidays(), Year2026, null!)).ParamName);
        Assert.Equal("zone", Assert.Throws<ArgumentNullException>(() => ICalendarImportOptions.TimedEventsAsBreaks(null!)).ParamName);
    }

    [Fact]
    public void AddHolidaysFromICalendar_BuiltCalendar_ClosedOnBankHolidays()
    {
        var calendar = new BusinessCalendarBuilder("Europe/London")
            .AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 30))
            .AddHolidaysFromICalendar(UkBankHolidays(), Year2026)
            .Build();

        Assert.False(calendar.IsBusinessDay(new LocalDate(2026, 12, 25)));
        Assert.False(calendar.IsBusinessDay(new LocalDate(2026, 12, 28)));
        Assert.True(calendar.IsBusinessDay(new LocalDate(2026, 12, 29)));
        Assert.Equal("Good Friday", calendar.Holidays[new LocalDate(2026, 4, 3)]);

        // Thursday 24 December 16:30 + 2 business hours: Friday 25th and Monday 28th are bank holidays.
        var start = London.AtStrictly(new LocalDateTime(2026, 12, 24, 16, 30)).ToInstant();
        Assert.Equal(London.AtStrictly(new LocalDateTime(2026, 12, 29, 10, 0)).ToInstant(), calendar.Add(start, Duration.FromHours(2)));
    }

    [Fact]
    public void AddHolidaysFromICalendar_DateAlreadyAdded_ReportedByBuild()
    {
        var builder = new BusinessCalendarBuilder("Europe/London")
            .AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 30))
            .AddHoliday(new LocalDate(2026, 12, 25), "Christmas")
            .AddHolidaysFromICalendar(UkBankHolidays(), Year2026);

        var error = Assert.Throws<DefinitionValidationException>(() => builder.Build());
        var problem = Assert.Single(error.Problems);
        Assert.Contains("2026-12-25", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_ImportWithBreaks_CutsBusinessTime()
    {
        var ics = Calendar(Event("drill", "Fire drill", "DTSTART;TZID=Europe/London:20260701T100000", "DTEND;TZID=Europe/London:20260701T110000"));
        var calendar = new BusinessCalendarBuilder(London)
            .AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0))
            .Add(ICalendarImport.Read(ics, Year2026, ICalendarImportOptions.TimedEventsAsBreaks(London)))
            .Build();

        var pause = Assert.Single(calendar.Breaks);
        Assert.Equal("Fire drill", pause.Reason);
        var dayStart = London.AtStartOfDay(new LocalDate(2026, 7, 1)).ToInstant();
        Assert.Equal(Duration.FromHours(7), calendar.BusinessTimeBetween(dayStart, dayStart + Duration.FromDays(1)));
    }

    [Theory]
    [InlineData("RRULE:FREQ=YEARLY;BYMONTH=13")]
    [InlineData("RRULE:FREQ=SOMETIMES")]
    public void Read_RuleIcalNetRejects_ThrowsFormatExceptionNamingTheArgument(string rule)
    {
        var ics = Calendar(Event("bad-rule", "Bad rule", "DTSTART;VALUE=DATE:20261225", rule));
        var error = Assert.Throws<ICalendarFormatException>(() => ICalendarImport.Read(ics, Year2026, ICalendarImportOptions.HolidaysOnly));
        Assert.Equal("icsText", error.ParamName);
    }

    [Fact]
    public void Read_TimedEventInUnknownZone_ThrowsFormatExceptionNamingTheArgument()
    {
        var ics = Calendar(Event("mars", "Meeting on Mars", "DTSTART;TZID=Mars/Olympus_Mons:20260701T090000", "DTEND;TZID=Mars/Olympus_Mons:20260701T100000"));
        var error = Assert.Throws<ICalendarFormatException>(() => ICalendarImport.Read(ics, Year2026, ICalendarImportOptions.TimedEventsAsBreaks(London)));
        Assert.Equal("icsText", error.ParamName);
        Assert.Contains("Meeting on Mars", error.Message, StringComparison.Ordinal);
    }
}
