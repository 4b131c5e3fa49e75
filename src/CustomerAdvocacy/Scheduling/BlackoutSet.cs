using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace CustomerAdvocacy.Scheduling;

/// <summary>
/// The blackout rules of one party (usually a customer) in its time zone: together they say when changes and meetings
/// must not be scheduled. Build one with <see cref="BlackoutSetBuilder"/>.
/// </summary>
/// <remarks>
/// A set is immutable and thread-safe. Windows are half-open <c>[start, end)</c>: an interval that ends exactly when a
/// window starts, or starts exactly when it ends, does not collide with it.
/// </remarks>
public sealed class BlackoutSet
{
    private readonly BlackoutRule[] _rules;

    internal BlackoutSet(string? name, DateTimeZone zone, BlackoutRule[] rules)
    {
        Name = name;
        Zone = zone;
        _rules = rules;
        Rules = Array.AsReadOnly(rules);
    }

    /// <summary>A set with no blackouts in <paramref name="zone"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    public static BlackoutSet None(DateTimeZone zone) => new(null, Preconditions.CheckNotNull(zone), []);

    /// <summary>The set's name, if it was given one.</summary>
    public string? Name { get; }

    /// <summary>The time zone the rules' local times are in.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The rules, in the order they were added.</summary>
    public IReadOnlyList<BlackoutRule> Rules { get; }

    /// <summary>
    /// Every concrete blackout window that shares time with <paramref name="range"/>, in order of start (windows
    /// starting together come in rule order), not clipped to the range. An empty range is treated as its instant.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="range"/> has no start or no end.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="range"/> is outside
    /// <see cref="BusinessCalendar.SupportedInterval"/>.</exception>
    public IEnumerable<BlackoutWindow> GetWindows(Interval range)
    {
        Preconditions.CheckBoundedWithin(range, BusinessCalendar.SupportedInterval);
        return MergeInOrder(range);
    }

    /// <summary>
    /// The blackout windows <paramref name="interval"/> collides with, in order of start, each with the part of the
    /// interval inside it. An empty interval is treated as its instant: the windows that contain it. None means the
    /// interval is clear.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="interval"/> has no start or no end.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is outside
    /// <see cref="BusinessCalendar.SupportedInterval"/>.</exception>
    public IReadOnlyList<BlackoutHit> GetCollisions(Interval interval)
    {
        Preconditions.CheckBoundedWithin(interval, BusinessCalendar.SupportedInterval);
        var hits = new List<BlackoutHit>();
        foreach (var window in MergeInOrder(interval))
        {
            var w = window.Interval;
            var overlap = new Interval(
                w.Start > interval.Start ? w.Start : interval.Start,
                w.End < interval.End ? w.End : interval.End);
            hits.Add(new BlackoutHit(window.Rule, w, overlap));
        }

        return hits;
    }

    /// <summary>True when <paramref name="interval"/> collides with any blackout window (see <see cref="GetCollisions"/>).</summary>
    /// <exception cref="ArgumentException"><paramref name="interval"/> has no start or no end.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is outside
    /// <see cref="BusinessCalendar.SupportedInterval"/>.</exception>
    public bool Collides(Interval interval)
    {
        Preconditions.CheckBoundedWithin(interval, BusinessCalendar.SupportedInterval);
        foreach (var rule in _rules)
        {
            if (rule.GetWindows(interval, Zone).Any())
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name ?? "blackout set"} ({Zone.Id}, {_rules.Length} rules)";

    /// <summary>
    /// The union of all windows that share time with <paramref name="range"/>, as disjoint intervals in order;
    /// overlapping or touching windows are joined.
    /// </summary>
    internal IEnumerable<Interval> GetBlockedIntervals(Interval range)
    {
        Interval? pending = null;
        foreach (var window in MergeInOrder(range))
        {
            var w = window.Interval;
            if (pending is { } p && w.Start <= p.End)
            {
                if (w.End > p.End)
                {
                    pending = new Interval(p.Start, w.End);
                }

                continue;
            }

            if (pending is { } done)
            {
                yield return done;
            }

            pending = w;
        }

        if (pending is { } last)
        {
            yield return last;
        }
    }

    private IEnumerable<BlackoutWindow> MergeInOrder(Interval range)
    {
        // Each rule already yields in order, so a k-way merge keeps the whole sequence ordered without buffering it;
        // sets hold a handful of rules, so picking the head by a linear scan is cheapest.
        var sources = new IEnumerator<Interval>?[_rules.Length];
        try
        {
            for (var i = 0; i < _rules.Length; i++)
            {
                var source = _rules[i].GetWindows(range, Zone).GetEnumerator();
                sources[i] = source.MoveNext() ? source : Dispose(source);
            }

            while (true)
            {
                var next = -1;
                for (var i = 0; i < sources.Length; i++)
                {
                    if (sources[i] is { } candidate && (next < 0 || candidate.Current.Start < sources[next]!.Current.Start))
                    {
                        next = i;
                    }
                }

                if (next < 0)
                {
                    yield break;
                }

                var chosen = sources[next]!;
                yield return new BlackoutWindow(_rules[next], chosen.Current);
                if (!chosen.MoveNext())
                {
                    sources[next] = Dispose(chosen);
                }
            }
        }
        finally
        {
            foreach (var source in sources)
            {
                source?.Dispose();
            }
        }

        static IEnumerator<Interval>? Dispose(IEnumerator<Interval> source)
        {
            source.Dispose();
            return null;
        }
    }
}
