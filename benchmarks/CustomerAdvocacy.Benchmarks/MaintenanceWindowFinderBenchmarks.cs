using BenchmarkDotNet.Attributes;
using CustomerAdvocacy.Scheduling;
using NodaTime;

namespace CustomerAdvocacy.Benchmarks;

/// <summary>
/// The finder on the seed case (a Saturday change window that must avoid month-end processing and a weekend freeze),
/// against a baseline that steps candidate starts minute by minute and checks each one.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class MaintenanceWindowFinderBenchmarks
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly Duration Length = Duration.FromHours(4);

    private MaintenanceWindowFinder _finder = null!;
    private Instant _from;

    [GlobalSetup]
    public void Setup()
    {
        var weekdays = new BusinessCalendarBuilder("America/New_York")
            .AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0))
            .Build();
        var allowed = new BusinessCalendarBuilder("America/New_York")
            .AddWeeklyHours(IsoDayOfWeek.Saturday, new LocalTime(8, 0), new LocalTime(18, 0))
            .Build();
        var blackouts = new BlackoutSetBuilder("America/New_York")
            .AddMonthEndBusinessDays("month-end processing", 3, weekdays)
            .AddQuarterEnd("quarter close", 5)
            .AddWeekly("Saturday batch", IsoDayOfWeek.Saturday, new LocalTime(11, 0), IsoDayOfWeek.Saturday, new LocalTime(12, 0))
            .Build();
        _finder = new MaintenanceWindowFinder(allowed, blackouts);

        // The answer is 12 days out: Saturday 31 October 2026 is month-end, so Saturday 7 November 12:00-16:00.
        _from = NewYork.AtStrictly(new LocalDateTime(2026, 10, 26, 9, 0)).ToInstant();

        // Warm the calendars' lazily built years so the measurements are of the search alone.
        _ = _finder.FindEarliest(_from, Duration.FromHours(11));
    }

    [Benchmark(Baseline = true)]
    public Instant? MinuteSteppingBaseline()
    {
        var step = Duration.FromMinutes(1);
        var until = _from + MaintenanceWindowFinder.DefaultHorizon;
        for (var start = _from; start + Length <= until; start += step)
        {
            if (_finder.Check(new Interval(start, start + Length)).IsAllowed)
            {
                return start;
            }
        }

        return null;
    }

    [Benchmark]
    public Instant? FindEarliest() => _finder.FindEarliest(_from, Length) is { IsFound: true } found ? found.Slot.Start : null;

    /// <summary>The worst case: nothing fits, so the whole default horizon of 366 days is walked.</summary>
    [Benchmark]
    public MaintenanceWindowOutcome FindEarliest_NoSlotInAYear() => _finder.FindEarliest(_from, Duration.FromHours(11)).Outcome;
}
