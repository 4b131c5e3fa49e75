using System.Collections.Generic;
using CustomerAdvocacy.Scheduling;
using NodaTime;

namespace CustomerAdvocacy.Tests.Scheduling;

/// <summary>Calendars in zones with real DST transitions, shared so their lazily built years are reused across cases.</summary>
internal static class SlaTestCalendars
{
    public static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    public static readonly DateTimeZone LordHowe = DateTimeZoneProviders.Tzdb["Australia/Lord_Howe"];
    public static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    public static readonly DateTimeZone Kathmandu = DateTimeZoneProviders.Tzdb["Asia/Kathmandu"];

    /// <summary>Monday to Friday 09:00-17:00 in London.</summary>
    public static readonly BusinessCalendar LondonOffice = new BusinessCalendarBuilder(London)
        .AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0))
        .Build();

    /// <summary>Varied calendars for properties: lunch breaks, holidays, overnight hours, weekends only, 24x7.</summary>
    public static readonly IReadOnlyList<BusinessCalendar> ForProperties =
    [
        LondonOffice,
        new BusinessCalendarBuilder(NewYork)
            .AddWeekdayHours(new LocalTime(9, 0), new LocalTime(12, 0))
            .AddWeekdayHours(new LocalTime(13, 0), new LocalTime(17, 30))
            .AddHoliday(new LocalDate(2026, 11, 26))
            .AddHoliday(new LocalDate(2026, 12, 25))
            .Build(),
        new BusinessCalendarBuilder(LordHowe)
            .AddAllDay(IsoDayOfWeek.Saturday)
            .AddAllDay(IsoDayOfWeek.Sunday)
            .AddWeeklyHours(IsoDayOfWeek.Tuesday, new LocalTime(22, 0), new LocalTime(2, 30))
            .AddWeeklyHours(IsoDayOfWeek.Wednesday, new LocalTime(22, 0), new LocalTime(2, 30))
            .Build(),
        new BusinessCalendarBuilder(Kathmandu)
            .AddWeekdayHours(new LocalTime(10, 0), new LocalTime(18, 0))
            .AddWeeklyHours(IsoDayOfWeek.Saturday, new LocalTime(10, 0), new LocalTime(13, 0))
            .Build(),
        BusinessCalendar.AroundTheClock(London),
    ];

    public static Instant At(DateTimeZone zone, int year, int month, int day, int hour, int minute = 0)
        => zone.AtStrictly(new LocalDateTime(year, month, day, hour, minute)).ToInstant();

    public static Instant LondonAt(int year, int month, int day, int hour, int minute = 0) => At(London, year, month, day, hour, minute);

    /// <summary>An instant spread over 2026-2027 (crossing both DST changes of every zone above) from a generated number.</summary>
    public static Instant SpreadOver2026(int seed)
        => Instant.FromUtc(2026, 1, 1, 0, 0) + Duration.FromMinutes((long)((uint)seed % (2u * 365 * 24 * 60)));

    public static BusinessCalendar Pick(int seed) => ForProperties[(int)((uint)seed % (uint)ForProperties.Count)];
}
