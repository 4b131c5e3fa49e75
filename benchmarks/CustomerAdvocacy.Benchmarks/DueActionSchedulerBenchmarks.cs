using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CustomerAdvocacy.DueActions;
using CustomerAdvocacy.Kernel;
using NodaTime;

namespace CustomerAdvocacy.Benchmarks;

/// <summary>
/// The due-action scheduler with 1,000,000 open items (one due per minute): "when is the next thing due" and a sweep
/// of the k earliest items followed by re-arming them, against a plain list scanned on every call (Baseline per
/// category). Each sweep re-arms what it took a million minutes later, so every iteration sees the same load.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class DueActionSchedulerBenchmarks
{
    private const int Items = 1_000_000;
    private static readonly Instant T0 = Instant.FromUtc(2026, 1, 1, 0, 0);

    private readonly DueActionScheduler _scheduler = new(Items);
    private readonly List<DueItem> _list = new(Items);
    private Instant _schedulerNow;
    private Instant _listNow;

    /// <summary>How many items each sweep takes.</summary>
    [Params(100)]
    public int K { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var kinds = (DueItemKind[])Enum.GetValues(typeof(DueItemKind));
        for (var i = 0; i < Items; i++)
        {
            var item = new DueItem(new IncidentId(new Guid(i, 0, 0, new byte[8])), kinds[i % 6], string.Empty, T0 + Duration.FromMinutes(i));
            _scheduler.Schedule(item);
            _list.Add(item);
        }

        _schedulerNow = T0;
        _listNow = T0;
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("NextDue")]
    public Instant NextDueListScan()
    {
        var min = _list[0].Due;
        foreach (var item in _list)
        {
            if (item.Due < min)
            {
                min = item.Due;
            }
        }

        return min;
    }

    [Benchmark]
    [BenchmarkCategory("NextDue")]
    public Instant NextDueScheduler() => _scheduler.NextDue!.Value.Due;

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("SweepAndRearm")]
    public int SweepListScan()
    {
        _listNow += Duration.FromMinutes(K);
        var now = _listNow;
        var due = new List<DueItem>(K);
        foreach (var item in _list)
        {
            if (item.Due < now)
            {
                due.Add(item);
            }
        }

        due.Sort();
        _list.RemoveAll(i => i.Due < now);
        foreach (var item in due)
        {
            _list.Add(new DueItem(item.Key, item.Due + Duration.FromMinutes(Items)));
        }

        return due.Count;
    }

    [Benchmark]
    [BenchmarkCategory("SweepAndRearm")]
    public int SweepScheduler()
    {
        _schedulerNow += Duration.FromMinutes(K);
        var due = _scheduler.TakeDue(_schedulerNow - Duration.Epsilon);
        foreach (var item in due)
        {
            _scheduler.Schedule(new DueItem(item.Key, item.Due + Duration.FromMinutes(Items)));
        }

        return due.Count;
    }
}
