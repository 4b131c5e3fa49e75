using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CustomerAdvocacy.Scheduling;
using NodaTime;

namespace CustomerAdvocacy.Benchmarks;

/// <summary>
/// Business-calendar operations against a naive day-by-day walk (the Baseline of each category) on the same office
/// calendar in New York: Monday to Friday 09:00-12:00 and 13:00-17:30, with US public holidays.
/// </summary>
/// <remarks>
/// Each call takes the next of 1,024 start instants spread over 2026 (local times from 00:00 to 23:45, every weekday),
/// so neither implementation benefits from asking the same question again. The calendar's years are built in the
/// global setup: the figures are for a warm calendar, which is how a shared calendar is used.
/// </remarks>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class BusinessCalendarBenchmarks
{
    private const int StartCount = 1024;
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    private readonly Instant[] _starts = new Instant[StartCount];
    private BusinessCalendar _calendar = null!;
    private NaiveDayWalkCalendar _naive = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var holidays = new[]
        {
            new LocalDate(2026, 1, 1), new LocalDate(2026, 1, 19), new LocalDate(2026, 2, 16), new LocalDate(2026, 5, 25),
            new LocalDate(2026, 6, 19), new LocalDate(2026, 7, 3), new LocalDate(2026, 9, 7), new LocalDate(2026, 10, 12),
            new LocalDate(2026, 11, 11), new LocalDate(2026, 11, 26), new LocalDate(2026, 12, 25), new LocalDate(2027, 1, 1),
            new LocalDate(2027, 1, 18), new LocalDate(2027, 2, 15),
        };
        (LocalTime, LocalTime)[] office = [(new LocalTime(9, 0), new LocalTime(12, 0)), (new LocalTime(13, 0), new LocalTime(17, 30))];

        var builder = new BusinessCalendarBuilder(NewYork);
        foreach (var (start, end) in office)
        {
            builder.AddWeekdayHours(start, end);
        }

        foreach (var holiday in holidays)
        {
            builder.AddHoliday(holiday);
        }

        _calendar = builder.Build();
        _naive = new NaiveDayWalkCalendar(NewYork, [office, office, office, office, office, [], []], holidays);

        var first = new LocalDateTime(2026, 1, 5, 0, 0);
        for (var i = 0; i < StartCount; i++)
        {
            // 1,024 steps of 8 h 15 min cover about 352 days and every quarter hour of the day.
            _starts[i] = NewYork.AtLeniently(first.PlusMinutes(i * 495L)).ToInstant();
        }

        // Build every year the benchmarks touch (2025 for overnight spill-over, 2027 for adds running past December).
        _calendar.BusinessTimeBetween(Instant.FromUtc(2025, 1, 1, 0, 0), Instant.FromUtc(2028, 1, 1, 0, 0));

        // The baseline is only a fair comparison if it computes the same answers.
        foreach (var start in _starts)
        {
            Check(_calendar.Add(start, Duration.FromHours(4)), _naive.Add(start, Duration.FromHours(4)), "Add 4 h", start);
            Check(_calendar.Add(start, Duration.FromHours(240)), _naive.Add(start, Duration.FromHours(240)), "Add 240 h", start);
            Check(_calendar.AddBusinessDays(start, 30), _naive.AddBusinessDays(start, 30), "AddBusinessDays 30", start);
            Check(_calendar.IsOpen(start), _naive.IsOpen(start), "IsOpen", start);
            var yearLater = start + Duration.FromDays(365);
            Check(_calendar.BusinessTimeBetween(start, yearLater), _naive.BusinessTimeBetween(start, yearLater), "BusinessTimeBetween", start);
        }
    }

    [BenchmarkCategory("Add 4 business hours"), Benchmark(Baseline = true)]
    public Instant Add4Hours_DayWalk() => _naive.Add(NextStart(), Duration.FromHours(4));

    [BenchmarkCategory("Add 4 business hours"), Benchmark]
    public Instant Add4Hours_Calendar() => _calendar.Add(NextStart(), Duration.FromHours(4));

    [BenchmarkCategory("Add 30 business days"), Benchmark(Baseline = true)]
    public Instant AddBusinessDays30_DayWalk() => _naive.AddBusinessDays(NextStart(), 30);

    [BenchmarkCategory("Add 30 business days"), Benchmark]
    public Instant AddBusinessDays30_Calendar() => _calendar.AddBusinessDays(NextStart(), 30);

    [BenchmarkCategory("Add 30 x 8 business hours"), Benchmark(Baseline = true)]
    public Instant Add240Hours_DayWalk() => _naive.Add(NextStart(), Duration.FromHours(240));

    [BenchmarkCategory("Add 30 x 8 business hours"), Benchmark]
    public Instant Add240Hours_Calendar() => _calendar.Add(NextStart(), Duration.FromHours(240));

    [BenchmarkCategory("Business time over a year"), Benchmark(Baseline = true)]
    public Duration BusinessTimeBetweenYear_DayWalk()
    {
        var start = NextStart();
        return _naive.BusinessTimeBetween(start, start + Duration.FromDays(365));
    }

    [BenchmarkCategory("Business time over a year"), Benchmark]
    public Duration BusinessTimeBetweenYear_Calendar()
    {
        var start = NextStart();
        return _calendar.BusinessTimeBetween(start, start + Duration.FromDays(365));
    }

    [BenchmarkCategory("IsOpen"), Benchmark(Baseline = true)]
    public bool IsOpen_DayWalk() => _naive.IsOpen(NextStart());

    [BenchmarkCategory("IsOpen"), Benchmark]
    public bool IsOpen_Calendar() => _calendar.IsOpen(NextStart());

    private Instant NextStart() => _starts[_next++ & (StartCount - 1)];

    private static void Check<T>(T calendar, T naive, string operation, Instant start)
        where T : IEquatable<T>
    {
        if (!calendar.Equals(naive))
        {
            throw new InvalidOperationException($"{operation} from {start}: the calendar says {calendar}, the day walk {naive}.");
        }
    }
}
